//! Keeping the shopper's design across reloads in `localStorage` (`atelier.design.<product>`).
//!
//! A stored design is only a suggestion: it is restored only if it still validates against the catalog as it
//! is today (a retailer may have dropped a color since), otherwise the shopper starts from the defaults.
//! Storage may be unavailable (private mode, quota); then designs are simply not kept.

use atelier_core::{Catalog, Design};
use gloo_storage::{LocalStorage, Storage};

fn key(product: &str) -> String {
    format!("atelier.design.{product}")
}

/// The stored design for `catalog`'s product if it still validates, else the catalog's default design.
pub fn restore_design(catalog: &Catalog) -> Design {
    LocalStorage::get::<Design>(key(catalog.id.as_str()))
        .ok()
        .filter(|d| d.validate(catalog).is_ok())
        .unwrap_or_else(|| catalog.default_design())
}

/// Stores `design` under its product; failures are ignored (the design then lives only in this page).
pub fn save_design(design: &Design) {
    let _ = LocalStorage::set(key(design.product.as_str()), design);
}
