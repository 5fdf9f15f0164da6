//! The fix offered for an unavailable option: a modal `alertdialog` naming the reasons and every change
//! accepting would make, with "Apply these changes" and "Keep my design".
//!
//! Focus moves into the dialog when it opens, stays inside it (Tab wraps between the two buttons) and goes
//! back to where it was when it closes; Escape declines. It shows text it is given and reports the answer;
//! what the fix is and what accepting does is the state's business.

use crate::i18n::use_i18n;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Properties of [`FixDialog`].
#[derive(Properties, PartialEq)]
pub struct FixDialogProps {
    /// The heading ("Choosing “Gum” needs other changes").
    pub title: AttrValue,
    /// The rules behind the conflict, one sentence each.
    pub reasons: Vec<AttrValue>,
    /// Every change accepting makes ("Material of the Sole: Foam → Rubber"), the chosen option first.
    pub changes: Vec<AttrValue>,
    /// Apply the fix.
    pub on_accept: Callback<()>,
    /// Keep the design as it is.
    pub on_decline: Callback<()>,
}

/// The fix dialog over a dimmed page.
#[component]
pub fn FixDialog(props: &FixDialogProps) -> Html {
    let i18n = use_i18n();
    let accept_ref = use_node_ref();
    let decline_ref = use_node_ref();

    // Focus the first action on open; give focus back to what had it (the radio) on close.
    {
        let accept_ref = accept_ref.clone();
        use_effect_with((), move |_| {
            let previous = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(button) = accept_ref.cast::<HtmlElement>() {
                let _ = button.focus();
            }
            move || {
                if let Some(el) = previous {
                    let _ = el.focus();
                }
            }
        });
    }

    let onkeydown = {
        let (on_decline, accept_ref, decline_ref) = (
            props.on_decline.clone(),
            accept_ref.clone(),
            decline_ref.clone(),
        );
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                on_decline.emit(());
            }
            "Tab" => {
                // Two buttons: Tab and Shift+Tab both land on the one that does not have focus.
                let (Some(accept), Some(decline)) = (
                    accept_ref.cast::<HtmlElement>(),
                    decline_ref.cast::<HtmlElement>(),
                ) else {
                    return;
                };
                e.prevent_default();
                let on_accept = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| a == *accept.as_ref());
                let _ = if on_accept {
                    decline.focus()
                } else {
                    accept.focus()
                };
            }
            _ => {}
        })
    };
    let accept = props.on_accept.reform(|_: MouseEvent| ());
    let decline = props.on_decline.reform(|_: MouseEvent| ());

    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="fix-title"
                aria-describedby="fix-body" {onkeydown}>
                <h2 id="fix-title" class="section-title">{ props.title.clone() }</h2>
                <div id="fix-body">
                    <h3 class="dialog-subtitle">{ i18n.t("fix.why") }</h3>
                    <ul class="fix-reasons">
                        { for props.reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }
                    </ul>
                    <h3 class="dialog-subtitle">{ i18n.t("fix.changes") }</h3>
                    <ul class="fix-changes">
                        { for props.changes.iter().map(|c| html! { <li>{ c.clone() }</li> }) }
                    </ul>
                </div>
                <div class="dialog-actions">
                    <button type="button" id="fix-accept" class="button primary" ref={accept_ref}
                        onclick={accept}>{ i18n.t("fix.accept") }</button>
                    <button type="button" id="fix-decline" class="button secondary" ref={decline_ref}
                        onclick={decline}>{ i18n.t("fix.decline") }</button>
                </div>
            </div>
        </div>
    }
}
