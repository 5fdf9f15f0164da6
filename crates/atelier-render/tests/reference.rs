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
    let view = &catalog.views()[0];
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
    let view = &catalog.views()[0];
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
fn a_changed_zone_rerendered_alone_equals_a_full_render() {
    // For every zone of every view of both samples, and a repaint in each surface in turn: recompositing only
    // the zone's bounds over the previous frame gives exactly the bytes of a full render of the new paint.
    use atelier_core::catalog::Surface;
    let mut checked = 0;
    for catalog in [support::catalog(), support::bespoke()] {
        let valid_default = catalog.default_design();
        let valid = valid_default.validate(&catalog).expect("valid");
        for view in catalog.views() {
            let layers = atelier_render::ViewLayers::decode(view, support::file).expect("decode");
            let before = layers.tints(&valid);
            let mut frame = atelier_render::Frame::new(layers.width(), layers.height());
            let mut fresh = atelier_render::Frame::new(layers.width(), layers.height());
            for (k, zone) in layers.zones().enumerate() {
                let surface = Surface::ALL[(k + checked) % Surface::ALL.len()];
                let mut after = before.clone();
                after[k] = Some(atelier_render::Tint {
                    color: [9000, 30000, 52000],
                    gloss: 200,
                    surface,
                });
                layers.render_tints(&before, &mut frame);
                let bounds = layers.zone_bounds(zone.as_str()).expect("drawn");
                layers.render_tints_region(&after, &mut frame, bounds);
                layers.render_tints(&after, &mut fresh);
                assert!(
                    frame.rgba() == fresh.rgba(),
                    "{}/{}: {zone:?} in {surface:?} differs after a region render",
                    catalog.id().as_str(),
                    view.id
                );
                assert_ne!(before[k], after[k]);
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "{checked} zone repaints checked");
}

#[test]
fn a_production_view_at_twice_the_size_looks_like_the_preview() {
    // Every 2×2 block of the 2× render averages close to the preview's pixel (only the surface grain, drawn
    // finer, and the edges differ), and the scaled view is as deterministic as the preview.
    let catalog = support::catalog();
    let (_, design) = support::designs(&catalog)
        .into_iter()
        .find(|(n, _)| *n == "gray-surfaces")
        .expect("design");
    let valid = design.validate(&catalog).expect("valid");
    let view = &catalog.views()[0];
    let small = atelier_render::ViewLayers::decode(view, support::file).expect("decode");
    let big = atelier_render::ViewLayers::decode_scaled(view, support::file, 2).expect("decode 2×");
    assert_eq!((big.width(), big.height()), (2048, 2048));
    let mut preview = atelier_render::Frame::new(small.width(), small.height());
    small.render(&valid, &mut preview);
    let mut proof = atelier_render::Frame::new(big.width(), big.height());
    big.render(&valid, &mut proof);
    let (w, bw) = (small.width() as usize, big.width() as usize);
    let mut total = 0u64;
    for y in 0..small.height() as usize {
        for x in 0..w {
            for c in 0..3 {
                let at = |xx: usize, yy: usize| u64::from(proof.rgba()[(yy * bw + xx) * 4 + c]);
                let mean = (at(2 * x, 2 * y)
                    + at(2 * x + 1, 2 * y)
                    + at(2 * x, 2 * y + 1)
                    + at(2 * x + 1, 2 * y + 1)
                    + 2)
                    / 4;
                total += mean.abs_diff(u64::from(preview.rgba()[(y * w + x) * 4 + c]));
            }
        }
    }
    let mean_diff = total as f64 / (w * small.height() as usize * 3) as f64;
    assert!(
        mean_diff < 2.5,
        "2× differs from 1× by {mean_diff:.2} per channel on average"
    );
    assert!(
        atelier_render::ViewLayers::decode_scaled(view, support::file, 0).is_err()
            && atelier_render::ViewLayers::decode_scaled(view, support::file, 5).is_err()
    );
    // The scaled view recomputes its zone bounds: the toe is twice as wide.
    let (sb, bb) = (
        small.zone_bounds("toe").expect("toe"),
        big.zone_bounds("toe").expect("toe"),
    );
    assert!((bb.width() as i64 - 2 * sb.width() as i64).abs() <= 2);
}

#[test]
fn a_zone_outline_follows_its_edge_and_leaves_the_inside_clear() {
    let catalog = support::catalog();
    let layers =
        atelier_render::ViewLayers::decode(&catalog.views()[0], support::file).expect("decode");
    for zone in layers.zones() {
        let outline = layers
            .zone_outline(zone.as_str(), [255, 255, 255])
            .expect("drawn");
        let r = outline.rect;
        assert_eq!(outline.rgba.len() as u64, r.area() * 4);
        let (mut edge, mut deep_pixels, mut drawn_deep) = (0, 0, 0);
        for y in r.y0..r.y1 {
            for x in r.x0..r.x1 {
                let a = outline.rgba[(((y - r.y0) * r.width() + (x - r.x0)) * 4 + 3) as usize];
                let here = layers.zone_at(x, y).map(|z| z == zone).unwrap_or(false);
                if a > 200 {
                    edge += 1;
                }
                // Well inside the zone (its 5×5 neighbourhood all its own) almost no strong line is drawn.
                let deep = (0..25).all(|k| {
                    let (dx, dy) = (k % 5, k / 5);
                    x + dx >= 2
                        && y + dy >= 2
                        && layers.zone_at(x + dx - 2, y + dy - 2).map(|z| z == zone) == Some(true)
                });
                if here && deep {
                    deep_pixels += 1;
                    if a > 128 {
                        drawn_deep += 1;
                    }
                }
            }
        }
        assert!(edge > 100, "{zone:?}: {edge} edge pixels");
        // The artwork's coverage has soft parts inside a few zones (stitching, eyelets) that draw faint lines.
        assert!(
            deep_pixels > 100 && drawn_deep * 50 < deep_pixels,
            "{zone:?}: outline drawn on {drawn_deep} of {deep_pixels} inner pixels"
        );
    }
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
        atelier_render::ViewLayers::decode(&catalog.views()[0], support::file).expect("decode");
    let mut design = catalog.default_design();
    design.size = Some("250".into());
    let default = atelier_render::proof::render(
        &layers,
        "side",
        &design.validate(&catalog).expect("ok"),
        &support::fonts(),
    );
    assert_eq!(
        Some(default.clone()),
        support::reference_hash("default/side")
    );
    design.zones.get_mut(&"toe".into()).expect("toe").color = "red".into();
    let red = atelier_render::proof::render(
        &layers,
        "side",
        &design.validate(&catalog).expect("ok"),
        &support::fonts(),
    );
    assert_ne!(red, default);
}
