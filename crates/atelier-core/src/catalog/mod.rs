//! Catalogs: a retailer's product file, parsed (`raw`, private to this module) and then validated (`validate`)
//! into the [`Catalog`] model ([`model`]) that the rest of Atelier trusts. The one way in is
//! [`Catalog::from_json`]; the raw types never leave `catalog/`.
//!
//! Parsing is lenient on purpose (most fields optional, numbers signed, unknown fields collected) so that
//! validation can report every problem of a file at once, each with its location, instead of the first.

mod asset_path;
pub mod model;
pub mod problem;
mod raw;
pub mod rules;
pub mod text;
mod validate;
mod validate_texts;

pub use model::{
    Catalog, ChoiceGroup, ChoiceOption, Color, Cond, Layer, Material, Rule, RuleKind, Size,
    Surface, View, Zone,
};
pub use problem::{CatalogProblem, CatalogProblemKind};
pub use text::{Case, CharClass, TextPlacement};
pub use validate::{FORMAT, MAX_VIEW_SIDE};
