//! Color science against reference data: CIEDE2000 on the 34 Sharma–Wu–Dalal (2005) pairs to 4 decimals, and
//! 8-bit sRGB surviving sRGB → linear → XYZ → Lab and back exactly.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use atelier_core::color::{Lab, LinearRgb, Srgb8, Xyz, ciede2000, lab_to_srgb8, srgb8_to_lab};

#[test]
fn ciede2000_matches_sharma_to_four_decimals() {
    let pairs = support::ciede2000_pairs();
    assert_eq!(pairs.len(), 34, "the published table has 34 pairs");
    for (i, (a, b, want)) in pairs.into_iter().enumerate() {
        let got = ciede2000(a, b);
        // The table prints 4 decimals, so a correct value rounds to it: within half a unit of the last place.
        assert!(
            (got - want).abs() <= 0.00005 + 1e-12,
            "pair {}: got {got:.6}, published {want:.4}",
            i + 1
        );
        assert_eq!(
            ciede2000(b, a).to_bits(),
            got.to_bits(),
            "pair {} symmetric",
            i + 1
        );
    }
}

#[test]
fn ciede2000_of_a_color_with_itself_is_zero() {
    for hex in ["#000000", "#ffffff", "#1f2a48", "#e9865a"] {
        let lab = srgb8_to_lab(Srgb8::from_hex(hex).expect("hex"));
        assert_eq!(ciede2000(lab, lab), 0.0, "{hex}");
    }
}

#[test]
fn every_gray_survives_the_round_trip() {
    for v in 0..=255u8 {
        let c = Srgb8 { r: v, g: v, b: v };
        let lab = srgb8_to_lab(c);
        assert_eq!(lab_to_srgb8(lab), c, "gray {v}");
        // A gray has (almost) no chroma under the D65 white sRGB is defined against.
        assert!(lab.chroma() < 1e-3, "gray {v}: chroma {}", lab.chroma());
    }
}

#[test]
fn a_grid_of_colors_survives_the_round_trip() {
    let steps: Vec<u8> = (0..=255u8).step_by(15).chain([1, 127, 128, 254]).collect();
    for &r in &steps {
        for &g in &steps {
            for &b in &steps {
                let c = Srgb8 { r, g, b };
                assert_eq!(lab_to_srgb8(srgb8_to_lab(c)), c, "{c}");
            }
        }
    }
}

/// Known values: white is L 100, a = b = 0; sRGB red is the textbook (53.24, 80.09, 67.20).
#[test]
fn known_lab_values() {
    let check = |hex: &str, want: (f64, f64, f64)| {
        let lab = srgb8_to_lab(Srgb8::from_hex(hex).expect("hex"));
        let close = |x: f64, y: f64| (x - y).abs() < 0.01;
        assert!(
            close(lab.l, want.0) && close(lab.a, want.1) && close(lab.b, want.2),
            "{hex}: {lab:?}, want {want:?}"
        );
    };
    check("#ffffff", (100.0, 0.0, 0.0));
    check("#000000", (0.0, 0.0, 0.0));
    check("#ff0000", (53.24, 80.09, 67.20));
    check("#0000ff", (32.30, 79.19, -107.86));
}

#[test]
fn each_step_converts_both_ways() {
    let c = Srgb8::from_hex("#8fa6bd").expect("hex");
    let lin = LinearRgb::from(c);
    let xyz = Xyz::from(lin);
    let lab = Lab::from(xyz);
    let back = LinearRgb::from(Xyz::from(lab));
    // Palette's sRGB ↔ XYZ matrices are Lindbloom's, printed to 7 decimals, so they invert each other to about
    // 1e-7: far below the 1/255 that an 8-bit channel can show.
    let near = |x: f64, y: f64| (x - y).abs() < 1e-6;
    assert!(
        near(back.r, lin.r) && near(back.g, lin.g) && near(back.b, lin.b),
        "{lin:?} vs {back:?}"
    );
    assert_eq!(back.to_srgb8(), c);
    // Out of gamut clamps instead of wrapping.
    let bright = Lab {
        l: 100.0,
        a: 80.0,
        b: 80.0,
    };
    let clamped = lab_to_srgb8(bright);
    assert_eq!(clamped.r, 255);
}

#[test]
fn hue_angles() {
    let h = |a: f64, b: f64| Lab { l: 50.0, a, b }.hue_degrees();
    assert_eq!(h(0.0, 0.0), 0.0);
    assert!((h(10.0, 0.0) - 0.0).abs() < 1e-12);
    assert!((h(0.0, 10.0) - 90.0).abs() < 1e-12);
    assert!((h(-10.0, 0.0) - 180.0).abs() < 1e-12);
    assert!((h(0.0, -10.0) - 270.0).abs() < 1e-12);
}
