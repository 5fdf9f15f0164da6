//! Fetching the font files the product's text placements need, as they are needed: each placement's first
//! font as soon as the product is shown (the small Latin file), and a further one (the large Hangul file)
//! only once a shopper's text has a character the loaded ones cannot draw, as the core's check says
//! ([`atelier_core::text::TextCheck::needs_font`]). Fonts come from the shop's `/static`, like the layers;
//! none is compiled into the app.

use crate::state::{Action, State};
use atelier_core::text::check_placement_with;
use std::collections::BTreeSet;
use yew::prelude::*;

/// Starts fetching every font the current texts need and are not loaded or on their way.
#[hook]
pub fn use_fonts(state: &UseReducerHandle<State>) {
    let requested = use_mut_ref(BTreeSet::<String>::new);
    let catalog = state.catalog().cloned();
    let text = state.design().text.clone();
    let fonts = state.fonts.clone();
    let dispatcher = state.dispatcher();
    use_effect_with((catalog, text, fonts), move |(catalog, text, fonts)| {
        let Some(catalog) = catalog else { return };
        let mut wanted = BTreeSet::new();
        for placement in catalog.texts() {
            if let Some(first) = placement.fonts.first() {
                wanted.insert(first.clone());
            }
            if let Some(t) = text.get(&placement.id) {
                // Which font sets a text does not depend on the word lists: their verdict is not needed.
                let check = check_placement_with(placement, t, fonts, |_| None);
                wanted.extend(check.needs_font);
            }
        }
        for path in wanted {
            if fonts.contains(&path) || !requested.borrow_mut().insert(path.clone()) {
                continue;
            }
            let (dispatcher, requested) = (dispatcher.clone(), requested.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::api::fetch_static_bytes(&path).await {
                    Ok(bytes) => dispatcher.dispatch(Action::FontLoaded(path, bytes)),
                    // Asked for again on the next edit.
                    Err(_) => {
                        requested.borrow_mut().remove(&path);
                    }
                }
            });
        }
    });
}
