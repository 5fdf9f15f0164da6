//! The swatch request's rules as the shop uses them. Every one of them is the core's
//! ([`atelier_core::swatch`]: wire types, limits, countries, validators, problems and the check), shared with
//! the app; nothing here is shop-side. It only re-exports the two names other shop files reach through this
//! path (the error type's problems, the store's stored contact), and can go once they import the core.
//! Storing is `store.rs`, the HTTP side `routes/swatch_requests.rs`, the OpenAPI mirrors `openapi/schemas.rs`.

pub use atelier_core::swatch::{SwatchProblem, ValidContact};
