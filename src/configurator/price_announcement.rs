//! The price said aloud when it moves: a polite live region, visually hidden, that a screen reader reads after
//! the design's description ("Total now ₩154,000, ₩5,000 more."; the words are the core's
//! [`price_change::announce`]). It says nothing when the page opens or the total stays, and it is on every
//! screen, easy mode too, where the price breakdown is on the last step.

use crate::state::{CatalogHandle, use_app_state};
use atelier_core::money::Money;
use atelier_core::price_change::announce;
use atelier_core::pricing::price;
use yew::prelude::*;

/// The region with the last move of the total.
#[component]
pub fn PriceAnnouncement() -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    // The total last seen and the sentence about the last move; kept across renders that change no price (a
    // highlight, artwork arriving), so the region's text changes only when the total does.
    let last = use_mut_ref(|| (None::<Money>, String::new()));
    let total = (state.design().validate(&catalog).ok()).map(|valid| price(&valid).total);
    let mut last = last.borrow_mut();
    if let Some(total) = total
        && last.0 != Some(total)
    {
        if let Some(before) = last.0 {
            last.1 = announce(before, total, state.locale).unwrap_or_default();
        }
        last.0 = Some(total);
    }
    html! {
        <p id="price-announcement" class="visually-hidden" aria-live="polite">{ last.1.clone() }</p>
    }
}
