//! The order desk's words in Korean and English: message catalogs of the same kind as the core's
//! (`atelier_core::messages`: key → text with `{name}` placeholders, JSON compiled in, the same keys and
//! placeholders in both languages, checked by a test), kept in the shop (`messages/desk.*.json`) because only
//! the shop shows them: the staff's words stay out of the app's wasm.

use atelier_core::Locale;
use std::collections::HashMap;
use std::sync::OnceLock;

const EN: &str = include_str!("../../messages/desk.en.json");
const KO: &str = include_str!("../../messages/desk.ko.json");

fn catalog(locale: Locale) -> &'static HashMap<String, String> {
    static EN_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    static KO_MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    let (cell, src) = match locale {
        Locale::En => (&EN_MAP, EN),
        Locale::Ko => (&KO_MAP, KO),
    };
    // Compiled in and checked by the tests below: a parse failure is a build defect, and an empty map then
    // shows keys rather than failing a page.
    cell.get_or_init(|| serde_json::from_str(src).unwrap_or_default())
}

/// The text for `key` in `locale` (English if only English has it; a visible marker if neither does).
pub fn t(locale: Locale, key: &str) -> &'static str {
    catalog(locale)
        .get(key)
        .or_else(|| catalog(Locale::En).get(key))
        .map_or("(missing message)", String::as_str)
}

/// The text for `key` in `locale` with each `{name}` replaced by its value from `args`.
pub fn format(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    let mut out = t(locale, key).to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<&str> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}'))
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_keys_and_placeholders() {
        let en: HashMap<String, String> = serde_json::from_str(EN).expect("desk.en.json parses");
        let ko: HashMap<String, String> = serde_json::from_str(KO).expect("desk.ko.json parses");
        assert_eq!(
            en.keys().collect::<BTreeSet<_>>(),
            ko.keys().collect::<BTreeSet<_>>()
        );
        for (key, text) in &en {
            assert_eq!(placeholders(text), placeholders(&ko[key]), "{key}");
            assert!(
                !ko[key].trim().is_empty() && !text.trim().is_empty(),
                "{key}"
            );
        }
    }

    #[test]
    fn a_missing_key_is_visible_and_placeholders_are_filled() {
        assert_eq!(t(Locale::Ko, "desk.no_such_key"), "(missing message)");
        let s = format(
            Locale::Ko,
            "desk.error.retry_after",
            &[("seconds", "12".into())],
        );
        assert!(s.contains("12") && !s.contains('{'), "{s}");
    }
}
