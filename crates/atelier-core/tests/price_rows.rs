//! The price breakdown in words: sample designs → the rows the shopper reads, in English and Korean.

use atelier_core::catalog::Catalog;
use atelier_core::id::ZoneId;
use atelier_core::price_rows::{PriceRow, price_rows};
use atelier_core::pricing::price;
use atelier_core::{Design, Locale};

fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid")
}

/// Prices `design` and compares its rows with `want` (label, amount).
fn check(catalog: &Catalog, design: &Design, locale: Locale, want: &[(&str, &str)]) {
    let valid = design.validate(catalog).expect("a valid design");
    let rows = price_rows(catalog, design, &price(&valid), locale);
    let want: Vec<PriceRow> = want
        .iter()
        .map(|(label, amount)| PriceRow {
            label: (*label).to_owned(),
            amount: (*amount).to_owned(),
        })
        .collect();
    assert_eq!(rows, want, "{locale:?}");
}

fn runner_with(edit: impl FnOnce(&mut Design)) -> (Catalog, Design) {
    let c = catalog(include_str!("../../../static/catalogs/runner-one.json"));
    let mut design = c.default_design();
    edit(&mut design);
    (c, design)
}

fn zone<'d>(design: &'d mut Design, id: &str) -> &'d mut atelier_core::design::Choice {
    design.zones.get_mut(&ZoneId::from(id)).expect("zone")
}

#[test]
fn the_default_design_lists_its_base_price_and_its_one_surcharge() {
    let (c, d) = runner_with(|_| {});
    check(
        &c,
        &d,
        Locale::En,
        &[
            ("Base price", "₩139,000"),
            ("Heel counter: Suede", "+₩10,000"),
        ],
    );
    check(
        &c,
        &d,
        Locale::Ko,
        &[("기본 가격", "₩139,000"), ("뒤꿈치: 스웨이드", "+₩10,000")],
    );
}

#[test]
fn material_lines_name_the_part_and_the_material() {
    let (c, d) = runner_with(|d| {
        zone(d, "toe").material = "suede".into();
        zone(d, "laces").material = "waxed".into();
    });
    check(
        &c,
        &d,
        Locale::En,
        &[
            ("Base price", "₩139,000"),
            ("Toe box: Suede", "+₩10,000"),
            ("Heel counter: Suede", "+₩10,000"),
            ("Laces: Waxed cotton", "+₩3,000"),
        ],
    );
    check(
        &c,
        &d,
        Locale::Ko,
        &[
            ("기본 가격", "₩139,000"),
            ("앞코: 스웨이드", "+₩10,000"),
            ("뒤꿈치: 스웨이드", "+₩10,000"),
            ("신발끈: 왁스 면 끈", "+₩3,000"),
        ],
    );
}

#[test]
fn a_text_line_quotes_the_shoppers_text_as_typed() {
    let (c, d) = runner_with(|d| {
        d.text.insert("heel-id".into(), "MINJI <b>".into());
    });
    check(
        &c,
        &d,
        Locale::En,
        &[
            ("Base price", "₩139,000"),
            ("Heel counter: Suede", "+₩10,000"),
            ("Heel ID: “MINJI <b>”", "+₩5,000"),
        ],
    );
    check(
        &c,
        &d,
        Locale::Ko,
        &[
            ("기본 가격", "₩139,000"),
            ("뒤꿈치: 스웨이드", "+₩10,000"),
            ("뒤꿈치 이니셜: “MINJI <b>”", "+₩5,000"),
        ],
    );
}

#[test]
fn panel_finishes_name_each_panel() {
    let c = catalog(include_str!("../../../static/catalogs/bespoke-set.json"));
    let mut d = c.default_design();
    zone(&mut d, "dishwasher").material = "glass".into();
    let valid = d
        .validate(&c)
        .expect("glass is allowed with the default color");
    let rows = price_rows(&c, &d, &price(&valid), Locale::En);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1].amount, "+₩150,000");
    assert!(rows[1].label.ends_with(": Glass"), "{rows:?}");
}
