//! What a zone is painted with: a color in linear light, the material's glossiness and its surface detail.

use crate::lut::to_linear;
use atelier_core::catalog::{Color, Material, Surface};

/// A zone's paint, ready for the integer compositor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tint {
    /// The color in linear light, `0..=65535` per channel.
    pub color: [u16; 3],
    /// Highlight strength in 1/256 steps: `256` shows the artwork's gloss plane fully.
    pub gloss: u16,
    /// The material's surface detail.
    pub surface: Surface,
}

impl Tint {
    /// The paint for a catalog color in a catalog material.
    pub fn new(material: &Material, color: &Color) -> Tint {
        let c = color.swatch;
        Tint {
            color: [to_linear(c.r), to_linear(c.g), to_linear(c.b)],
            gloss: (u16::from(material.gloss.min(100)) * 256 + 50) / 100,
            surface: material.surface,
        }
    }
}
