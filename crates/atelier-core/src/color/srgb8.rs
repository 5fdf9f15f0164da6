//! 8-bit sRGB colors as catalogs write them (`#1f2a44`): parsing and printing. Conversions to linear light and
//! CIELAB live next door ([`super::linear`], [`super::lab`]); the renderer keeps its own lookup tables.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An 8-bit sRGB color (gamma-encoded, as in CSS).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Srgb8 {
    /// Red, gamma-encoded.
    pub r: u8,
    /// Green, gamma-encoded.
    pub g: u8,
    /// Blue, gamma-encoded.
    pub b: u8,
}

impl Srgb8 {
    /// Parses `#rrggbb` (case-insensitive); `None` for anything else.
    pub fn from_hex(s: &str) -> Option<Srgb8> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Srgb8 {
            r: byte(0)?,
            g: byte(2)?,
            b: byte(4)?,
        })
    }
}

impl fmt::Display for Srgb8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

#[cfg(test)]
mod tests {
    use super::Srgb8;

    #[test]
    fn hex() {
        assert_eq!(
            Srgb8::from_hex("#1F2a44"),
            Some(Srgb8 {
                r: 0x1f,
                g: 0x2a,
                b: 0x44
            })
        );
        assert_eq!(
            Srgb8::from_hex("#1f2a44").map(|c| c.to_string()).as_deref(),
            Some("#1f2a44")
        );
        for bad in [
            "1f2a44", "#1f2a4", "#1f2a445", "#gg0000", "", "#", "#+1+2+3",
        ] {
            assert_eq!(Srgb8::from_hex(bad), None, "{bad}");
        }
    }
}
