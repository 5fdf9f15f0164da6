//! A palette as plain numbers, for handing it from the Web Worker that extracts it to the page that shows it
//! (a `Float64Array` moves between them without copying and needs no serializer in the worker).
//!
//! Seven numbers per color, largest share first as [`super::extract`] returns them: L*, a*, b*, then the
//! 8-bit sRGB red, green and blue, then the share. Every value of a [`PaletteColor`] is exact in an f64, so
//! the round trip is lossless. How the numbers travel (the `postMessage` itself) is the app's business.

use super::PaletteColor;
use crate::color::{Lab, Srgb8};

/// The numbers per color.
pub const STRIDE: usize = 7;

/// The palette as numbers, [`STRIDE`] per color.
pub fn to_numbers(palette: &[PaletteColor]) -> Vec<f64> {
    palette
        .iter()
        .flat_map(|c| {
            [
                c.lab.l,
                c.lab.a,
                c.lab.b,
                f64::from(c.srgb.r),
                f64::from(c.srgb.g),
                f64::from(c.srgb.b),
                f64::from(c.share),
            ]
        })
        .collect()
}

/// The palette back from [`to_numbers`]' output; `None` if the numbers cannot be one (a length that is not a
/// multiple of [`STRIDE`], a channel outside 0–255 or not whole, a share outside 0–1, a value not finite).
pub fn from_numbers(numbers: &[f64]) -> Option<Vec<PaletteColor>> {
    if !numbers.len().is_multiple_of(STRIDE) || numbers.iter().any(|n| !n.is_finite()) {
        return None;
    }
    let channel = |v: f64| (v.fract() == 0.0 && (0.0..=255.0).contains(&v)).then_some(v as u8);
    numbers
        .chunks_exact(STRIDE)
        .map(|n| {
            Some(PaletteColor {
                lab: Lab {
                    l: n[0],
                    a: n[1],
                    b: n[2],
                },
                srgb: Srgb8 {
                    r: channel(n[3])?,
                    g: channel(n[4])?,
                    b: channel(n[5])?,
                },
                share: (0.0..=1.0).contains(&n[6]).then_some(n[6] as f32)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo_palette::extract;

    #[test]
    fn a_palette_survives_the_round_trip_bit_for_bit() {
        // Two thirds navy, one third sand, as `extract` sees them.
        let rgba = [31, 42, 72, 255, 31, 42, 72, 255, 214, 196, 160, 255];
        let palette = extract(&rgba, 3, 1, 4).expect("sizes match");
        assert_eq!(palette.len(), 2);
        let numbers = to_numbers(&palette);
        assert_eq!(numbers.len(), 2 * STRIDE);
        assert_eq!(from_numbers(&numbers), Some(palette));
        assert_eq!(from_numbers(&[]), Some(Vec::new()));
    }

    #[test]
    fn numbers_that_cannot_be_a_palette_are_refused() {
        let good = [50.0, 1.0, -2.0, 10.0, 20.0, 30.0, 0.5];
        assert!(from_numbers(&good).is_some());
        let check = |i: usize, v: f64| {
            let mut n = good;
            n[i] = v;
            assert_eq!(from_numbers(&n), None, "index {i} = {v}");
        };
        check(3, 256.0);
        check(4, -1.0);
        check(5, 1.5);
        check(6, 1.01);
        check(0, f64::NAN);
        assert_eq!(from_numbers(&good[..6]), None, "a partial color");
    }
}
