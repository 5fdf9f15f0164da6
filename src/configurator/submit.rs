//! Placing the order: the hook behind the order button, and delivery that survives a dropped connection.
//!
//! A press asks for a size first, reuses the submission id when the same design is sent again (so the shop
//! answers a retry with the first order), renders the proofs of exactly the design sent, puts the order in
//! the device's outbox ([`outbox`]) and sends it. Without an answer it waits (backing off from 1 s to 30 s,
//! or until the browser says it is online again) and sends it again, for as long as the page is open; a page
//! opened later sends a waiting order itself ([`use_resume`]). The shopper never presses twice and never gets
//! two orders.
//!
//! A second press while an order is out does nothing: the state says `Sending` from the moment of the first
//! press (Yew applies an action to the shared state as it is dispatched, before the next render).

use crate::api::{self, OrderError};
use crate::artwork::SharedArtwork;
use crate::outbox;
use crate::proofs;
use crate::state::{Action, CatalogHandle, State, StateHandle, Submission, SubmitStatus};
use crate::submission;
use atelier_core::Locale;
use atelier_core::order::{ORDER_FORMAT, OrderRequest};
use atelier_core::pricing::price;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The first wait before sending again, and the longest.
const RETRY_MS: (i32, i32) = (1_000, 30_000);

/// The order button's callback for the design in `state`.
#[hook]
pub fn use_submit(
    state: &StateHandle,
    catalog: &CatalogHandle,
    artwork: &SharedArtwork,
) -> Callback<()> {
    let (state, catalog, artwork) = (state.clone(), catalog.clone(), artwork.clone());
    Callback::from(move |()| submit(&state, &catalog, &artwork))
}

/// Sends the order this device still has waiting for `catalog`'s product, once, when the page opens.
#[hook]
pub fn use_resume(state: &StateHandle, catalog: &CatalogHandle) {
    let state = state.clone();
    use_effect_with(catalog.id().clone(), move |product| {
        if let Some(request) = outbox::pending(product.as_str())
            && !busy(&state)
        {
            state.dispatch(Action::Sending(Submission {
                id: request.submission.clone().unwrap_or_default(),
                design: request.design.clone(),
            }));
            let (dispatcher, locale) = (state.dispatcher(), state.locale);
            wasm_bindgen_futures::spawn_local(deliver(dispatcher, request, locale));
        }
    });
}

fn busy(state: &State) -> bool {
    matches!(state.submit, SubmitStatus::Sending | SubmitStatus::Waiting)
}

fn submit(state: &StateHandle, catalog: &CatalogHandle, artwork: &SharedArtwork) {
    if busy(state) {
        return;
    }
    if state.design().size.is_none() {
        state.dispatch(Action::NeedSize);
        focus_by_id("size");
        return;
    }
    let Ok(valid) = state.design().validate(catalog) else {
        return;
    };
    let total = price(&valid).total;
    // Retrying the same design reuses its id, so the shop answers with the first order if it did get the
    // earlier request; a changed design is a new order.
    let id = state
        .retry_submission_id()
        .map_or_else(submission::new_submission_id, str::to_owned);
    let mut request = OrderRequest {
        format: ORDER_FORMAT,
        design: state.design().clone(),
        price: total.into(),
        proof: Default::default(),
        submission: Some(id.clone()),
    };
    state.dispatch(Action::Sending(Submission {
        id,
        design: state.design().clone(),
    }));
    let (dispatcher, locale) = (state.dispatcher(), state.locale);
    let (catalog, artwork, fonts) = (catalog.clone(), artwork.clone(), state.fonts.clone());
    wasm_bindgen_futures::spawn_local(async move {
        // Rendered from the request's own design, so the proofs are of exactly what is sent.
        match proofs::of_order(&catalog, &request.design, &artwork, &fonts).await {
            Ok(proofs) => request.proof = proofs,
            Err(e) => {
                dispatcher.dispatch(Action::SubmitFailed(OrderError::Unproven(e)));
                return;
            }
        }
        outbox::put(&request);
        deliver(dispatcher, request, locale).await;
    });
}

/// Sends `request` until the shop answers it, then takes it out of the outbox and reports the answer.
async fn deliver(dispatcher: UseReducerDispatcher<State>, request: OrderRequest, locale: Locale) {
    let product = request.design.product.as_str().to_owned();
    let mut wait = RETRY_MS.0;
    loop {
        match api::place_order(&request, locale).await {
            Ok(receipt) => {
                outbox::clear(&product);
                dispatcher.dispatch(Action::Placed(receipt));
                return;
            }
            Err(OrderError::Network) => {
                dispatcher.dispatch(Action::Waiting);
                connection_or_timeout(wait).await;
                wait = (wait * 2).min(RETRY_MS.1);
            }
            Err(refused) => {
                outbox::clear(&product);
                dispatcher.dispatch(Action::SubmitFailed(refused));
                return;
            }
        }
    }
}

/// Resolves after `ms` milliseconds, or sooner when the browser reports it is online again.
async fn connection_or_timeout(ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut listener = None::<js_sys::Function>;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        let _ = window.add_event_listener_with_callback("online", &resolve);
        listener = Some(resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    if let Some(f) = listener {
        let _ = window.remove_event_listener_with_callback("online", &f);
    }
}

/// Moves keyboard focus to the element with `id`, if it is there.
pub(super) fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
