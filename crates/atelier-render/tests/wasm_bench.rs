//! The compositor's speed in headless Chromium, with wasm SIMD as shipped (`.cargo/config.toml`): `make bench`
//! (`scripts/bench.sh`) runs this target in release and prints its `render.wasm_test.*` figures as
//! `key: value unit` lines, full renders and changed-zone renders. A benchmark, not a test: it reports figures
//! and judges nothing, so `scripts/test.sh` does not run it. (The native figures are `examples/bench.rs`.)
//! Run with `cargo test --release -p atelier-render --target wasm32-unknown-unknown --test wasm_bench -- --nocapture`.

#![cfg(target_arch = "wasm32")]

mod support;

use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SIMD: bool = cfg!(target_feature = "simd128");

/// Full renders and renders of one changed zone (the quarter) of the sample's first view, 60 of each timed
/// after 5 to warm up.
#[wasm_bindgen_test]
fn render_bench_in_the_browser() {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let catalog = support::catalog();
    let layers =
        atelier_render::ViewLayers::decode(&catalog.views()[0], support::file).expect("decode");
    let valid_design = catalog.default_design();
    let valid = valid_design.validate(&catalog).expect("valid");
    let mut tints = layers.tints(&valid);
    let quarter = layers
        .zones()
        .position(|z| z.as_str() == "quarter")
        .expect("quarter");
    let bounds = layers.zone_bounds("quarter").expect("drawn");
    let mut frame = atelier_render::Frame::new(layers.width(), layers.height());
    let mut time = |region: Option<atelier_render::Rect>| -> Vec<f64> {
        let mut times = Vec::new();
        for i in 0..65u16 {
            if let Some(t) = tints[quarter].as_mut() {
                t.color[0] = i * 1000;
            }
            let start = performance.now();
            match region {
                Some(r) => layers.render_tints_region(&tints, &mut frame, r),
                None => layers.render_tints(&tints, &mut frame),
            }
            if i >= 5 {
                times.push(performance.now() - start);
            }
        }
        times.sort_by(f64::total_cmp);
        times
    };
    let full = time(None);
    let zone = time(Some(bounds));
    let pick = |t: &[f64], q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
    console_log!("compositor built with simd128: {SIMD}");
    console_log!("render.wasm_test.p95_ms: {:.2} ms", pick(&full, 0.95));
    console_log!("render.wasm_test.zone_p95_ms: {:.2} ms", pick(&zone, 0.95));
}
