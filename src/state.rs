//! The screen's state: the loaded catalog, the shopper's selection (a design that always keeps the catalog's
//! rules, plus which choices they made themselves), its undo and redo history, a fix waiting for the
//! shopper's answer, which part and view they are looking at, the language, how far each view's artwork has
//! loaded and where an order submission stands, the fonts and word-list verdicts the personal texts' checks
//! need, with the [`Action`]s that change it ([`Reducible`]).
//!
//! The reducer is pure: fetching, storage, randomness and the DOM stay in the components' effects and
//! callbacks, which report their outcomes back here as actions. The rules themselves are the core's
//! ([`Selection::choose`]); the reducer only decides what to keep: applied outcomes, pending fixes, history.

use crate::api::{ApiError, OrderError, OrderReceipt};
use atelier_core::catalog::TextPlacement;
use atelier_core::id::{SizeId, TextId, ViewId, ZoneId};
use atelier_core::rules::{Change, Fix, GroupKey, Outcome, Selection};
use atelier_core::text::{Fonts, Refusal, TextCheck, check_placement_with};
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

/// The loaded font files, shared and compared by identity: a font file never changes once fetched, and
/// comparing hundreds of kilobytes on every render would be wasted work.
#[derive(Clone, Debug, Default)]
pub struct FontsHandle(pub Rc<Fonts>);

impl PartialEq for FontsHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for FontsHandle {
    type Target = Fonts;
    fn deref(&self) -> &Fonts {
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

/// What the polite live region says after a change the shopper did not make themselves.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Choosing an option changed other groups too, because of these rules (indices into the catalog's).
    AlsoChanged {
        /// The other groups' changes.
        changes: Vec<Change>,
        /// The rules that made them.
        because: Vec<usize>,
    },
    /// The stored design no longer fitted the catalog and was brought up to date.
    Restored(Vec<Change>),
}

/// A fix offered for an unavailable option, waiting for Accept or Decline; nothing is applied yet.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingFix {
    /// The group the shopper tried to change.
    pub group: GroupKey,
    /// The option they chose.
    pub option: String,
    /// What accepting would do.
    pub fix: Fix,
}

/// The most undo steps kept; older ones are dropped.
const HISTORY_LIMIT: usize = 100;

/// Everything the screen shows that can change.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The shopper's language.
    pub locale: Locale,
    /// The product.
    pub catalog: CatalogLoad,
    /// The design being edited and the shopper's own choices (meaningful once the catalog is ready).
    pub selection: Selection,
    /// Earlier selections, oldest first; undo pops the last.
    pub undo: Vec<Selection>,
    /// Undone selections, the next redo last; any new change clears them.
    pub redo: Vec<Selection>,
    /// A fix offered for an unavailable option.
    pub pending_fix: Option<PendingFix>,
    /// What changed without the shopper choosing it, for the live region.
    pub notice: Option<Notice>,
    /// The part whose options are shown.
    pub selected_zone: Option<ZoneId>,
    /// The part whose controls are hovered or focused, which the preview outlines.
    pub highlight: Option<ZoneId>,
    /// The view shown in the preview.
    pub view: Option<ViewId>,
    /// Artwork loading per view; a view not in the map has not been asked for.
    pub artwork: BTreeMap<ViewId, Artwork>,
    /// The order's progress.
    pub submit: SubmitStatus,
    /// The last submission attempt that did not end in a placed order.
    pub submission: Option<Submission>,
    /// Font files fetched so far for the product's text placements.
    pub fonts: FontsHandle,
    /// The word lists' latest verdict per text placement (from the text worker), with the exact text it is
    /// about: a verdict on any other text is no verdict.
    pub text_verdicts: BTreeMap<TextId, (String, Result<(), Refusal>)>,
    /// The text worker could not start or stopped answering: the word lists are left to the shop's check
    /// when the order is placed.
    pub text_worker_failed: bool,
}

/// A change to the [`State`].
#[derive(Debug)]
pub enum Action {
    /// Switch language.
    SetLocale(Locale),
    /// Start (or restart) loading the product.
    CatalogLoading,
    /// The product arrived with the restored (or default) selection and what restoring had to change.
    CatalogLoaded(CatalogHandle, Selection, Vec<Change>),
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
    /// Load a design from outside (the host page of an embedded configurator): brought up to date with the
    /// catalog by [`Selection::restore`], so it cannot break a rule, as one undo step. A design of another
    /// product is ignored.
    LoadDesign(Design),
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

impl State {
    /// The state before anything has loaded.
    pub fn new(locale: Locale) -> State {
        State {
            locale,
            catalog: CatalogLoad::Loading,
            selection: Selection {
                design: Design {
                    product: "".into(),
                    size: None,
                    zones: BTreeMap::new(),
                    choices: BTreeMap::new(),
                    text: BTreeMap::new(),
                },
                explicit: Vec::new(),
            },
            undo: Vec::new(),
            redo: Vec::new(),
            pending_fix: None,
            notice: None,
            selected_zone: None,
            highlight: None,
            view: None,
            artwork: BTreeMap::new(),
            submit: SubmitStatus::Idle,
            submission: None,
            fonts: FontsHandle::default(),
            text_verdicts: BTreeMap::new(),
            text_worker_failed: false,
        }
    }

    /// The catalog, once it is ready.
    pub fn catalog(&self) -> Option<&CatalogHandle> {
        match &self.catalog {
            CatalogLoad::Ready(c) => Some(c),
            _ => None,
        }
    }

    /// The design being edited.
    pub fn design(&self) -> &Design {
        &self.selection.design
    }

    /// The check of the shopper's text for `placement` (`None` when there is none): the core's one check, with
    /// the fonts loaded so far and the word lists' verdict if one is known for exactly this text. Otherwise
    /// [`TextCheck::words_pending`] names the text to ask the text worker about, and the check is not `ok()`.
    pub fn check_text(&self, placement: &TextPlacement) -> Option<TextCheck> {
        let text = self.design().text.get(&placement.id)?;
        let known = self.text_verdicts.get(&placement.id);
        Some(check_placement_with(
            placement,
            text,
            &self.fonts,
            |asked| {
                known
                    .filter(|(about, _)| about == asked)
                    .map(|(_, verdict)| verdict.clone())
            },
        ))
    }

    /// The submission id to reuse for the current design: the last attempt's if it was for this very design
    /// (a retry, so the shop can answer with the order it may already have), else `None` (a new order).
    pub fn retry_submission_id(&self) -> Option<&str> {
        self.submission
            .as_ref()
            .filter(|s| s.design == self.selection.design)
            .map(|s| s.id.as_str())
    }

    /// A design edit clears any finished or failed submission message: it spoke about the old design.
    fn edited(&mut self) {
        if !matches!(self.submit, SubmitStatus::Sending) {
            self.submit = SubmitStatus::Idle;
        }
    }

    /// Makes `next` the selection as one undo step (a new branch of history: redo is cleared).
    fn apply(&mut self, next: Selection) {
        self.pending_fix = None;
        if next == self.selection {
            return;
        }
        let before = std::mem::replace(&mut self.selection, next);
        self.undo.push(before);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.edited();
    }

    /// Moves one step through history: the selection popped from `from` becomes current and the current one
    /// goes onto `to`. The size is not part of history (it is the shopper's, not the design's look).
    fn travel(&mut self, back: bool) {
        let (from, to) = if back {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(mut next) = from.pop() else { return };
        next.design.size = self.selection.design.size.clone();
        // Personal text is not part of history either: undoing a color keeps what was typed.
        next.design.text = self.selection.design.text.clone();
        to.push(std::mem::replace(&mut self.selection, next));
        self.pending_fix = None;
        self.notice = None;
        self.edited();
    }

    /// Shows the part a group belongs to, so the shopper sees what they just changed.
    fn show_group(&mut self, group: &GroupKey) {
        if let GroupKey::Material(zone) | GroupKey::Color(zone) = group {
            self.selected_zone = Some(zone.clone());
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
            Action::CatalogLoaded(catalog, selection, changes) => {
                s.selected_zone = catalog.zones().first().map(|z| z.id.clone());
                s.view = catalog.views().first().map(|v| v.id.clone());
                s.selection = selection;
                s.undo.clear();
                s.redo.clear();
                s.pending_fix = None;
                s.notice = (!changes.is_empty()).then_some(Notice::Restored(changes));
                s.catalog = CatalogLoad::Ready(catalog);
            }
            Action::CatalogFailed(e) => s.catalog = CatalogLoad::Failed(e),
            Action::SelectZone(zone) => s.selected_zone = Some(zone),
            Action::Highlight(zone) => s.highlight = zone,
            Action::Choose(group, option) => {
                let Some(catalog) = s.catalog().cloned() else {
                    return self;
                };
                match s.selection.choose(&catalog, &group, &option) {
                    Outcome::Applied {
                        selection,
                        changes,
                        because,
                    } => {
                        s.notice = (!changes.is_empty())
                            .then_some(Notice::AlsoChanged { changes, because });
                        s.apply(selection);
                        s.show_group(&group);
                    }
                    Outcome::Conflict(fix) => {
                        s.show_group(&group);
                        s.pending_fix = Some(PendingFix { group, option, fix });
                    }
                    Outcome::Unknown => return self,
                }
            }
            Action::ChooseAll(choices) => {
                let Some(catalog) = s.catalog().cloned() else {
                    return self;
                };
                let mut next = s.selection.clone();
                for (group, option) in &choices {
                    next = match next.choose(&catalog, group, option) {
                        Outcome::Applied { selection, .. } => selection,
                        Outcome::Conflict(fix) => fix.selection,
                        Outcome::Unknown => next,
                    };
                }
                s.notice = None;
                s.apply(next);
            }
            Action::AcceptFix => {
                let Some(pending) = s.pending_fix.take() else {
                    return self;
                };
                s.notice = None;
                s.apply(pending.fix.selection);
            }
            Action::DeclineFix => s.pending_fix = None,
            Action::Undo => s.travel(true),
            Action::Redo => s.travel(false),
            Action::SetSize(size) => {
                s.selection.design.size = size;
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
                    // Their size rarely changes between two designs; everything else starts afresh, and a
                    // reset is one more undo step, so it can be taken back.
                    let mut fresh = Selection::new(&catalog);
                    fresh.design.size = s.selection.design.size.clone();
                    s.notice = None;
                    s.apply(fresh);
                    s.selected_zone = catalog.zones().first().map(|z| z.id.clone());
                }
                s.submit = SubmitStatus::Idle;
                s.submission = None;
            }
            Action::LoadDesign(design) => {
                let Some(catalog) = s.catalog().cloned() else {
                    return self;
                };
                if &design.product != catalog.id() {
                    return self;
                }
                let (selection, changes) = Selection::restore(&catalog, &design, &[]);
                s.apply(selection);
                s.notice = (!changes.is_empty()).then_some(Notice::Restored(changes));
            }
            Action::SetText(id, text) => {
                let known = s.catalog().is_some_and(|c| c.text(id.as_str()).is_some());
                if !known {
                    return self;
                }
                if text.is_empty() {
                    s.selection.design.text.remove(&id);
                } else {
                    s.selection.design.text.insert(id, text);
                }
                s.edited();
            }
            Action::FontLoaded(path, bytes) => {
                let mut fonts = (*s.fonts.0).clone();
                fonts.insert(path, bytes);
                s.fonts = FontsHandle(Rc::new(fonts));
            }
            Action::TextVerdict(id, text, verdict) => {
                // Kept only if the check still waits on exactly this text: an answer about a text the shopper
                // has since changed is stale (the newer one is asked).
                let waiting = (s.catalog().and_then(|c| c.text(id.as_str())))
                    .and_then(|placement| s.check_text(placement)?.words_pending);
                if waiting.as_ref() != Some(&text) {
                    return self;
                }
                s.text_verdicts.insert(id, (text, verdict));
            }
            Action::TextWorkerFailed => {
                if s.text_worker_failed {
                    return self;
                }
                s.text_worker_failed = true;
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

    fn load(json: &str) -> Rc<State> {
        let catalog = Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid");
        let selection = Selection::new(&catalog);
        let state = Rc::new(State::new(Locale::En));
        state.reduce(Action::CatalogLoaded(
            CatalogHandle(Rc::new(catalog)),
            selection,
            Vec::new(),
        ))
    }

    fn ready() -> Rc<State> {
        load(include_str!("../static/catalogs/runner-one.json"))
    }

    fn choose(state: Rc<State>, group: &str, option: &str) -> Rc<State> {
        state.reduce(Action::Choose(GroupKey::parse(group), option.into()))
    }

    /// The sole's (material, color).
    fn sole(state: &State) -> (&str, &str) {
        let c = &state.design().zones[&ZoneId::from("sole")];
        (c.material.as_str(), c.color.as_str())
    }

    fn sent(state: Rc<State>, id: &str) -> Rc<State> {
        let design = state.design().clone();
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
        let s = choose(s, "toe.color", "red");
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
    fn reset_restores_defaults_but_keeps_the_size_and_can_be_undone() {
        let s = choose(
            ready().reduce(Action::SetSize(Some("250".into()))),
            "toe.material",
            "suede",
        )
        .reduce(Action::SelectZone("sole".into()));
        let edited = s.selection.clone();
        let s = s.reduce(Action::Reset);
        let catalog = s.catalog().cloned().expect("loaded");
        let mut want = catalog.default_design();
        want.size = Some("250".into());
        assert_eq!(s.design(), &want);
        assert!(s.selection.explicit.is_empty());
        assert_eq!(s.selected_zone.as_ref().map(ZoneId::as_str), Some("toe"));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.selection, edited);
    }

    #[test]
    fn an_edit_while_sending_keeps_the_sending_state() {
        let s = sent(
            ready().reduce(Action::SetSize(Some("250".into()))),
            "atl-first-attempt-0001",
        );
        let s = choose(s, "toe.color", "red");
        assert_eq!(s.submit, SubmitStatus::Sending);
    }

    #[test]
    fn an_unavailable_choice_offers_a_fix_and_applies_nothing() {
        // Foam chosen by the shopper themselves (rubber first, so foam is a real change), then gum: gum soles
        // need rubber, which would undo their own choice, so the core offers a fix instead.
        let s = choose(
            choose(ready(), "sole.material", "rubber"),
            "sole.material",
            "foam",
        );
        let before = s.selection.clone();
        let s = choose(s, "sole.color", "gum");
        assert_eq!(
            s.selection, before,
            "nothing applied while the fix is pending"
        );
        let pending = s.pending_fix.clone().expect("a fix is offered");
        assert_eq!(pending.group, GroupKey::parse("sole.color"));
        assert_eq!(pending.option, "gum");
        assert_eq!(pending.fix.given_up, vec![GroupKey::parse("sole.material")]);
        assert_eq!(
            pending.fix.changes,
            vec![Change {
                group: GroupKey::parse("sole.material"),
                from: "foam".into(),
                to: "rubber".into(),
            }]
        );
        let catalog = s.catalog().cloned().expect("loaded");
        let reasons: Vec<String> = pending
            .fix
            .rules
            .iter()
            .map(|&r| atelier_core::rules::describe::reason(&catalog, r, Locale::En))
            .collect();
        assert_eq!(reasons, vec!["Gum soles are only made in rubber."]);

        // Accept applies it as one step; undo restores foam/white; redo re-applies.
        let s = s.reduce(Action::AcceptFix);
        assert!(s.pending_fix.is_none());
        assert_eq!(sole(&s), ("rubber", "gum"));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.selection, before);
        assert_eq!(sole(&s), ("foam", "white"));
        let s = s.reduce(Action::Redo);
        assert_eq!(sole(&s), ("rubber", "gum"));
        assert!(s.redo.is_empty());
    }

    #[test]
    fn declining_a_fix_keeps_the_selection_and_history() {
        let s = choose(
            choose(ready(), "sole.material", "rubber"),
            "sole.material",
            "foam",
        );
        let (before, undo) = (s.selection.clone(), s.undo.len());
        let s = choose(s, "sole.color", "gum").reduce(Action::DeclineFix);
        assert!(s.pending_fix.is_none());
        assert_eq!(s.selection, before);
        assert_eq!(s.undo.len(), undo);
        // Accepting after declining does nothing: there is no fix any more.
        let s = s.reduce(Action::AcceptFix);
        assert_eq!(s.selection, before);
    }

    #[test]
    fn an_automatic_change_is_announced_with_its_reason() {
        // Foam is only the default here, so gum simply takes rubber along.
        let s = choose(ready(), "sole.color", "gum");
        assert!(s.pending_fix.is_none());
        assert_eq!(sole(&s), ("rubber", "gum"));
        let Some(Notice::AlsoChanged { changes, because }) = &s.notice else {
            panic!("expected a notice, got {:?}", s.notice);
        };
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].group, GroupKey::parse("sole.material"));
        assert_eq!(
            (changes[0].from.as_str(), changes[0].to.as_str()),
            ("foam", "rubber")
        );
        let catalog = s.catalog().cloned().expect("loaded");
        assert_eq!(
            atelier_core::rules::describe::reason(&catalog, because[0], Locale::En),
            "Gum soles are only made in rubber."
        );
        // A plain change says nothing.
        let s = choose(s, "toe.color", "red");
        assert_eq!(s.notice, None);
    }

    #[test]
    fn undo_and_redo_round_trip_over_several_steps() {
        let steps = [
            ("toe.material", "suede"),
            ("toe.color", "navy"),
            ("sole.color", "gum"),
            ("laces.material", "waxed"),
        ];
        let mut s = ready();
        let mut seen = vec![s.selection.clone()];
        for (group, option) in steps {
            s = choose(s, group, option);
            assert!(s.pending_fix.is_none(), "{group}={option} is available");
            seen.push(s.selection.clone());
        }
        assert_eq!(s.undo.len(), steps.len());
        for want in seen.iter().rev().skip(1) {
            s = s.reduce(Action::Undo);
            assert_eq!(&s.selection, want);
        }
        // Nothing left to undo: a no-op, not a panic.
        s = s.reduce(Action::Undo);
        assert_eq!(s.selection, seen[0]);
        for want in seen.iter().skip(1) {
            s = s.reduce(Action::Redo);
            assert_eq!(&s.selection, want);
        }
        // A new change after undoing starts a new branch: redo is gone.
        s = s.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(s.redo.len(), 2);
        s = choose(s, "heel.color", "black");
        assert!(s.redo.is_empty());
    }

    #[test]
    fn undo_keeps_the_size() {
        let s = choose(ready(), "toe.color", "red").reduce(Action::SetSize(Some("250".into())));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.design().size.as_ref().map(SizeId::as_str), Some("250"));
    }

    #[test]
    fn a_loaded_design_is_restored_within_the_rules_as_one_step() {
        let s = ready();
        let before = s.selection.clone();
        let catalog = s.catalog().cloned().expect("loaded");
        let mut design = catalog.default_design();
        design
            .zones
            .get_mut(&ZoneId::from("toe"))
            .expect("toe")
            .color = "red".into();
        // Gum needs rubber: a host cannot smuggle in a design the rules forbid.
        design
            .zones
            .get_mut(&ZoneId::from("sole"))
            .expect("sole")
            .color = "gum".into();
        design
            .zones
            .get_mut(&ZoneId::from("sole"))
            .expect("sole")
            .material = "foam".into();
        let s = s.reduce(Action::LoadDesign(design));
        assert_eq!(s.design().zones[&ZoneId::from("toe")].color.as_str(), "red");
        assert!(s.design().validate(&catalog).is_ok(), "{:?}", s.design());
        assert!(matches!(s.notice, Some(Notice::Restored(_))));
        assert_eq!(s.reduce(Action::Undo).selection, before);
    }

    #[test]
    fn a_loaded_design_of_another_product_changes_nothing() {
        let s = ready();
        let other = load(include_str!("../static/catalogs/bespoke-set.json"));
        let design = other.catalog().expect("loaded").default_design();
        let after = s.clone().reduce(Action::LoadDesign(design));
        assert_eq!(after.selection, s.selection);
        assert!(after.undo.is_empty());
    }

    #[test]
    fn choosing_a_color_for_every_panel_is_one_undo_step_within_the_rules() {
        let s = load(include_str!("../static/catalogs/bespoke-set.json"));
        // The shopper's own Metal finish on one panel: Mint is not made in Metal, so its fix (another finish)
        // is taken rather than leaving that panel out.
        let s = choose(s, "dishwasher.material", "metal");
        let before = s.selection.clone();
        let zones: Vec<ZoneId> = s.design().zones.keys().cloned().collect();
        let all = zones
            .iter()
            .map(|z| (GroupKey::Color(z.clone()), "mint".to_owned()))
            .collect();
        let s = s.reduce(Action::ChooseAll(all));
        let catalog = s.catalog().cloned().expect("loaded");
        for zone in &zones {
            assert_eq!(s.design().zones[zone].color.as_str(), "mint", "{zone}");
        }
        assert_ne!(
            s.design().zones[&ZoneId::from("dishwasher")]
                .material
                .as_str(),
            "metal"
        );
        assert!(s.design().validate(&catalog).is_ok());
        assert!(s.pending_fix.is_none());
        let s = s.reduce(Action::Undo);
        assert_eq!(s.selection, before, "one step back undoes every panel");
    }

    #[test]
    fn matching_panels_follow_one_choice() {
        let s = load(include_str!("../static/catalogs/bespoke-set.json"));
        let s = choose(s, "match", "on");
        let s = choose(s, "fridge-top-left.color", "mint");
        assert!(s.pending_fix.is_none());
        for (zone, choice) in &s.design().zones {
            assert_eq!(choice.color.as_str(), "mint", "{zone}");
        }
        assert!(matches!(s.notice, Some(Notice::AlsoChanged { .. })));
    }

    #[test]
    fn personal_text_is_kept_as_typed_and_outlives_undo() {
        let heel = || TextId::from("heel-id");
        let s = ready().reduce(Action::SetText(heel(), "Romeo <b>".into()));
        assert_eq!(s.design().text[&heel()], "Romeo <b>");
        // A placement the product does not have changes nothing.
        let s = s.reduce(Action::SetText("tongue".into(), "x".into()));
        assert!(!s.design().text.contains_key(&TextId::from("tongue")));
        // Undoing a color keeps the text; it is not a history step of its own.
        let s = choose(s, "toe.color", "red").reduce(Action::Undo);
        assert_eq!(s.design().text[&heel()], "Romeo <b>");
        assert_ne!(s.design().zones[&ZoneId::from("toe")].color.as_str(), "red");
        // An empty text removes it, so the design carries no text and no price line for it.
        let s = s.reduce(Action::SetText(heel(), String::new()));
        assert!(s.design().text.is_empty());
    }

    #[test]
    fn a_loaded_font_replaces_the_shared_set() {
        let s = ready();
        let before = s.fonts.clone();
        let s = s.reduce(Action::FontLoaded("fonts/x.ttf".into(), vec![1, 2, 3]));
        assert_ne!(s.fonts, before);
        assert_eq!(s.fonts.get("fonts/x.ttf"), Some(&[1u8, 2, 3][..]));
    }

    #[test]
    fn a_word_list_verdict_counts_only_for_the_text_it_is_about() {
        use atelier_core::text::Category;
        let heel = || TextId::from("heel-id");
        let pending = |s: &State| {
            let placement = s
                .catalog()
                .and_then(|c| c.text("heel-id"))
                .expect("placement");
            let check = s.check_text(placement).expect("a text");
            let keys: Vec<&str> = check.refusals.iter().map(|r| r.key).collect();
            (check.words_pending.clone(), keys, check.ok())
        };
        let s = ready().reduce(Action::SetText(heel(), "SHIT".into()));
        assert_eq!(pending(&s), (Some("SHIT".into()), vec![], false));
        // An answer about a text the shopper has since changed is ignored.
        let s = s.reduce(Action::TextVerdict(heel(), "SHI".into(), Ok(())));
        assert!(s.text_verdicts.is_empty());
        let obscene = Err(Category::Obscenity.refusal());
        let s = s.reduce(Action::TextVerdict(heel(), "SHIT".into(), obscene));
        assert_eq!(pending(&s), (None, vec!["text.refused.obscenity"], false));
        // Typing on: the verdict speaks of the old text only.
        let s = s.reduce(Action::SetText(heel(), "SHITE".into()));
        assert_eq!(pending(&s), (Some("SHITE".into()), vec![], false));
        assert!(!s.text_worker_failed);
        assert!(s.reduce(Action::TextWorkerFailed).text_worker_failed);
    }
}
