//! The native half of the color cross-target check: CIEDE2000 values, swatch Lab values and photo palettes,
//! bit for bit, compared with `tests/fixtures/color.json`, which the browser build (`tests/wasm.rs`) must match
//! too. After an intended change to the color math or the palette: `UPDATE_FIXTURE=1 cargo test -p
//! atelier-core --test color_agreement`, then run the wasm test.

#![cfg(not(target_arch = "wasm32"))]

mod support;

#[test]
fn native_color_math_matches_the_fixture() {
    let got = support::color_agreement();
    if std::env::var_os("UPDATE_FIXTURE").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/color.json");
        let text = serde_json::to_string_pretty(&got).expect("json") + "\n";
        std::fs::write(path, text).expect("fixture written");
        return;
    }
    let want: serde_json::Value =
        serde_json::from_str(support::COLOR_AGREEMENT).expect("fixture parses");
    assert_eq!(got, want, "native color math differs from the fixture");
}
