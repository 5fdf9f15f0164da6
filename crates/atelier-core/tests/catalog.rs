//! Catalog parsing and validation at the boundary: the sample catalog is valid, and a table of broken
//! catalogs each reports every expected problem (`code@path`), all at once.

#![cfg(not(target_arch = "wasm32"))]

use atelier_core::Catalog;
use atelier_core::problem::ProblemKind;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../static/catalogs/runner-one.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).expect("sample parses")
}

/// Validates `json` with every file present except those containing `missing`, and returns `code@path` per
/// problem.
fn problems(json: &str, missing: &str) -> Vec<String> {
    match Catalog::from_json(json, &|path: &str| {
        missing.is_empty() || !path.contains(missing)
    }) {
        Ok(_) => vec![],
        Err(ps) => ps
            .iter()
            .map(|p| format!("{}@{}", p.kind.code(), p.path))
            .collect(),
    }
}

fn check(edit: impl FnOnce(&mut Value), missing: &str, expect: &[&str]) {
    let mut v = sample();
    edit(&mut v);
    assert_eq!(problems(&v.to_string(), missing), expect);
}

#[test]
fn the_sample_catalog_is_valid() {
    let catalog = Catalog::from_json(SAMPLE, &|_: &str| true).expect("valid");
    assert_eq!(catalog.id().as_str(), "runner-one");
    assert!(catalog.zones().len() >= 5);
    assert!(catalog.views().len() >= 2);
    assert!(catalog.materials().len() >= 3);
    assert!(catalog.colors().len() >= 12);
    assert_eq!(catalog.name().ko, "러너 원");
}

#[test]
fn every_layer_file_of_the_sample_exists() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/");
    let result = Catalog::from_json(SAMPLE, &|p: &str| {
        std::path::Path::new(root).join(p).is_file()
    });
    assert!(result.is_ok(), "{:?}", result.err());
}

#[test]
fn broken_catalogs_report_every_problem() {
    // The second "quarter" is the duplicate, and with "toe" gone the views' toe layers name an unknown zone.
    check(
        |v| v["zones"][0]["id"] = json!("quarter"),
        "",
        &[
            "duplicate_id@zones[1].id",
            "unknown_zone@views[0].layers[3].zone",
            "unknown_zone@views[1].layers[3].zone",
        ],
    );
    check(
        |v| {
            v["views"][0]["layers"][1]["zone"] = json!("tongue");
            v["materials"][1]["price"] = json!(-500);
            v["colors"][2]["swatch"] = json!("navy");
            v["materials"][2]["surface"] = json!("velvet");
            v["currency"] = json!("XYZ");
        },
        "",
        &[
            "unknown_currency@currency",
            "negative_price@materials[1].price",
            "unknown_surface@materials[2].surface",
            "invalid_swatch@colors[2].swatch",
            "unknown_zone@views[0].layers[1].zone",
        ],
    );
    check(
        |_| {},
        "side/toe.png",
        &["missing_file@views[0].layers[3].file"],
    );
    check(
        |v| v["views"][1]["base"] = json!("../../etc/passwd.png"),
        "",
        &["unsafe_path@views[1].base"],
    );
    check(
        |v| {
            v["zones"][0]["materials"] = json!(["leather", "velvet"]);
            v["zones"][0]["default"]["color"] = json!("gum");
        },
        "",
        &[
            "unknown_material@zones[0].materials[1]",
            "default_not_offered@zones[0].default.color",
        ],
    );
    check(
        |v| {
            v.as_object_mut().map(|o| o.remove("base_price"));
            v["zones"][1]["name"] = json!({"en": "Side"});
            v["colour"] = json!([]);
        },
        "",
        &[
            "unknown_field@colour",
            "missing_field@",
            "missing_field@zones[1].name",
        ],
    );
    check(|v| v["sizes"] = json!([]), "", &["empty_list@sizes"]);
    check(
        |v| v["format"] = json!(7),
        "",
        &["unsupported_format@format"],
    );
    check(
        |v| v["materials"][0]["gloss"] = json!(150),
        "",
        &["out_of_range@materials[0].gloss"],
    );
    check(
        |v| v["views"][0]["width"] = json!(100000),
        "",
        &["out_of_range@views[0].width"],
    );
    check(
        |v| v["zones"][2]["id"] = json!("Heel Counter"),
        "",
        &[
            "invalid_id@zones[2].id",
            "unknown_zone@views[0].layers[1].zone",
            "unknown_zone@views[1].layers[1].zone",
        ],
    );
    check(
        |v| {
            for view in v["views"].as_array_mut().expect("views") {
                view["layers"]
                    .as_array_mut()
                    .expect("layers")
                    .retain(|l| l["zone"] != "logo");
            }
        },
        "",
        &["zone_not_drawn@zones[3]"],
    );
    check(
        |v| {
            let first = v["views"][0]["layers"][0].clone();
            v["views"][0]["layers"]
                .as_array_mut()
                .expect("layers")
                .push(first);
        },
        "",
        &["zone_drawn_twice@views[0].layers[6].zone"],
    );
}

#[test]
fn a_broken_entry_is_not_reported_again_where_it_is_used() {
    // The material fails its own check (negative price); zones naming it must not call it unknown.
    check(
        |v| v["materials"][0]["price"] = json!(-1),
        "",
        &["negative_price@materials[0].price"],
    );
}

#[test]
fn syntax_errors_have_line_and_column() {
    let ps = Catalog::from_json(
        "{\n  \"id\": \"x\",\n  \"format\": \"one\"\n}",
        &|_: &str| true,
    )
    .expect_err("invalid");
    assert_eq!(ps.len(), 1);
    let msg = ps[0].message(atelier_core::Locale::En);
    assert!(msg.contains("line 3"), "{msg}");
    let ko = ps[0].message(atelier_core::Locale::Ko);
    assert!(ko.contains("3행"), "{ko}");
}

#[test]
fn broken_text_placements_report_every_problem() {
    // The sample's heel ID, broken in many ways at once.
    check(
        |v| {
            let t = &mut v["texts"][0];
            t["view"] = json!("back");
            t["box_mm"]["width"] = json!(0);
            t["px_per_mm"] = json!(-2);
            t["size_mm"] = json!(12);
            t["fonts"] = json!(["../secret.ttf", "fonts/Nope.ttf", "fonts/a.woff"]);
            t["allowed"] = json!(["latin", "emoji"]);
            t["also_allowed"] = json!(".\u{202E}");
            t["max_length"] = json!(0);
            t["case"] = json!("title");
            t["ink"] = json!("chartreuse");
            t["price"] = json!(-1);
            t["colour"] = json!("red");
        },
        "Nope",
        &[
            "unknown_field@texts[0].colour",
            "unknown_view@texts[0].view",
            "number_out_of_range@texts[0].box_mm.width",
            "number_out_of_range@texts[0].px_per_mm",
            "text_size_over_box@texts[0].size_mm",
            "unsafe_path@texts[0].fonts[0]",
            "missing_file@texts[0].fonts[1]",
            "unsafe_path@texts[0].fonts[2]",
            "unknown_char_class@texts[0].allowed[1]",
            "invalid_allowed_character@texts[0].also_allowed",
            "out_of_range@texts[0].max_length",
            "unknown_case@texts[0].case",
            "invalid_ink@texts[0].ink",
            "negative_price@texts[0].price",
        ],
    );
    // A box that reaches past the view's right edge once rotated; a missing position; a hex ink is fine.
    check(
        |v| {
            v["texts"][0]["position"] = json!({"x": 1000, "y": 530});
            v["texts"][0]["ink"] = json!("#ffcc00");
        },
        "",
        &["text_box_outside_view@texts[0].box_mm"],
    );
    check(
        |v| {
            v["texts"][0]
                .as_object_mut()
                .expect("object")
                .remove("position");
            v["texts"][0]["position_px"] = json!([1, 2]);
        },
        "",
        &[
            "unknown_field@texts[0].position_px",
            "missing_field@texts[0]",
        ],
    );
    // Two placements with one id.
    check(
        |v| {
            let t = v["texts"][0].clone();
            v["texts"].as_array_mut().expect("array").push(t);
        },
        "",
        &["duplicate_id@texts[1].id"],
    );
}

#[test]
fn the_sample_text_placement_is_read() {
    let catalog = Catalog::from_json(SAMPLE, &|_: &str| true).expect("valid");
    let heel = catalog.text("heel-id").expect("heel ID");
    assert_eq!(heel.view.as_str(), "side");
    assert_eq!(
        (heel.width_mm, heel.height_mm, heel.size_mm),
        (30.0, 7.0, 5.0)
    );
    assert_eq!(heel.case, atelier_core::catalog::Case::Upper);
    assert_eq!(Some(heel.ink), catalog.color("white").map(|c| c.swatch));
    assert!(heel.admits('Q') && heel.admits('7') && heel.admits('&') && !heel.admits('민'));
}
