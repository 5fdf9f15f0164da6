//! "My designs": designs a shopper names and keeps on this device, per product, in `localStorage`
//! (`atelier.designs.<product>`), each with the choices that were the shopper's own and a small thumbnail of
//! the preview as it was saved. No account: the device is the shopper's.
//!
//! The list is plain data; the section that shows it is `configurator/my_designs.rs`. A saved design is
//! opened through the rules like any design from outside (`Action::LoadDesign`), so an older one opens within
//! today's catalog. Where storage is unavailable the list is empty and saving says so.

use crate::storage;
use atelier_core::Design;
use atelier_core::rules::{GroupKey, Selection};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

/// The most designs kept per product (a thumbnail is a few kilobytes; storage holds about 5 MB per site).
pub const LIMIT: usize = 50;
/// The longest name kept, in characters.
pub const NAME_MAX: usize = 60;

/// One saved design.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedDesign {
    /// A random id, stable across renames.
    pub id: String,
    /// The shopper's name for it (plain text, shown as text).
    pub name: String,
    /// The design.
    pub design: Design,
    /// The groups the shopper chose themselves.
    #[serde(default)]
    pub explicit: Vec<GroupKey>,
    /// A small PNG of the preview as a `data:` URL (empty if none could be made).
    #[serde(default)]
    pub thumbnail: String,
}

fn key(product: &str) -> String {
    format!("atelier.designs.{product}")
}

/// The saved designs of `product`, newest first.
pub fn list(product: &str) -> Vec<SavedDesign> {
    if !storage::available() {
        return Vec::new();
    }
    LocalStorage::get(key(product)).unwrap_or_default()
}

fn store(product: &str, designs: &[SavedDesign]) -> bool {
    storage::available() && LocalStorage::set(key(product), designs).is_ok()
}

/// A name as kept: trimmed, at most [`NAME_MAX`] characters; `None` if nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let name: String = name.trim().chars().take(NAME_MAX).collect();
    (!name.is_empty()).then_some(name)
}

/// Saves `selection` under `name` with `thumbnail` as the newest design (the oldest goes beyond [`LIMIT`]);
/// the list as stored, or `None` if it could not be stored.
pub fn save(
    selection: &Selection,
    name: String,
    id: String,
    thumbnail: String,
) -> Option<Vec<SavedDesign>> {
    let product = selection.design().product.as_str();
    let mut designs = list(product);
    designs.insert(
        0,
        SavedDesign {
            id,
            name,
            design: selection.design().clone(),
            explicit: selection.explicit().to_vec(),
            thumbnail,
        },
    );
    designs.truncate(LIMIT);
    store(product, &designs).then_some(designs)
}

/// Renames design `id` of `product`; the list as stored, or `None` if it could not be stored.
pub fn rename(product: &str, id: &str, name: String) -> Option<Vec<SavedDesign>> {
    let mut designs = list(product);
    designs
        .iter_mut()
        .filter(|d| d.id == id)
        .for_each(|d| d.name = name.clone());
    store(product, &designs).then_some(designs)
}

/// Deletes design `id` of `product`; the list as stored, or `None` if it could not be stored.
pub fn delete(product: &str, id: &str) -> Option<Vec<SavedDesign>> {
    let mut designs = list(product);
    designs.retain(|d| d.id != id);
    store(product, &designs).then_some(designs)
}
