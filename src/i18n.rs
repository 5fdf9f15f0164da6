//! The shopper's language as an app-wide context, and the helpers components use to show text from the
//! message catalogs (`atelier_core::messages`) in it.
//!
//! Choosing the first locale (`?lang=`, then the browser's language) lives here too; the language itself is
//! part of [`crate::state::State`] so switching it is an ordinary action.

use atelier_core::{Locale, Localized, messages};
use yew::prelude::*;

/// What components read from the locale context.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct I18n(pub Locale);

impl I18n {
    /// The message `key`.
    pub fn t(&self, key: &str) -> &'static str {
        messages::text(self.0, key)
    }

    /// The message `key` with its `{placeholders}` filled.
    pub fn f(&self, key: &str, args: &[(&str, String)]) -> String {
        messages::format(self.0, key, args)
    }

    /// A catalog text in this language.
    pub fn pick<'a>(&self, text: &'a Localized) -> &'a str {
        text.get(self.0)
    }

    /// The locale.
    pub fn locale(&self) -> Locale {
        self.0
    }
}

/// The locale of the surrounding [`ContextProvider<I18n>`]; English outside one.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n(Locale::En))
}

/// The locale to start in: `?lang=ko|en`, else the browser's language, else English.
pub fn initial_locale() -> Locale {
    crate::url::query_param("lang")
        .and_then(|tag| Locale::from_tag(&tag))
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.navigator().language())
                .and_then(|tag| Locale::from_tag(&tag))
        })
        .unwrap_or_default()
}
