//! The language switch: one button per supported language, each written in its own language (and marked
//! with its `lang` so screen readers pronounce it right), the current one `aria-pressed`.

use crate::i18n::use_i18n;
use atelier_core::Locale;
use yew::prelude::*;

/// Properties of [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// A language was chosen.
    pub on_change: Callback<Locale>,
}

/// Buttons with `data-locale`.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let i18n = use_i18n();
    let buttons = Locale::ALL.iter().map(|&locale| {
        let onclick = {
            let on_change = props.on_change.clone();
            Callback::from(move |_: MouseEvent| on_change.emit(locale))
        };
        let pressed = locale == i18n.locale();
        html! {
            <button type="button" class="lang-button" data-locale={locale.tag()} lang={locale.tag()}
                aria-pressed={pressed.to_string()} {onclick}>
                { i18n.t(&format!("language.{}", locale.tag())) }
            </button>
        }
    });
    html! {
        <div class="language-switch" role="group" aria-label={i18n.t("app.language")}>
            { for buttons }
        </div>
    }
}
