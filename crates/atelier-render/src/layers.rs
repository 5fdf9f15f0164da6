//! A view's layers decoded into planes in linear light, ready to composite many times.
//!
//! Layer files (made by `tools/artwork`, see its README), all opaque 8-bit images the size of the view:
//! - base: the opaque background and everything below the zones;
//! - zone layer: channels that are planes, not colors: R = shade (sRGB-encoded albedo multiplier),
//!   G = gloss (sRGB-encoded additive highlight), B = coverage (alpha);
//! - overlay, drawn above every zone: twice the view's height, its color (straight, sRGB) in the top half and
//!   its alpha as gray in the bottom half. It is stored opaque because a browser canvas premultiplies alpha,
//!   which would lose bits of a translucent pixel and make the browser's preview differ from the shop's.
//!
//! This file turns decoded [`Pixels`] into planes ([`ViewLayers::from_pixels`], or a file at a time with
//! [`ViewLayers::builder`]); decoding the PNG files is the
//! caller's (the browser's in the app) or the `png` feature's ([`ViewLayers::decode`]). It converts the
//! sRGB-encoded planes to linear once, and records each zone's bounding box so compositing touches only the
//! pixels a zone covers.

use crate::error::RenderError;
use crate::lut::luts;
use crate::pixels::Pixels;
use crate::prepared::Prepared;
use atelier_core::catalog::View;
use atelier_core::id::ZoneId;

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

/// The base's steps: one per color channel.
const BASE_STEPS: usize = 3;

/// [`ViewLayers::from_pixels`] a piece at a time: the base's channels, each zone's layer, then the overlay.
pub struct LayersBuilder<'v> {
    view: &'v View,
    base: Vec<u16>,
    zones: Vec<ZonePlanes>,
    overlay: Option<OverlayPlanes>,
    /// Steps taken.
    done: usize,
}

impl LayersBuilder<'_> {
    /// Steps in all: one per color channel of the base (the largest file's work, split so no step is much
    /// longer than another), one per zone layer, and the overlay if the view has one.
    pub fn steps(&self) -> usize {
        BASE_STEPS + self.view.layers.len() + usize::from(self.view.overlay.is_some())
    }

    /// Whether every step is taken.
    pub fn is_done(&self) -> bool {
        self.done >= self.steps()
    }

    /// Converts the next layer file; nothing once every step is taken.
    pub fn step<'p>(
        &mut self,
        pixels: impl Fn(&str) -> Option<&'p Pixels>,
    ) -> Result<(), RenderError> {
        let view = self.view;
        let n = view.width as usize * view.height as usize;
        // The table itself, not `to_linear` per pixel: one lookup in the hot loops, no lazy-init check.
        let lin = &luts().to_linear;
        match self.done {
            c if c < BASE_STEPS => {
                // Checked (size, opacity) once, by the first channel's step; the others read the same file.
                let px = match c {
                    0 => layer(view, &view.base, &pixels, 1)?,
                    _ => pixels(&view.base).map(Pixels::rgba).ok_or_else(|| {
                        RenderError::Missing {
                            path: view.base.clone(),
                        }
                    })?,
                };
                if self.base.is_empty() {
                    self.base = vec![0u16; n * 3];
                }
                let plane = &mut self.base[c * n..(c + 1) * n];
                for (out, px) in plane.iter_mut().zip(px.chunks_exact(4)) {
                    *out = lin[usize::from(px[c])];
                }
            }
            k if k < BASE_STEPS + view.layers.len() => {
                let l = &view.layers[k - BASE_STEPS];
                let px = layer(view, &l.file, &pixels, 1)?;
                let mut shade = vec![0u16; n];
                let mut gloss = vec![0u16; n];
                let mut coverage = vec![0u8; n];
                for (i, px) in px.chunks_exact(4).enumerate() {
                    shade[i] = lin[usize::from(px[0])];
                    gloss[i] = lin[usize::from(px[1])];
                    coverage[i] = px[2];
                }
                let bounds = bounds_of(view.width, view.height, &coverage);
                self.zones.push(ZonePlanes {
                    zone: l.zone.clone(),
                    shade,
                    gloss,
                    coverage,
                    bounds,
                });
            }
            k if k < self.steps() => {
                let Some(path) = &view.overlay else {
                    return Ok(());
                };
                // Color in the top half, alpha (as gray, read from red) in the bottom half.
                let (color, alpha_px) = layer(view, path, &pixels, 2)?.split_at(n * 4);
                let mut rgb = vec![0u16; n * 3];
                for (i, px) in color.chunks_exact(4).enumerate() {
                    for c in 0..3 {
                        rgb[c * n + i] = lin[usize::from(px[c])];
                    }
                }
                let alpha: Vec<u8> = alpha_px.chunks_exact(4).map(|px| px[0]).collect();
                let bounds = bounds_of(view.width, view.height, &alpha);
                self.overlay = Some(OverlayPlanes { rgb, alpha, bounds });
            }
            _ => return Ok(()),
        }
        self.done += 1;
        Ok(())
    }

    /// Takes the steps left, then the view's layers.
    pub fn finish<'p>(
        mut self,
        pixels: impl Fn(&str) -> Option<&'p Pixels>,
    ) -> Result<ViewLayers, RenderError> {
        while !self.is_done() {
            self.step(&pixels)?;
        }
        Ok(ViewLayers {
            width: self.view.width,
            height: self.view.height,
            base: self.base,
            zones: self.zones,
            overlay: self.overlay,
            prepared: Prepared::new(1),
        })
    }
}

/// The RGBA bytes of the layer file `path`, checked: present, opaque, and as wide as the view and `stack`
/// times as high (the overlay stacks its color and its alpha).
fn layer<'p>(
    view: &View,
    path: &str,
    pixels: &impl Fn(&str) -> Option<&'p Pixels>,
    stack: u32,
) -> Result<&'p [u8], RenderError> {
    let px = pixels(path).ok_or_else(|| RenderError::Missing {
        path: path.to_owned(),
    })?;
    let want_h = view.height.saturating_mul(stack);
    if px.width() != view.width || px.height() != want_h {
        return Err(RenderError::Size {
            path: path.to_owned(),
            found_w: px.width(),
            found_h: px.height(),
            want_w: view.width,
            want_h,
        });
    }
    if let Some(i) = px.first_translucent() {
        let w = view.width as usize;
        return Err(RenderError::Translucent {
            path: path.to_owned(),
            x: (i % w) as u32,
            y: (i / w) as u32,
        });
    }
    Ok(px.rgba())
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
    /// Builds the planes of `view` from its files' decoded pixels; `pixels` gives those of a layer path
    /// (relative to the static root), `None` if the caller has none.
    pub fn from_pixels<'p>(
        view: &View,
        pixels: impl Fn(&str) -> Option<&'p Pixels>,
    ) -> Result<ViewLayers, RenderError> {
        ViewLayers::builder(view).finish(pixels)
    }

    /// The same work as [`ViewLayers::from_pixels`] in steps of one layer file each, for a caller that must
    /// keep every task short (the browser's main thread, between which it lets the page respond).
    pub fn builder(view: &View) -> LayersBuilder<'_> {
        LayersBuilder {
            view,
            base: Vec::new(),
            zones: Vec::with_capacity(view.layers.len()),
            overlay: None,
            done: 0,
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
