//! The whole-page states before the product is usable: loading it, or why it could not be loaded with a
//! way to try again.

use crate::i18n::use_i18n;
use yew::prelude::*;

/// Properties of [`Loading`].
#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// Why loading failed, if it did.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Try loading again.
    pub on_retry: Callback<()>,
}

/// A spinner and a polite status, or the error and a retry button.
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    let i18n = use_i18n();
    let retry = {
        let on_retry = props.on_retry.clone();
        Callback::from(move |_: MouseEvent| on_retry.emit(()))
    };
    html! {
        <div class="page-status" role="status" aria-live="polite">
            if let Some(error) = &props.error {
                <p class="notice error">{ i18n.f("app.load_failed", &[("detail", error.to_string())]) }</p>
                <button type="button" class="button primary" onclick={retry}>{ i18n.t("app.retry") }</button>
            } else {
                <div class="spinner" aria-hidden="true"></div>
                <p>{ i18n.t("app.loading_catalog") }</p>
            }
        </div>
    }
}
