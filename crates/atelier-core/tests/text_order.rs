//! Personal text in designs and orders, table-driven: which texts a placement refuses and with which reason
//! (English and Korean), that an order is refused at `design.text.<placement>` with exactly the message the
//! live check gives, and that a used placement is priced.

use atelier_core::order::{ORDER_FORMAT, OrderRequest, check_order_with_text};
use atelier_core::problem::ProblemKind;
use atelier_core::text::{Fonts, WordList, check_placement};
use atelier_core::{Catalog, Locale};

const RUNNER: &str = include_str!("../../../static/catalogs/runner-one.json");
const SET: &str = include_str!("../../../static/catalogs/bespoke-set.json");
const LATIN: &[u8] = include_bytes!("../../../static/fonts/AtelierSans-Latin.ttf");
const HANGUL: &[u8] = include_bytes!("../../../static/fonts/AtelierSans-Hangul.ttf");

fn fonts() -> Fonts {
    let mut f = Fonts::new();
    f.insert("fonts/AtelierSans-Latin.ttf", LATIN);
    f.insert("fonts/AtelierSans-Hangul.ttf", HANGUL);
    f
}

fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json, &|_: &str| true).expect("sample valid")
}

/// (text, expected refusal keys in order)
fn check(json: &str, placement: &str, cases: &[(&str, &[&str])]) {
    let catalog = catalog(json);
    let p = catalog.text(placement).expect("placement");
    let fonts = fonts();
    for (text, expect) in cases {
        let got = check_placement(p, text, &fonts, WordList::shared());
        let keys: Vec<&str> = got.refusals.iter().map(|r| r.key).collect();
        assert_eq!(keys, *expect, "{placement} {text:?}: {got:?}");
        assert_eq!(got.needs_font, None);
    }
}

#[test]
fn heel_id_refusals() {
    check(
        RUNNER,
        "heel-id",
        &[
            ("ROMEO", &[]),
            ("romeo", &[]), // printed in capitals
            ("J&K 07", &[]),
            ("iiiiiiii", &[]),
            ("WWWWWWWW", &["text.too_wide"]),
            ("ROMEOROMEO", &["text.too_long", "text.too_wide"]),
            ("민준", &["text.not_allowed", "text.not_allowed"]),
            ("AB\u{202E}C", &["text.bidi_control"]),
            ("A\u{200B}B", &["text.zero_width"]),
            ("A\tB", &["text.control_character"]),
            ("HI 🤩", &["text.not_allowed"]),
            ("<b>", &["text.not_allowed", "text.not_allowed"]),
            ("SHIT", &["text.refused.obscenity"]),
            ("s h i t", &["text.refused.obscenity"]),
            ("5H17", &["text.refused.obscenity"]),
            ("ESSEX", &[]),
            ("TEXAS", &[]),
        ],
    );
}

#[test]
fn monogram_refusals_in_korean_and_english() {
    check(
        SET,
        "monogram",
        &[
            ("김민준", &[]),
            ("서울", &[]),
            ("부산 2026", &[]),
            ("씨발", &["text.refused.obscenity"]),
            ("씨 발", &["text.refused.obscenity"]),
            ("ㅂㅕㅇㅅㅣㄴ", &["text.refused.insult"]),
            (
                "ｆｕｃｋ",
                // Full-width letters are not in the classes, and the word is caught too.
                &[
                    "text.not_allowed",
                    "text.not_allowed",
                    "text.not_allowed",
                    "text.not_allowed",
                    "text.refused.obscenity",
                ],
            ),
            ("Fuck", &["text.refused.obscenity"]),
            ("똠", &["text.not_in_font"]), // not among KS X 1001's syllables
        ],
    );
    // The Hangul file is needed only for Hangul: a Latin text is set in the small file.
    let catalog = catalog(SET);
    let p = catalog.text("monogram").expect("placement");
    let mut latin_only = Fonts::new();
    latin_only.insert("fonts/AtelierSans-Latin.ttf", LATIN);
    let latin = check_placement(p, "KIM", &latin_only, WordList::shared());
    assert!(latin.ok());
    assert_eq!(latin.font.as_deref(), Some("fonts/AtelierSans-Latin.ttf"));
    let hangul = check_placement(p, "김", &latin_only, WordList::shared());
    assert_eq!(
        hangul.needs_font.as_deref(),
        Some("fonts/AtelierSans-Hangul.ttf")
    );
}

/// An order of the default design with `text`, stating the default's price plus `extra`.
fn order(json: &str, text: &[(&str, &str)], extra: i64) -> (Catalog, OrderRequest) {
    let catalog = catalog(json);
    let mut design = catalog.default_design();
    design.size = catalog.sizes().first().map(|s| s.id.clone());
    let amount = atelier_core::pricing::price(&design.validate(&catalog).expect("valid"))
        .total
        .amount
        + extra;
    for (id, t) in text {
        design.text.insert((*id).into(), (*t).into());
    }
    let request = OrderRequest {
        format: ORDER_FORMAT,
        design,
        price: atelier_core::order::ClientPrice {
            amount,
            currency: catalog.currency().code().to_owned(),
        },
        // Well-formed proofs: the core checks their shape; their pixels are the shop's to compare.
        proof: catalog
            .views()
            .iter()
            .map(|v| (v.id.clone(), "ab".repeat(32)))
            .collect(),
        submission: None,
    };
    (catalog, request)
}

#[test]
fn an_order_is_refused_with_the_live_checks_reason() {
    let fonts = fonts();
    for (text, locale, expect) in [
        (
            "SHIT",
            Locale::En,
            "This text cannot be used: it contains an obscenity.",
        ),
        (
            "SHIT",
            Locale::Ko,
            "이 문구는 사용할 수 없습니다. 욕설이 들어 있습니다.",
        ),
        (
            "WWWWWWWW",
            Locale::En,
            "The text is 40.9 mm wide, 10.9 mm too wide for the 30.0 mm space.",
        ),
    ] {
        let (catalog, request) = order(RUNNER, &[("heel-id", text)], 5000);
        let problems = check_order_with_text(&request, Some(&catalog), &fonts, WordList::shared())
            .expect_err("refused");
        let refused: Vec<_> = problems
            .iter()
            .filter(|p| p.kind.code() == "text_refused")
            .collect();
        assert_eq!(refused.len(), 1, "{problems:?}");
        assert_eq!(refused[0].path, "design.text.heel-id");
        assert_eq!(refused[0].message(locale), expect);
        let live = check_placement(
            catalog.text("heel-id").expect("placement"),
            text,
            &fonts,
            WordList::shared(),
        );
        assert_eq!(live.refusals[0].message(locale), expect);
    }
}

#[test]
fn a_text_order_is_priced_and_every_problem_comes_at_once() {
    let fonts = fonts();
    // The default design's price and 5,000 for the heel ID.
    let (catalog, request) = order(RUNNER, &[("heel-id", "ROMEO")], 5000);
    let checked = check_order_with_text(&request, Some(&catalog), &fonts, WordList::shared())
        .expect("accepted");
    let line = checked.price.lines.last().expect("a text line");
    assert_eq!(line.text.as_ref().map(|t| t.as_str()), Some("heel-id"));
    assert_eq!(line.amount.amount, 5000);
    // Wrong price, an unknown placement and a refused text: all reported.
    let (catalog, request) = order(RUNNER, &[("heel-id", "SHIT"), ("tongue", "x")], 5000);
    let codes: Vec<String> =
        check_order_with_text(&request, Some(&catalog), &fonts, WordList::shared())
            .expect_err("refused")
            .iter()
            .map(|p| format!("{}@{}", p.kind.code(), p.path))
            .collect();
    assert_eq!(codes, ["unknown_text@design.text.tongue"]);
    let (catalog, request) = order(RUNNER, &[("heel-id", "SHIT")], 0);
    let codes: Vec<String> =
        check_order_with_text(&request, Some(&catalog), &fonts, WordList::shared())
            .expect_err("refused")
            .iter()
            .map(|p| format!("{}@{}", p.kind.code(), p.path))
            .collect();
    assert_eq!(
        codes,
        ["price_mismatch@price", "text_refused@design.text.heel-id"]
    );
}

#[test]
fn stored_designs_without_text_still_load() {
    let json = r#"{"product":"runner-one","size":null,"zones":{}}"#;
    let design: atelier_core::Design = serde_json::from_str(json).expect("old design");
    assert!(design.text.is_empty());
    // And a design without text writes no `text` key, so old readers are not surprised.
    assert!(
        !serde_json::to_string(&design)
            .expect("json")
            .contains("text")
    );
}
