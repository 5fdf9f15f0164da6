//! Linear-light sRGB: the space where light adds up, between the gamma-encoded [`Srgb8`] and CIE XYZ.
//!
//! Decoding uses palette's 256-entry table of exact f64 values; encoding evaluates the sRGB transfer function
//! with `libm`'s `pow` and rounds to the nearest byte, clamping colors outside the sRGB gamut.

use super::Srgb8;
use palette::{LinSrgb, Srgb};

/// A color in linear-light sRGB, each channel nominally 0–1 (outside means out of gamut).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearRgb {
    /// Red.
    pub r: f64,
    /// Green.
    pub g: f64,
    /// Blue.
    pub b: f64,
}

impl From<Srgb8> for LinearRgb {
    fn from(c: Srgb8) -> LinearRgb {
        let lin: LinSrgb<f64> = Srgb::new(c.r, c.g, c.b).into_linear();
        LinearRgb {
            r: lin.red,
            g: lin.green,
            b: lin.blue,
        }
    }
}

impl LinearRgb {
    /// The nearest 8-bit sRGB color, each channel clamped to 0–255.
    pub fn to_srgb8(self) -> Srgb8 {
        // Palette's own f64 → u8 path goes through an f32 table; encoding in f64 and rounding here keeps every
        // 8-bit color's round trip exact.
        let encoded: Srgb<f64> = Srgb::from_linear(LinSrgb::new(self.r, self.g, self.b));
        let byte = |x: f64| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
        Srgb8 {
            r: byte(encoded.red),
            g: byte(encoded.green),
            b: byte(encoded.blue),
        }
    }
}
