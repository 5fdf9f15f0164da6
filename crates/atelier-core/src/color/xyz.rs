//! CIE 1931 XYZ relative to the D65 white (white has Y = 1), the hub between linear sRGB and CIELAB.

use super::LinearRgb;
use palette::{FromColor, LinSrgb, white_point::D65};

/// A CIE XYZ color, D65, white at Y = 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Xyz {
    /// X.
    pub x: f64,
    /// Y (relative luminance).
    pub y: f64,
    /// Z.
    pub z: f64,
}

impl Xyz {
    pub(super) fn to_palette(self) -> palette::Xyz<D65, f64> {
        palette::Xyz::new(self.x, self.y, self.z)
    }

    pub(super) fn from_palette(c: palette::Xyz<D65, f64>) -> Xyz {
        Xyz {
            x: c.x,
            y: c.y,
            z: c.z,
        }
    }
}

impl From<LinearRgb> for Xyz {
    fn from(c: LinearRgb) -> Xyz {
        Xyz::from_palette(palette::Xyz::from_color(LinSrgb::new(c.r, c.g, c.b)))
    }
}

impl From<Xyz> for LinearRgb {
    fn from(c: Xyz) -> LinearRgb {
        let lin = LinSrgb::<f64>::from_color(c.to_palette());
        LinearRgb {
            r: lin.red,
            g: lin.green,
            b: lin.blue,
        }
    }
}
