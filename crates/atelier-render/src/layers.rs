//! A view's layers decoded into planes in linear light, ready to composite many times.
//!
//! Layer files (made by `tools/artwork`, see its README):
//! - base: RGB PNG, the opaque background and everything below the zones;
//! - zone layer: RGB PNG whose channels are planes, not colors: R = shade (sRGB-encoded albedo multiplier),
//!   G = gloss (sRGB-encoded additive highlight), B = coverage (alpha);
//! - overlay: RGBA PNG (straight alpha) drawn above every zone.
//!
//! Decoding converts the sRGB-encoded planes to linear once, and records each zone's bounding box so
//! compositing touches only the pixels a zone covers.

use crate::error::RenderError;
use crate::lut::to_linear;
use crate::prepared::Prepared;
use atelier_core::catalog::View;
use atelier_core::id::ZoneId;
use image::ImageFormat;

/// A pixel rectangle, `x0..x1` × `y0..y1`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rect {
    /// Left, inclusive.
    pub x0: u32,
    /// Top, inclusive.
    pub y0: u32,
    /// Right, exclusive.
    pub x1: u32,
    /// Bottom, exclusive.
    pub y1: u32,
}

impl Rect {
    /// Whether the rectangle holds no pixel.
    pub fn is_empty(&self) -> bool {
        self.x0 >= self.x1 || self.y0 >= self.y1
    }
}

/// One zone's planes.
pub(crate) struct ZonePlanes {
    pub(crate) zone: ZoneId,
    /// Albedo multiplier in linear light.
    pub(crate) shade: Vec<u16>,
    /// Additive highlight in linear light.
    pub(crate) gloss: Vec<u16>,
    /// Coverage 0–255.
    pub(crate) coverage: Vec<u8>,
    /// Where coverage is non-zero.
    pub(crate) bounds: Rect,
}

/// The overlay's planes.
pub(crate) struct OverlayPlanes {
    /// Linear RGB, planar.
    pub(crate) rgb: Vec<u16>,
    pub(crate) alpha: Vec<u8>,
    pub(crate) bounds: Rect,
}

/// A decoded view.
pub struct ViewLayers {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Base in linear light, planar RGB.
    pub(crate) base: Vec<u16>,
    pub(crate) zones: Vec<ZonePlanes>,
    pub(crate) overlay: Option<OverlayPlanes>,
    /// Surface tiles, zone spans and the unpainted view, made on first use.
    pub(crate) prepared: Prepared,
}

fn decode_png(
    path: &str,
    bytes: Option<Vec<u8>>,
    view: &View,
) -> Result<image::DynamicImage, RenderError> {
    let bytes = bytes.ok_or_else(|| RenderError::Missing {
        path: path.to_owned(),
    })?;
    let img = image::load_from_memory_with_format(&bytes, ImageFormat::Png).map_err(|e| {
        RenderError::Decode {
            path: path.to_owned(),
            detail: e.to_string(),
        }
    })?;
    if img.width() != view.width || img.height() != view.height {
        return Err(RenderError::Size {
            path: path.to_owned(),
            found_w: img.width(),
            found_h: img.height(),
            want_w: view.width,
            want_h: view.height,
        });
    }
    Ok(img)
}

pub(crate) fn bounds_of(width: u32, height: u32, alpha: &[u8]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (width, height, 0, 0);
    for y in 0..height {
        let row = &alpha[(y * width) as usize..((y + 1) * width) as usize];
        if let Some(first) = row.iter().position(|&a| a != 0) {
            let last = row.iter().rposition(|&a| a != 0).unwrap_or(first);
            x0 = x0.min(first as u32);
            x1 = x1.max(last as u32 + 1);
            y0 = y0.min(y);
            y1 = y + 1;
        }
    }
    if x0 >= x1 {
        Rect {
            x0: 0,
            y0: 0,
            x1: 0,
            y1: 0,
        }
    } else {
        Rect { x0, y0, x1, y1 }
    }
}

impl ViewLayers {
    /// Decodes every layer of `view`; `file` gives the bytes of a layer path (relative to the static root).
    pub fn decode(
        view: &View,
        file: impl Fn(&str) -> Option<Vec<u8>>,
    ) -> Result<ViewLayers, RenderError> {
        let n = view.width as usize * view.height as usize;
        let base_img = decode_png(&view.base, file(&view.base), view)?.into_rgb8();
        let mut base = vec![0u16; n * 3];
        for (i, px) in base_img.pixels().enumerate() {
            for c in 0..3 {
                base[c * n + i] = to_linear(px.0[c]);
            }
        }
        let mut zones = Vec::with_capacity(view.layers.len());
        for layer in &view.layers {
            let img = decode_png(&layer.file, file(&layer.file), view)?.into_rgb8();
            let mut shade = vec![0u16; n];
            let mut gloss = vec![0u16; n];
            let mut coverage = vec![0u8; n];
            for (i, px) in img.pixels().enumerate() {
                shade[i] = to_linear(px.0[0]);
                gloss[i] = to_linear(px.0[1]);
                coverage[i] = px.0[2];
            }
            let bounds = bounds_of(view.width, view.height, &coverage);
            zones.push(ZonePlanes {
                zone: layer.zone.clone(),
                shade,
                gloss,
                coverage,
                bounds,
            });
        }
        let overlay = match &view.overlay {
            None => None,
            Some(path) => {
                let img = decode_png(path, file(path), view)?.into_rgba8();
                let mut rgb = vec![0u16; n * 3];
                let mut alpha = vec![0u8; n];
                for (i, px) in img.pixels().enumerate() {
                    for c in 0..3 {
                        rgb[c * n + i] = to_linear(px.0[c]);
                    }
                    alpha[i] = px.0[3];
                }
                let bounds = bounds_of(view.width, view.height, &alpha);
                Some(OverlayPlanes { rgb, alpha, bounds })
            }
        };
        Ok(ViewLayers {
            width: view.width,
            height: view.height,
            base,
            zones,
            overlay,
            prepared: Prepared::new(1),
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

    /// The topmost zone drawn at pixel (`x`, `y`) with at least half coverage, for clicking on the preview.
    pub fn zone_at(&self, x: u32, y: u32) -> Option<&ZoneId> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y * self.width + x) as usize;
        self.zones
            .iter()
            .rev()
            .find(|z| z.coverage[i] >= 128)
            .map(|z| &z.zone)
    }

    /// The bounding box of a zone's pixels in this view, if the view draws it.
    pub fn zone_bounds(&self, zone: &str) -> Option<Rect> {
        self.zones
            .iter()
            .find(|z| z.zone.as_str() == zone)
            .map(|z| z.bounds)
    }

    /// The zones this view draws, bottom to top.
    pub fn zones(&self) -> impl Iterator<Item = &ZoneId> {
        self.zones.iter().map(|z| &z.zone)
    }
}
