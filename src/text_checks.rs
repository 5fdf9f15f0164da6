//! Asking the text worker for the word lists' verdict on each personal text, as the core's check needs it
//! ([`atelier_core::text::TextCheck::words_pending`]): when a text is typed or restored, once per text, with
//! the answer reported back as [`Action::TextVerdict`] (the reducer drops one that is stale by then). The
//! worker starts on the first question, or sooner when the shopper focuses a text field
//! ([`crate::text_worker::warm`]); a product whose texts nobody writes never loads it. If it cannot answer,
//! [`Action::TextWorkerFailed`] leaves the lists to the shop's check at submit. Showing the verdict is the
//! configurator's.

use crate::state::{Action, State};
use crate::text_worker;
use atelier_core::id::TextId;
use std::collections::BTreeMap;
use yew::prelude::*;

/// Sends the worker every text the checks are waiting on and not already asked about.
#[hook]
pub fn use_text_checks(state: &UseReducerHandle<State>) {
    // The last text asked about per placement, so another placement's edit does not ask again.
    let asked = use_mut_ref(BTreeMap::<TextId, String>::new);
    let questions: Vec<(TextId, String)> = match state.catalog() {
        Some(catalog) if !state.text_worker_failed => catalog
            .texts()
            .iter()
            .filter_map(|p| Some((p.id.clone(), state.check_text(p)?.words_pending?)))
            .collect(),
        _ => Vec::new(),
    };
    let dispatcher = state.dispatcher();
    use_effect_with(questions, move |questions| {
        for (id, text) in questions {
            if asked.borrow().get(id) == Some(text) {
                continue;
            }
            asked.borrow_mut().insert(id.clone(), text.clone());
            let (dispatcher, id, text) = (dispatcher.clone(), id.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match text_worker::check(&text).await {
                    Ok(verdict) => dispatcher.dispatch(Action::TextVerdict(id, text, verdict)),
                    Err(_) => dispatcher.dispatch(Action::TextWorkerFailed),
                }
            });
        }
    });
}
