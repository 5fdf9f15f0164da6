//! A rendered frame: the output image and the scratch row the compositor reuses between renders.
//!
//! The image is a [`Pixels`], the renderer's one RGBA8 type, so its accessors (`width`, `height`, `rgba`) are
//! written once; a frame reaches them through `Deref`, because a frame *is* that image with a scratch row
//! attached, and the app and shop read it as one.

use crate::pixels::Pixels;
use std::ops::Deref;

/// An RGBA output image (row-major, 8 bits per channel, sRGB, opaque once rendered; black until then) plus the
/// compositor's one-row linear-light accumulator, kept between renders so a frame allocates once.
pub struct Frame {
    /// Linear-light accumulator for one row, planar: the row's red, then its green, then its blue.
    pub(crate) acc: Vec<u16>,
    image: Pixels,
}

impl Frame {
    /// A frame of `width` × `height` pixels, black until rendered.
    pub fn new(width: u32, height: u32) -> Frame {
        Frame {
            acc: vec![0; width as usize * 3],
            image: Pixels::zeroed(width, height),
        }
    }

    /// The rendered image.
    pub fn image(&self) -> &Pixels {
        &self.image
    }

    /// The pixels, given up.
    pub(crate) fn into_rgba(self) -> Vec<u8> {
        self.image.into_rgba()
    }

    /// The row accumulator and the output, borrowed together.
    pub(crate) fn parts_mut(&mut self) -> (&mut [u16], &mut [u8]) {
        (&mut self.acc, self.image.rgba_mut())
    }
}

impl Deref for Frame {
    type Target = Pixels;

    fn deref(&self) -> &Pixels {
        &self.image
    }
}
