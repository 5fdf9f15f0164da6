//! The message catalogs: every string the app and the shop show, in Korean and English.
//!
//! The catalogs are JSON files (`messages/en.json`, `messages/ko.json`: key → text with `{name}` placeholders)
//! compiled into the binary so both sides always agree. A test checks that both languages have exactly the
//! same keys and placeholders. Written by hand rather than with Fluent: Fluent's runtime costs tens of KB of
//! wasm for plural rules and selectors that these short UI strings do not need yet.

use crate::locale::Locale;
use std::collections::HashMap;
use std::sync::OnceLock;

const EN: &str = include_str!("../messages/en.json");
const KO: &str = include_str!("../messages/ko.json");

fn catalog(locale: Locale) -> &'static HashMap<String, String> {
    static EN_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    static KO_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    let (cell, src) = match locale {
        Locale::En => (&EN_MAP, EN),
        Locale::Ko => (&KO_MAP, KO),
    };
    // The catalogs are compiled in and checked by tests, so a parse failure is a build defect; an empty map
    // then makes every lookup fall back to its key rather than crash a shopper's page.
    cell.get_or_init(|| serde_json::from_str(src).unwrap_or_default())
}

/// The text for `key` in `locale`; the key itself if it is missing (visible, never a crash).
pub fn text(locale: Locale, key: &str) -> &'static str {
    match catalog(locale).get(key) {
        Some(s) => s.as_str(),
        None => catalog(Locale::En)
            .get(key)
            .map(String::as_str)
            .unwrap_or("(missing message)"),
    }
}

/// The text for `key` in `locale` with each `{name}` replaced by its value from `args`.
pub fn format(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    let mut out = text(locale, key).to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every key of `locale`'s catalog, for completeness tests.
pub fn keys(locale: Locale) -> impl Iterator<Item = &'static str> {
    catalog(locale).keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}'))
            .map(|(name, _)| name.to_owned())
            .collect()
    }

    #[test]
    fn catalogs_parse_and_agree() {
        let en: HashMap<String, String> = serde_json::from_str(EN).expect("en.json parses");
        let ko: HashMap<String, String> = serde_json::from_str(KO).expect("ko.json parses");
        let en_keys: BTreeSet<_> = en.keys().collect();
        let ko_keys: BTreeSet<_> = ko.keys().collect();
        assert_eq!(en_keys, ko_keys, "en and ko must have the same keys");
        for (key, en_text) in &en {
            assert_eq!(
                placeholders(en_text),
                placeholders(&ko[key]),
                "placeholders of {key}"
            );
            assert!(!ko[key].trim().is_empty(), "empty ko text for {key}");
        }
    }

    #[test]
    fn format_fills_placeholders() {
        let s = format(
            Locale::En,
            "problem.unknown_zone",
            &[("zone", "toex".into())],
        );
        assert!(s.contains("toex"), "{s}");
        assert!(!s.contains('{'), "{s}");
    }
}
