//! Personal text at the core's boundary, table-driven: the word lists (Korean and English, with evasions and
//! words that must pass; each text also checked against the sample placements the app's split way, which must
//! equal the shop's whole check), refused characters with their positions, and true-size widths checked against the
//! rasterized glyphs of the shipped font.

use ab_glyph::{Font, PxScale, ScaleFont, point};
use atelier_core::text::{
    CharProblemKind, Face, Fonts, WordList, check_characters, check_placement,
    check_placement_with, measure, wire,
};
use atelier_core::{Catalog, Locale};

/// The shipped Latin font (Atelier Sans, a subset of Nanum Gothic: Basic Latin and Latin-1).
const FONT: &[u8] = include_bytes!("../../../static/fonts/AtelierSans-Latin.ttf");
/// The shipped Hangul font: the same Latin plus KS X 1001's 2,350 syllables.
const HANGUL: &[u8] = include_bytes!("../../../static/fonts/AtelierSans-Hangul.ttf");
const RUNNER: &str = include_str!("../../../static/catalogs/runner-one.json");
const SET: &str = include_str!("../../../static/catalogs/bespoke-set.json");

fn check_words(cases: &[(&str, Option<&str>)]) {
    let list = WordList::builtin();
    for (text, expect) in cases {
        let got = list.check(text).err().map(|r| r.key);
        assert_eq!(got, *expect, "word check of {text:?}");
        split_check_agrees(&list, text);
    }
}

/// The app's way of checking (everything but the word lists on the page, the lists' verdict from the text
/// worker through [`wire`]) gives exactly the shop's whole check, for every sample placement: the same
/// refusals in the same order, the same `ok()`. Before the verdict arrives the check is not `ok()` and lacks
/// only the lists' refusal.
fn split_check_agrees(list: &WordList, text: &str) {
    let mut fonts = Fonts::new();
    fonts.insert("fonts/AtelierSans-Latin.ttf", FONT);
    fonts.insert("fonts/AtelierSans-Hangul.ttf", HANGUL);
    for (json, id) in [(RUNNER, "heel-id"), (SET, "monogram")] {
        let catalog = Catalog::from_json(json, &|_: &str| true).expect("sample valid");
        let placement = catalog.text(id).expect("placement");
        let whole = check_placement(placement, text, &fonts, list);
        let mut asked = None;
        let pending = check_placement_with(placement, text, &fonts, |t| {
            asked = Some(t.to_owned());
            None
        });
        let asked = asked.expect("the lists are always asked");
        assert_eq!(
            pending.words_pending.as_ref(),
            Some(&asked),
            "{id} {text:?}"
        );
        assert!(!pending.ok(), "{id} {text:?}: ok before the lists' verdict");
        let listed = list.check(&asked).err();
        let without: Vec<_> = (whole.refusals.iter())
            .filter(|r| Some(*r) != listed.as_ref())
            .cloned()
            .collect();
        assert_eq!(pending.refusals, without, "{id} {text:?}");
        // What the worker sends (`src/bin/text_worker.rs`) and the page reads back.
        let verdict = wire::from_wire(wire::to_wire(&list.check(&asked))).expect("a verdict");
        let split = check_placement_with(placement, text, &fonts, |t| {
            (t == asked).then(|| verdict.clone())
        });
        assert_eq!(split, whole, "{id} {text:?}");
        assert_eq!(split.ok(), whole.ok(), "{id} {text:?}");
    }
}

#[test]
fn listed_words_are_refused_with_their_category() {
    let obscenity = Some("text.refused.obscenity");
    let insult = Some("text.refused.insult");
    let slur = Some("text.refused.slur");
    check_words(&[
        ("shit", obscenity),
        ("SHIT HAPPENS", obscenity),
        ("bullshit", obscenity),
        ("Dorkwad", insult),
        ("retard", slur),
        // Evasions.
        ("s h i t", obscenity),
        ("s.h.i.t", obscenity),
        ("sh1t", obscenity),
        ("5h!7", None), // `!` is not a letter stand-in: documented as not folded.
        ("5h17", obscenity),
        ("b1tch", obscenity),
        ("@$$", obscenity),
        ("ＳＨＩＴ", obscenity),
        ("ｄｏｒｋｗａｄ", insult),
        ("Ѕһіт", obscenity),  // Cyrillic look-alikes
        ("ΒΙΤCΗ", obscenity), // Greek capitals
        ("Shît", obscenity),  // accents
        ("Dork Wad", None),   // uneven splits are documented as not folded
        // Korean.
        ("씨발", obscenity),
        ("씨발놈아", obscenity),
        ("씨 발", obscenity),
        ("ㅆㅣㅂㅏㄹ", obscenity),
        ("병신", insult),
        ("병 신", insult),
        ("ㅂㅕㅇㅅㅣㄴ", insult),
        ("병신같은", insult),
        // With other refusals around the lists' (too long, characters not allowed, too wide): the order holds.
        ("WWWWWWW SHIT", obscenity),
        ("민준 씨발 <b>", obscenity),
    ]);
}

#[test]
fn words_that_must_pass() {
    check_words(&[
        ("ROMEO", None),
        ("Texas", None),
        ("Scunthorpe", None),
        ("SCUNTHORPE UNITED", None),
        ("Essex", None),
        ("Sussex", None),
        ("Cassandra", None),
        ("Massachusetts", None),
        ("Assisi", None),
        ("Hancock", None),
        ("Dickens", None),
        ("Bastardo", None),
        ("Shitake", None),
        ("Wish it", None),
        ("I am a fan", None),
        ("LOVE 4 EVER", None),
        ("No. 10", None),
        ("서울", None),
        ("부산", None),
        ("김민준", None),
        ("사랑해", None),
        ("시발점", None),
        ("조조", None), // a final-consonant entry (좆) must not match across syllables
        ("", None),
    ]);
}

#[test]
fn an_allowed_word_does_not_shield_a_listed_one() {
    assert!(WordList::builtin().check("scunthorpeshit").is_err());
}

#[test]
fn refusals_are_localized_without_echoing_the_word() {
    let refusal = WordList::builtin().check("sh1t").expect_err("listed");
    for locale in [Locale::En, Locale::Ko] {
        let message = refusal.message(locale);
        assert!(!message.contains("text."), "{message}");
        assert!(!message.to_lowercase().contains("shit"), "{message}");
    }
    assert_ne!(refusal.message(Locale::En), refusal.message(Locale::Ko));
}

#[test]
fn refused_characters_with_positions() {
    let face = Face::parse(FONT).expect("font");
    let has_glyph = |c| face.has_glyph(c);
    use CharProblemKind::*;
    type Expected = &'static [(usize, &'static str, CharProblemKind)];
    let cases: &[(&str, Expected)] = &[
        ("ROMEO", &[]),
        (
            "민준",
            &[(0, "U+BBFC", NotInFont), (1, "U+C900", NotInFont)],
        ), // the Latin file has no Hangul
        ("AB\u{202E}CD", &[(2, "U+202E", BidiControl)]),
        (
            "\u{2066}x\u{2069}",
            &[(0, "U+2066", BidiControl), (2, "U+2069", BidiControl)],
        ),
        ("a\u{200F}", &[(1, "U+200F", BidiControl)]),
        ("a\u{061C}", &[(1, "U+061C", BidiControl)]),
        ("J\u{200D}K", &[(1, "U+200D", ZeroWidth)]),
        (
            "\u{FEFF}hi\u{200B}",
            &[(0, "U+FEFF", ZeroWidth), (3, "U+200B", ZeroWidth)],
        ),
        ("a\u{2060}b", &[(1, "U+2060", ZeroWidth)]),
        (
            "A\tB\nC\u{0}",
            &[
                (1, "U+0009", Control),
                (3, "U+000A", Control),
                (5, "U+0000", Control),
            ],
        ),
        (
            "x\u{7F}\u{85}",
            &[(1, "U+007F", Control), (2, "U+0085", Control)],
        ),
        ("hi 🤩", &[(3, "U+1F929", NotInFont)]),
        ("é\u{202E}", &[(1, "U+202E", BidiControl)]),
    ];
    for (text, expect) in cases {
        let problems = check_characters(text, &has_glyph);
        let got: Vec<(usize, String, CharProblemKind)> = problems
            .iter()
            .map(|p| (p.char_index, p.code_point(), p.kind))
            .collect();
        let want: Vec<(usize, String, CharProblemKind)> = expect
            .iter()
            .map(|(i, cp, k)| (*i, (*cp).to_owned(), *k))
            .collect();
        assert_eq!(got, want, "characters of {text:?}");
        for p in &problems {
            assert_eq!(text[p.byte_offset..].chars().next(), Some(p.ch));
        }
    }
}

#[test]
fn character_refusal_names_position_and_code_point() {
    let problems = check_characters("AB\u{202E}", &|_| true);
    let en = problems[0].refusal().message(Locale::En);
    let ko = problems[0].refusal().message(Locale::Ko);
    assert!(en.contains('3') && en.contains("U+202E"), "{en}");
    assert!(ko.contains('3') && ko.contains("U+202E"), "{ko}");
}

#[test]
fn fit_is_decided_by_real_widths() {
    // (text, em size mm, box mm, fits)
    let cases = [
        ("WWWWWWWW", 6.0, 24.0, false),
        ("iiiiiiii", 6.0, 24.0, true),
        ("MMMMMMMM", 6.0, 24.0, false),
        // Its digits are tabular (all as wide as "0"), so eight ones take far more room than "llllllll".
        ("11111111", 6.0, 20.0, false),
        ("llllllll", 6.0, 20.0, true),
        ("ROMEO", 6.0, 24.0, true),
        ("ROMEO", 12.0, 24.0, false),
        ("", 6.0, 24.0, true),
        ("   ", 6.0, 24.0, true),
    ];
    for (text, size, box_mm, fits) in cases {
        let width = measure(FONT, text, size, box_mm).expect("font");
        assert_eq!(
            width.fits(),
            fits,
            "{text:?} at {size} mm in {box_mm} mm: {width:?}"
        );
        match width.too_wide_by_mm {
            Some(over) => assert!((width.mm - box_mm - over).abs() < 1e-9),
            None => assert!(width.mm <= box_mm),
        }
    }
}

#[test]
fn kerning_is_applied() {
    // The font's `kern` table kerns "AV" tighter than "A" and "V" side by side.
    let pair = measure(FONT, "AV", 10.0, 100.0).expect("font").advance_mm;
    let a = measure(FONT, "A", 10.0, 100.0).expect("font").advance_mm;
    let v = measure(FONT, "V", 10.0, 100.0).expect("font").advance_mm;
    assert!(pair < a + v - 0.1, "AV {pair} vs A+V {}", a + v);
}

#[test]
fn too_wide_reason_gives_the_numbers() {
    let width = measure(FONT, "WWWWWWWW", 6.0, 24.0).expect("font");
    let refusal = width.refusal(24.0).expect("too wide");
    let en = refusal.message(Locale::En);
    assert!(en.contains("24.0 mm"), "{en}");
    assert!(en.contains(&format!("{:.1}", width.mm)), "{en}");
}

/// The ink extent of `text` rasterized by ab_glyph at `px_per_mm`, in mm: first to last column with coverage.
fn rasterized_extent_mm(text: &str, size_mm: f64, px_per_mm: f32) -> f64 {
    let face = Face::parse(FONT).expect("font");
    let font = face.font();
    let upem = font.units_per_em().expect("units per em");
    // PxScale is the height from descent to ascent in pixels, so scale the em size by height / em.
    let scale = PxScale::from(size_mm as f32 * px_per_mm * font.height_unscaled() / upem);
    let scaled = font.as_scaled(scale);
    let mut x = 0.0f32;
    let mut previous = None;
    let (mut left, mut right) = (i64::MAX, i64::MIN);
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(prev) = previous {
            x += scaled.kern(prev, id);
        }
        let glyph = id.with_scale_and_position(scale, point(x, scaled.ascent()));
        if let Some(outlined) = font.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            outlined.draw(|gx, _, coverage| {
                if coverage > 0.0 {
                    let column = bounds.min.x as i64 + i64::from(gx);
                    left = left.min(column);
                    right = right.max(column + 1);
                }
            });
        }
        x += scaled.h_advance(id);
        previous = Some(id);
    }
    if left > right {
        return 0.0;
    }
    (right - left) as f64 / f64::from(px_per_mm)
}

#[test]
fn measured_width_matches_the_rasterized_extent() {
    for (text, size_mm) in [
        ("WWWWWWWW", 6.0),
        ("iiiiiiii", 6.0),
        ("ROMEO", 6.0),
        ("Texas", 8.0),
        ("AVATAR", 10.0),
        ("Jo", 20.0),
        ("fly", 5.0),
        ("Straße 7", 4.0),
    ] {
        let measured = measure(FONT, text, size_mm, 1000.0).expect("font").mm;
        let raster = rasterized_extent_mm(text, size_mm, 20.0);
        assert!(
            (measured - raster).abs() <= 0.2,
            "{text:?} at {size_mm} mm: measured {measured:.3} mm, rasterized {raster:.3} mm"
        );
    }
}

#[test]
fn the_hangul_file_draws_ks_x_1001_syllables_only() {
    let face = Face::parse(HANGUL).expect("font");
    let problems = check_characters("민준 ROMEO 똠", &|c| face.has_glyph(c));
    // U+B620 is one of the syllables KS X 1001 lacks, so the subset cannot draw it.
    let got: Vec<(usize, String)> = problems
        .iter()
        .map(|p| (p.char_index, p.code_point()))
        .collect();
    assert_eq!(got, [(9, "U+B620".to_owned())]);
    // The Latin letters are the same glyphs as in the Latin file: same widths.
    let a = measure(FONT, "ROMEO", 6.0, 100.0).expect("font").mm;
    let b = measure(HANGUL, "ROMEO", 6.0, 100.0).expect("font").mm;
    assert_eq!(a, b);
}
