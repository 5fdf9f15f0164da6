//! Placing the order: the hook behind the order button. It asks for a size first, reuses the submission id
//! when the same design is sent again (so the shop answers a retry with the first order), renders the proofs
//! of exactly the design sent, and reports every outcome to the state.
//!
//! A second press while an order is out does nothing: the state says `Sending` from the moment of the first
//! press (Yew applies an action to the shared state as it is dispatched, before the next render).

use crate::api::{self, OrderError};
use crate::artwork::SharedArtwork;
use crate::proofs;
use crate::state::{Action, CatalogHandle, StateHandle, Submission, SubmitStatus};
use crate::submission;
use atelier_core::order::{ORDER_FORMAT, OrderRequest};
use atelier_core::pricing::price;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

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

fn submit(state: &StateHandle, catalog: &CatalogHandle, artwork: &SharedArtwork) {
    if state.submit == SubmitStatus::Sending {
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
        match api::place_order(&request, locale).await {
            Ok(receipt) => dispatcher.dispatch(Action::Placed(receipt)),
            Err(e) => dispatcher.dispatch(Action::SubmitFailed(e)),
        }
    });
}

/// Moves keyboard focus to the element with `id`, if it is there.
fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
