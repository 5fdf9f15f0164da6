//! Designs, pricing and order checks against the sample catalog.

#![cfg(not(target_arch = "wasm32"))]

use atelier_core::design::Choice;
use atelier_core::order::{ClientPrice, OrderRequest, check_order};
use atelier_core::pricing::{PricedOption, price};
use atelier_core::problem::ProblemKind;
use atelier_core::{Catalog, Design, Locale, Money};

const SAMPLE: &str = include_str!("../../../static/catalogs/runner-one.json");

fn catalog() -> Catalog {
    Catalog::from_json(SAMPLE, &|_: &str| true).expect("valid")
}

fn choose(d: &mut Design, zone: &str, material: &str, color: &str) {
    d.zones.insert(
        zone.into(),
        Choice {
            material: material.into(),
            color: color.into(),
        },
    );
}

#[test]
fn default_design_is_valid_and_priced() {
    let c = catalog();
    let d = c.default_design();
    let v = d.validate(&c).expect("valid");
    let p = price(&v);
    // The default heel is suede (+10,000).
    assert_eq!(p.total, Money::new(149_000, c.currency));
    assert_eq!(p.lines.len(), 1);
    assert_eq!(p.lines[0].option, PricedOption::Material("suede".into()));
    assert_eq!(p.total.format(Locale::Ko), "₩149,000");
}

#[test]
fn pricing_adds_every_delta() {
    let c = catalog();
    let mut d = c.default_design();
    choose(&mut d, "toe", "patent", "red");
    choose(&mut d, "heel", "leather", "navy");
    choose(&mut d, "laces", "waxed", "black");
    choose(&mut d, "sole", "rubber", "gum");
    let p = price(&d.validate(&c).expect("valid"));
    assert_eq!(p.total.amount, 139_000 + 15_000 + 3_000 + 8_000);
    assert_eq!(p.lines.len(), 3);
}

#[test]
fn design_problems_are_all_reported() {
    let c = catalog();
    let mut d = c.default_design();
    choose(&mut d, "toe", "rubber", "navy");
    choose(&mut d, "sole", "foam", "pink");
    choose(&mut d, "tongue", "leather", "navy");
    d.zones.remove(&"laces".into());
    d.size = Some("400".into());
    let got: Vec<String> = d
        .validate(&c)
        .expect_err("invalid")
        .iter()
        .map(|p| format!("{}@{}", p.kind.code(), p.path))
        .collect();
    assert_eq!(
        got,
        [
            "unknown_zone@zones.tongue",
            "unknown_option_material@zones.toe.material",
            "missing_zone@zones.laces",
            "unknown_option_color@zones.sole.color",
            "unknown_size@size",
        ]
    );
}

#[test]
fn orders_need_a_size_and_the_shops_price() {
    let c = catalog();
    let design = c.default_design();
    let request = OrderRequest {
        format: 1,
        design,
        price: ClientPrice {
            amount: 149_000,
            currency: "KRW".into(),
        },
        submission: None,
    };
    let codes = |r: &OrderRequest| match check_order(r, Some(&c)) {
        Ok(_) => vec![],
        Err(ps) => ps
            .iter()
            .map(|p| format!("{}@{}", p.kind.code(), p.path))
            .collect::<Vec<_>>(),
    };
    assert_eq!(codes(&request), ["missing_size@design.size"]);
    let mut sized = request.clone();
    sized.design.size = Some("250".into());
    assert_eq!(codes(&sized), Vec::<String>::new());
    let mut cheap = sized.clone();
    cheap.price.amount = 1;
    assert_eq!(codes(&cheap), ["price_mismatch@price"]);
    assert_eq!(
        check_order(&sized, None).err().map(|p| p[0].kind.code()),
        Some("unknown_product")
    );
}
