#!/bin/sh
# Makes the two font files the catalogs use from Debian's fonts-nanum (Nanum Gothic, SIL OFL 1.1). Run once;
# the outputs are committed. Needs `pip install fonttools` (pyftsubset) and `apt-get install fonts-nanum`.
#   AtelierSans-Latin.ttf : Basic Latin and Latin-1, for Latin-only placements (small, loaded with the product).
#   AtelierSans-Hangul.ttf: the same Latin plus KS X 1001's 2,350 Hangul syllables and the compatibility jamo,
#                           loaded by the app only when a shopper types a character the Latin file lacks.
# Hinting is dropped (ab_glyph does not hint); the `kern` table is kept, so kerning survives subsetting.
# A subset is a Modified Version under the OFL, and "NanumGothic" is a Reserved Font Name, so the files and the
# fonts' internal names are renamed "Atelier Sans" (the license and copyright notice stay, see OFL.txt).
set -eu
src=${NANUM:-/usr/share/fonts/truetype/nanum/NanumGothic.ttf}
out=$(dirname "$0")/../../static/fonts
latin=U+0020-007E,U+00A0-00FF
ksx1001=$(python3 -c "
cps = set()
for hi in range(0xB0, 0xC9):
    for lo in range(0xA1, 0xFF):
        cps.add(ord(bytes([hi, lo]).decode('euc-kr')))
assert len(cps) == 2350
print(','.join('U+%04X' % c for c in sorted(cps)))")
pyftsubset "$src" --unicodes="$latin" --no-hinting --output-file="$out/AtelierSans-Latin.ttf"
pyftsubset "$src" --unicodes="$latin,U+3131-318E,$ksx1001" --no-hinting --output-file="$out/AtelierSans-Hangul.ttf"
python3 - "$out/AtelierSans-Latin.ttf" "$out/AtelierSans-Hangul.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
for path in sys.argv[1:]:
    font = TTFont(path)
    for rec in font["name"].names:
        if rec.nameID in (1, 3, 4, 6, 16, 17, 18):
            full = {1: "Atelier Sans", 3: "Atelier Sans Regular (derived from Nanum Gothic)", 4: "Atelier Sans",
                    6: "AtelierSans-Regular", 16: "Atelier Sans", 17: "Regular", 18: "Atelier Sans"}[rec.nameID]
            rec.string = full
    font.save(path)
PY
