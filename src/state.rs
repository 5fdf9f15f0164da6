//! The screen's state: the loaded catalog, the shopper's design, which part and view they are looking at,
//! the language, how far each view's artwork has loaded and where an order submission stands, with the
//! [`Action`]s that change it ([`Reducible`]).
//!
//! The reducer is pure: fetching, storage, randomness and the DOM stay in the components' effects and
//! callbacks, which report their outcomes back here as actions.

use crate::api::{ApiError, OrderError, OrderReceipt};
use atelier_core::id::{ColorId, MaterialId, SizeId, ViewId, ZoneId};
use atelier_core::{Catalog, Design, Locale};
use std::collections::BTreeMap;
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// A shared catalog that compares by identity: it never changes once loaded, so comparing it field by field
/// on every render would be wasted work.
#[derive(Clone, Debug)]
pub struct CatalogHandle(pub Rc<Catalog>);

impl PartialEq for CatalogHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for CatalogHandle {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}

/// Where loading the product stands.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogLoad {
    /// The request is out.
    Loading,
    /// It failed; the shopper may retry.
    Failed(ApiError),
    /// The catalog is here.
    Ready(CatalogHandle),
}

/// Where loading one view's artwork stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Artwork {
    /// `loaded` of `total` layer files have arrived.
    Loading {
        /// Files received.
        loaded: usize,
        /// Files in the view.
        total: usize,
    },
    /// Every file has arrived and is being decoded.
    Decoding,
    /// Decoded and cached by the preview.
    Ready,
    /// A file was missing or undecodable.
    Failed(String),
}

/// Where placing the order stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SubmitStatus {
    /// Nothing sent yet (or the design changed since).
    Idle,
    /// The shopper pressed the button without a size.
    NeedSize,
    /// The request is out.
    Sending,
    /// The shop accepted the order.
    Placed(OrderReceipt),
    /// The shop refused it (4xx) or failed; the design is kept.
    Failed(OrderError),
}

/// One submission attempt: the id the shop deduplicates on and the design it was sent for, so a retry of the
/// same design reuses the id and a changed design gets a new one.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    /// Client-chosen submission id.
    pub id: String,
    /// The design sent with it.
    pub design: Design,
}

/// Everything the screen shows that can change.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The shopper's language.
    pub locale: Locale,
    /// The product.
    pub catalog: CatalogLoad,
    /// The design being edited (meaningful once the catalog is ready).
    pub design: Design,
    /// The part whose options are shown.
    pub selected_zone: Option<ZoneId>,
    /// The view shown in the preview.
    pub view: Option<ViewId>,
    /// Artwork loading per view; a view not in the map has not been asked for.
    pub artwork: BTreeMap<ViewId, Artwork>,
    /// The order's progress.
    pub submit: SubmitStatus,
    /// The last submission attempt that did not end in a placed order.
    pub submission: Option<Submission>,
}

/// A change to the [`State`].
#[derive(Debug)]
pub enum Action {
    /// Switch language.
    SetLocale(Locale),
    /// Start (or restart) loading the product.
    CatalogLoading,
    /// The product arrived; `design` is the restored or default design.
    CatalogLoaded(CatalogHandle, Design),
    /// The product could not be loaded.
    CatalogFailed(ApiError),
    /// Show a part's options.
    SelectZone(ZoneId),
    /// Choose a material for a part.
    SetMaterial(ZoneId, MaterialId),
    /// Choose a color for a part.
    SetColor(ZoneId, ColorId),
    /// Choose a size (`None` to clear it).
    SetSize(Option<SizeId>),
    /// Show another view.
    SetView(ViewId),
    /// A view's artwork made progress.
    Artwork(ViewId, Artwork),
    /// The shopper tried to order without a size.
    NeedSize,
    /// An order request went out with this submission.
    Sending(Submission),
    /// The shop accepted the order.
    Placed(OrderReceipt),
    /// The order failed.
    SubmitFailed(OrderError),
    /// Start a new design from the catalog's defaults (keeping the size).
    Reset,
}

impl State {
    /// The state before anything has loaded.
    pub fn new(locale: Locale) -> State {
        State {
            locale,
            catalog: CatalogLoad::Loading,
            design: Design {
                product: "".into(),
                size: None,
                zones: BTreeMap::new(),
                choices: BTreeMap::new(),
            },
            selected_zone: None,
            view: None,
            artwork: BTreeMap::new(),
            submit: SubmitStatus::Idle,
            submission: None,
        }
    }

    /// The catalog, once it is ready.
    pub fn catalog(&self) -> Option<&CatalogHandle> {
        match &self.catalog {
            CatalogLoad::Ready(c) => Some(c),
            _ => None,
        }
    }

    /// The submission id to reuse for the current design: the last attempt's if it was for this very design
    /// (a retry, so the shop can answer with the order it may already have), else `None` (a new order).
    pub fn retry_submission_id(&self) -> Option<&str> {
        self.submission
            .as_ref()
            .filter(|s| s.design == self.design)
            .map(|s| s.id.as_str())
    }

    /// A design edit clears any finished or failed submission message: it spoke about the old design.
    fn edited(&mut self) {
        if !matches!(self.submit, SubmitStatus::Sending) {
            self.submit = SubmitStatus::Idle;
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLocale(locale) => s.locale = locale,
            Action::CatalogLoading => s.catalog = CatalogLoad::Loading,
            Action::CatalogLoaded(catalog, design) => {
                s.selected_zone = catalog.zones.first().map(|z| z.id.clone());
                s.view = catalog.views.first().map(|v| v.id.clone());
                s.design = design;
                s.catalog = CatalogLoad::Ready(catalog);
            }
            Action::CatalogFailed(e) => s.catalog = CatalogLoad::Failed(e),
            Action::SelectZone(zone) => s.selected_zone = Some(zone),
            Action::SetMaterial(zone, material) => {
                if let Some(choice) = s.design.zones.get_mut(&zone) {
                    choice.material = material;
                }
                s.selected_zone = Some(zone);
                s.edited();
            }
            Action::SetColor(zone, color) => {
                if let Some(choice) = s.design.zones.get_mut(&zone) {
                    choice.color = color;
                }
                s.selected_zone = Some(zone);
                s.edited();
            }
            Action::SetSize(size) => {
                s.design.size = size;
                s.edited();
            }
            Action::SetView(view) => s.view = Some(view),
            Action::Artwork(view, artwork) => {
                s.artwork.insert(view, artwork);
            }
            Action::NeedSize => s.submit = SubmitStatus::NeedSize,
            Action::Sending(submission) => {
                s.submission = Some(submission);
                s.submit = SubmitStatus::Sending;
            }
            Action::Placed(receipt) => {
                // The id is spent: the next order must not be mistaken for a retry of this one.
                s.submission = None;
                s.submit = SubmitStatus::Placed(receipt);
            }
            Action::SubmitFailed(e) => s.submit = SubmitStatus::Failed(e),
            Action::Reset => {
                if let Some(catalog) = s.catalog().cloned() {
                    // Their size rarely changes between two designs; everything else starts afresh.
                    let size = s.design.size.take();
                    s.design = catalog.default_design();
                    s.design.size = size;
                    s.selected_zone = catalog.zones.first().map(|z| z.id.clone());
                }
                s.submit = SubmitStatus::Idle;
                s.submission = None;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::OrderError;
    use atelier_core::order::ClientPrice;

    fn ready() -> Rc<State> {
        let json = include_str!("../static/catalogs/runner-one.json");
        let catalog = Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid");
        let design = catalog.default_design();
        let state = Rc::new(State::new(Locale::En));
        state.reduce(Action::CatalogLoaded(
            CatalogHandle(Rc::new(catalog)),
            design,
        ))
    }

    fn sent(state: Rc<State>, id: &str) -> Rc<State> {
        let design = state.design.clone();
        state.reduce(Action::Sending(Submission {
            id: id.into(),
            design,
        }))
    }

    #[test]
    fn loading_selects_the_first_zone_and_view() {
        let s = ready();
        assert_eq!(s.selected_zone.as_ref().map(ZoneId::as_str), Some("toe"));
        assert_eq!(s.view.as_ref().map(ViewId::as_str), Some("side"));
    }

    #[test]
    fn a_retry_of_the_same_design_reuses_the_submission_id() {
        let s = sent(
            ready().reduce(Action::SetSize(Some("250".into()))),
            "atl-first-attempt-0001",
        );
        let s = s.reduce(Action::SubmitFailed(OrderError::Network));
        assert_eq!(s.retry_submission_id(), Some("atl-first-attempt-0001"));
        // A changed design is a different order and must not be deduplicated against the first one.
        let s = s.reduce(Action::SetColor("toe".into(), "red".into()));
        assert_eq!(s.retry_submission_id(), None);
        assert_eq!(
            s.submit,
            SubmitStatus::Idle,
            "an edit clears the old failure"
        );
    }

    #[test]
    fn a_placed_order_spends_its_submission_id() {
        let s = sent(
            ready().reduce(Action::SetSize(Some("250".into()))),
            "atl-first-attempt-0001",
        );
        let s = s.reduce(Action::Placed(OrderReceipt {
            id: "ATL-AAAA-BBBB".into(),
            price: ClientPrice {
                amount: 149_000,
                currency: "KRW".into(),
            },
        }));
        assert_eq!(s.retry_submission_id(), None);
        assert!(matches!(s.submit, SubmitStatus::Placed(_)));
    }

    #[test]
    fn reset_restores_defaults_but_keeps_the_size() {
        let s = ready()
            .reduce(Action::SetSize(Some("250".into())))
            .reduce(Action::SetMaterial("toe".into(), "suede".into()))
            .reduce(Action::SelectZone("sole".into()));
        let s = s.reduce(Action::Reset);
        let catalog = s.catalog().cloned().expect("loaded");
        let mut want = catalog.default_design();
        want.size = Some("250".into());
        assert_eq!(s.design, want);
        assert_eq!(s.selected_zone.as_ref().map(ZoneId::as_str), Some("toe"));
    }

    #[test]
    fn an_edit_while_sending_keeps_the_sending_state() {
        let s = sent(
            ready().reduce(Action::SetSize(Some("250".into()))),
            "atl-first-attempt-0001",
        );
        let s = s.reduce(Action::SetColor("toe".into(), "red".into()));
        assert_eq!(s.submit, SubmitStatus::Sending);
    }
}
