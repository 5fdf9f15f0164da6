//! The order desk's words in Korean and English: the core's message mechanism
//! ([`atelier_core::messages::Catalogs`]: key → text with `{name}` placeholders, JSON compiled in, the same
//! keys and placeholders in both languages, checked by the test below) over the shop's own files
//! (`messages/desk.*.json`), because only the shop shows them: the staff's words stay out of the app's wasm.

use atelier_core::Locale;
use atelier_core::messages::Catalogs;

static DESK: Catalogs = Catalogs::new(
    include_str!("../../messages/desk.en.json"),
    include_str!("../../messages/desk.ko.json"),
);

/// The text for `key` in `locale` (English if only English has it; a visible marker if neither does).
pub fn t(locale: Locale, key: &str) -> &'static str {
    DESK.text(locale, key)
}

/// The text for `key` in `locale` with each `{name}` replaced by its value from `args`.
pub fn format(locale: Locale, key: &str, args: &[(&str, String)]) -> String {
    DESK.format(locale, key, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::messages::MISSING;

    #[test]
    fn both_languages_have_the_same_keys_and_placeholders() {
        assert_eq!(DESK.disagreements(), Vec::<String>::new());
        assert!(DESK.keys(Locale::Ko).count() > 50);
    }

    #[test]
    fn a_missing_key_is_visible_and_placeholders_are_filled() {
        assert_eq!(t(Locale::Ko, "desk.no_such_key"), MISSING);
        let s = format(
            Locale::Ko,
            "desk.error.retry_after",
            &[("seconds", "12".into())],
        );
        assert!(s.contains("12") && !s.contains('{'), "{s}");
    }
}
