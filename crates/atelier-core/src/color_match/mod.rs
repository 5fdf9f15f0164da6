//! Catalog colors for a photo's color: the nearest swatches by CIEDE2000, the distance in words a shopper
//! understands ([`Closeness`]), three harmony modes ([`Harmony`]), and the rules applied ([`within_rules`]):
//! which suggestions a panel can take as things stand, and which finish the others would need; and the
//! colors to offer as physical swatches for a photo's palette ([`swatch_candidates`]).
//!
//! It compares each [`crate::catalog::Color::swatch`] as sRGB on screen; it knows nothing of photos (see
//! [`crate::photo_palette`]) and applies nothing (the app applies a suggestion with
//! [`crate::rules::Selection::choose`], undoably).
//!
//! # Example
//! ```
//! use atelier_core::color::{srgb8_to_lab, Srgb8};
//! use atelier_core::color_match::{suggest, Closeness, Harmony};
//! let json = include_str!("../../../../static/catalogs/bespoke-set.json");
//! let catalog = atelier_core::Catalog::from_json(json, &|_: &str| true).expect("valid");
//! let wall = srgb8_to_lab(Srgb8::from_hex("#8ea7bc").expect("hex"));
//! let best = &suggest(wall, &catalog, Harmony::Match, 3)[0];
//! assert_eq!(best.color.as_str(), "morning-blue");
//! assert_eq!(best.closeness, Closeness::AlmostIdentical);
//! ```

mod closeness;
mod harmony;
mod rules;
mod swatch_candidates;

pub use closeness::Closeness;
pub use harmony::{Harmony, Suggestion, suggest};
pub use rules::{Offer, RuleCheck, within_rules};
pub use swatch_candidates::swatch_candidates;
