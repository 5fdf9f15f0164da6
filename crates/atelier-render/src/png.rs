//! Decoding layer PNGs in Rust (the `png` cargo feature, on by default): the shop and the tests use it through
//! [`ViewLayers::decode`]. The browser app turns the feature off and lets the browser decode
//! (`src/artwork.rs`), so the same files give the same [`Pixels`] either way: 8-bit, straight RGBA, no color
//! management (the artwork's PNGs carry no gamma or color-profile chunks).

use crate::error::RenderError;
use crate::layers::ViewLayers;
use crate::pixels::Pixels;
use atelier_core::catalog::View;
use image::{DynamicImage, ImageFormat};
use std::collections::HashMap;

/// Decodes one layer file's PNG bytes into pixels.
pub fn decode_png(path: &str, bytes: &[u8]) -> Result<Pixels, RenderError> {
    let img = image::load_from_memory_with_format(bytes, ImageFormat::Png).map_err(|e| {
        RenderError::Decode {
            path: path.to_owned(),
            detail: e.to_string(),
        }
    })?;
    // A browser reads every PNG as 8 bits a channel; a deeper file would be rounded by two different decoders,
    // so it is refused here rather than risk the shop and the browser disagreeing.
    if !matches!(
        img,
        DynamicImage::ImageLuma8(_)
            | DynamicImage::ImageLumaA8(_)
            | DynamicImage::ImageRgb8(_)
            | DynamicImage::ImageRgba8(_)
    ) {
        return Err(RenderError::Decode {
            path: path.to_owned(),
            detail: "not 8 bits per channel".to_owned(),
        });
    }
    let (width, height) = (img.width(), img.height());
    let rgba = img.into_rgba8().into_raw();
    Pixels::from_rgba(width, height, rgba).ok_or_else(|| RenderError::Decode {
        path: path.to_owned(),
        detail: "the decoder returned a short image".to_owned(),
    })
}

impl ViewLayers {
    /// Decodes every layer of `view`; `file` gives the bytes of a layer path (relative to the static root).
    pub fn decode(
        view: &View,
        file: impl Fn(&str) -> Option<Vec<u8>>,
    ) -> Result<ViewLayers, RenderError> {
        let mut pixels = HashMap::new();
        for path in view.files() {
            let bytes = file(path).ok_or_else(|| RenderError::Missing {
                path: path.to_owned(),
            })?;
            pixels.insert(path, decode_png(path, &bytes)?);
        }
        ViewLayers::from_pixels(view, |path| pixels.get(path))
    }
}
