//! The message catalogs: every string the app and the shop show, in Korean and English.
//!
//! The catalogs are JSON files (`messages/en.json`, `messages/ko.json`: key → text with `{name}` placeholders)
//! compiled into the binary so both sides always agree. A test checks that both languages have exactly the
//! same keys and placeholders. Written by hand rather than with Fluent: Fluent's runtime costs tens of KB of
//! wasm for plural rules and selectors that these short UI strings do not need yet.
//!
//! [`Catalogs`] is the mechanism, so a part that shows words of its own keeps them in files of the same kind
//! with the same checks ([`Catalogs::disagreements`]): the shop's order desk does, so the staff's words stay
//! out of the app's wasm. [`text`], [`format`] and [`keys`] read the core's own catalogs.

use crate::locale::Locale;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// What a missing key shows: visible, never a crash.
pub const MISSING: &str = "(missing message)";

/// A pair of message catalogs (English and Korean JSON, compiled in), parsed on first use.
pub struct Catalogs {
    en: &'static str,
    ko: &'static str,
    en_map: OnceLock<HashMap<String, String>>,
    ko_map: OnceLock<HashMap<String, String>>,
}

impl Catalogs {
    /// The catalogs written as `en` and `ko` (JSON objects of key → text).
    pub const fn new(en: &'static str, ko: &'static str) -> Catalogs {
        Catalogs {
            en,
            ko,
            en_map: OnceLock::new(),
            ko_map: OnceLock::new(),
        }
    }

    fn map(&'static self, locale: Locale) -> &'static HashMap<String, String> {
        let (cell, src) = match locale {
            Locale::En => (&self.en_map, self.en),
            Locale::Ko => (&self.ko_map, self.ko),
        };
        // The catalogs are compiled in and checked by tests, so a parse failure is a build defect; an empty map
        // then makes every lookup show [`MISSING`] rather than crash a page.
        cell.get_or_init(|| serde_json::from_str(src).unwrap_or_default())
    }

    /// The text for `key` in `locale`; English if only English has it; [`MISSING`] if neither does.
    pub fn text(&'static self, locale: Locale, key: &str) -> &'static str {
        match self.map(locale).get(key) {
            Some(s) => s.as_str(),
            None => self
                .map(Locale::En)
                .get(key)
                .map_or(MISSING, String::as_str),
        }
    }

    /// The text for `key` in `locale` with each `{name}` replaced by its value from `args`.
    pub fn format(&'static self, locale: Locale, key: &str, args: &[(&str, String)]) -> String {
        let mut out = self.text(locale, key).to_owned();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// Every key of `locale`'s catalog.
    pub fn keys(&'static self, locale: Locale) -> impl Iterator<Item = &'static str> {
        self.map(locale).keys().map(String::as_str)
    }

    /// Why these catalogs are not a matching pair, for their tests: a file that does not parse, a key one
    /// language lacks, different placeholders, an empty text. Empty when they agree.
    pub fn disagreements(&self) -> Vec<String> {
        let parse = |name: &str, src: &str| {
            serde_json::from_str::<HashMap<String, String>>(src)
                .map_err(|e| format!("{name} does not parse: {e}"))
        };
        let (en, ko) = match (parse("en", self.en), parse("ko", self.ko)) {
            (Ok(en), Ok(ko)) => (en, ko),
            (en, ko) => return [en.err(), ko.err()].into_iter().flatten().collect(),
        };
        let mut problems = Vec::new();
        let keys: BTreeSet<&String> = en.keys().chain(ko.keys()).collect();
        for key in keys {
            match (en.get(key), ko.get(key)) {
                (Some(e), Some(k)) => {
                    if placeholders(e) != placeholders(k) {
                        problems.push(format!("{key}: placeholders differ"));
                    }
                    if e.trim().is_empty() || k.trim().is_empty() {
                        problems.push(format!("{key}: empty text"));
                    }
                }
                (None, _) => problems.push(format!("{key}: no English text")),
                (_, None) => problems.push(format!("{key}: no Korean text")),
            }
        }
        problems
    }
}

/// The `{name}` placeholders of a text.
fn placeholders(s: &str) -> BTreeSet<&str> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}'))
        .map(|(name, _)| name)
        .collect()
}

/// The core's catalogs: the app's and the API's words.
static CORE: Catalogs = Catalogs::new(
    include_str!("../messages/en.json"),
    include_str!("../messages/ko.json"),
);

/// The text for `key` in `locale`; [`MISSING`] if it is missing (visible, never a crash).
pub fn text(locale: Locale, key: &str) -> &'static str {
    CORE.text(locale, key)
}

/// The text for `key` in `locale` with each `{name}` replaced by its value from `args`.
pub fn format(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    CORE.format(locale, key, args)
}

/// Every key of `locale`'s catalog, for completeness tests.
pub fn keys(locale: Locale) -> impl Iterator<Item = &'static str> {
    CORE.keys(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_parse_and_agree() {
        assert_eq!(CORE.disagreements(), Vec::<String>::new());
    }

    #[test]
    fn disagreements_are_found() {
        static BAD: Catalogs = Catalogs::new(
            r#"{"a": "A {x}", "b": "B", "c": " "}"#,
            r#"{"a": "에이 {y}", "c": "씨", "d": "디"}"#,
        );
        assert_eq!(
            BAD.disagreements(),
            [
                "a: placeholders differ",
                "b: no Korean text",
                "c: empty text",
                "d: no English text"
            ]
        );
        static BROKEN: Catalogs = Catalogs::new("{", "{}");
        assert_eq!(BROKEN.disagreements().len(), 1);
        assert_eq!(BROKEN.text(Locale::Ko, "a"), MISSING);
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
