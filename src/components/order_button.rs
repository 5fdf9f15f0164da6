//! "Place order": the one order button, in the submit panel and in easy mode's bar. Disabled while the design
//! cannot be ordered or an order is out (then it says "Sending…", and `aria-disabled` tells why it is inert).

use crate::i18n::use_i18n;
use yew::prelude::*;

/// Properties of [`OrderButton`].
#[derive(Properties, PartialEq)]
pub struct OrderButtonProps {
    /// Whether the design can be ordered as it is.
    pub ready: bool,
    /// Whether an order is being sent (or waits to be sent again).
    pub sending: bool,
    /// The shopper pressed it.
    pub on_press: Callback<()>,
}

/// `<button id="submit">`.
#[component]
pub fn OrderButton(props: &OrderButtonProps) -> Html {
    let i18n = use_i18n();
    let onclick = {
        let on_press = props.on_press.clone();
        Callback::from(move |_: MouseEvent| on_press.emit(()))
    };
    let sending = props.sending;
    html! {
        <button type="button" id="submit" class="button primary" {onclick}
            disabled={sending || !props.ready} aria-disabled={sending.to_string()}>
            { if sending { i18n.t("submit.sending") } else { i18n.t("submit.button") } }
        </button>
    }
}
