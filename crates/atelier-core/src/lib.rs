//! Atelier's pure core: the one truth about products, designs and prices that the browser (wasm) and the shop
//! (native) both run.
//!
//! It owns the catalog model ([`catalog`]: parse a retailer's file, then validate it into a [`Catalog`] that
//! reports every problem at once), designs and their validation ([`design`]), pricing ([`pricing`]), the order
//! a shopper submits ([`order`]), money ([`money`]), the message catalogs in Korean and English
//! ([`messages`]), and color science for matching panels to a shopper's room: conversions and CIEDE2000
//! ([`color`]), a photo's dominant colors ([`photo_palette`]) and catalog colors for them ([`color_match`]).
//! Personal text is checked and measured true to size in [`text`]; a request for physical color swatches
//! and its check are [`swatch`].
//! It does no IO and never reads a clock: callers hand it bytes and answers.
//!
//! # Example
//! ```
//! use atelier_core::catalog::Catalog;
//! let json = include_str!("../../../static/catalogs/runner-one.json");
//! let catalog = Catalog::from_json(json, &|_path: &str| true).expect("the sample catalog is valid");
//! let design = catalog.default_design();
//! let valid = design.validate(&catalog).expect("the default design is valid");
//! let price = atelier_core::pricing::price(&valid);
//! assert_eq!(price.total.currency, catalog.currency());
//! ```

pub mod catalog;
pub mod color;
pub mod color_match;
pub mod design;
pub mod design_code;
pub mod design_link;
pub mod design_words;
pub mod help_request;
pub mod history;
pub mod id;
pub mod locale;
pub mod messages;
pub mod money;
pub mod order;
pub mod photo_palette;
pub mod price_change;
pub mod price_rows;
pub mod pricing;
pub mod problem;
pub mod rules;
pub mod swatch;
pub mod synthetic;
pub mod synthetic_photo;
pub mod text;

pub use catalog::Catalog;
pub use design::{Choice, Design, ValidDesign};
pub use locale::{Locale, Localized};
pub use money::{Currency, Money};
pub use problem::Problem;
