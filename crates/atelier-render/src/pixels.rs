//! The renderer's one 8-bit RGBA image type, row-major, 4 bytes a pixel: a layer file's decoded pixels going
//! in, and a rendered [`crate::Frame`]'s pixels coming out (a frame holds one). Its accessors exist once here.
//!
//! Layer files arrive straight (not premultiplied), exactly as the file stores them. Whoever decodes the file
//! makes one (the `png` feature's decoder natively, the browser's `createImageBitmap` in the app);
//! [`crate::ViewLayers::from_pixels`] turns them into planes. Every layer file is opaque (see
//! [`crate::layers`]): a browser canvas premultiplies alpha, which would lose bits of a translucent pixel, so
//! only opaque images come out of every decoder with the same bytes. A rendered frame is opaque sRGB.

/// An 8-bit RGBA image: decoded layer pixels, or a rendered frame's.
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

    /// `width` × `height` pixels, every byte zero (transparent black), for the compositor to fill.
    pub(crate) fn zeroed(width: u32, height: u32) -> Pixels {
        let n = width as usize * height as usize;
        Pixels {
            width,
            height,
            rgba: vec![0; n * 4],
        }
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

    /// The bytes, 4 per pixel, for the compositor and the text drawer to write.
    pub(crate) fn rgba_mut(&mut self) -> &mut [u8] {
        &mut self.rgba
    }

    /// The bytes, given up.
    pub(crate) fn into_rgba(self) -> Vec<u8> {
        self.rgba
    }
}

/// The index of the first pixel of `rgba` that is not fully opaque. Every layer file is opaque, so the answer
/// is almost always "none": a branch-free AND over blocks of pixels says so at memory speed, and only a block
/// with a translucent pixel is searched pixel by pixel.
pub(crate) fn first_translucent(rgba: &[u8]) -> Option<usize> {
    const BLOCK: usize = 256;
    rgba.chunks(BLOCK * 4).enumerate().find_map(|(b, block)| {
        let alpha = block.chunks_exact(4).fold(255u8, |all, px| all & px[3]);
        (alpha != 255)
            .then(|| block.chunks_exact(4).position(|px| px[3] != 255))
            .flatten()
            .map(|i| b * BLOCK + i)
    })
}
