//! Design codes in the app: "Get a code" stores the design on screen at the shop and shows its short code,
//! large and grouped, to read aloud on the phone or show in a store, with its link (and "Share" where the
//! browser has the Web Share API); "Open a design code" takes a code as a shopper types it, checks it on the
//! device first (a mistyped or swapped character is caught before any lookup, with the reason), then opens
//! the design through the rules. A page opened with `?code=…` opens that design the same way.

use crate::api;
use crate::i18n::{I18n, use_i18n};
use crate::state::{Action, StateHandle, use_app_state};
use crate::url;
use atelier_core::design_code::{CodeError, DesignCode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Where getting or opening a code stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Working,
    /// The design on screen has this code.
    Got(String),
    /// The code typed is not one (checked on the device).
    Malformed(CodeError),
    /// The shop's answer: a sentence in the shopper's language.
    Failed(String),
    /// The design of this code is open.
    Opened(String),
}

/// The design-code section.
#[component]
pub fn DesignCodes() -> Html {
    let state = use_app_state();
    let i18n = use_i18n();
    let status = use_state(|| Status::Idle);
    let input_ref = use_node_ref();
    // A page opened with `?code=…` opens that design once.
    {
        let (state, status) = (state.clone(), status.clone());
        use_effect_with((), move |()| {
            if let Some(code) = url::query_param("code") {
                open(&state, &status, &code);
            }
        });
    }
    let get_code = {
        let (state, status) = (state.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(Status::Working);
            let (design, locale, status) = (state.design().clone(), state.locale, status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match api::design_code(&design, locale).await {
                    Ok(code) => Status::Got(code),
                    Err(e) => Status::Failed(e.describe(locale)),
                });
            });
        })
    };
    let on_open = {
        let (state, status, input_ref) = (state.clone(), status.clone(), input_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                open(&state, &status, &input.value());
            }
        })
    };
    let invalid = matches!(*status, Status::Malformed(_));
    html! {
        <section class="design-codes" aria-labelledby="design-codes-heading">
            <h2 id="design-codes-heading" class="section-title">{ i18n.t("codes.heading") }</h2>
            <p class="muted">{ i18n.t("codes.intro") }</p>
            <button type="button" id="get-code" class="button secondary" onclick={get_code}
                disabled={*status == Status::Working}>{ i18n.t("codes.get") }</button>
            <form class="open-code" onsubmit={on_open}>
                <label for="open-code">{ i18n.t("codes.open_label") }</label>
                <input id="open-code" ref={input_ref} type="text" autocomplete="off" autocapitalize="characters"
                    spellcheck="false" placeholder="K7QM-2XR8" maxlength="20"
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={invalid.then_some("design-code-status")} />
                <button type="submit" class="button secondary">{ i18n.t("codes.open") }</button>
            </form>
            <div id="design-code-status" role="status" aria-live="polite">{ outcome(&i18n, &status) }</div>
        </section>
    }
}

/// Checks `typed` on the device, then opens its design.
fn open(state: &StateHandle, status: &UseStateHandle<Status>, typed: &str) {
    let code = match DesignCode::parse(typed) {
        Ok(code) => code.to_string(),
        Err(e) => return status.set(Status::Malformed(e)),
    };
    status.set(Status::Working);
    let (dispatcher, locale, status) = (state.dispatcher(), state.locale, status.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match api::design_by_code(&code, locale).await {
            Ok(design) => {
                dispatcher.dispatch(Action::LoadDesign(design, Vec::new()));
                status.set(Status::Opened(code));
            }
            Err(e) => status.set(Status::Failed(e.describe(locale))),
        }
    });
}

fn outcome(i18n: &I18n, status: &Status) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Working => html! { <p>{ i18n.t("codes.working") }</p> },
        Status::Got(code) => {
            let link = format!("/d/{code}");
            let share = {
                let link = link.clone();
                Callback::from(move |_: MouseEvent| share(&link))
            };
            html! {
                <div class="code-result">
                    { spoken_code(i18n, code, "design-code") }
                    <a id="design-code-link" href={link}>{ i18n.t("codes.link") }</a>
                    if can_share() {
                        <button type="button" class="button small secondary" onclick={share}>{ i18n.t("codes.share") }</button>
                    }
                </div>
            }
        }
        Status::Malformed(e) => html! { <p class="field-error">{ e.message(i18n.locale()) }</p> },
        Status::Failed(message) => html! { <p class="notice error">{ message.clone() }</p> },
        Status::Opened(code) => {
            html! { <p>{ i18n.f("codes.opened", &[("code", code.clone())]) }</p> }
        }
    }
}

/// A design code as it is read out: large, grouped, in a monospace face, with a line saying so; `id` names its
/// element (the code section's and easy mode's help each show one).
pub(super) fn spoken_code(i18n: &I18n, code: &str, id: &str) -> Html {
    html! {
        <>
            <p>{ i18n.t("codes.yours") }</p>
            <p><output id={id.to_owned()} class="design-code" lang="en">{ code.to_owned() }</output></p>
            <p class="muted">{ i18n.t("codes.read_aloud") }</p>
        </>
    }
}

/// Whether the browser offers the Web Share API (phones mostly).
fn can_share() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false)
    })
}

/// Hands the design's link to the system's share sheet (the API is called through `Reflect`: web-sys keeps
/// it behind its unstable flag).
fn share(link: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = window
        .location()
        .origin()
        .map(|o| format!("{o}{link}"))
        .unwrap_or_else(|_| link.to_owned());
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(&url));
    let navigator = window.navigator();
    if let Ok(f) = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call1(&navigator, &data);
    }
}
