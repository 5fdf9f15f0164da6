//! The browser half of the determinism check: the compositor compiled to wasm, run in headless Chromium,
//! must give exactly the hashes the native reference test recorded — with wasm SIMD (the shipped build) and
//! without it (the scalar path), which `scripts/test.sh` runs both.
//! Run with `cargo test -p atelier-render --target wasm32-unknown-unknown --test wasm`; to prove which path
//! ran, set `ATELIER_EXPECT_SIMD=1` or `0` at build time and the test fails if the build disagrees.
//! `make bench` also runs `render_bench_in_the_browser` (with `ATELIER_BENCH`), which prints
//! `render.wasm_test.*` figures.

#![cfg(target_arch = "wasm32")]

mod support;

use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SIMD: bool = cfg!(target_feature = "simd128");

#[wasm_bindgen_test]
fn browser_pixels_equal_native_pixels() {
    console_log!("compositor built with simd128: {SIMD}");
    match option_env!("ATELIER_EXPECT_SIMD") {
        Some("1") if !SIMD => panic!("expected the simd128 build"),
        Some("0") if SIMD => panic!("expected the scalar build"),
        _ => {}
    }
    let frames = support::render_all();
    assert!(frames.len() >= 10);
    for (key, frame) in frames {
        let hash = support::sha256_hex(frame.rgba());
        assert_eq!(
            support::reference_hash(&key),
            Some(hash),
            "{key}: wasm (simd128: {SIMD}) differs from native"
        );
        // The proof the app sends is the same hash, computed by the code compiled into the app.
        assert_eq!(
            support::reference_hash(&key),
            Some(atelier_render::proof::of_frame(&frame)),
            "{key}: the browser's proof differs from the native reference"
        );
    }
}

#[wasm_bindgen_test]
fn render_bench_in_the_browser() {
    if option_env!("ATELIER_BENCH").is_none() {
        return;
    }
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    let catalog = support::catalog();
    let layers =
        atelier_render::ViewLayers::decode(&catalog.views[0], support::file).expect("decode");
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
