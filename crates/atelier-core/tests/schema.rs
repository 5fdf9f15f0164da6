//! The JSON Schema published for retailers' editors (`static/catalogs/catalog.schema.json`) must agree with
//! the validator: it accepts the sample catalog and rejects typical mistakes the validator rejects too.

use serde_json::{Value, json};

const SCHEMA: &str = include_str!("../../../static/catalogs/catalog.schema.json");
const SAMPLE: &str = include_str!("../../../static/catalogs/runner-one.json");

fn schema_accepts(catalog: &Value) -> bool {
    let schema: Value = serde_json::from_str(SCHEMA).expect("schema parses");
    let validator =
        jsonschema::draft202012::new(&schema).expect("schema is a valid 2020-12 schema");
    validator.is_valid(catalog)
}

#[test]
fn the_schema_accepts_the_sample() {
    let sample: Value = serde_json::from_str(SAMPLE).expect("sample parses");
    assert!(schema_accepts(&sample));
}

/// A change to a catalog that makes it invalid.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn the_schema_rejects_what_validation_rejects() {
    let sample: Value = serde_json::from_str(SAMPLE).expect("sample parses");
    let cases: Vec<(&str, Edit)> = vec![
        (
            "negative price",
            Box::new(|v| v["materials"][0]["price"] = json!(-1)),
        ),
        (
            "unknown field",
            Box::new(|v| v["zones"][0]["colour"] = json!([])),
        ),
        (
            "bad swatch",
            Box::new(|v| v["colors"][0]["swatch"] = json!("white")),
        ),
        (
            "bad id",
            Box::new(|v| v["zones"][0]["id"] = json!("Toe Box")),
        ),
        (
            "missing ko name",
            Box::new(|v| v["name"] = json!({"en": "Runner"})),
        ),
        (
            "climbing path",
            Box::new(|v| v["views"][0]["base"] = json!("../x.png")),
        ),
        (
            "unknown currency",
            Box::new(|v| v["currency"] = json!("XYZ")),
        ),
        ("no sizes", Box::new(|v| v["sizes"] = json!([]))),
    ];
    for (name, edit) in cases {
        let mut v = sample.clone();
        edit(&mut v);
        assert!(!schema_accepts(&v), "the schema accepted: {name}");
        let json = v.to_string();
        assert!(
            atelier_core::Catalog::from_json(&json, &|_: &str| true).is_err(),
            "validation accepted: {name}"
        );
    }
}
