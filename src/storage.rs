//! Keeping the shopper's selection across reloads, crashes and closed browsers in `localStorage`
//! (`atelier.selection.<product>`): the design and the list of choices they made themselves, so the rules keep
//! treating those as theirs; and its undo/redo history (`atelier.history.<product>`), each step stored the
//! same way. `localStorage` writes synchronously, so what was saved when a change happened survives a tab
//! crash.
//!
//! A stored selection is only a suggestion: [`Selection::restore`] brings it up to date with the catalog as it
//! is today (a retailer may have dropped a color or added a rule since) and reports what it had to change.
//! Designs stored by earlier versions (`atelier.design.<product>`, a bare design) are still read. Storage may
//! be unavailable (private mode, quota, or a third-party frame whose browser blocks third-party storage, as
//! Chrome's incognito and Safari do for an embedded configurator); then selections are simply not kept.

use atelier_core::history::History;
use atelier_core::rules::{Change, GroupKey, Selection};
use atelier_core::{Catalog, Design};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

fn key(product: &str) -> String {
    format!("atelier.selection.{product}")
}

fn history_key(product: &str) -> String {
    format!("atelier.history.{product}")
}

fn legacy_key(product: &str) -> String {
    format!("atelier.design.{product}")
}

/// What is stored per product, and per step of its history.
#[derive(Serialize, Deserialize)]
struct Stored {
    design: Design,
    #[serde(default)]
    explicit: Vec<GroupKey>,
}

impl Stored {
    fn of(selection: &Selection) -> Stored {
        Stored {
            design: selection.design().clone(),
            explicit: selection.explicit().to_vec(),
        }
    }
}

/// Whether `localStorage` can be used at all: reading `window.localStorage` throws where storage is blocked,
/// and gloo-storage panics on that, so every use asks first.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// The stored selection for `catalog`'s product brought up to date (with what that changed), else the
/// catalog's defaults.
pub fn restore_selection(catalog: &Catalog) -> (Selection, Vec<Change>) {
    if !available() {
        return (Selection::new(catalog), Vec::new());
    }
    let product = catalog.id().as_str();
    let stored = LocalStorage::get::<Stored>(key(product)).ok().or_else(|| {
        LocalStorage::get::<Design>(legacy_key(product))
            .ok()
            .map(|design| Stored {
                design,
                explicit: Vec::new(),
            })
    });
    match stored {
        Some(s) => Selection::restore(catalog, &s.design, &s.explicit),
        None => (Selection::new(catalog), Vec::new()),
    }
}

/// Stores `selection` under its product; failures are ignored (it then lives only in this page).
pub fn save_selection(selection: &Selection) {
    if !available() {
        return;
    }
    let _ = LocalStorage::set(
        key(selection.design().product.as_str()),
        Stored::of(selection),
    );
}

/// The stored undo/redo history of `catalog`'s product, each step brought up to date with the catalog
/// (silently: the steps are the past, not what is on screen); empty if none is stored or it cannot be read.
pub fn restore_history(catalog: &Catalog) -> History<Rc<Selection>> {
    if !available() {
        return History::default();
    }
    LocalStorage::get::<History<Stored>>(history_key(catalog.id().as_str()))
        .map(|stored| {
            stored.map(|s| Rc::new(Selection::restore(catalog, &s.design, &s.explicit).0))
        })
        .unwrap_or_default()
}

/// Stores the undo/redo history of `product`; failures are ignored (it then lives only in this page).
pub fn save_history(product: &str, history: &History<Rc<Selection>>) {
    if !available() {
        return;
    }
    let _ = LocalStorage::set(history_key(product), history.map(|s| Stored::of(s)));
}
