//! The languages Atelier speaks and text the catalog gives in each of them.
//!
//! Choosing a locale from an `Accept-Language` header or a browser's language list lives here so the shop and
//! the app pick the same one; formatting numbers and prices lives in [`crate::money`].

use serde::{Deserialize, Serialize};

/// A language of the UI and of the catalogs. Korean and English today; a new one needs a message catalog and a
/// column in every catalog's localized names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Locale {
    /// Every supported locale, in the order the language switch shows them.
    pub const ALL: [Locale; 2] = [Locale::Ko, Locale::En];

    /// The BCP 47 tag, as used in `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ko => "ko",
        }
    }

    /// The locale for a language tag such as `ko-KR` or `en`, if supported.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "ko" => Some(Locale::Ko),
            _ => None,
        }
    }
}

/// A text given in every supported language, as catalogs write it: `{"en": "Navy", "ko": "네이비"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    /// English text.
    pub en: String,
    /// Korean text.
    pub ko: String,
}

impl Localized {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Ko => &self.ko,
        }
    }
}
