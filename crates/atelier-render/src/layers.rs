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
    /// Linear RGB, a plane per channel.
    pub(crate) rgb: [Vec<u16>; 3],
    pub(crate) alpha: Vec<u8>,
    pub(crate) bounds: Rect,
}

/// A decoded view.
pub struct ViewLayers {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Base in linear light, a plane per channel (R, G, B).
    pub(crate) base: [Vec<u16>; 3],
    pub(crate) zones: Vec<ZonePlanes>,
    pub(crate) overlay: Option<OverlayPlanes>,
    /// Surface tiles, zone spans and the unpainted view, made on first use.
    pub(crate) prepared: Prepared,
}

/// Pixel rows converted per step: each layer file is converted a band at a time, so a caller that must keep
/// every task short (the browser's main thread) can stop between bands. A 1024-row view has 16 bands per file;
/// a band is well under a millisecond of work on a laptop and a few on a slow phone, and a step over a whole
/// file (about 10 ms on a laptop, 40+ under a phone's CPU) made the page's longest tasks at start-up.
const BAND_ROWS: usize = 64;

/// [`ViewLayers::from_pixels`] a piece at a time: the base, each zone's layer, then the overlay, each file a band
/// of rows per step.
pub struct LayersBuilder<'v> {
    view: &'v View,
    base: [Vec<u16>; 3],
    zones: Vec<ZonePlanes>,
    overlay: Option<OverlayPlanes>,
    /// Steps taken.
    done: usize,
}

impl LayersBuilder<'_> {
    /// Steps in all: a band of rows of each file (the base, one per zone layer, the overlay if the view has
    /// one).
    pub fn steps(&self) -> usize {
        let files = 1 + self.view.layers.len() + usize::from(self.view.overlay.is_some());
        files * self.bands()
    }

    fn bands(&self) -> usize {
        (self.view.height as usize).div_ceil(BAND_ROWS).max(1)
    }

    /// Whether every step is taken.
    pub fn is_done(&self) -> bool {
        self.done >= self.steps()
    }

    /// Converts the next band of the next layer file; nothing once every step is taken.
    pub fn step<'p>(
        &mut self,
        pixels: impl Fn(&str) -> Option<&'p Pixels>,
    ) -> Result<(), RenderError> {
        if self.is_done() {
            return Ok(());
        }
        let view = self.view;
        let (w, h) = (view.width as usize, view.height as usize);
        let n = w * h;
        let (file, band) = (self.done / self.bands(), self.done % self.bands());
        let rows = band * BAND_ROWS..((band + 1) * BAND_ROWS).min(h);
        // This band's pixels, as indices into a plane.
        let at = rows.start * w..rows.end * w;
        // The table itself, not `to_linear` per pixel: one lookup in the hot loops, no lazy-init check.
        let lin = &luts().to_linear;
        if file == 0 {
            let px = layer(view, &view.base, &pixels, std::slice::from_ref(&rows))?;
            for (c, plane) in self.base.iter_mut().enumerate() {
                append(
                    plane,
                    n,
                    &at,
                    px[0].chunks_exact(4).map(|px| lin[usize::from(px[c])]),
                );
            }
        } else if let Some(l) = view.layers.get(file - 1) {
            let px = layer(view, &l.file, &pixels, std::slice::from_ref(&rows))?;
            if band == 0 {
                self.zones.push(ZonePlanes {
                    zone: l.zone.clone(),
                    shade: Vec::new(),
                    gloss: Vec::new(),
                    coverage: Vec::new(),
                    bounds: Rect::default(),
                });
            }
            let Some(z) = self.zones.last_mut() else {
                return Ok(());
            };
            let px = px[0].chunks_exact(4);
            append(
                &mut z.shade,
                n,
                &at,
                px.clone().map(|px| lin[usize::from(px[0])]),
            );
            append(
                &mut z.gloss,
                n,
                &at,
                px.clone().map(|px| lin[usize::from(px[1])]),
            );
            append(&mut z.coverage, n, &at, px.map(|px| px[2]));
            z.bounds = z
                .bounds
                .union(band_bounds(view.width, rows.start, &z.coverage[at]));
        } else if let Some(path) = &view.overlay {
            // Color in the top half, alpha (as gray, read from red) in the bottom half.
            let alpha_rows = h + rows.start..h + rows.end;
            let px = layer(view, path, &pixels, &[rows.clone(), alpha_rows])?;
            let o = self.overlay.get_or_insert_with(|| OverlayPlanes {
                rgb: Default::default(),
                alpha: Vec::new(),
                bounds: Rect::default(),
            });
            for (c, plane) in o.rgb.iter_mut().enumerate() {
                append(
                    plane,
                    n,
                    &at,
                    px[0].chunks_exact(4).map(|px| lin[usize::from(px[c])]),
                );
            }
            append(&mut o.alpha, n, &at, px[1].chunks_exact(4).map(|px| px[0]));
            o.bounds = o
                .bounds
                .union(band_bounds(view.width, rows.start, &o.alpha[at]));
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
        let zones = self.zones.len();
        Ok(ViewLayers {
            width: self.view.width,
            height: self.view.height,
            base: self.base,
            zones: self.zones,
            overlay: self.overlay,
            prepared: Prepared::new(1, zones),
        })
    }
}

/// The RGBA bytes of `rows` (each a range of pixel rows) of the layer file `path`, checked: present, as wide
/// as the view and as high as the view's layers are (the overlay stacks its color and its alpha, twice the
/// view's height), and opaque in those rows. Every row of a file is read by some step, so every pixel is
/// checked once.
fn layer<'p>(
    view: &View,
    path: &str,
    pixels: &impl Fn(&str) -> Option<&'p Pixels>,
    rows: &[std::ops::Range<usize>],
) -> Result<Vec<&'p [u8]>, RenderError> {
    let px = pixels(path).ok_or_else(|| RenderError::Missing {
        path: path.to_owned(),
    })?;
    let stack = if rows.len() > 1 { 2 } else { 1 };
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
    let row_bytes = view.width as usize * 4;
    rows.iter()
        .map(|r| {
            let bytes = &px.rgba()[r.start * row_bytes..r.end * row_bytes];
            match crate::pixels::first_translucent(bytes) {
                None => Ok(bytes),
                Some(i) => {
                    let w = view.width as usize;
                    Err(RenderError::Translucent {
                        path: path.to_owned(),
                        x: (i % w) as u32,
                        y: (r.start + i / w) as u32,
                    })
                }
            }
        })
        .collect()
}

/// Appends a band's values (the pixels `at` of a plane of `n`) to `plane`, which holds the bands above it: planes
/// grow band by band and are never zero-filled first. Filling 50 MB of planes with zeros before writing them
/// cost the browser ~160 ms (most of a view's preparation) in single steps that each blocked the page for the
/// size of a whole plane.
fn append<T>(
    plane: &mut Vec<T>,
    n: usize,
    at: &std::ops::Range<usize>,
    band: impl Iterator<Item = T>,
) {
    debug_assert_eq!(plane.len(), at.start, "bands are appended in order");
    if plane.capacity() == 0 {
        plane.reserve_exact(n);
    }
    plane.extend(band.take(at.len()));
}

/// [`bounds_of`] a band of `width`-wide rows starting at row `y0`, in the view's coordinates.
fn band_bounds(width: u32, y0: usize, alpha: &[u8]) -> Rect {
    let rows = (alpha.len() / width.max(1) as usize) as u32;
    let r = bounds_of(width, rows, alpha);
    if r.is_empty() {
        return r;
    }
    let y0 = y0 as u32;
    Rect {
        y0: r.y0 + y0,
        y1: r.y1 + y0,
        ..r
    }
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
            base: Default::default(),
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
