//! Personal text a shopper puts on a product: checking it and measuring it true to size.
//!
//! The shopper's text is kept exactly as typed; every check works on copies. [`check_characters`] refuses
//! characters that must never reach a proof (control, bidirectional and zero-width characters, and characters
//! the font cannot draw), each with its position. [`normalize`] builds the comparison form that
//! [`WordList::check`] matches against the shipped Korean and English word lists, so spacing, digits for
//! letters, full-width forms and look-alike letters do not slip through. [`measure`] gives the width in
//! millimetres from the font's real metrics and kerning. Every refusal is a [`Refusal`]: a message key and its
//! values, so the app and the shop show the same reason in the shopper's language.
//!
//! [`check_placement`] runs all of these for a catalog placement (the shop on every order, through
//! [`check_design_texts`]). The app runs the same check on every keystroke through [`check_placement_with`],
//! with the word lists' verdict brought from its text worker ([`wire`]), so the page's wasm never links the
//! lists nor [`normalize`]'s Unicode tables.
//!
//! Left out on purpose: where text goes on a product (the catalog), drawing it (the renderer), and any IO —
//! callers hand in the fonts' bytes ([`Fonts`]) and the word lists' text (the built-in lists are compiled in).
//!
//! # Example
//! ```
//! use atelier_core::text::{WordList, check_characters};
//! let list = WordList::builtin();
//! assert!(list.check("ROMEO").is_ok());
//! assert!(list.check("f u c k").is_err());
//! let problems = check_characters("A\u{202E}B", &|c| c.is_ascii());
//! assert_eq!(problems[0].char_index, 1);
//! ```

mod characters;
mod face;
mod fonts;
mod measure;
mod moderation;
mod normalize;
mod placement;
mod refusal;
pub mod wire;

pub use characters::{CharProblem, CharProblemKind, check_characters, refused};
pub use face::{Face, FontError};
pub use fonts::Fonts;
pub use measure::{Width, measure};
pub use moderation::{Category, ListProblem, WordList};
pub use normalize::{Normalized, normalize};
pub use placement::{
    FontChoice, TextCheck, check_design_texts, check_placement, check_placement_with, font_for,
};
pub use refusal::Refusal;
