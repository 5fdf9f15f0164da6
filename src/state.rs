//! The screen's state: the loaded catalog, the shopper's selection (a design that always keeps the catalog's
//! rules, plus which choices they made themselves), its undo and redo history, a fix waiting for the
//! shopper's answer, which part and view they are looking at, the language, how far each view's artwork has
//! loaded and where an order submission stands, the fonts and word-list verdicts the personal texts' checks
//! need, and the reducer that applies each [`Action`] ([`Reducible`]).
//!
//! The reducer is pure: fetching, storage, randomness and the DOM stay in the components' effects and
//! callbacks, which report their outcomes back here as actions. The rules themselves are the core's
//! ([`Selection::choose`]), and so is the history's bookkeeping ([`History`]); the reducer only decides what
//! to keep: applied outcomes, pending fixes, history steps.
//!
//! The selection and the history sit behind `Rc`s: every action copies the state, and most actions (a
//! highlight on mouse-over, artwork progress, a font arriving) change neither, so they are shared, not copied.

mod action;
mod handles;
mod status;
#[cfg(test)]
mod tests;

pub use action::{Action, Loaded};
pub use handles::{CatalogHandle, FontsHandle};
pub use status::{Artwork, CatalogLoad, Notice, PendingFix, Submission, SubmitStatus};

use atelier_core::catalog::TextPlacement;
use atelier_core::history::History;
use atelier_core::id::{SizeId, TextId, ViewId, ZoneId};
use atelier_core::rules::{GroupKey, Outcome, Selection};
use atelier_core::text::{Refusal, TextCheck, check_placement_with};
use atelier_core::{Design, Locale};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The screen state as components hold it (through the context the app provides).
pub type StateHandle = UseReducerHandle<State>;

/// The screen state, from the context the app provides around the configurator.
#[hook]
pub fn use_app_state() -> StateHandle {
    use_context::<StateHandle>()
        .expect("the app provides its state around every component that asks")
}

/// Everything the screen shows that can change.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The shopper's language.
    pub locale: Locale,
    /// The product.
    pub catalog: CatalogLoad,
    /// The loaded catalog's version, which design links name (empty until it is loaded).
    pub catalog_version: String,
    /// The design being edited and the shopper's own choices (meaningful once the catalog is ready).
    pub selection: Rc<Selection>,
    /// Earlier and undone selections; any new change clears what was undone.
    pub history: Rc<History<Rc<Selection>>>,
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

impl State {
    /// The state before anything has loaded.
    pub fn new(locale: Locale) -> State {
        State {
            locale,
            catalog: CatalogLoad::Loading,
            catalog_version: String::new(),
            selection: Rc::default(),
            history: Rc::default(),
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
        self.selection.design()
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
            .filter(|s| &s.design == self.design())
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
        if next == *self.selection {
            return;
        }
        let before = std::mem::replace(&mut self.selection, Rc::new(next));
        Rc::make_mut(&mut self.history).record(before);
        self.edited();
    }

    /// Moves one step through history, back or forward. The size and the personal texts are not part of
    /// history (they are the shopper's, not the design's look): the selection stepped to takes them along.
    fn travel(&mut self, back: bool) {
        let possible = if back {
            self.history.can_undo()
        } else {
            self.history.can_redo()
        };
        if !possible {
            return;
        }
        let history = Rc::make_mut(&mut self.history);
        let current = self.selection.clone();
        let stepped = if back {
            history.undo(current)
        } else {
            history.redo(current)
        };
        let Ok(next) = stepped else { return };
        let mut next = Rc::unwrap_or_clone(next);
        next.keep_personal(&self.selection);
        self.selection = Rc::new(next);
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

    fn loaded(&mut self, loaded: Loaded) {
        let Loaded {
            catalog,
            version,
            selection,
            history,
            notice,
        } = loaded;
        self.selected_zone = catalog.zones.first().map(|z| z.id.clone());
        self.view = catalog.views.first().map(|v| v.id.clone());
        self.selection = Rc::new(selection);
        self.history = Rc::new(history);
        self.pending_fix = None;
        self.notice = notice;
        self.catalog = CatalogLoad::Ready(catalog);
        self.catalog_version = version;
    }

    /// Chooses one option; `false` if the option is unknown (nothing to show, nothing changed).
    fn choose(&mut self, group: GroupKey, option: String) -> bool {
        let Some(catalog) = self.catalog().cloned() else {
            return false;
        };
        match self.selection.choose(&catalog, &group, &option) {
            Outcome::Applied {
                selection,
                changes,
                because,
            } => {
                self.notice =
                    (!changes.is_empty()).then_some(Notice::AlsoChanged { changes, because });
                self.apply(selection);
                self.show_group(&group);
            }
            Outcome::Conflict(fix) => {
                self.show_group(&group);
                self.pending_fix = Some(PendingFix { group, option, fix });
            }
            Outcome::Unknown => return false,
        }
        true
    }

    fn choose_all(&mut self, choices: &[(GroupKey, String)]) -> bool {
        let Some(catalog) = self.catalog().cloned() else {
            return false;
        };
        let mut next = (*self.selection).clone();
        for (group, option) in choices {
            next = match next.choose(&catalog, group, option) {
                Outcome::Applied { selection, .. } => selection,
                Outcome::Conflict(fix) => fix.selection,
                Outcome::Unknown => next,
            };
        }
        self.notice = None;
        self.apply(next);
        true
    }

    fn set_size(&mut self, size: Option<SizeId>) -> bool {
        let Some(catalog) = self.catalog().cloned() else {
            return false;
        };
        if !Rc::make_mut(&mut self.selection).set_size(&catalog, size) {
            return false;
        }
        self.edited();
        true
    }

    fn reset(&mut self) {
        if let Some(catalog) = self.catalog().cloned() {
            // Their size rarely changes between two designs; everything else starts afresh, and a reset is
            // one more undo step, so it can be taken back.
            let mut fresh = Selection::new(&catalog);
            fresh.set_size(&catalog, self.design().size.clone());
            self.notice = None;
            self.apply(fresh);
            self.selected_zone = catalog.zones.first().map(|z| z.id.clone());
        }
        self.submit = SubmitStatus::Idle;
        self.submission = None;
    }

    fn load_design(&mut self, design: &Design, explicit: &[GroupKey]) -> bool {
        let Some(catalog) = self.catalog().cloned() else {
            return false;
        };
        if design.product != catalog.id {
            return false;
        }
        let (selection, changes) = Selection::restore(&catalog, design, explicit);
        self.apply(selection);
        self.notice = (!changes.is_empty()).then_some(Notice::Restored(changes));
        true
    }

    fn set_text(&mut self, id: TextId, text: String) -> bool {
        let Some(catalog) = self.catalog().cloned() else {
            return false;
        };
        if catalog.text(id.as_str()).is_none() {
            return false;
        }
        Rc::make_mut(&mut self.selection).set_text(&catalog, id, text);
        self.edited();
        true
    }

    /// Keeps the word lists' verdict only if the check still waits on exactly this text: an answer about a
    /// text the shopper has since changed is stale (the newer one is asked).
    fn text_verdict(&mut self, id: TextId, text: String, verdict: Result<(), Refusal>) -> bool {
        let waiting = (self.catalog().and_then(|c| c.text(id.as_str())))
            .and_then(|placement| self.check_text(placement)?.words_pending);
        if waiting.as_ref() != Some(&text) {
            return false;
        }
        self.text_verdicts.insert(id, (text, verdict));
        true
    }

    /// Applies `action`; `false` if it changed nothing (so the old state is kept and nothing re-renders).
    fn act(&mut self, action: Action) -> bool {
        match action {
            Action::SetLocale(locale) => self.locale = locale,
            Action::CatalogLoading => self.catalog = CatalogLoad::Loading,
            Action::CatalogLoaded(loaded) => self.loaded(loaded),
            Action::CatalogFailed(e) => self.catalog = CatalogLoad::Failed(e),
            Action::SelectZone(zone) => self.selected_zone = Some(zone),
            Action::Highlight(zone) => self.highlight = zone,
            Action::Choose(group, option) => return self.choose(group, option),
            Action::ChooseAll(choices) => return self.choose_all(&choices),
            Action::AcceptFix => {
                let Some(pending) = self.pending_fix.take() else {
                    return false;
                };
                self.notice = None;
                self.apply(pending.fix.selection);
            }
            Action::DeclineFix => self.pending_fix = None,
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            Action::SetSize(size) => return self.set_size(size),
            Action::SetView(view) => self.view = Some(view),
            Action::Artwork(view, artwork) => {
                self.artwork.insert(view, artwork);
            }
            Action::NeedSize => self.submit = SubmitStatus::NeedSize,
            Action::Sending(submission) => {
                self.submission = Some(submission);
                self.submit = SubmitStatus::Sending;
            }
            Action::Placed(receipt) => {
                // The id is spent: the next order must not be mistaken for a retry of this one.
                self.submission = None;
                self.submit = SubmitStatus::Placed(receipt);
            }
            Action::SubmitFailed(e) => self.submit = SubmitStatus::Failed(e),
            Action::Reset => self.reset(),
            Action::LoadDesign(design, explicit) => return self.load_design(&design, &explicit),
            Action::SetText(id, text) => return self.set_text(id, text),
            Action::FontLoaded(path, bytes) => {
                let mut fonts = (*self.fonts.0).clone();
                fonts.insert(path, bytes);
                self.fonts = FontsHandle(Rc::new(fonts));
            }
            Action::TextVerdict(id, text, verdict) => return self.text_verdict(id, text, verdict),
            Action::TextWorkerFailed => {
                if self.text_worker_failed {
                    return false;
                }
                self.text_worker_failed = true;
            }
        }
        true
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A shallow copy: the selection, its history, the catalog and the fonts are shared `Rc`s.
        let mut next = (*self).clone();
        if next.act(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}
