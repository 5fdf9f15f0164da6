//! The rules engine's speed in headless Chromium, as the app ships it: `make bench` (`scripts/bench.sh`) runs
//! this target in release and prints its `rules.chromium.*` figures as `key: value unit` lines. A benchmark,
//! not a test: it reports figures and judges nothing, so `scripts/test.sh` does not run it. (The native figures
//! are `examples/rules_bench.rs`.)
//! Run with `cargo test --release -p atelier-core --target wasm32-unknown-unknown --test wasm_bench -- --nocapture`.

#![cfg(target_arch = "wasm32")]

use atelier_core::Catalog;
use atelier_core::synthetic::{catalog_json, random_walk};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Availability after each change on the 30 × 40 × 200 synthetic catalog.
#[wasm_bindgen_test]
fn rules_bench_in_the_browser() {
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
