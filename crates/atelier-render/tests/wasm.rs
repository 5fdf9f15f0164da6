//! The browser half of the determinism check: the compositor compiled to wasm, run in headless Chromium,
//! must give exactly the hashes the native reference test recorded — with wasm SIMD (the shipped build) and
//! without it (the scalar path), which `scripts/test.sh` runs both.
//! Run with `cargo test -p atelier-render --target wasm32-unknown-unknown --test wasm`; to prove which path
//! ran, set `ATELIER_EXPECT_SIMD=1` or `0` at build time and the test fails if the build disagrees.
//! The browser bench of the compositor is `tests/wasm_bench.rs`, run only by `make bench`.

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
