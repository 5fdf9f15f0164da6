//! What the render tests share natively and in the browser: the sample catalog, its layer files compiled in
//! (so the wasm test needs no server), the sample designs, and the reference hashes.

#![allow(dead_code, missing_docs)]

use atelier_core::design::Choice;
use atelier_core::{Catalog, Design};
use atelier_render::{Frame, ViewLayers};
use sha2::{Digest, Sha256};

pub const CATALOG: &str = include_str!("../../../../static/catalogs/runner-one.json");

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
];

pub fn catalog() -> Catalog {
    Catalog::from_json(CATALOG, &|p: &str| FILES.iter().any(|(f, _)| *f == p))
        .expect("the sample catalog is valid")
}

pub fn file(path: &str) -> Option<Vec<u8>> {
    FILES
        .iter()
        .find(|(f, _)| *f == path)
        .map(|(_, b)| b.to_vec())
}

/// The sample designs: the default and three that stress light, dark and glossy paints.
pub fn designs(catalog: &Catalog) -> Vec<(&'static str, Design)> {
    let with = |choices: &[(&str, &str, &str)]| {
        let mut d = catalog.default_design();
        d.size = Some("260".into());
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
    };
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
                ("heel", "patent", "red"),
                ("logo", "patent", "red"),
                ("laces", "waxed", "red"),
            ]),
        ),
    ]
}

/// Renders every sample design in every view: `("<design>/<view>", frame)`.
pub fn render_all() -> Vec<(String, Frame)> {
    let catalog = catalog();
    let mut out = Vec::new();
    for view in &catalog.views {
        let layers = ViewLayers::decode(view, file).expect("layers decode");
        for (name, design) in designs(&catalog) {
            let valid = design.validate(&catalog).expect("sample designs are valid");
            let mut frame = Frame::new(layers.width(), layers.height());
            layers.render(&valid, &mut frame);
            out.push((format!("{name}/{}", view.id), frame));
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
