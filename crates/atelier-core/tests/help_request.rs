//! "Call me about this design": the request's check, every problem at once at its path, hostile text refused
//! as in a swatch request, and the design code read forgivingly.

use atelier_core::Locale;
use atelier_core::help_request::{HelpRequest, PreferredTime, check_help_request};
use atelier_core::problem::ProblemKind;

fn request(edit: impl FnOnce(&mut HelpRequest)) -> HelpRequest {
    let mut r = HelpRequest {
        code: "0000-0011".into(),
        name: Some("김민지".into()),
        phone: Some("+82 10-1234-5678".into()),
        preferred_time: "evening".into(),
        locale: "ko".into(),
        submission: "atl-0123456789abcdef".into(),
    };
    edit(&mut r);
    r
}

/// The problems of `r` as `code@path`, in order (empty when it is valid).
fn problems(r: &HelpRequest) -> Vec<String> {
    match check_help_request(r) {
        Ok(_) => Vec::new(),
        Err(ps) => ps
            .iter()
            .map(|p| format!("{}@{}", p.kind.code(), p.path))
            .collect(),
    }
}

#[test]
fn a_good_request_is_trimmed_and_its_code_made_canonical() {
    let valid = check_help_request(&request(|r| {
        r.code = " oooo ooil ".into();
        r.name = Some("  김민지 ".into());
    }))
    .expect("valid");
    assert_eq!(valid.code, "0000-0011");
    assert_eq!(valid.name, "김민지");
    assert_eq!(valid.preferred_time, PreferredTime::Evening);
    assert_eq!(valid.locale, Locale::Ko);
}

#[test]
fn every_problem_is_reported_at_its_path() {
    let check = |edit: fn(&mut HelpRequest), want: &[&str]| {
        assert_eq!(problems(&request(edit)), want, "{:?}", request(edit));
    };
    check(|_| {}, &[]);
    check(|r| r.code = "K7QM".into(), &["help_invalid_code@code"]);
    check(|r| r.code = "0000-0012".into(), &["help_invalid_code@code"]);
    check(|r| r.name = None, &["swatch_required@name"]);
    check(|r| r.name = Some("   ".into()), &["swatch_required@name"]);
    check(
        |r| r.name = Some("a".repeat(101)),
        &["swatch_too_long@name"],
    );
    check(
        |r| r.name = Some("Min\u{202e}ji".into()),
        &["swatch_forbidden_character@name"],
    );
    check(
        |r| r.phone = Some("call me".into()),
        &["swatch_invalid_phone@phone"],
    );
    check(|r| r.phone = None, &["swatch_required@phone"]);
    check(
        |r| r.preferred_time = "midnight".into(),
        &["help_invalid_time@preferred_time"],
    );
    check(
        |r| r.locale = "fr".into(),
        &["swatch_unsupported_locale@locale"],
    );
    check(
        |r| r.submission = "x".into(),
        &["invalid_submission@submission"],
    );
    // All at once.
    check(
        |r| {
            r.code = String::new();
            r.name = None;
            r.phone = Some("<script>".into());
            r.preferred_time = String::new();
            r.locale = String::new();
            r.submission = String::new();
        },
        &[
            "help_invalid_code@code",
            "swatch_required@name",
            "swatch_invalid_phone@phone",
            "help_invalid_time@preferred_time",
            "swatch_unsupported_locale@locale",
            "invalid_submission@submission",
        ],
    );
}

#[test]
fn a_code_problem_says_why_in_the_shoppers_language() {
    let Err(ps) = check_help_request(&request(|r| r.code = "0000-0012".into())) else {
        panic!("a mistyped code");
    };
    assert!(
        ps[0].message(Locale::En).contains("typing mistake"),
        "{}",
        ps[0].message(Locale::En)
    );
    assert!(
        ps[0].message(Locale::Ko).contains("잘못 입력"),
        "{}",
        ps[0].message(Locale::Ko)
    );
    // Long input is echoed only in part.
    let Err(ps) = check_help_request(&request(|r| r.preferred_time = "x".repeat(10_000))) else {
        panic!("a bad time");
    };
    assert!(ps[0].message(Locale::En).len() < 200);
}
