//! Designs, pricing and order checks against the sample catalog.

#![cfg(not(target_arch = "wasm32"))]

use atelier_core::design::Choice;
use atelier_core::id::ViewId;
use atelier_core::order::{ClientPrice, ORDER_FORMAT, OrderRequest, check_order};
use atelier_core::pricing::{PricedOption, price};
use atelier_core::problem::ProblemKind;
use atelier_core::{Catalog, Design, Locale, Money};
use std::collections::BTreeMap;

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
    assert_eq!(p.total, Money::new(149_000, c.currency()));
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
        format: ORDER_FORMAT,
        design,
        price: ClientPrice {
            amount: 149_000,
            currency: "KRW".into(),
        },
        proof: well_formed_proofs(&c),
        submission: None,
    };
    let codes = |r: &OrderRequest| codes(r, &c);
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

/// A proof of the right shape for every view of `c` (the core checks shapes; the shop compares pixels).
fn well_formed_proofs(c: &Catalog) -> BTreeMap<ViewId, String> {
    c.views()
        .iter()
        .map(|v| (v.id.clone(), "0123456789abcdef".repeat(4)))
        .collect()
}

/// Every problem of `r` as `code@path`.
fn codes(r: &OrderRequest, c: &Catalog) -> Vec<String> {
    match check_order(r, Some(c)) {
        Ok(_) => vec![],
        Err(ps) => ps
            .iter()
            .map(|p| format!("{}@{}", p.kind.code(), p.path))
            .collect(),
    }
}

#[test]
fn proof_shapes_are_all_reported_with_their_view() {
    let c = catalog();
    let mut design = c.default_design();
    design.size = Some("250".into());
    let ok = OrderRequest {
        format: ORDER_FORMAT,
        design,
        price: ClientPrice {
            amount: 149_000,
            currency: "KRW".into(),
        },
        proof: well_formed_proofs(&c),
        submission: None,
    };
    let check = |edit: &dyn Fn(&mut BTreeMap<ViewId, String>), expect: &[&str]| {
        let mut r = ok.clone();
        edit(&mut r.proof);
        assert_eq!(codes(&r, &c), expect, "{:?}", r.proof);
    };
    let set = |view: &'static str, value: String| {
        move |p: &mut BTreeMap<ViewId, String>| {
            p.insert(view.into(), value.clone());
        }
    };
    check(&|_| {}, &[]);
    check(
        &|p| p.clear(),
        &["missing_proof@proof.side", "missing_proof@proof.top"],
    );
    check(
        &|p| {
            p.remove(&"top".into());
        },
        &["missing_proof@proof.top"],
    );
    check(
        &set("side", "ab".repeat(31)),
        &["malformed_proof@proof.side"],
    );
    check(
        &set("side", "ab".repeat(33)),
        &["malformed_proof@proof.side"],
    );
    check(
        &set("side", "AB".repeat(32)),
        &["malformed_proof@proof.side"],
    );
    check(
        &set("side", "g".repeat(64)),
        &["malformed_proof@proof.side"],
    );
    check(&set("side", String::new()), &["malformed_proof@proof.side"]);
    check(
        &set("back", "ab".repeat(32)),
        &["unknown_proof_view@proof.back"],
    );
    // Every problem at once, in catalog view order and then unknown views, alongside the design's own.
    check(
        &|p| {
            p.remove(&"side".into());
            p.insert("top".into(), "x".into());
            p.insert("back".into(), "ab".repeat(32));
            p.insert("aa".into(), "nothing".into());
        },
        &[
            "missing_proof@proof.side",
            "malformed_proof@proof.top",
            "unknown_proof_view@proof.aa",
            "unknown_proof_view@proof.back",
        ],
    );
    let mut cheap = ok.clone();
    cheap.price.amount = 1;
    cheap.proof.clear();
    assert_eq!(
        codes(&cheap, &c),
        [
            "missing_proof@proof.side",
            "missing_proof@proof.top",
            "price_mismatch@price"
        ]
    );
}

#[test]
fn proof_problems_name_the_view_in_the_shoppers_language() {
    let c = catalog();
    let mut r = OrderRequest {
        format: ORDER_FORMAT,
        design: c.default_design(),
        price: ClientPrice {
            amount: 149_000,
            currency: "KRW".into(),
        },
        proof: well_formed_proofs(&c),
        submission: None,
    };
    r.design.size = Some("250".into());
    r.proof.insert("top".into(), "short".into());
    let ps = check_order(&r, Some(&c)).expect_err("malformed");
    let top = c.view("top").expect("top view");
    assert_eq!(ps.len(), 1);
    assert!(
        ps[0].message(Locale::En).contains(&top.name.en),
        "{}",
        ps[0].message(Locale::En)
    );
    assert!(
        ps[0].message(Locale::Ko).contains(&top.name.ko),
        "{}",
        ps[0].message(Locale::Ko)
    );
}

#[test]
fn a_format_1_order_is_refused_asking_to_reload_and_nothing_else() {
    // A page loaded before the shop read format 2 sends no proofs: the shopper is told to reload, not
    // shown a missing proof per view.
    let c = catalog();
    let mut design = c.default_design();
    design.size = Some("250".into());
    let json = serde_json::json!({
        "format": 1,
        "design": design,
        "price": {"amount": 149_000, "currency": "KRW"},
    });
    let r: OrderRequest = serde_json::from_value(json).expect("a format-1 order still parses");
    let ps = check_order(&r, Some(&c)).expect_err("format 1");
    assert_eq!(
        ps.iter()
            .map(|p| format!("{}@{}", p.kind.code(), p.path))
            .collect::<Vec<_>>(),
        ["unsupported_order_format@format"]
    );
    assert!(
        ps[0].message(Locale::En).contains("reload"),
        "{}",
        ps[0].message(Locale::En)
    );
    assert!(
        ps[0].message(Locale::En).contains("format 2"),
        "{}",
        ps[0].message(Locale::En)
    );
    assert!(
        ps[0].message(Locale::Ko).contains("새로 고친"),
        "{}",
        ps[0].message(Locale::Ko)
    );
}
