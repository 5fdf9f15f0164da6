//! Compositing a view: base, then each zone's shading tinted with its color and modulated by its surface's
//! detail, blended by coverage, then the overlay, all in linear light, then encoded to sRGB — for the whole
//! view or only a region of it.
//!
//! A region render recomputes exactly the pixels of the region from the layers (never from the previous frame),
//! so its bytes equal a full render's there; the rest of the frame keeps what it had. The arithmetic itself is
//! in [`crate::kernel`]; this file decides which runs of which rows each layer visits (a zone only its bounding
//! box, a surface tile in the pieces between its repeats).

use crate::frame::Frame;
use crate::kernel::{Paint, ZoneRun, encode_run, overlay_run, zone_run};
use crate::layers::{Rect, ViewLayers};
use crate::lut::luts;
use crate::tint::Tint;
use atelier_core::design::ValidDesign;

impl ViewLayers {
    /// Renders `design` into `frame` (which must be this view's size).
    pub fn render(&self, design: &ValidDesign<'_>, frame: &mut Frame) {
        self.render_tints(&self.tints(design), frame);
    }

    /// Re-renders only `region` of `frame` (clipped to the view) for `design`: the bytes there become exactly
    /// those of [`ViewLayers::render`], the rest of the frame is left as it is. Use it with
    /// [`ViewLayers::zone_bounds`] of the one zone whose paint changed.
    pub fn render_region(&self, design: &ValidDesign<'_>, frame: &mut Frame, region: Rect) {
        self.render_tints_region(&self.tints(design), frame, region);
    }

    /// Each zone layer's paint in `design` (bottom to top).
    pub fn tints(&self, design: &ValidDesign<'_>) -> Vec<Option<Tint>> {
        self.zones
            .iter()
            .map(|z| {
                design
                    .zones
                    .iter()
                    .find(|(zone, _, _)| zone.id == z.zone)
                    .map(|(_, material, color)| Tint::new(material, color))
            })
            .collect()
    }

    /// Renders with an explicit paint per zone layer (bottom to top, as [`ViewLayers::zones`] lists them);
    /// a zone with `None` is left out.
    pub fn render_tints(&self, tints: &[Option<Tint>], frame: &mut Frame) {
        self.render_tints_region(tints, frame, Rect::full(self.width, self.height));
    }

    /// [`ViewLayers::render_tints`] for `region` only (see [`ViewLayers::render_region`]).
    pub fn render_tints_region(&self, tints: &[Option<Tint>], frame: &mut Frame, region: Rect) {
        assert_eq!(
            (frame.width(), frame.height()),
            (self.width, self.height),
            "frame size must match the view"
        );
        let region = region.intersect(Rect::full(self.width, self.height));
        if region.is_empty() {
            return;
        }
        // Outside the painted zones every render shows the same pixels: copy them, composite only the rest.
        let painted = self
            .zones
            .iter()
            .zip(tints)
            .filter(|(_, t)| t.is_some())
            .fold(Rect::default(), |u, (z, _)| u.union(z.bounds));
        let work = region.intersect(painted);
        if work != region {
            let still = self.still();
            let w = self.width as usize;
            let rgba = frame.parts_mut().1;
            for y in region.y0..region.y1 {
                let inside = y >= work.y0 && y < work.y1 && !work.is_empty();
                let (left, right) = if inside {
                    (work.x0, work.x1)
                } else {
                    (region.x1, region.x1)
                };
                for (a, b) in [(region.x0, left), (right, region.x1)] {
                    let px = (y as usize * w + a as usize) * 4..(y as usize * w + b as usize) * 4;
                    rgba[px.clone()].copy_from_slice(&still[px]);
                }
            }
        }
        self.composite(tints, frame, work);
    }

    /// The encoded view with no zone painted, made on first use.
    fn still(&self) -> &[u8] {
        self.still.get_or_init(|| {
            let mut frame = Frame::new(self.width, self.height);
            let none: Vec<Option<Tint>> = self.zones.iter().map(|_| None).collect();
            self.composite(&none, &mut frame, Rect::full(self.width, self.height));
            frame.into_rgba()
        })
    }

    /// Composites every layer over `region` (already inside the view) and encodes it.
    fn composite(&self, tints: &[Option<Tint>], frame: &mut Frame, region: Rect) {
        if region.is_empty() {
            return;
        }
        let n = self.width as usize * self.height as usize;
        let w = self.width as usize;
        let (acc, rgba) = frame.parts_mut();
        let (r, rest) = acc.split_at_mut(n);
        let (g, b) = rest.split_at_mut(n);
        let (base_r, base_rest) = self.base.split_at(n);
        let (base_g, base_b) = base_rest.split_at(n);

        for range in rows(region, w) {
            r[range.clone()].copy_from_slice(&base_r[range.clone()]);
            g[range.clone()].copy_from_slice(&base_g[range.clone()]);
            b[range.clone()].copy_from_slice(&base_b[range.clone()]);
        }

        for (zone, tint) in self.zones.iter().zip(tints) {
            let Some(tint) = tint else { continue };
            let area = zone.bounds.intersect(region);
            if area.is_empty() {
                continue;
            }
            let tile = self.surfaces.tile(tint.surface);
            let paint = Paint {
                color: tint.color.map(u32::from),
                gloss: u32::from(tint.gloss),
            };
            for y in area.y0 as usize..area.y1 as usize {
                let row = y * w;
                let tile_row = (y % tile.size) * tile.size;
                // The run is cut where the surface tile repeats, so each piece reads the tile contiguously.
                let mut x = area.x0 as usize;
                while x < area.x1 as usize {
                    let tx = x % tile.size;
                    let len = (tile.size - tx).min(area.x1 as usize - x);
                    let px = row + x..row + x + len;
                    let tp = tile_row + tx..tile_row + tx + len;
                    let run = ZoneRun {
                        coverage: &zone.coverage[px.clone()],
                        shade: &zone.shade[px.clone()],
                        gloss: &zone.gloss[px.clone()],
                        detail_shade: &tile.shade[tp.clone()],
                        detail_gloss: &tile.gloss[tp],
                    };
                    zone_run(
                        &mut r[px.clone()],
                        &mut g[px.clone()],
                        &mut b[px],
                        &run,
                        paint,
                    );
                    x += len;
                }
            }
        }

        if let Some(overlay) = &self.overlay {
            let area = overlay.bounds.intersect(region);
            let (src_r, src_rest) = overlay.rgb.split_at(n);
            let (src_g, src_b) = src_rest.split_at(n);
            for range in rows(area, w) {
                overlay_run(
                    [
                        &mut r[range.clone()],
                        &mut g[range.clone()],
                        &mut b[range.clone()],
                    ],
                    [
                        &src_r[range.clone()],
                        &src_g[range.clone()],
                        &src_b[range.clone()],
                    ],
                    &overlay.alpha[range],
                );
            }
        }

        let lut = &luts().to_srgb;
        for range in rows(region, w) {
            encode_run(
                &mut rgba[range.start * 4..range.end * 4],
                &r[range.clone()],
                &g[range.clone()],
                &b[range],
                lut,
            );
        }
    }
}

/// The pixel index range of each row of `rect`.
fn rows(rect: Rect, width: usize) -> impl Iterator<Item = std::ops::Range<usize>> {
    (rect.y0 as usize..rect.y1 as usize).map(move |y| {
        let row = y * width;
        row + rect.x0 as usize..row + rect.x1 as usize
    })
}
