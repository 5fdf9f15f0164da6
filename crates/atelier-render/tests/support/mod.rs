//! What the render tests share natively and in the browser: the sample catalogs, their layer files compiled in
//! (so the wasm test needs no server), the sample designs (each keeps its catalog's rules), and the reference
//! hashes.

#![allow(
    dead_code,
    reason = "each test target that includes this module uses only part of it, a different part each"
)]

use atelier_core::design::Choice;
use atelier_core::{Catalog, Design};
use atelier_render::{Frame, ViewLayers};
use sha2::{Digest, Sha256};

pub const CATALOG: &str = include_str!("../../../../static/catalogs/runner-one.json");
pub const BESPOKE: &str = include_str!("../../../../static/catalogs/bespoke-set.json");

/// The shipped fonts, compiled in like the layers.
pub fn fonts() -> atelier_core::text::Fonts {
    let mut fonts = atelier_core::text::Fonts::new();
    fonts.insert(
        "fonts/AtelierSans-Latin.ttf",
        &include_bytes!("../../../../static/fonts/AtelierSans-Latin.ttf")[..],
    );
    fonts.insert(
        "fonts/AtelierSans-Hangul.ttf",
        &include_bytes!("../../../../static/fonts/AtelierSans-Hangul.ttf")[..],
    );
    fonts
}

/// The reference hashes: `"<design>/<view>"` → SHA-256 of the RGBA bytes.
pub const HASHES: &str = include_str!("../reference/hashes.json");

const FILES: &[(&str, &[u8])] = &[
    (
        "products/runner-one/side/base.png",
        include_bytes!("../../../../static/products/runner-one/side/base.png"),
    ),
    (
        "products/runner-one/side/sole.png",
        include_bytes!("../../../../static/products/runner-one/side/sole.png"),
    ),
    (
        "products/runner-one/side/heel.png",
        include_bytes!("../../../../static/products/runner-one/side/heel.png"),
    ),
    (
        "products/runner-one/side/quarter.png",
        include_bytes!("../../../../static/products/runner-one/side/quarter.png"),
    ),
    (
        "products/runner-one/side/toe.png",
        include_bytes!("../../../../static/products/runner-one/side/toe.png"),
    ),
    (
        "products/runner-one/side/logo.png",
        include_bytes!("../../../../static/products/runner-one/side/logo.png"),
    ),
    (
        "products/runner-one/side/laces.png",
        include_bytes!("../../../../static/products/runner-one/side/laces.png"),
    ),
    (
        "products/runner-one/side/overlay.png",
        include_bytes!("../../../../static/products/runner-one/side/overlay.png"),
    ),
    (
        "products/runner-one/top/base.png",
        include_bytes!("../../../../static/products/runner-one/top/base.png"),
    ),
    (
        "products/runner-one/top/sole.png",
        include_bytes!("../../../../static/products/runner-one/top/sole.png"),
    ),
    (
        "products/runner-one/top/heel.png",
        include_bytes!("../../../../static/products/runner-one/top/heel.png"),
    ),
    (
        "products/runner-one/top/quarter.png",
        include_bytes!("../../../../static/products/runner-one/top/quarter.png"),
    ),
    (
        "products/runner-one/top/toe.png",
        include_bytes!("../../../../static/products/runner-one/top/toe.png"),
    ),
    (
        "products/runner-one/top/logo.png",
        include_bytes!("../../../../static/products/runner-one/top/logo.png"),
    ),
    (
        "products/runner-one/top/laces.png",
        include_bytes!("../../../../static/products/runner-one/top/laces.png"),
    ),
    (
        "products/runner-one/top/overlay.png",
        include_bytes!("../../../../static/products/runner-one/top/overlay.png"),
    ),
    (
        "products/bespoke-set/front/base.png",
        include_bytes!("../../../../static/products/bespoke-set/front/base.png"),
    ),
    (
        "products/bespoke-set/front/fridge-top-left.png",
        include_bytes!("../../../../static/products/bespoke-set/front/fridge-top-left.png"),
    ),
    (
        "products/bespoke-set/front/fridge-top-right.png",
        include_bytes!("../../../../static/products/bespoke-set/front/fridge-top-right.png"),
    ),
    (
        "products/bespoke-set/front/fridge-bottom-left.png",
        include_bytes!("../../../../static/products/bespoke-set/front/fridge-bottom-left.png"),
    ),
    (
        "products/bespoke-set/front/fridge-bottom-right.png",
        include_bytes!("../../../../static/products/bespoke-set/front/fridge-bottom-right.png"),
    ),
    (
        "products/bespoke-set/front/dishwasher.png",
        include_bytes!("../../../../static/products/bespoke-set/front/dishwasher.png"),
    ),
    (
        "products/bespoke-set/front/overlay.png",
        include_bytes!("../../../../static/products/bespoke-set/front/overlay.png"),
    ),
    (
        "products/bespoke-set/closeup/base.png",
        include_bytes!("../../../../static/products/bespoke-set/closeup/base.png"),
    ),
    (
        "products/bespoke-set/closeup/fridge-top-left.png",
        include_bytes!("../../../../static/products/bespoke-set/closeup/fridge-top-left.png"),
    ),
    (
        "products/bespoke-set/closeup/fridge-top-right.png",
        include_bytes!("../../../../static/products/bespoke-set/closeup/fridge-top-right.png"),
    ),
    (
        "products/bespoke-set/closeup/fridge-bottom-left.png",
        include_bytes!("../../../../static/products/bespoke-set/closeup/fridge-bottom-left.png"),
    ),
    (
        "products/bespoke-set/closeup/fridge-bottom-right.png",
        include_bytes!("../../../../static/products/bespoke-set/closeup/fridge-bottom-right.png"),
    ),
    (
        "products/bespoke-set/closeup/dishwasher.png",
        include_bytes!("../../../../static/products/bespoke-set/closeup/dishwasher.png"),
    ),
    (
        "products/bespoke-set/closeup/overlay.png",
        include_bytes!("../../../../static/products/bespoke-set/closeup/overlay.png"),
    ),
];

pub fn catalog() -> Catalog {
    load(CATALOG)
}

pub fn bespoke() -> Catalog {
    load(BESPOKE)
}

fn load(json: &str) -> Catalog {
    let fonts = fonts();
    Catalog::from_json(json, &|p: &str| {
        FILES.iter().any(|(f, _)| *f == p) || fonts.contains(p)
    })
    .expect("the sample catalog is valid")
}

pub fn file(path: &str) -> Option<Vec<u8>> {
    FILES
        .iter()
        .find(|(f, _)| *f == path)
        .map(|(_, b)| b.to_vec())
}

/// The catalog's default design in `size` with `(zone, material, color)` choices applied.
fn design(catalog: &Catalog, size: &str, choices: &[(&str, &str, &str)]) -> Design {
    let mut d = catalog.default_design();
    d.size = Some(size.into());
    for (zone, material, color) in choices {
        d.zones.insert(
            (*zone).into(),
            Choice {
                material: (*material).into(),
                color: (*color).into(),
            },
        );
    }
    d
}

/// The sample designs: the default, three that stress light, dark and glossy paints, and one color in many
/// surfaces.
pub fn designs(catalog: &Catalog) -> Vec<(&'static str, Design)> {
    let with = |choices: &[(&str, &str, &str)]| design(catalog, "260", choices);
    vec![
        ("default", with(&[])),
        (
            "navy-suede-gum",
            with(&[
                ("quarter", "suede", "navy"),
                ("heel", "suede", "navy"),
                ("toe", "leather", "white"),
                ("logo", "leather", "white"),
                ("sole", "rubber", "gum"),
            ]),
        ),
        (
            "all-black",
            with(&[
                ("quarter", "mesh", "black"),
                ("heel", "leather", "black"),
                ("toe", "leather", "black"),
                ("logo", "patent", "black"),
                ("laces", "cotton", "black"),
                ("sole", "foam", "black"),
            ]),
        ),
        (
            "red-patent",
            with(&[
                ("toe", "patent", "red"),
                ("heel", "leather", "red"),
                ("logo", "patent", "red"),
                ("laces", "waxed", "red"),
            ]),
        ),
        // One color in four surfaces side by side (mesh, leather, suede, patent), to see them differ.
        (
            "gray-surfaces",
            with(&[
                ("quarter", "mesh", "gray"),
                ("toe", "leather", "gray"),
                ("heel", "suede", "gray"),
                ("logo", "patent", "gray"),
                ("laces", "waxed", "gray"),
                ("sole", "rubber", "gray"),
            ]),
        ),
        ("heel-id", {
            // Personal text on the heel, typed in small letters and printed in capitals, in white ink.
            let mut d = with(&[]);
            d.text.insert("heel-id".into(), "Romeo 07".into());
            d
        }),
    ]
}

/// The appliance set's sample designs: its default (matte white), mixed finishes in glam and bright colors, and
/// everything matched in stainless metal.
pub fn bespoke_designs(catalog: &Catalog) -> Vec<(&'static str, Design)> {
    let with = |matched: bool, choices: &[(&str, &str, &str)]| {
        let mut d = design(catalog, "standard", choices);
        if matched {
            d.choices.insert("match".into(), "on".into());
        }
        d
    };
    let all = |material: &str, color: &str| -> Vec<(&'static str, String, String)> {
        [
            "fridge-top-left",
            "fridge-top-right",
            "fridge-bottom-left",
            "fridge-bottom-right",
            "dishwasher",
        ]
        .iter()
        .map(|z| (*z, material.to_owned(), color.to_owned()))
        .collect()
    };
    let stainless = all("metal", "stainless");
    let stainless: Vec<(&str, &str, &str)> = stainless
        .iter()
        .map(|(z, m, c)| (*z, m.as_str(), c.as_str()))
        .collect();
    vec![
        ("bespoke-set-default", with(false, &[])),
        (
            "bespoke-set-glam-mint",
            with(
                false,
                &[
                    ("fridge-top-left", "glass", "glam-navy"),
                    ("fridge-top-right", "glass", "glam-navy"),
                    ("fridge-bottom-left", "matte", "mint"),
                    ("fridge-bottom-right", "matte", "mint"),
                    ("dishwasher", "glass", "glam-navy"),
                ],
            ),
        ),
        ("bespoke-set-stainless", with(true, &stainless)),
        ("bespoke-set-monogram", {
            // A Hangul monogram: set in the Hangul file, since the Latin one cannot draw it.
            let mut d = with(false, &[]);
            d.text.insert("monogram".into(), "김민준 2026".into());
            d
        }),
    ]
}

/// Renders every sample design in every view: `("<design>/<view>", frame)`.
pub fn render_all() -> Vec<(String, Frame)> {
    let mut out = Vec::new();
    let fonts = fonts();
    let runner = catalog();
    let bespoke = load(BESPOKE);
    let products = [
        (&runner, designs(&runner)),
        (&bespoke, bespoke_designs(&bespoke)),
    ];
    for (catalog, designs) in products {
        for view in catalog.views() {
            let layers = ViewLayers::decode(view, file).expect("layers decode");
            for (name, design) in &designs {
                let valid = design.validate(catalog).expect("sample designs are valid");
                assert!(
                    atelier_core::rules::session::broken_rules(catalog, design).is_empty(),
                    "{name} keeps the catalog's rules"
                );
                let mut frame = Frame::new(layers.width(), layers.height());
                layers.render(&valid, &mut frame);
                atelier_render::draw_texts(&valid, view.id.as_str(), &fonts, &mut frame);
                out.push((format!("{name}/{}", view.id), frame));
            }
        }
    }
    out
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The reference hash for a key.
pub fn reference_hash(key: &str) -> Option<String> {
    let map: std::collections::BTreeMap<String, String> = serde_json::from_str(HASHES).ok()?;
    map.get(key).cloned()
}
