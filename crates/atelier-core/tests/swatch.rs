//! The swatch request's pure rules: the accepted and offered countries (each offered one named in both
//! message catalogs), the contact validators, the forbidden characters, the fields' problem paths, and the
//! check on whole requests, data-driven.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use atelier_core::Locale;
use atelier_core::problem::ProblemKind;
use atelier_core::swatch::contact::{is_email, is_phone, is_submission};
use atelier_core::swatch::countries::{OFFERED, accepted, is_country};
use atelier_core::swatch::limits::EMAIL_MAX;
use atelier_core::swatch::{SwatchField, SwatchRequest, check_swatch_request, forbidden};

#[test]
fn the_country_list_is_complete_and_well_formed() {
    let codes: Vec<&str> = accepted().collect();
    assert_eq!(codes.len(), 249);
    assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
    assert!(
        codes
            .iter()
            .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
    );
    for (code, ok) in [
        ("KR", true),
        ("US", true),
        ("ZW", true),
        ("kr", false),
        ("Kr", false),
        ("XX", false),
        ("KOR", false),
        ("", false),
    ] {
        assert_eq!(is_country(code), ok, "{code}");
    }
}

#[test]
fn every_offered_country_is_accepted_and_named_in_both_languages() {
    assert_eq!(OFFERED[0], "KR", "the home market is the default");
    for (i, code) in OFFERED.iter().enumerate() {
        assert!(
            is_country(code),
            "{code} is offered but the shop refuses it"
        );
        assert!(!OFFERED[..i].contains(code), "{code} offered twice");
        let key = format!("swatch.country.{code}");
        for locale in Locale::ALL {
            assert!(
                atelier_core::messages::keys(locale).any(|k| k == key),
                "{key} missing in {locale:?}"
            );
        }
    }
}

#[test]
fn emails_and_phones() {
    for (email, ok) in [
        ("a@b", true),
        ("haneul.kim+swatch@example.co.kr", true),
        ("하늘@예시.한국", true),
        ("a@@b", false),
        ("a@b@c", false),
        ("@b", false),
        ("a@", false),
        ("a b@c", false),
        ("ab", false),
    ] {
        assert_eq!(is_email(email), ok, "{email}");
    }
    let long = format!("{}@example.com", "a".repeat(EMAIL_MAX - 11));
    assert!(!is_email(&long) && is_email(&long[1..]));
    for (phone, ok) in [
        ("+82 10-1234-5678", true),
        ("(02) 123 4567", true),
        ("123456", true),
        ("12345", false),
        ("+-()+-", false),
        ("010.1234.5678", false),
        ("010１２３４５６７", false),
        ("123456789012345678901", false),
    ] {
        assert_eq!(is_phone(phone), ok, "{phone}");
    }
}

#[test]
fn submission_ids() {
    for (id, ok) in [
        ("b6f1c2d4-1111-4a2b-9c3d-000000000001", true),
        ("abcdefghijklmnop", true),
        ("abcdefghijklmno", false),
        (&"a".repeat(64), true),
        (&"a".repeat(65), false),
        ("abcdefghijklmnop_", false),
        ("abcdefghijklmnoé", false),
    ] {
        assert_eq!(is_submission(id), ok, "{id}");
    }
}

#[test]
fn invisible_and_direction_characters_are_forbidden_and_letters_are_not() {
    for c in [
        '\0', '\n', '\t', '\u{7F}', '\u{85}', '\u{200B}', '\u{200D}', '\u{200F}', '\u{2028}',
        '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{FEFF}',
    ] {
        assert!(forbidden(c), "U+{:04X}", u32::from(c));
    }
    for c in ['a', '김', '<', '&', ' ', '\u{3000}', 'é', '-', '\u{2070}'] {
        assert!(!forbidden(c), "U+{:04X}", u32::from(c));
    }
}

#[test]
fn problem_paths_belong_to_their_fields() {
    fn check(path: &str, expect: Option<SwatchField>) {
        assert_eq!(SwatchField::of_problem(path), expect, "{path}");
    }
    check("contact.name", Some(SwatchField::Name));
    check("contact.email", Some(SwatchField::Email));
    check("contact", Some(SwatchField::Email));
    check("contact.phone", Some(SwatchField::Phone));
    check("contact.address.line1", Some(SwatchField::Line1));
    check("contact.address.line2", Some(SwatchField::Line2));
    check("contact.address.city", Some(SwatchField::City));
    check("contact.address.postal_code", Some(SwatchField::PostalCode));
    check("contact.address.country", Some(SwatchField::Country));
    check("contact.address", None);
    check("colors", None);
    check("colors[0]", None);
    check("format", None);
    check("submission", None);
    check("", None);
    for field in SwatchField::ALL {
        assert_eq!(SwatchField::of_problem(field.path()), Some(field));
    }
}

const GOOD: &str = r#"{"format": 1, "product": "bespoke-set", "colors": ["mint", "glam-navy"],
    "contact": {"name": " 김하늘 ", "email": "haneul@example.com", "phone": "",
        "address": {"line1": "세종대로 110", "line2": "  ", "city": "서울", "postal_code": "04524", "country": "KR"}},
    "locale": "ko", "submission": "b6f1c2d4-1111-4a2b-9c3d-000000000001"}"#;

/// Applies `edit` to the good request's JSON, checks it against the appliance set, and compares the problems
/// as `path code` lines (empty: it passes).
fn check(edit: impl FnOnce(&mut serde_json::Value), expect: &[&str]) {
    let mut json: serde_json::Value = serde_json::from_str(GOOD).expect("json");
    edit(&mut json);
    let request: SwatchRequest = serde_json::from_value(json).expect("the shape is right");
    let catalog = support::catalog(support::BESPOKE);
    let known = (request.product == "bespoke-set").then_some(&catalog);
    let got: Vec<String> = match check_swatch_request(&request, known) {
        Ok(_) => vec![],
        Err(problems) => problems
            .iter()
            .map(|p| format!("{} {}", p.path, p.kind.code()))
            .collect(),
    };
    assert_eq!(got, expect);
}

#[test]
fn whole_requests() {
    check(|_| {}, &[]);
    check(
        |j| j["format"] = 2.into(),
        &["format swatch_unsupported_format"],
    );
    check(
        |j| j["product"] = "nope".into(),
        &["product unknown_product"],
    );
    check(
        |j| j["colors"] = serde_json::json!([]),
        &["colors swatch_color_count"],
    );
    check(
        |j| j["colors"] = serde_json::json!(["mint", "mint", "nope"]),
        &[
            "colors[1] swatch_duplicate_color",
            "colors[2] swatch_unknown_color",
        ],
    );
    check(
        |j| j["contact"]["email"] = serde_json::Value::Null,
        &["contact swatch_no_contact_method"],
    );
    check(
        |j| j["contact"]["email"] = "a b".into(),
        &["contact.email swatch_invalid_email"],
    );
    check(
        |j| j["contact"]["phone"] = "12".into(),
        &["contact.phone swatch_invalid_phone"],
    );
    check(
        |j| j["contact"]["name"] = "a\u{202E}b".into(),
        &["contact.name swatch_forbidden_character"],
    );
    check(
        |j| j["contact"]["address"]["city"] = "x".repeat(201).into(),
        &["contact.address.city swatch_too_long"],
    );
    check(
        |j| j["contact"]["address"] = serde_json::json!({}),
        &[
            "contact.address.line1 swatch_required",
            "contact.address.city swatch_required",
            "contact.address.postal_code swatch_required",
            "contact.address.country swatch_required",
        ],
    );
    check(
        |j| j["contact"]["address"]["country"] = "kr".into(),
        &["contact.address.country swatch_invalid_country"],
    );
    check(
        |j| j["locale"] = "fr".into(),
        &["locale swatch_unsupported_locale"],
    );
    check(
        |j| j["submission"] = "short".into(),
        &["submission invalid_submission"],
    );
}

#[test]
fn a_valid_request_is_trimmed_and_blank_optional_fields_are_none() {
    let request: SwatchRequest = serde_json::from_str(GOOD).expect("json");
    let catalog = support::catalog(support::BESPOKE);
    let valid = check_swatch_request(&request, Some(&catalog)).expect("valid");
    assert_eq!(valid.contact.name, "김하늘");
    assert_eq!(valid.contact.phone, None);
    assert_eq!(valid.contact.address.line2, None);
    assert_eq!(valid.locale, Locale::Ko);
}

#[test]
fn the_request_serializes_blank_fields_as_null_and_reads_back() {
    let request: SwatchRequest = serde_json::from_str(GOOD).expect("json");
    let mut edited = request.clone();
    edited.contact.phone = None;
    let json = serde_json::to_value(&edited).expect("serializes");
    assert_eq!(json["contact"]["phone"], serde_json::Value::Null);
    assert_eq!(json["format"], 1);
    let back: SwatchRequest = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, edited);
}
