//! A parsed font file: which characters it can draw, and its metrics in font units.
//!
//! Wraps `ab_glyph`'s parser so callers do not depend on it directly. The core never reads files: the caller
//! hands in the font's bytes (the app fetches them, the shop includes them). Measuring is in
//! [`crate::text::measure`]; drawing belongs to the renderer.

use ab_glyph::{Font, FontRef};

/// The font's bytes could not be read as a TrueType/OpenType font.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a font file that can be read")]
pub struct FontError;

/// A font ready to answer questions about glyphs; borrows the font's bytes.
#[derive(Clone, Debug)]
pub struct Face<'a> {
    pub(crate) font: FontRef<'a>,
}

impl<'a> Face<'a> {
    /// Parses `bytes` (a `.ttf` or `.otf` file).
    pub fn parse(bytes: &'a [u8]) -> Result<Face<'a>, FontError> {
        FontRef::try_from_slice(bytes)
            .map(|font| Face { font })
            .map_err(|_| FontError)
    }

    /// Whether the font has a glyph for `c` (rather than drawing its "missing" box).
    pub fn has_glyph(&self, c: char) -> bool {
        self.font.glyph_id(c).0 != 0
    }

    /// The font's own `ab_glyph` handle, for a renderer that must draw exactly what was measured.
    pub fn font(&self) -> &FontRef<'a> {
        &self.font
    }
}
