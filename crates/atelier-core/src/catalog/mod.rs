//! Catalogs: a retailer's product file, parsed ([`raw`]) and then validated ([`validate`]) into the
//! [`Catalog`] model ([`model`]) that the rest of Atelier trusts.
//!
//! Parsing is lenient on purpose (most fields optional, numbers signed, unknown fields collected) so that
//! validation can report every problem of a file at once, each with its location, instead of the first.

mod asset_path;
pub mod model;
pub mod problem;
pub mod raw;
pub mod rules;
pub mod text;
pub mod validate;
mod validate_texts;

pub use model::{
    Catalog, ChoiceGroup, ChoiceOption, Color, Cond, Layer, Material, Rule, RuleKind, Size,
    Surface, View, Zone,
};
pub use problem::{CatalogProblem, CatalogProblemKind};
pub use text::{Case, CharClass, TextPlacement};
