//! The CIEDE2000 color difference (Sharma, Wu, Dalal 2005), with the parametric factors kL = kC = kH = 1.
//!
//! Palette's implementation follows the paper including its hue-angle edge cases, and is tested here against
//! the paper's 34 reference pairs (`tests/data/ciede2000.csv`) to 4 decimals. Roughly: below 1 is invisible to
//! most people, 2 is visible side by side, above 10 the colors are plainly different.

use super::Lab;
use palette::color_difference::Ciede2000;

/// ΔE00 between two CIELAB colors; symmetric, 0 for equal colors.
pub fn ciede2000(a: Lab, b: Lab) -> f64 {
    a.to_palette().difference(b.to_palette())
}
