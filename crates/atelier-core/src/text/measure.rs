//! True-size width: how wide a text comes out, in millimetres, from the font's own metrics and kerning.
//!
//! The width is the ink extent: from the left edge of the first glyph's outline to the right edge of the last,
//! with each glyph placed by its advance and the font's kerning (`kern` table pairs), because that is what ends
//! up on the product; counting characters cannot tell "WWWWWWWW" from "iiiiiiii". Sizes are em sizes (the
//! typographic size of the font), so a 6 mm size has capitals about 4.3 mm tall in the shipped Atelier Sans. Everything is
//! summed in font units (whole numbers) and scaled once in `f64`, so the browser and the shop get the same bits.
//! Shaping (ligatures, GPOS kerning, right-to-left) is left out: the fonts we ship kern through `kern`.

use crate::text::{Face, FontError, Refusal};
use ab_glyph::Font;

/// How wide a text comes out, and by how much it misses its box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Width {
    /// The ink extent in millimetres (0 for text with no outlines, such as spaces only).
    pub mm: f64,
    /// The pen advance in millimetres, side bearings included: where a following glyph would start.
    pub advance_mm: f64,
    /// How much wider than the box the ink is; `None` when it fits.
    pub too_wide_by_mm: Option<f64>,
}

impl Width {
    /// Whether the text fits its box.
    pub fn fits(&self) -> bool {
        self.too_wide_by_mm.is_none()
    }

    /// The reason to show when the text does not fit (widths to 0.1 mm), or `None` when it fits.
    pub fn refusal(&self, box_width_mm: f64) -> Option<Refusal> {
        self.too_wide_by_mm.map(|over| Refusal {
            key: "text.too_wide",
            args: vec![
                ("width", format!("{:.1}", self.mm)),
                ("over", format!("{over:.1}")),
                ("box", format!("{box_width_mm:.1}")),
            ],
        })
    }
}

/// Measures `text` set in the font `font_bytes` at em size `size_mm`, against a box `box_width_mm` wide.
///
/// # Example
/// ```
/// let font = include_bytes!("../../../../static/fonts/AtelierSans-Latin.ttf");
/// let wide = atelier_core::text::measure(font, "WWWWWWWW", 6.0, 24.0).expect("font");
/// let narrow = atelier_core::text::measure(font, "iiiiiiii", 6.0, 24.0).expect("font");
/// assert!(!wide.fits() && narrow.fits());
/// ```
pub fn measure(
    font_bytes: &[u8],
    text: &str,
    size_mm: f64,
    box_width_mm: f64,
) -> Result<Width, FontError> {
    Ok(Face::parse(font_bytes)?.measure(text, size_mm, box_width_mm))
}

impl Face<'_> {
    /// Measures `text` at em size `size_mm` against a box `box_width_mm` wide; see [`measure`].
    pub fn measure(&self, text: &str, size_mm: f64, box_width_mm: f64) -> Width {
        let font = &self.font;
        let mm_per_unit = size_mm / f64::from(font.units_per_em().unwrap_or(1000.0));
        let mut pen = 0.0_f64;
        let mut ink: Option<(f64, f64)> = None;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(prev) = previous {
                pen += f64::from(font.kern_unscaled(prev, id));
            }
            if let Some(outline) = font.outline(id) {
                let left = pen + f64::from(outline.bounds.min.x);
                let right = pen + f64::from(outline.bounds.max.x);
                ink = Some(match ink {
                    Some((l, r)) => (l.min(left), r.max(right)),
                    None => (left, right),
                });
            }
            pen += f64::from(font.h_advance_unscaled(id));
            previous = Some(id);
        }
        let mm = ink.map_or(0.0, |(l, r)| (r - l) * mm_per_unit);
        Width {
            mm,
            advance_mm: pen * mm_per_unit,
            too_wide_by_mm: (mm > box_width_mm).then_some(mm - box_width_mm),
        }
    }
}
