//! Part of a page drawn one task after the rest: the app's first page is one long task otherwise (the whole
//! configurator built and inserted at once, over 50 ms under a phone's CPU), and what the shopper sees first
//! need not wait for what is further down. Put only a page's trailing content in it, so that nothing already
//! on screen moves when it arrives.

use crate::time_slice::yield_to_page;
use yew::prelude::*;

/// What [`Deferred`] draws.
#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    /// Drawn from the task after the component's first render on.
    pub children: Html,
}

/// Draws nothing in its first render and its children from the next task on.
#[component]
pub fn Deferred(props: &DeferredProps) -> Html {
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                yield_to_page().await;
                shown.set(true);
            });
        });
    }
    if *shown {
        props.children.clone()
    } else {
        html! {}
    }
}
