//! The native half of the cross-target check: availability along deterministic random walks, digested and
//! compared with `tests/fixtures/availability.json`, which the browser build (`tests/wasm.rs`) must match too.
//! After an intended change to the rules engine or the samples: `UPDATE_FIXTURE=1 cargo test -p atelier-core
//! --test agreement`, then run the wasm test.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{Map, Value};

#[test]
fn native_availability_matches_the_fixture() {
    let mut got = Map::new();
    for (name, json, steps, seed) in support::agreement_cases() {
        let c = support::catalog(&json);
        got.insert(
            name.to_owned(),
            Value::String(support::availability_digest(&c, steps, seed)),
        );
    }
    if std::env::var_os("UPDATE_FIXTURE").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/availability.json"
        );
        let text = serde_json::to_string_pretty(&Value::Object(got)).expect("json") + "\n";
        std::fs::write(path, text).expect("fixture written");
        return;
    }
    let want: Map<String, Value> =
        serde_json::from_str(support::AGREEMENT).expect("fixture parses");
    assert_eq!(got, want, "native availability differs from the fixture");
}
