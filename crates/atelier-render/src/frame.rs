//! A rendered frame and the scratch row the compositor reuses between renders.

/// An RGBA output image plus the compositor's one-row linear-light accumulator, kept between renders so a
/// frame allocates once.
pub struct Frame {
    width: u32,
    height: u32,
    /// Linear-light accumulator for one row, planar: the row's red, then its green, then its blue.
    pub(crate) acc: Vec<u16>,
    rgba: Vec<u8>,
}

impl Frame {
    /// A frame of `width` × `height` pixels, black until rendered.
    pub fn new(width: u32, height: u32) -> Frame {
        let n = width as usize * height as usize;
        Frame {
            width,
            height,
            acc: vec![0; width as usize * 3],
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

    /// The pixels, row-major RGBA, 8 bits per channel, sRGB, opaque.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// The pixels, given up.
    pub(crate) fn into_rgba(self) -> Vec<u8> {
        self.rgba
    }

    /// The row accumulator and the output, borrowed together.
    pub(crate) fn parts_mut(&mut self) -> (&mut [u16], &mut [u8]) {
        (&mut self.acc, &mut self.rgba)
    }
}
