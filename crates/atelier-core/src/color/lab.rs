//! CIELAB (D65): the perceptual space where palettes are clustered and colors compared.
//!
//! [`Lab`] is f64 rather than f32: k-means sums tens of thousands of pixels into a mean, the CIEDE2000
//! reference pairs probe hue angles a thousandth of a unit apart, and wasm does f64 arithmetic natively, so the
//! extra precision costs nothing and keeps the 8-bit round trip exact.

use super::{LinearRgb, Srgb8, Xyz};
use palette::FromColor;
use palette::white_point::D65;

/// A CIELAB color under D65: `l` lightness 0–100, `a` green(−)–red(+), `b` blue(−)–yellow(+).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lab {
    /// Lightness L*, 0 (black) to 100 (white).
    pub l: f64,
    /// a*, green (negative) to red (positive).
    pub a: f64,
    /// b*, blue (negative) to yellow (positive).
    pub b: f64,
}

impl Lab {
    /// Chroma C*ab: distance from the gray axis.
    pub fn chroma(self) -> f64 {
        libm::hypot(self.a, self.b)
    }

    /// Hue angle h_ab in degrees, 0 ≤ h < 360 (0 for grays).
    pub fn hue_degrees(self) -> f64 {
        if self.a == 0.0 && self.b == 0.0 {
            return 0.0;
        }
        let h = libm::atan2(self.b, self.a).to_degrees();
        if h < 0.0 { h + 360.0 } else { h }
    }

    pub(super) fn to_palette(self) -> palette::Lab<D65, f64> {
        palette::Lab::new(self.l, self.a, self.b)
    }
}

impl From<Xyz> for Lab {
    fn from(c: Xyz) -> Lab {
        let lab = palette::Lab::<D65, f64>::from_color(c.to_palette());
        Lab {
            l: lab.l,
            a: lab.a,
            b: lab.b,
        }
    }
}

impl From<Lab> for Xyz {
    fn from(c: Lab) -> Xyz {
        Xyz::from_palette(palette::Xyz::from_color(c.to_palette()))
    }
}

/// The CIELAB coordinates of an 8-bit sRGB color.
pub fn srgb8_to_lab(c: Srgb8) -> Lab {
    Lab::from(Xyz::from(LinearRgb::from(c)))
}

/// The nearest 8-bit sRGB color to a CIELAB color, each channel clamped to the sRGB gamut.
pub fn lab_to_srgb8(c: Lab) -> Srgb8 {
    LinearRgb::from(Xyz::from(c)).to_srgb8()
}
