//! The browser half of the cross-target check, in headless Chromium: the rules engine compiled to wasm must
//! offer exactly what the native build offered along the same walks (`tests/fixtures/availability.json`), and
//! the color math must give the native build's CIEDE2000 values and photo palettes bit for bit
//! (`tests/fixtures/color.json`).
//! `make bench` also runs `rules_bench_in_the_browser` here, which prints `rules.chromium.*` figures.
//! Run with `cargo test -p atelier-core --target wasm32-unknown-unknown --test wasm`.

#![cfg(target_arch = "wasm32")]

mod support;

use atelier_core::Catalog;
use atelier_core::synthetic::{catalog_json, random_walk};
use serde_json::{Map, Value};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

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

/// Availability after each change on the 30 × 40 × 200 synthetic catalog. Only prints when
/// `ATELIER_BENCH` was set at build time (so `make test` does not spend time on it).
#[wasm_bindgen_test]
fn rules_bench_in_the_browser() {
    if option_env!("ATELIER_BENCH").is_none() {
        return;
    }
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let json = catalog_json(15, 40, 200, 1);
    let catalog = Catalog::from_json(&json, &|_: &str| true).expect("valid");
    let walk = random_walk(&catalog, 300, 7);
    let time_all = || -> Vec<f64> {
        let mut times: Vec<f64> = walk
            .iter()
            .map(|s| {
                let start = performance.now();
                std::hint::black_box(s.availability(&catalog));
                performance.now() - start
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times
    };
    // The first pass runs partly in the browser's baseline compiler, before its optimizing tier takes over:
    // reported apart, since a shopper's first clicks meet it too.
    let cold = time_all();
    let warm = time_all();
    let pick = |t: &[f64], q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
    console_log!("rules.chromium.eval_p50_ms: {:.3} ms", pick(&warm, 0.5));
    console_log!("rules.chromium.eval_p95_ms: {:.3} ms", pick(&warm, 0.95));
    console_log!("rules.chromium.eval_max_ms: {:.3} ms", pick(&warm, 1.0));
    console_log!(
        "rules.chromium.eval_cold_p95_ms: {:.3} ms",
        pick(&cold, 0.95)
    );
}
