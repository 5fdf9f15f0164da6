//! The JSON Schema published for retailers' editors (`static/catalogs/catalog.schema.json`) must agree with
//! the validator: it accepts the sample catalog and rejects typical mistakes the validator rejects too.
//! The `choices` and `rules` blocks (issue 4) are checked here schema-side only, until the validator reads them.

#![cfg(not(target_arch = "wasm32"))]

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
            "unknown surface",
            Box::new(|v| v["materials"][0]["surface"] = json!("velvet")),
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
        assert_both_reject(name, &v);
    }
}

/// Both the schema and the validator refuse `catalog`.
fn assert_both_reject(name: &str, catalog: &Value) {
    assert!(!schema_accepts(catalog), "the schema accepted: {name}");
    let json = catalog.to_string();
    assert!(
        atelier_core::Catalog::from_json(&json, &|_: &str| true).is_err(),
        "validation accepted: {name}"
    );
}

/// The `choices` and `rules` of the format's examples, with Runner One's zones and options (the sample's own
/// rules replaced), valid for both the schema and the validator.
fn with_choices_and_rules() -> Value {
    let mut v: Value = serde_json::from_str(SAMPLE).expect("sample parses");
    v["choices"] = json!([
        { "id": "match",
          "name": { "en": "Match all panels", "ko": "모든 패널 맞추기" },
          "options": [
            { "id": "off", "name": { "en": "Each panel its own", "ko": "패널마다 따로" }, "price": 0 },
            { "id": "on", "name": { "en": "All panels the same", "ko": "모든 패널 같게" } }
          ],
          "default": "off" }
    ]);
    v["rules"] = json!([
        { "id": "gum-sole-rubber",
          "requires": { "if": { "sole.color": ["gum"] }, "then": { "sole.material": ["rubber"] } },
          "message": { "en": "Gum soles are only made in rubber", "ko": "검 밑창은 고무로만 만듭니다" } },
        { "id": "suede-palette",
          "requires": { "if": { "*.material": ["suede"] },
                        "then": { "*.color": ["navy", "black", "tan", "sand"] } } },
        { "id": "pink-only-leather",
          "only_with": { "if": { "*.color": ["pink"] }, "then": { "*.material": ["leather", "cotton"] } } },
        { "id": "no-pink-wax", "excludes": [ { "laces.material": ["waxed"] }, { "laces.color": ["pink"] } ] },
        { "id": "match-finish", "equal": ["toe.material", "quarter.material"], "when": { "match": ["on"] } },
        { "id": "match-color", "equal": ["toe.color", "heel.color"], "when": { "match": ["on"] } },
        { "id": "patent-max-2", "at_most": { "count": 2, "of": { "*.material": ["patent"] } } },
        { "id": "lace-colors", "allowed": { "groups": ["laces.material", "laces.color"], "rows": [
            ["cotton", "white"], ["cotton", "bone"], ["cotton", "black"], ["cotton", "navy"], ["cotton", "red"],
            ["cotton", "yellow"], ["cotton", "gray"], ["cotton", "pink"], ["waxed", "white"], ["waxed", "black"]
          ] } }
    ]);
    v
}

#[test]
fn the_schema_accepts_choices_and_rules() {
    let v = with_choices_and_rules();
    assert!(schema_accepts(&v));
    let json = v.to_string();
    if let Err(ps) = atelier_core::Catalog::from_json(&json, &|_: &str| true) {
        panic!("validation refused the example: {ps:?}");
    }
}

#[test]
fn the_schema_accepts_a_choice_the_shopper_must_make() {
    let mut v = with_choices_and_rules();
    if let Some(o) = v["choices"][0].as_object_mut() {
        o.remove("default");
        o.insert("required".into(), json!(true));
    }
    assert!(schema_accepts(&v));
    if let Err(ps) = atelier_core::Catalog::from_json(&v.to_string(), &|_: &str| true) {
        panic!("validation refused a required choice: {ps:?}");
    }
}

#[test]
fn the_schema_rejects_malformed_choices_and_rules() {
    let cases: Vec<(&str, Edit)> = vec![
        (
            "a rule with two kinds",
            Box::new(|v| {
                v["rules"][4]["at_most"] = json!({ "count": 1, "of": { "*.material": ["suede"] } })
            }),
        ),
        (
            "an unknown rule kind",
            Box::new(|v| {
                v["rules"][3] =
                    json!({ "id": "no-pink-wax", "forbids": [{ "laces.color": ["pink"] }] })
            }),
        ),
        (
            "a rule with no kind",
            Box::new(|v| v["rules"][0] = json!({ "id": "gum-sole-rubber" })),
        ),
        (
            "a group key naming neither material nor color",
            Box::new(|v| v["rules"][0]["requires"]["if"] = json!({ "sole.size": ["gum"] })),
        ),
        (
            "a wildcard without material or color",
            Box::new(|v| v["rules"][6]["at_most"]["of"] = json!({ "*": ["patent"] })),
        ),
        (
            "an upper-case zone in a group key",
            Box::new(|v| v["rules"][5]["equal"] = json!(["Toe.color", "heel.color"])),
        ),
        (
            "equal with one plain key",
            Box::new(|v| v["rules"][5]["equal"] = json!(["toe.color"])),
        ),
        (
            "a negative at_most count",
            Box::new(|v| v["rules"][6]["at_most"]["count"] = json!(-1)),
        ),
        (
            "excludes with one condition",
            Box::new(|v| v["rules"][3]["excludes"] = json!([{ "laces.color": ["pink"] }])),
        ),
        (
            "a message without Korean",
            Box::new(|v| v["rules"][0]["message"] = json!({ "en": "Gum soles are rubber" })),
        ),
        (
            "an empty condition",
            Box::new(|v| v["rules"][4]["when"] = json!({})),
        ),
        (
            "a table of one group",
            Box::new(|v| {
                v["rules"][7]["allowed"] = json!({ "groups": ["laces.color"], "rows": [["white"]] })
            }),
        ),
        (
            "a table with a star key",
            Box::new(|v| v["rules"][7]["allowed"]["groups"][0] = json!("*.material")),
        ),
        (
            "a table listing a group twice",
            Box::new(|v| v["rules"][7]["allowed"]["groups"][0] = json!("laces.color")),
        ),
        (
            "a table without rows",
            Box::new(|v| v["rules"][7]["allowed"]["rows"] = json!([])),
        ),
        (
            "a table repeating a row",
            Box::new(|v| v["rules"][7]["allowed"]["rows"][1] = json!(["cotton", "white"])),
        ),
        (
            "a choice option with an unknown field",
            Box::new(|v| v["choices"][0]["options"][0]["colour"] = json!("red")),
        ),
        (
            "a choice both required and with a default",
            Box::new(|v| v["choices"][0]["required"] = json!(true)),
        ),
        (
            "a choice without a default",
            Box::new(|v| {
                if let Some(o) = v["choices"][0].as_object_mut() {
                    o.remove("default");
                }
            }),
        ),
    ];
    for (name, edit) in cases {
        let mut v = with_choices_and_rules();
        edit(&mut v);
        assert_both_reject(name, &v);
    }
}
