//! Reference images of the sample designs, compared byte for byte (tolerance 0), and their hashes, which the
//! browser test (`wasm.rs`) must match too.
//!
//! After an intended change to the artwork or the compositor, update the references with
//! `UPDATE_REFERENCE=1 cargo test -p atelier-render --test reference` and look at the new PNGs before
//! committing them.

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;

fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference")
}

fn png_path(key: &str) -> PathBuf {
    reference_dir().join(format!("{}.png", key.replace('/', "-")))
}

#[test]
fn sample_designs_match_their_reference_images() {
    let update = std::env::var_os("UPDATE_REFERENCE").is_some();
    let frames = support::render_all();
    let mut hashes = BTreeMap::new();
    let mut mismatches = Vec::new();
    for (key, frame) in &frames {
        let hash = support::sha256_hex(frame.rgba());
        hashes.insert(key.clone(), hash.clone());
        let path = png_path(key);
        if update {
            image::save_buffer(
                &path,
                frame.rgba(),
                frame.width(),
                frame.height(),
                image::ColorType::Rgba8,
            )
            .expect("write reference");
            continue;
        }
        let expected = image::open(&path)
            .unwrap_or_else(|e| {
                panic!(
                    "{}: {e} (create it with UPDATE_REFERENCE=1)",
                    path.display()
                )
            })
            .into_rgba8();
        if expected.as_raw() != frame.rgba() {
            let differing = expected
                .as_raw()
                .iter()
                .zip(frame.rgba())
                .filter(|(a, b)| a != b)
                .count();
            mismatches.push(format!(
                "{key}: {differing} bytes differ from {}",
                path.display()
            ));
        }
        assert_eq!(
            support::reference_hash(key).as_deref(),
            Some(hash.as_str()),
            "{key}: hashes.json is stale"
        );
    }
    if update {
        let json = serde_json::to_string_pretty(&hashes).expect("json") + "\n";
        std::fs::write(reference_dir().join("hashes.json"), json).expect("write hashes");
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn a_color_change_only_touches_that_zone() {
    let catalog = support::catalog();
    let view = &catalog.views[0];
    let layers = atelier_render::ViewLayers::decode(view, support::file).expect("decode");
    let mut design = catalog.default_design();
    let render = |d: &atelier_core::Design| {
        let mut frame = atelier_render::Frame::new(layers.width(), layers.height());
        layers.render(&d.validate(&catalog).expect("valid"), &mut frame);
        frame
    };
    let before = render(&design);
    design.zones.get_mut(&"toe".into()).expect("toe").color = "red".into();
    let after = render(&design);
    let bounds = layers.zone_bounds("toe").expect("toe drawn");
    let mut changed_inside = 0;
    for (i, (a, b)) in before
        .rgba()
        .chunks(4)
        .zip(after.rgba().chunks(4))
        .enumerate()
    {
        let (x, y) = (i as u32 % layers.width(), i as u32 / layers.width());
        let inside = x >= bounds.x0 && x < bounds.x1 && y >= bounds.y0 && y < bounds.y1;
        if a != b {
            assert!(inside, "pixel ({x}, {y}) outside the toe changed");
            changed_inside += 1;
        }
    }
    assert!(
        changed_inside > 10_000,
        "the toe visibly changed ({changed_inside} pixels)"
    );
}

#[test]
fn dark_navy_keeps_its_shading() {
    // The seams and form shading must survive a dark color: a navy quarter still spans a range of values.
    let catalog = support::catalog();
    let view = &catalog.views[0];
    let layers = atelier_render::ViewLayers::decode(view, support::file).expect("decode");
    let (_, design) = support::designs(&catalog)
        .into_iter()
        .find(|(n, _)| *n == "navy-suede-gum")
        .expect("design");
    let mut frame = atelier_render::Frame::new(layers.width(), layers.height());
    layers.render(&design.validate(&catalog).expect("valid"), &mut frame);
    let mut values = std::collections::BTreeSet::new();
    for y in 0..layers.height() {
        for x in 0..layers.width() {
            if layers.zone_at(x, y).map(|z| z.as_str()) == Some("quarter") {
                values.insert(frame.rgba()[((y * layers.width() + x) * 4 + 2) as usize]);
            }
        }
    }
    let (lo, hi) = (
        values.first().copied().unwrap_or(0),
        values.last().copied().unwrap_or(0),
    );
    assert!(
        hi - lo > 40,
        "navy quarter blue channel spans only {lo}..{hi}"
    );
}

#[test]
fn proofs_are_the_reference_hashes_and_ignore_what_the_frame_held_before() {
    // The proof of every sample design is the recorded hash of its reference image (`hashes.json`, the
    // SHA-256 of the RGBA bytes), so the app and the shop agree with the references and with each other.
    for (key, frame) in support::render_all() {
        assert_eq!(
            Some(atelier_render::proof::of_frame(&frame)),
            support::reference_hash(&key),
            "{key}"
        );
    }
    // `proof::render` draws into a fresh frame: the default design's proof is the reference whatever was
    // rendered before, and a different design gives a different proof.
    let catalog = support::catalog();
    let layers =
        atelier_render::ViewLayers::decode(&catalog.views[0], support::file).expect("decode");
    let mut design = catalog.default_design();
    design.size = Some("250".into());
    let default = atelier_render::proof::render(&layers, &design.validate(&catalog).expect("ok"));
    assert_eq!(
        Some(default.clone()),
        support::reference_hash("default/side")
    );
    design.zones.get_mut(&"toe".into()).expect("toe").color = "red".into();
    let red = atelier_render::proof::render(&layers, &design.validate(&catalog).expect("ok"));
    assert_ne!(red, default);
}
