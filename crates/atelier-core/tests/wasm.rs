//! The browser half of the cross-target check, in headless Chromium: the rules engine compiled to wasm must
//! offer exactly what the native build offered along the same walks (`tests/fixtures/availability.json`),
//! agree with brute force on small catalogs with variant tables (as `tests/rules.rs` does natively), and
//! the color math must give the native build's CIEDE2000 values and photo palettes bit for bit
//! (`tests/fixtures/color.json`).
//! The browser bench of the rules engine is `tests/wasm_bench.rs`, run only by `make bench`.
//! Run with `cargo test -p atelier-core --target wasm32-unknown-unknown --test wasm`.

#![cfg(target_arch = "wasm32")]

mod support;

use serde_json::{Map, Value};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn browser_availability_equals_native() {
    let want: Map<String, Value> =
        serde_json::from_str(support::AGREEMENT).expect("fixture parses");
    for (name, json, steps, seed) in support::agreement_cases() {
        let c = support::catalog(&json);
        let got = support::availability_digest(&c, steps, seed);
        assert_eq!(
            want.get(name).and_then(Value::as_str),
            Some(got.as_str()),
            "{name}: wasm differs from native"
        );
    }
}

#[wasm_bindgen_test]
fn browser_tables_agree_with_brute_force() {
    for &(zones, options, rules, tables, seed) in support::TABLE_CASES {
        let json =
            atelier_core::synthetic::catalog_json_with_tables(zones, options, rules, tables, seed);
        let c = support::catalog(&json);
        if let Err(e) = support::brute_force_agrees(&c, 30, seed) {
            panic!("{zones}x{options}x{rules}+{tables}: {e}");
        }
    }
}

#[wasm_bindgen_test]
fn browser_color_math_equals_native() {
    let want: Value = serde_json::from_str(support::COLOR_AGREEMENT).expect("fixture parses");
    let got = support::color_agreement();
    for key in [
        "ciede2000",
        "swatch_lab",
        "room_photo_palette",
        "blocks_palette",
    ] {
        assert_eq!(
            got.get(key),
            want.get(key),
            "{key}: wasm differs from native"
        );
    }
    assert_eq!(got, want);
}
