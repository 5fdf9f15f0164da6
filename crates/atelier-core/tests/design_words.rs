//! A design in words: a table of sample designs and the sentences they give, in English and Korean.

use atelier_core::catalog::Catalog;
use atelier_core::design_words::describe;
use atelier_core::id::ZoneId;
use atelier_core::{Design, Locale};

fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid")
}

fn runner() -> Catalog {
    catalog(include_str!("../../../static/catalogs/runner-one.json"))
}

fn check(c: &Catalog, design: &Design, view: &str, en: &str, ko: &str) {
    assert_eq!(
        describe(c, design, &view.into(), Locale::En),
        en,
        "en {view}"
    );
    assert_eq!(
        describe(c, design, &view.into(), Locale::Ko),
        ko,
        "ko {view}"
    );
}

#[test]
fn the_default_runner_in_both_views() {
    let c = runner();
    let d = c.default_design();
    let en = "Runner One — Side: Toe box: White, Smooth leather; Side panel: White, Smooth leather; \
              Heel counter: Navy, Suede; Logo: Navy, Smooth leather; Laces: White, Flat cotton; \
              Sole: White, Cushion foam.";
    let ko = "Runner One — 옆모습: 앞코: 화이트 스무스 가죽; 옆면: 화이트 스무스 가죽; 뒤꿈치: 네이비 스웨이드; \
              로고: 네이비 스무스 가죽; 신발끈: 화이트 면 플랫 끈; 밑창: 화이트 쿠션 폼.";
    let name_ko = c.name().ko.clone();
    check(&c, &d, "side", en, &ko.replace("Runner One", &name_ko));
    let top = describe(&c, &d, &"top".into(), Locale::En);
    assert!(top.starts_with("Runner One — Top: Toe box: White"), "{top}");
}

#[test]
fn a_changed_part_and_a_personal_text_on_its_view() {
    let c = runner();
    let mut d = c.default_design();
    let sole = d.zones.get_mut(&ZoneId::from("sole")).expect("sole");
    sole.material = "rubber".into();
    sole.color = "gum".into();
    d.text.insert("heel-id".into(), "MINJI <b>".into());
    let side = describe(&c, &d, &"side".into(), Locale::En);
    assert!(
        side.ends_with("Sole: Gum, Natural rubber; Heel ID: “MINJI <b>”."),
        "{side}"
    );
    let side_ko = describe(&c, &d, &"side".into(), Locale::Ko);
    assert!(
        side_ko.ends_with("밑창: 검 천연 고무; 뒤꿈치 이니셜: “MINJI <b>”."),
        "{side_ko}"
    );
    // The text is placed on the side: the top view does not mention it.
    let top = describe(&c, &d, &"top".into(), Locale::En);
    assert!(!top.contains("MINJI"), "{top}");
}

#[test]
fn product_wide_choices_are_named_and_unknown_views_fall_back_to_the_product() {
    let c = catalog(include_str!("../../../static/catalogs/bespoke-set.json"));
    let d = c.default_design();
    let front = describe(&c, &d, &"front".into(), Locale::En);
    assert!(front.contains("Dishwasher door: "), "{front}");
    assert!(
        front.contains("Match all panels: Each panel its own"),
        "{front}"
    );
    let ko = describe(&c, &d, &"front".into(), Locale::Ko);
    assert!(ko.contains("모든 패널 맞추기: 패널마다 따로"), "{ko}");
    assert_eq!(describe(&c, &d, &"back".into(), Locale::En), c.name().en);
}
