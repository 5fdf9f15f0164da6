//! Which design the page opens with: the one in the address (`?d=…`, a design link), else the one this browser
//! kept for the product, else the catalog's defaults; and what to tell the shopper about it. A link is
//! brought up to date with the catalog through the rules ([`Selection::restore`]) like a stored design, its
//! named groups kept as the shopper's own choices; a link for another product is ignored; a damaged link
//! opens the defaults with a friendly notice.
//!
//! While the shopper works, the address follows the design ([`show`]), replacing the history entry rather
//! than adding one per click, so the address bar is always a link to what is on screen.

use crate::state::Notice;
use crate::{storage, url};
use atelier_core::Catalog;
use atelier_core::design_link::{self, LinkedDesign};
use atelier_core::history::History;
use atelier_core::rules::Selection;
use std::rc::Rc;

/// The query parameter that carries a design link.
pub const PARAM: &str = "d";

/// What the page opens with.
pub struct Opened {
    /// The design.
    pub selection: Selection,
    /// Its undo/redo history: the stored one for the stored design, none for a link's.
    pub history: History<Rc<Selection>>,
    /// What to tell the shopper.
    pub notice: Option<Notice>,
}

/// The selection to open `catalog` (of `version`) with, its history, and the notice that goes with it.
pub fn open(catalog: &Catalog, version: &str) -> Opened {
    let fresh = |selection, notice| Opened {
        selection,
        history: History::default(),
        notice,
    };
    let (stored, changes) = storage::restore_selection(catalog);
    if let Some(text) = url::query_param(PARAM) {
        match design_link::decode(&text) {
            Ok(linked) if linked.design.product == *catalog.id() => {
                let (selection, notice) = from_link(catalog, version, &linked);
                // The stored history is about the stored design; the link's design starts its own.
                if selection.design() != stored.design() {
                    return fresh(selection, notice);
                }
            }
            // A link to another product (an address edited by hand): this page's product opens as usual.
            Ok(_) => {}
            Err(e) => return fresh(Selection::new(catalog), Some(Notice::LinkDamaged(e))),
        }
    }
    // No link, or the link of the very design this browser kept (a reload, since the address follows the
    // design): the stored selection, with which choices were the shopper's, and its history.
    Opened {
        selection: stored,
        history: storage::restore_history(catalog),
        notice: (!changes.is_empty()).then_some(Notice::Restored(changes)),
    }
}

/// The linked design within the rules, with what that changed (said only if something did).
pub fn from_link(
    catalog: &Catalog,
    version: &str,
    linked: &LinkedDesign,
) -> (Selection, Option<Notice>) {
    let (selection, changes) = Selection::restore(catalog, &linked.design, &linked.named_groups());
    let older = !linked.version.is_empty() && linked.version != version;
    let notice = (!changes.is_empty()).then_some(Notice::LinkUpdated { changes, older });
    (selection, notice)
}

/// Puts `selection` (of a catalog of `version`) into the address, keeping every other parameter and
/// replacing the current history entry. Nothing happens where the page's history cannot be written.
pub fn show(selection: &Selection, version: &str) {
    let link = design_link::encode(selection.design(), version);
    url::replace_param(PARAM, &link);
}
