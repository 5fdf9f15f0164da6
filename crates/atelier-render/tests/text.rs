//! Personal text as drawn: for a table of strings, the millimetre width the core measures equals the extent of
//! the glyphs this crate rasterizes within 0.2 mm (also when rotated a quarter turn), and "WWWWWWWW" and
//! "iiiiiiii" get the fit decisions their drawn widths call for.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use atelier_core::catalog::{Case, CharClass, TextPlacement};
use atelier_core::text::Face;
use atelier_core::{Currency, Money};
use atelier_render::text::{Coverage, rasterize};

const LATIN: &[u8] = include_bytes!("../../../static/fonts/AtelierSans-Latin.ttf");
const HANGUL: &[u8] = include_bytes!("../../../static/fonts/AtelierSans-Hangul.ttf");

fn placement(size_mm: f64, px_per_mm: f64, rotation_deg: f64) -> TextPlacement {
    TextPlacement {
        id: "t".into(),
        name: Default::default(),
        view: "v".into(),
        position: (500.0, 500.0),
        rotation_deg,
        width_mm: 24.0,
        height_mm: size_mm,
        px_per_mm,
        fonts: vec!["f.ttf".into()],
        size_mm,
        allowed: vec![CharClass::Latin],
        also_allowed: String::new(),
        max_length: 100,
        case: Case::AsTyped,
        ink: atelier_core::color::Srgb8 { r: 0, g: 0, b: 0 },
        price: Money::new(0, Currency::Krw),
    }
}

/// The inked extent (first to last column, or row) with any coverage, in pixels.
fn extent(c: &Coverage, horizontal: bool) -> f64 {
    let (mut lo, mut hi) = (usize::MAX, 0usize);
    for y in 0..c.height {
        for x in 0..c.width {
            if c.alpha[y * c.width + x] > 0 {
                let v = if horizontal { x } else { y };
                lo = lo.min(v);
                hi = hi.max(v + 1);
            }
        }
    }
    if lo > hi { 0.0 } else { (hi - lo) as f64 }
}

#[test]
fn measured_width_matches_the_drawn_extent() {
    let cases = [
        (LATIN, "WWWWWWWW", 6.0),
        (LATIN, "iiiiiiii", 6.0),
        (LATIN, "ROMEO 07", 7.0),
        (LATIN, "AVATAR", 10.0),
        (LATIN, "Jo & Ty", 20.0),
        (LATIN, "fly", 5.0),
        (LATIN, "Straße", 4.0),
        (HANGUL, "김민준", 8.0),
        (HANGUL, "서울 2026", 6.0),
    ];
    for (font, text, size_mm) in cases {
        let face = Face::parse(font).expect("font");
        let measured = face.measure(text, size_mm, 1000.0).mm;
        // At 10 px/mm and finer a pixel is at most 0.1 mm, so partly covered edge pixels stay inside 0.2 mm.
        for (px_per_mm, rotation) in [(10.0, 0.0), (20.0, 0.0), (10.0, 90.0)] {
            let drawn = rasterize(&placement(size_mm, px_per_mm, rotation), &face, text);
            let px = extent(&drawn, rotation == 0.0);
            let mm = px / px_per_mm;
            assert!(
                (measured - mm).abs() <= 0.2,
                "{text:?} at {size_mm} mm, {px_per_mm} px/mm, {rotation}°: measured {measured:.3} mm, drawn {mm:.3} mm"
            );
        }
    }
}

#[test]
fn wide_and_narrow_letters_fit_as_drawn() {
    let face = Face::parse(LATIN).expect("font");
    let box_mm = 24.0;
    let p = placement(6.0, 10.0, 0.0);
    let wide = face.measure("WWWWWWWW", 6.0, box_mm);
    let narrow = face.measure("iiiiiiii", 6.0, box_mm);
    assert!(!wide.fits() && narrow.fits(), "{wide:?} {narrow:?}");
    let drawn_wide = extent(&rasterize(&p, &face, "WWWWWWWW"), true) / 10.0;
    let drawn_narrow = extent(&rasterize(&p, &face, "iiiiiiii"), true) / 10.0;
    assert!(drawn_wide > box_mm && drawn_narrow < box_mm);
    assert!(
        (wide.too_wide_by_mm.expect("too wide") - (drawn_wide - box_mm)).abs() <= 0.2,
        "told {:?} too wide, drawn {drawn_wide}",
        wide.too_wide_by_mm
    );
}

#[test]
fn text_is_drawn_onto_the_frame_in_its_view_only() {
    let catalog = support::catalog();
    let fonts = support::fonts();
    let mut design = catalog.default_design();
    let valid = design.validate(&catalog).expect("valid");
    let view = &catalog.views()[0];
    let layers = atelier_render::ViewLayers::decode(view, support::file).expect("decode");
    let mut plain = atelier_render::Frame::new(layers.width(), layers.height());
    layers.render(&valid, &mut plain);
    design.text.insert("heel-id".into(), "ROMEO".into());
    let valid = design.validate(&catalog).expect("valid");
    let mut with_text = atelier_render::Frame::new(layers.width(), layers.height());
    layers.render(&valid, &mut with_text);
    atelier_render::draw_texts(&valid, "side", &fonts, &mut with_text);
    let changed: Vec<usize> = plain
        .rgba()
        .chunks(4)
        .zip(with_text.rgba().chunks(4))
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i)
        .collect();
    assert!(changed.len() > 200, "{} pixels changed", changed.len());
    // Every changed pixel lies within the placement's box (30 × 9 mm at 2.9 px/mm around (852, 530), rotated
    // a little: within 60 px of the centre).
    for i in changed {
        let (x, y) = ((i % 1024) as f64, (i / 1024) as f64);
        assert!(
            (x - 852.0).abs() < 60.0 && (y - 530.0).abs() < 60.0,
            "pixel {x},{y}"
        );
    }
    // The top view has no placement: drawing there changes nothing.
    let mut top = atelier_render::Frame::new(layers.width(), layers.height());
    layers.render(&valid, &mut top);
    let before = top.rgba().to_vec();
    atelier_render::draw_texts(&valid, "top", &fonts, &mut top);
    assert_eq!(top.rgba(), &before[..]);
}
