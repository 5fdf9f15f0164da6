//! A layer file's decoded pixels: 8-bit RGBA, row-major, straight (not premultiplied), exactly as the file
//! stores them. Whoever decodes the file makes one (the `png` feature's decoder natively, the browser's
//! `createImageBitmap` in the app); [`crate::ViewLayers::from_pixels`] turns them into planes.
//!
//! Every layer file is opaque (see [`crate::layers`]): a browser canvas premultiplies alpha, which would lose
//! bits of a translucent pixel, so only opaque images come out of every decoder with the same bytes.

/// Decoded 8-bit RGBA pixels of one layer file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pixels {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

impl Pixels {
    /// `width` × `height` pixels, 4 bytes each; `None` if `rgba` has another length.
    pub fn from_rgba(width: u32, height: u32, rgba: Vec<u8>) -> Option<Pixels> {
        let len = (width as usize)
            .checked_mul(height as usize)?
            .checked_mul(4)?;
        (rgba.len() == len).then_some(Pixels {
            width,
            height,
            rgba,
        })
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The bytes, 4 per pixel.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// The index of the first pixel that is not fully opaque, if any.
    pub(crate) fn first_translucent(&self) -> Option<usize> {
        self.rgba.chunks_exact(4).position(|px| px[3] != 255)
    }
}
