//! A request for physical color swatches ("screens and cameras shift colors: see the real thing"): the body
//! the app sends and the shop reads ([`SwatchRequest`]), its limits ([`limits`]), the countries accepted and
//! offered ([`countries`]), the contact validators ([`contact`]), the fields and their problem paths
//! ([`SwatchField`]), the problems ([`SwatchProblemKind`]) and the check ([`check_swatch_request`]).
//!
//! Both sides run these rules: the shop checks a request before storing it, the app builds the request,
//! offers the countries and places each problem by its field. No IO and no clock here: storing and the HTTP
//! side are the shop's; the form is the app's.
//!
//! # Example
//! ```
//! use atelier_core::swatch::{SwatchField, SwatchProblemKind, check_swatch_request, SwatchRequest};
//! let body = r#"{"format": 1, "product": "bespoke-set", "colors": [], "contact": {},
//!     "locale": "ko", "submission": "b6f1c2d4-1111-4a2b-9c3d-000000000001"}"#;
//! let request: SwatchRequest = serde_json::from_str(body).expect("the shape is right");
//! let problems = check_swatch_request(&request, None).expect_err("nothing filled in");
//! assert_eq!(problems[0].path, "product");
//! let name = problems.iter().find(|p| p.kind == SwatchProblemKind::Required).expect("name required");
//! assert_eq!(SwatchField::of_problem(&name.path), Some(SwatchField::Name));
//! ```

mod check;
pub mod contact;
pub mod countries;
mod field;
pub mod limits;
mod problem;
mod valid;
mod wire;

pub use check::check_swatch_request;
pub use contact::forbidden;
pub use field::SwatchField;
pub use problem::{SwatchProblem, SwatchProblemKind};
pub use valid::{ValidAddress, ValidContact, ValidSwatchRequest};
pub use wire::{Address, Contact, SwatchRequest};
