//! Placing the order: the button, its "sending" state, the thank-you with the order number, and the shop's
//! reasons when it refuses (shown as text, never markup).
//!
//! It only reports the shopper's intent (`on_submit`, `on_reset`); building and sending the request is the
//! app's job. Focus moves to the outcome so keyboard and screen-reader users hear it.

use crate::api::OrderError;
use crate::components::order_button::OrderButton;
use crate::i18n::use_i18n;
use crate::state::SubmitStatus;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Properties of [`SubmitPanel`].
#[derive(Properties, PartialEq)]
pub struct SubmitPanelProps {
    /// Where the order stands.
    pub status: SubmitStatus,
    /// Whether the design can be priced (the button is disabled otherwise).
    pub ready: bool,
    /// The shopper pressed "Place order" (or "Try again").
    pub on_submit: Callback<()>,
    /// The shopper wants to start a new design.
    pub on_reset: Callback<()>,
    /// Whether the panel has the order button (easy mode keeps it in its bar instead, always in view).
    #[prop_or(true)]
    pub button: bool,
}

/// The order button and its outcome.
#[component]
pub fn SubmitPanel(props: &SubmitPanelProps) -> Html {
    let i18n = use_i18n();
    let outcome_ref = use_node_ref();
    {
        let outcome_ref = outcome_ref.clone();
        let placed_or_failed = matches!(
            props.status,
            SubmitStatus::Placed(_) | SubmitStatus::Failed(_)
        );
        use_effect_with(placed_or_failed, move |&moved| {
            if moved && let Some(el) = outcome_ref.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }

    let reset = {
        let on_reset = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| on_reset.emit(()))
    };
    let sending = matches!(props.status, SubmitStatus::Sending | SubmitStatus::Waiting);
    let button = if props.button {
        html! { <OrderButton ready={props.ready} {sending} on_press={props.on_submit.clone()} /> }
    } else {
        html! {}
    };

    let body = match &props.status {
        SubmitStatus::Idle | SubmitStatus::Sending => button,
        SubmitStatus::Waiting => html! {
            <>
                <p id="order-waiting" class="notice info" role="status">{ i18n.t("submit.waiting") }</p>
                { button }
            </>
        },
        SubmitStatus::NeedSize => html! {
            <>
                <p class="notice warning" role="alert">{ i18n.t("submit.need_size") }</p>
                { button }
            </>
        },
        SubmitStatus::Placed(receipt) => {
            // The sentence is localized around the number, so the number can carry its own element.
            let sentence = i18n.t("submit.done");
            let (before, after) = sentence.split_once("{order}").unwrap_or((sentence, ""));
            html! {
                <div class="order-placed" tabindex="-1" ref={outcome_ref}>
                    <h2 class="section-title">{ i18n.t("submit.done_heading") }</h2>
                    <p>{ before }<strong id="order-number">{ receipt.id.clone() }</strong>{ after }</p>
                    <p>{ i18n.f("submit.total_charged", &[("price", receipt.price_text(i18n.locale()))]) }</p>
                    <button type="button" class="button secondary" onclick={reset}>{ i18n.t("submit.new_design") }</button>
                </div>
            }
        }
        SubmitStatus::Failed(OrderError::Rejected { message, problems }) => html! {
            <>
                <div class="notice error" role="alert" tabindex="-1" ref={outcome_ref}>
                    // The shop's message is already a whole sentence in the shopper's language.
                    <p>{ message.clone() }</p>
                    if !problems.is_empty() {
                        <ul>{ for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                    }
                </div>
                { button }
            </>
        },
        SubmitStatus::Failed(OrderError::Unproven(e)) => html! {
            <>
                <div class="notice error" role="alert" tabindex="-1" ref={outcome_ref}>
                    <p>{ e.describe(i18n.locale()) }</p>
                </div>
                { button }
            </>
        },
        SubmitStatus::Failed(OrderError::Network) => html! {
            <>
                <p class="notice error" role="alert" tabindex="-1" ref={outcome_ref}>{ i18n.t("submit.network_failed") }</p>
                { button }
            </>
        },
    };
    // No live region here: errors are inserted as alerts, and focus moves to the outcome, which reads it.
    html! { <section class="submit-panel">{ body }</section> }
}
