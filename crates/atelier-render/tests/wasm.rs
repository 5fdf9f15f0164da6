//! The browser half of the determinism check: the compositor compiled to wasm, run in headless Chromium,
//! must give exactly the hashes the native reference test recorded.
//! Run with `cargo test -p atelier-render --target wasm32-unknown-unknown --test wasm`.

#![cfg(target_arch = "wasm32")]

mod support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn browser_pixels_equal_native_pixels() {
    let frames = support::render_all();
    assert!(frames.len() >= 8);
    for (key, frame) in frames {
        let hash = support::sha256_hex(frame.rgba());
        assert_eq!(
            support::reference_hash(&key),
            Some(hash),
            "{key}: wasm differs from native"
        );
        // The proof the app sends is the same hash, computed by the code compiled into the app.
        assert_eq!(
            support::reference_hash(&key),
            Some(atelier_render::proof::of_frame(&frame)),
            "{key}: the browser's proof differs from the native reference"
        );
    }
}
