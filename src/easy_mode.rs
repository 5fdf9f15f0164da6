//! Easy mode, the shopper's choice of larger text and targets and a guided path (one part at a time with Back
//! and Next, the price and the order button always in view, help one tap away): whether it is on, remembered
//! on the device (`atelier.easy-mode` in `localStorage`, for every product), and the switch in the top bar.
//!
//! The page's root carries `data-easy` while it is on, so the stylesheet scales every size from it; the
//! configurator reads [`EasyMode`] from the context to walk the steps (`configurator/easy_steps.rs`).

use crate::i18n::use_i18n;
use crate::storage;
use gloo_storage::{LocalStorage, Storage};
use yew::prelude::*;

const KEY: &str = "atelier.easy-mode";

/// Whether easy mode is on, as the app's context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EasyMode(pub bool);

/// The remembered choice (off where storage is blocked or never set).
pub fn remembered() -> bool {
    storage::available() && LocalStorage::get::<bool>(KEY).unwrap_or(false)
}

/// Remembers `on` and marks the page's root with it.
pub fn apply(on: bool) {
    if storage::available() {
        let _ = LocalStorage::set(KEY, on);
    }
    mark_root(on);
}

/// Sets or removes `data-easy` on `<html>`.
pub fn mark_root(on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.toggle_attribute_with_force("data-easy", on);
    }
}

/// Properties of [`EasySwitch`].
#[derive(Properties, PartialEq)]
pub struct EasySwitchProps {
    /// Whether easy mode is on.
    pub on: bool,
    /// The shopper flipped it.
    pub on_toggle: Callback<bool>,
}

/// "Easy mode" / "쉬운 모드": a real switch (`role="switch"`, `aria-checked`), with a drawn track for sighted
/// shoppers that shows its state by position and fill, not by color alone.
#[component]
pub fn EasySwitch(props: &EasySwitchProps) -> Html {
    let i18n = use_i18n();
    let onclick = {
        let (on, on_toggle) = (props.on, props.on_toggle.clone());
        Callback::from(move |_: MouseEvent| on_toggle.emit(!on))
    };
    html! {
        <button type="button" id="easy-mode" class="easy-switch" role="switch"
            aria-checked={props.on.to_string()} {onclick}>
            <span class="easy-track" aria-hidden="true"><span class="easy-thumb"></span></span>
            <span>{ i18n.t("easy.switch") }</span>
        </button>
    }
}
