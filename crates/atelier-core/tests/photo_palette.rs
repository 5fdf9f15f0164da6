//! Palette extraction on generated images whose colors and proportions are known: every true color found
//! within ΔE00 1 and its share within 2 percentage points, specks ignored, close shades merged.

#![cfg(not(target_arch = "wasm32"))]

use atelier_core::color::{Srgb8, ciede2000, srgb8_to_lab};
use atelier_core::photo_palette::{ExtractError, extract};
use atelier_core::synthetic_photo::{blocks, room_photo};

fn hex(s: &str) -> Srgb8 {
    Srgb8::from_hex(s).expect("hex")
}

/// Paints `colors` with `specks` of random pixels, extracts with `k_max`, and checks each expected
/// (color, share) is found in order, within ΔE 1 and 2 % share, and nothing else is.
fn check(colors: &[(&str, f64)], specks: f64, k_max: usize, expect: &[(&str, f64)]) {
    let painted: Vec<(Srgb8, f64)> = colors.iter().map(|&(c, s)| (hex(c), s)).collect();
    let (w, h) = (200, 150);
    let rgba = blocks(w, h, &painted, specks, 42);
    let palette = extract(&rgba, w, h, k_max).expect("sizes match");
    let found: Vec<String> = palette
        .iter()
        .map(|p| format!("{} {:.3}", p.srgb, p.share))
        .collect();
    assert_eq!(palette.len(), expect.len(), "{colors:?}: found {found:?}");
    for (p, &(c, share)) in palette.iter().zip(expect) {
        let de = ciede2000(p.lab, srgb8_to_lab(hex(c)));
        assert!(
            de < 1.0,
            "{c}: found {} (ΔE {de:.3}); all {found:?}",
            p.srgb
        );
        assert!(
            (f64::from(p.share) - share).abs() < 0.02,
            "{c}: share {} vs {share}; all {found:?}",
            p.share
        );
    }
    let total: f32 = palette.iter().map(|p| p.share).sum();
    assert!((total - 1.0).abs() < 1e-5, "shares add up to {total}");
}

#[test]
fn three_blocks_with_specks() {
    let kitchen = [("#e6e1d7", 0.6), ("#8fa6bd", 0.3), ("#3a3c3f", 0.1)];
    for k in [3, 5, 8, 12] {
        check(&kitchen, 0.01, k, &kitchen);
    }
}

#[test]
fn saturated_blocks_with_specks() {
    let bold = [
        ("#e9865a", 0.5),
        ("#1f2a48", 0.25),
        ("#a9d4c3", 0.15),
        ("#f0cf6e", 0.1),
    ];
    check(&bold, 0.01, 8, &bold);
}

#[test]
fn one_color() {
    check(&[("#d98f9e", 1.0)], 0.0, 6, &[("#d98f9e", 1.0)]);
}

#[test]
fn shades_closer_than_delta_e_3_merge() {
    // #808080 and #828282 are about ΔE 0.8 apart: one gray to a shopper.
    let got = extract(
        &blocks(
            100,
            100,
            &[(hex("#808080"), 0.5), (hex("#828282"), 0.5)],
            0.0,
            1,
        ),
        100,
        100,
        4,
    )
    .expect("sizes");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!((got[0].share - 1.0).abs() < 1e-6);
}

#[test]
fn a_color_under_two_percent_is_a_speck() {
    let got = extract(
        &blocks(
            100,
            100,
            &[(hex("#eeece6"), 0.985), (hex("#1f2a48"), 0.015)],
            0.0,
            1,
        ),
        100,
        100,
        4,
    )
    .expect("sizes");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].share, 1.0);
}

#[test]
fn transparent_pixels_are_ignored() {
    let mut rgba = blocks(10, 10, &[(hex("#1f2a48"), 1.0)], 0.0, 1);
    for px in rgba.chunks_exact_mut(4).take(50) {
        px.copy_from_slice(&[255, 0, 0, 0]);
    }
    let got = extract(&rgba, 10, 10, 4).expect("sizes");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].srgb, hex("#1f2a48"));
    let clear = vec![0u8; 4 * 16];
    assert_eq!(extract(&clear, 4, 4, 4), Ok(Vec::new()));
}

#[test]
fn a_wrong_buffer_size_is_an_error() {
    assert_eq!(
        extract(&[0; 12], 2, 2, 4),
        Err(ExtractError::BufferSize {
            expected: 16,
            found: 12
        })
    );
}

#[test]
fn the_room_photo_gives_its_wall_first_and_is_repeatable() {
    let rgba = room_photo(256, 256, 7);
    let a = extract(&rgba, 256, 256, 8).expect("sizes");
    let b = extract(&rgba, 256, 256, 8).expect("sizes");
    assert_eq!(a, b);
    assert!(a.len() >= 3, "{a:?}");
    // The wall, the largest region, is warm and light; its light falloff may split it into two shades.
    assert!(
        a.iter().take(2).any(|p| p.lab.l > 70.0 && p.lab.b > 5.0),
        "{a:?}"
    );
}
