//! The [`Action`]s that change the screen [`State`](super::State): one per thing a shopper does or an effect
//! reports.

use super::{Artwork, CatalogHandle, Notice, Submission};
use crate::api::{ApiError, OrderError, OrderReceipt};
use atelier_core::history::History;
use atelier_core::id::{SizeId, TextId, ViewId, ZoneId};
use atelier_core::rules::{GroupKey, Selection};
use atelier_core::text::Refusal;
use atelier_core::{Design, Locale};
use std::rc::Rc;

/// A change to the [`State`].
#[derive(Debug)]
pub enum Action {
    /// Switch language.
    SetLocale(Locale),
    /// Start (or restart) loading the product.
    CatalogLoading,
    /// The product arrived with the restored (or default) selection and what restoring had to change.
    CatalogLoaded(Loaded),
    /// The product could not be loaded.
    CatalogFailed(ApiError),
    /// Show a part's options.
    SelectZone(ZoneId),
    /// A part's controls are hovered or focused (`Some`), or none are (`None`).
    Highlight(Option<ZoneId>),
    /// Choose an option of a group (a part's material or color, or a product-wide choice): applied at once if
    /// it is available, else a fix is offered.
    Choose(GroupKey, String),
    /// Choose several options in sequence as ONE undo step ("apply this color to all panels"). Each goes
    /// through the rules like [`Action::Choose`]; one that conflicts with the shopper's own choices takes the
    /// fix the rules propose (usually the panel's finish), since the shopper asked for that color everywhere
    /// and the offer they pressed named the finish it needs. Unknown options are skipped.
    ChooseAll(Vec<(GroupKey, String)>),
    /// Apply the pending fix.
    AcceptFix,
    /// Drop the pending fix; the selection stays as it was.
    DeclineFix,
    /// Go back one change.
    Undo,
    /// Re-apply the last undone change.
    Redo,
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
    /// Load a design from outside (the host page of an embedded configurator, or one of "My designs") with the
    /// groups the shopper chose themselves in it: brought up to date with the catalog by
    /// [`Selection::restore`], so it cannot break a rule, as one undo step. A design of another product is
    /// ignored.
    LoadDesign(Design, Vec<GroupKey>),
    /// The shopper typed in a text placement (an empty text removes it). Not an undo step: undo is for
    /// choices, and the text field keeps its own editing history.
    SetText(TextId, String),
    /// A font file arrived.
    FontLoaded(String, Vec<u8>),
    /// The word lists' verdict on a text of a placement (kept only if the placement's check waits on it).
    TextVerdict(TextId, String, Result<(), Refusal>),
    /// The text worker cannot give verdicts.
    TextWorkerFailed,
}

/// A product as it arrives: the catalog, its version (what design links name), the selection it opens with
/// and what to tell the shopper about that.
#[derive(Debug)]
pub struct Loaded {
    /// The catalog.
    pub catalog: CatalogHandle,
    /// The first hex digits of the catalog file's SHA-256 (`atelier_core::design_link::catalog_version`).
    pub version: String,
    /// The design it opens with (from a link, from storage, or the defaults).
    pub selection: Selection,
    /// That design's undo/redo history (kept across reloads).
    pub history: History<Rc<Selection>>,
    /// What changed in bringing that design up to date, or why a link could not be read.
    pub notice: Option<Notice>,
}
