//! The one check of a shopper's text against a catalog placement, run by the app on every keystroke and by
//! the shop on every order: length, characters (refused kinds, the placement's classes, the font's glyphs),
//! the word lists, and whether the printed text fits the box in millimetres.
//!
//! The word lists' verdict is the one part a caller may bring from elsewhere: [`check_placement_with`] asks a
//! closure for it, with the exact text the lists judge. The shop (and [`check_placement`]) answers with
//! [`WordList::check`] at once; the app answers with what its text worker said about that text, or `None`
//! while it has not, and the check then names the text to ask about ([`TextCheck::words_pending`]) and is not
//! [`TextCheck::ok`]. Either way this one function puts the refusals in order, so they are the same.
//!
//! The shopper's text is kept as typed; the case rule makes the printed form, which is what is measured and
//! drawn. Of the placement's fonts, the first that draws every character sets the text, so a Latin-only
//! text never needs the large Hangul file. When that font is not loaded yet, [`TextCheck::needs_font`] says
//! which one to fetch instead of refusing.

use crate::catalog::TextPlacement;
use crate::design::{DesignProblem, DesignProblemKind, ValidDesign};
use crate::text::{
    CharProblem, CharProblemKind, Face, Fonts, Refusal, Width, WordList, check_characters,
};

/// What the check found for one placement's text.
#[derive(Clone, Debug, PartialEq)]
pub struct TextCheck {
    /// The text as it will be printed (case rule applied).
    pub printed: String,
    /// The font file that sets it, when one is loaded and draws it.
    pub font: Option<String>,
    /// Its width in the box, when a font sets it.
    pub width: Option<Width>,
    /// Every reason to refuse it, in order; empty when it may be ordered (given `needs_font` is `None`).
    pub refusals: Vec<Refusal>,
    /// A font file to load before the fit and glyph checks can run.
    pub needs_font: Option<String>,
    /// The text the word lists must still judge: their verdict was not given, so `refusals` may lack theirs.
    pub words_pending: Option<String>,
}

impl TextCheck {
    /// Whether the text may be ordered as it is.
    pub fn ok(&self) -> bool {
        self.refusals.is_empty() && self.needs_font.is_none() && self.words_pending.is_none()
    }
}

/// Checks `text` (as typed) for `placement` with the loaded `fonts` and the word list `words`.
pub fn check_placement(
    placement: &TextPlacement,
    text: &str,
    fonts: &Fonts,
    words: &WordList,
) -> TextCheck {
    check_placement_with(placement, text, fonts, |t| Some(words.check(t)))
}

/// Checks `text` (as typed) for `placement` with the loaded `fonts`, asking `words` for the word lists'
/// verdict ([`WordList::check`]'s) on the text it is given, which answers `None` if that is not known yet.
pub fn check_placement_with(
    placement: &TextPlacement,
    text: &str,
    fonts: &Fonts,
    words: impl FnOnce(&str) -> Option<Result<(), Refusal>>,
) -> TextCheck {
    let printed = placement.printed(text);
    let mut refusals = Vec::new();
    let count = printed.chars().count();
    if count > placement.max_length {
        refusals.push(Refusal {
            key: "text.too_long",
            args: vec![
                ("count", count.to_string()),
                ("max", placement.max_length.to_string()),
            ],
        });
    }
    // Refused kinds and the placement's classes first, on the text as typed so positions match what the
    // shopper sees; only characters that pass both are asked of the fonts.
    for problem in check_characters(text, &|c| placement.admits(c)) {
        refusals.push(match problem.kind {
            CharProblemKind::NotInFont => Refusal {
                key: "text.not_allowed",
                args: vec![
                    ("position", (problem.char_index + 1).to_string()),
                    ("code_point", problem.code_point()),
                ],
            },
            _ => problem.refusal(),
        });
    }
    let (font, needs_font) = match font_for(placement, &printed, fonts) {
        FontChoice::Set(path, face) => (Some((path, face)), None),
        FontChoice::Needs(path) => (None, Some(path.to_owned())),
        FontChoice::NoneDraws(last) => {
            // No font draws every character: name the ones the last font cannot draw, on the printed text.
            match last {
                Some(face) => refusals.extend(
                    check_characters(&printed, &|c| face.has_glyph(c))
                        .iter()
                        .filter(|p| {
                            p.kind == CharProblemKind::NotInFont && placement.admits_printed(p.ch)
                        })
                        .map(CharProblem::refusal),
                ),
                None => refusals.push(Refusal {
                    key: "text.font_unavailable",
                    args: Vec::new(),
                }),
            }
            (None, None)
        }
    };
    // The lists judge the text as typed (their comparison form folds case itself).
    let words_pending = match words(text) {
        Some(verdict) => {
            refusals.extend(verdict.err());
            None
        }
        None => Some(text.to_owned()),
    };
    // Measured even when something else is refused, so the shopper always sees how much room is left.
    let width = font
        .as_ref()
        .map(|(_, face)| face.measure(&printed, placement.size_mm, placement.width_mm));
    if let Some(r) = width.and_then(|w| w.refusal(placement.width_mm)) {
        refusals.push(r);
    }
    TextCheck {
        printed,
        font: font.map(|(p, _)| p.to_owned()),
        width,
        refusals,
        needs_font,
        words_pending,
    }
}

/// Which of a placement's fonts sets a printed text.
#[derive(Clone, Debug)]
pub enum FontChoice<'f> {
    /// This file (by catalog path) draws every character that may be drawn.
    Set(&'f str, Face<'f>),
    /// The next font to try is not loaded: fetch this file, then check again.
    Needs(&'f str),
    /// No loaded font draws every character; the last one that could be read, if any.
    NoneDraws(Option<Face<'f>>),
}

/// The first of `placement`'s fonts that draws every character of `printed` (characters that are refused or
/// outside the placement's classes are refused anyway and do not count). The checker, the renderer and the
/// shop's spec all call this, so what is measured is what is drawn.
pub fn font_for<'f>(
    placement: &'f TextPlacement,
    printed: &str,
    fonts: &'f Fonts,
) -> FontChoice<'f> {
    let drawable: Vec<char> = printed
        .chars()
        .filter(|&c| crate::text::refused(c).is_none() && placement.admits_printed(c))
        .collect();
    let mut last = None;
    for path in &placement.fonts {
        let Some(bytes) = fonts.get(path) else {
            return FontChoice::Needs(path);
        };
        let Ok(face) = Face::parse(bytes) else {
            continue;
        };
        if drawable.iter().all(|&c| face.has_glyph(c)) {
            return FontChoice::Set(path, face);
        }
        last = Some(face);
    }
    FontChoice::NoneDraws(last)
}

/// Every refused text of a valid design, as design problems at `text.<placement>`; the app shows the same
/// reasons as it goes and the shop refuses an order with them.
pub fn check_design_texts(
    design: &ValidDesign<'_>,
    fonts: &Fonts,
    words: &WordList,
) -> Vec<DesignProblem> {
    let mut problems = Vec::new();
    for (placement, text) in &design.texts {
        let check = check_placement(placement, text, fonts, words);
        let mut refusals = check.refusals;
        if check.needs_font.is_some() {
            refusals.push(Refusal {
                key: "text.font_unavailable",
                args: Vec::new(),
            });
        }
        for refusal in refusals {
            problems.push(DesignProblem::new(
                format!("text.{}", placement.id),
                DesignProblemKind::TextRefused {
                    text: placement.id.0.clone(),
                    refusal,
                },
            ));
        }
    }
    problems
}
