//! Easy mode's bar, pinned to the bottom of the screen on every step: the total, the order button, and "Help",
//! which opens the shop's phone number (from the shop's configuration, `ATELIER_HELP_PHONE`, which the shop
//! writes into the page as `<meta name="atelier-help-phone">`) and the code of the design on screen, large, to
//! read out on the phone. Escape closes the help and gives focus back to its button.

use super::design_codes::spoken_code;
use super::order_box::orderable;
use super::submit::use_submit;
use crate::api;
use crate::artwork::SharedArtwork;
use crate::components::order_button::OrderButton;
use crate::i18n::use_i18n;
use crate::state::{CatalogHandle, SubmitStatus, use_app_state};
use atelier_core::pricing::price;
use atelier_core::swatch::contact::is_phone;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The shop's help line as its page names it, if it names a well-formed one.
fn help_phone() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=\"atelier-help-phone\"]")
        .ok()??
        .get_attribute("content")
        .filter(|p| is_phone(p))
}

/// A `tel:` address for `phone`: the digits, with a leading `+` kept.
fn tel(phone: &str) -> String {
    let plus = if phone.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("tel:{plus}{digits}")
}

/// The design code of the design on screen, while it is fetched and once it is known.
#[derive(Clone, Debug, PartialEq)]
enum Code {
    None,
    Working,
    Got(String),
    Failed(String),
}

/// Properties of [`EasyBar`].
#[derive(Properties, PartialEq)]
pub struct EasyBarProps {
    /// Decoded views, from which the order's proofs are rendered.
    pub artwork: SharedArtwork,
}

/// Total, order button and help.
#[component]
pub fn EasyBar(props: &EasyBarProps) -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let on_submit = use_submit(&state, &catalog, &props.artwork);
    let open = use_state(|| false);
    let code = use_state(|| Code::None);
    let help_button = use_node_ref();
    let phone = use_memo((), |()| help_phone());

    let total = (state.design().validate(&catalog).ok())
        .map(|valid| price(&valid).total.format(i18n.locale()))
        .unwrap_or_default();
    let sending = matches!(state.submit, SubmitStatus::Sending | SubmitStatus::Waiting);
    let ready = orderable(&state, &catalog);

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let (open, help_button) = (open.clone(), help_button.clone());
        move || {
            open.set(false);
            if let Some(b) = help_button.cast::<HtmlElement>() {
                let _ = b.focus();
            }
        }
    };
    let on_key = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close();
            }
        })
    };
    let on_close = Callback::from(move |_: MouseEvent| close());
    let get_code = {
        let (state, code) = (state.clone(), code.clone());
        Callback::from(move |_: MouseEvent| {
            code.set(Code::Working);
            let (design, locale, code) = (state.design().clone(), state.locale, code.clone());
            wasm_bindgen_futures::spawn_local(async move {
                code.set(match api::design_code(&design, locale).await {
                    Ok(c) => Code::Got(c),
                    Err(e) => Code::Failed(e.describe(locale)),
                });
            });
        })
    };

    let call = match phone.as_ref() {
        Some(p) => html! {
            <p class="help-call"><a id="help-phone" href={tel(p)}>{ i18n.f("help.call", &[("phone", p.clone())]) }</a></p>
        },
        None => html! { <p>{ i18n.t("help.no_phone") }</p> },
    };
    let code_view = match &*code {
        Code::None => html! {},
        Code::Working => html! { <p>{ i18n.t("codes.working") }</p> },
        Code::Got(c) => spoken_code(&i18n, c, "help-code"),
        Code::Failed(message) => html! { <p class="notice error">{ message.clone() }</p> },
    };
    html! {
        <div class="easy-bar">
            if *open {
                <section id="help-panel" class="help-panel" aria-labelledby="help-heading" onkeydown={on_key}>
                    <h2 id="help-heading" class="section-title">{ i18n.t("help.heading") }</h2>
                    { call }
                    <p class="muted">{ i18n.t("help.code_intro") }</p>
                    <button type="button" id="help-get-code" class="button secondary" onclick={get_code}
                        disabled={*code == Code::Working}>{ i18n.t("codes.get") }</button>
                    <div role="status" aria-live="polite">{ code_view }</div>
                    <button type="button" class="button small" onclick={on_close}>{ i18n.t("help.close") }</button>
                </section>
            }
            <div class="easy-bar-row">
                <p class="easy-total">
                    <span>{ i18n.t("easy.total") }</span>
                    <strong id="easy-total">{ total }</strong>
                </p>
                <button type="button" id="easy-help" class="button secondary" ref={help_button}
                    aria-expanded={open.to_string()} aria-controls="help-panel" onclick={toggle}>
                    { i18n.t("help.button") }
                </button>
                <OrderButton {ready} {sending} on_press={on_submit} />
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::tel;

    #[test]
    fn a_help_line_dials_its_digits() {
        assert_eq!(tel("1588-0000"), "tel:15880000");
        assert_eq!(tel("+82 2-123-4567"), "tel:+8221234567");
        assert_eq!(tel("(02) 123 4567"), "tel:021234567");
    }
}
