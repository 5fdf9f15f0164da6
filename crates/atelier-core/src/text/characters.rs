//! Characters that may not appear in a shopper's text, all found in one pass.
//!
//! Refused: control characters (C0, DEL, C1), bidirectional overrides, embeddings, isolates and marks (which
//! can make a proof read differently from what is made), zero-width characters (invisible, so the shopper
//! cannot see what they ordered), and any character the chosen font cannot draw (an emoji, say). The text is
//! never rewritten: the caller shows the problems and the shopper edits. Word-list checks live in
//! [`crate::text::WordList`]; this module knows nothing about meaning.

use crate::text::Refusal;

/// What is wrong with one character.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharProblemKind {
    /// A control character such as a tab, a line break or NUL (or a line or paragraph separator).
    Control,
    /// A bidirectional override, embedding, isolate or mark (U+202A–202E, U+2066–2069, U+200E/200F, U+061C).
    BidiControl,
    /// A zero-width character (U+200B–200D, U+2060–2064, U+FEFF).
    ZeroWidth,
    /// The font has no glyph for it.
    NotInFont,
}

/// One refused character: where it is and which code point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharProblem {
    /// Position counted in characters (Unicode scalar values), from 0.
    pub char_index: usize,
    /// Position counted in UTF-8 bytes, for slicing the original text.
    pub byte_offset: usize,
    /// The character itself.
    pub ch: char,
    /// What is wrong with it.
    pub kind: CharProblemKind,
}

impl CharProblem {
    /// The code point as people write it, e.g. `U+202E`.
    pub fn code_point(&self) -> String {
        format!("U+{:04X}", u32::from(self.ch))
    }

    /// The reason to show: the position counted from 1, and the code point.
    pub fn refusal(&self) -> Refusal {
        let key = match self.kind {
            CharProblemKind::Control => "text.control_character",
            CharProblemKind::BidiControl => "text.bidi_control",
            CharProblemKind::ZeroWidth => "text.zero_width",
            CharProblemKind::NotInFont => "text.not_in_font",
        };
        Refusal {
            key,
            args: vec![
                ("position", (self.char_index + 1).to_string()),
                ("code_point", self.code_point()),
            ],
        }
    }
}

/// Why `c` is refused in any shopper's text whatever the font, or `None`: the one list of invisible and
/// direction-changing characters, shared by personal text and the shop's other free-text fields (names,
/// addresses). Bidi and zero-width come first: some are format characters a font may well contain (U+200D for
/// emoji sequences), and the specific reason helps the shopper more than "cannot be drawn".
pub fn refused(c: char) -> Option<CharProblemKind> {
    if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    {
        Some(CharProblemKind::BidiControl)
    } else if matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}') {
        // Zero-width space, non-joiner and joiner, word joiner and the invisible operators, byte order mark.
        Some(CharProblemKind::ZeroWidth)
    } else if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
        // C0, DEL and C1, and the line and paragraph separators, which break a line as a control would.
        Some(CharProblemKind::Control)
    } else {
        None
    }
}

fn kind_of(c: char, has_glyph: &dyn Fn(char) -> bool) -> Option<CharProblemKind> {
    refused(c).or_else(|| (!has_glyph(c)).then_some(CharProblemKind::NotInFont))
}

/// Every refused character in `text`, in order; empty when the text may be used. `has_glyph` tells whether the
/// font can draw a character (see [`crate::text::Face::has_glyph`]).
pub fn check_characters(text: &str, has_glyph: &dyn Fn(char) -> bool) -> Vec<CharProblem> {
    text.char_indices()
        .enumerate()
        .filter_map(|(char_index, (byte_offset, ch))| {
            kind_of(ch, has_glyph).map(|kind| CharProblem {
                char_index,
                byte_offset,
                ch,
                kind,
            })
        })
        .collect()
}
