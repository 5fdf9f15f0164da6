//! A personal-text placement in a validated catalog: where the text goes (view, centre, rotation), how big it
//! may be (a physical box in millimetres and the artwork's pixels per millimetre), how it is set (fonts, em
//! size, case), which characters it takes and what it costs.
//!
//! Checking a shopper's text against a placement is [`crate::text::check_placement`]'s job; this file only
//! holds the catalog's side and the small rules that follow from it (which characters a class admits, what
//! the case rule prints).

use crate::color::Srgb8;
use crate::id::{TextId, ViewId};
use crate::locale::Localized;
use crate::money::Money;

/// Where and how a shopper's text is put on the product.
#[derive(Clone, Debug, PartialEq)]
pub struct TextPlacement {
    /// Placement id.
    pub id: TextId,
    /// Display name ("Heel ID").
    pub name: Localized,
    /// The view it is drawn in.
    pub view: ViewId,
    /// The box's centre in the view, in pixels (x right, y down).
    pub position: (f64, f64),
    /// Rotation in degrees, clockwise on screen.
    pub rotation_deg: f64,
    /// The box's width in millimetres: the text's ink must fit in it.
    pub width_mm: f64,
    /// The box's height in millimetres (at least the em size).
    pub height_mm: f64,
    /// Artwork pixels per millimetre at the placement.
    pub px_per_mm: f64,
    /// Font files relative to the static root; the first that draws every character of a text sets it.
    pub fonts: Vec<String>,
    /// Em size in millimetres.
    pub size_mm: f64,
    /// Character classes admitted.
    pub allowed: Vec<CharClass>,
    /// Single characters admitted besides the classes.
    pub also_allowed: String,
    /// Most characters (Unicode scalar values) in a text.
    pub max_length: usize,
    /// How the text is printed.
    pub case: Case,
    /// Ink color in sRGB.
    pub ink: Srgb8,
    /// Price delta for using the placement.
    pub price: Money,
}

/// A class of characters a placement may admit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharClass {
    /// Latin letters: ASCII and the Latin-1 letters (`é`, `ß`, `Ø`).
    Latin,
    /// `0`–`9`.
    Digits,
    /// The plain space (U+0020).
    Space,
    /// Hangul syllables and compatibility jamo.
    Hangul,
    /// ASCII punctuation and symbols: `.,'-&!?#/()+:@`.
    Punctuation,
}

impl CharClass {
    /// The class named `name` in a catalog file.
    pub fn parse(name: &str) -> Option<CharClass> {
        Some(match name {
            "latin" => CharClass::Latin,
            "digits" => CharClass::Digits,
            "space" => CharClass::Space,
            "hangul" => CharClass::Hangul,
            "punctuation" => CharClass::Punctuation,
            _ => return None,
        })
    }

    /// Whether `c` belongs to the class.
    pub fn admits(self, c: char) -> bool {
        match self {
            CharClass::Latin => {
                c.is_ascii_alphabetic()
                    || (matches!(c, '\u{C0}'..='\u{FF}') && !matches!(c, '\u{D7}' | '\u{F7}'))
            }
            CharClass::Digits => c.is_ascii_digit(),
            CharClass::Space => c == ' ',
            CharClass::Hangul => matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{3131}'..='\u{318E}'),
            CharClass::Punctuation => ".,'-&!?#/()+:@".contains(c),
        }
    }
}

/// How a placement prints letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// As the shopper typed them.
    AsTyped,
    /// In capitals (the shopper may type either; the proof shows capitals).
    Upper,
    /// In small letters.
    Lower,
}

impl Case {
    /// The case named `name` in a catalog file.
    pub fn parse(name: &str) -> Option<Case> {
        Some(match name {
            "as_typed" => Case::AsTyped,
            "upper" => Case::Upper,
            "lower" => Case::Lower,
            _ => return None,
        })
    }

    /// The name as written in a catalog file and in order specs.
    pub fn name(self) -> &'static str {
        match self {
            Case::AsTyped => "as_typed",
            Case::Upper => "upper",
            Case::Lower => "lower",
        }
    }
}

impl TextPlacement {
    /// Whether the placement admits `c`.
    pub fn admits(&self, c: char) -> bool {
        self.allowed.iter().any(|class| class.admits(c)) || self.also_allowed.contains(c)
    }

    /// Whether a character of the printed text comes from an admitted one: admitted itself, or the case
    /// rule's capital of an admitted small letter (`ÿ` → `Ÿ`, which lies outside Latin-1).
    pub fn admits_printed(&self, c: char) -> bool {
        self.admits(c) || c.to_lowercase().any(|l| self.admits(l))
    }

    /// The text as it will be printed: the shopper's text with the case rule applied. The shopper's own text
    /// is kept as typed everywhere else.
    pub fn printed(&self, text: &str) -> String {
        match self.case {
            Case::AsTyped => text.to_owned(),
            Case::Upper => text.to_uppercase(),
            Case::Lower => text.to_lowercase(),
        }
    }
}
