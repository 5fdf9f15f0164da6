//! Compositing a view: base, then each zone's shading tinted with its color and modulated by its surface's
//! detail, blended by coverage, then the overlay, all in linear light, then encoded to sRGB — for the whole
//! view or only a region of it.
//!
//! A region render recomputes exactly the pixels of the region from the layers (never from the previous frame),
//! so its bytes equal a full render's there; the rest of the frame keeps what it had. The arithmetic itself is
//! in [`crate::kernel`]; this file decides which runs of which rows each layer visits: only columns some
//! painted zone covers (the rest is copied from the unpainted still), a zone only where it is not hidden under
//! a painted opaque zone above (see [`crate::prepared`]), a surface tile in the pieces between its repeats.

use crate::frame::Frame;
use crate::kernel::{Paint, ZoneRun, encode_run, overlay_run, zone_run};
use crate::layers::{Rect, ViewLayers};
use crate::lut::luts;
use crate::prepared::Span;
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
        // On each row, only the columns some painted zone covers need compositing: every other pixel shows
        // exactly what the unpainted view (the still) shows there, so it is copied.
        let spans = self.zone_spans();
        let mut work = vec![Span::default(); region.height() as usize];
        for ((zone, tint), zone_spans) in self.zones.iter().zip(tints).zip(spans) {
            if tint.is_none() {
                continue;
            }
            let rows = zone.bounds.intersect(region);
            for y in rows.y0..rows.y1 {
                let span = zone_spans[(y - zone.bounds.y0) as usize];
                let slot = &mut work[(y - region.y0) as usize];
                *slot = slot.union(span.intersect(region.x0, region.x1));
            }
        }
        let still = self.still();
        let w = self.width as usize;
        let rgba = frame.parts_mut().1;
        for (k, span) in work.iter().enumerate() {
            let row = (region.y0 as usize + k) * w;
            let (left, right) = if span.is_empty() {
                (region.x1, region.x1)
            } else {
                (span.x0, span.x1)
            };
            for (a, b) in [(region.x0, left), (right, region.x1)] {
                let px = (row + a as usize) * 4..(row + b as usize) * 4;
                rgba[px.clone()].copy_from_slice(&still[px]);
            }
        }
        self.composite(tints, frame, region.y0, &work);
    }

    /// The view with no zone painted, encoded (made once, see [`crate::prepared`]).
    pub(crate) fn render_still(&self) -> Vec<u8> {
        let mut frame = Frame::new(self.width, self.height);
        let none: Vec<Option<Tint>> = self.zones.iter().map(|_| None).collect();
        let all = vec![
            Span {
                x0: 0,
                x1: self.width
            };
            self.height as usize
        ];
        self.composite(&none, &mut frame, 0, &all);
        frame.into_rgba()
    }

    /// Composites every layer over the columns `work[k]` of row `y0 + k` and encodes them.
    fn composite(&self, tints: &[Option<Tint>], frame: &mut Frame, y0: u32, work: &[Span]) {
        let n = self.width as usize * self.height as usize;
        let w = self.width as usize;
        let (acc, rgba) = frame.parts_mut();
        let (r, rest) = acc.split_at_mut(n);
        let (g, b) = rest.split_at_mut(n);
        let (base_r, base_rest) = self.base.split_at(n);
        let (base_g, base_b) = base_rest.split_at(n);
        let row_range = |k: usize, span: Span| {
            let row = (y0 as usize + k) * w;
            row + span.x0 as usize..row + span.x1 as usize
        };

        for (k, &span) in work.iter().enumerate() {
            if span.is_empty() {
                continue;
            }
            let range = row_range(k, span);
            r[range.clone()].copy_from_slice(&base_r[range.clone()]);
            g[range.clone()].copy_from_slice(&base_g[range.clone()]);
            b[range.clone()].copy_from_slice(&base_b[range.clone()]);
        }

        let spans = self.zone_spans();
        let runs = self.zone_runs();
        for (i, ((zone, tint), zone_spans)) in self.zones.iter().zip(tints).zip(spans).enumerate() {
            let Some(tint) = tint else { continue };
            // Pixels hidden under an opaque zone above may be skipped only if that zone is painted.
            let culled = tints
                .get(i + 1..)
                .is_some_and(|t| t.iter().all(Option::is_some));
            let tile = self.prepared.surfaces.tile(tint.surface);
            let paint = Paint {
                color: tint.color.map(u32::from),
                gloss: u32::from(tint.gloss),
            };
            let y_end = zone.bounds.y1.min(y0 + work.len() as u32);
            for y in zone.bounds.y0.max(y0)..y_end {
                let k = (y - zone.bounds.y0) as usize;
                let row_runs = if culled {
                    &runs[i][k][..]
                } else {
                    std::slice::from_ref(&zone_spans[k])
                };
                let limit = work[(y - y0) as usize];
                let row = y as usize * w;
                let tile_row = (y as usize % tile.size) * tile.size;
                for run in row_runs {
                    let span = run.intersect(limit.x0, limit.x1);
                    // Each run is cut where the surface tile repeats, so each piece reads the tile contiguously.
                    let mut x = span.x0 as usize;
                    while x < span.x1 as usize {
                        let tx = x % tile.size;
                        let len = (tile.size - tx).min(span.x1 as usize - x);
                        let px = row + x..row + x + len;
                        let tp = tile_row + tx..tile_row + tx + len;
                        let planes = ZoneRun {
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
                            &planes,
                            paint,
                        );
                        x += len;
                    }
                }
            }
        }

        if let Some(overlay) = &self.overlay {
            let (src_r, src_rest) = overlay.rgb.split_at(n);
            let (src_g, src_b) = src_rest.split_at(n);
            for (k, &span) in work.iter().enumerate() {
                let y = y0 + k as u32;
                if y < overlay.bounds.y0 || y >= overlay.bounds.y1 {
                    continue;
                }
                let span = span.intersect(overlay.bounds.x0, overlay.bounds.x1);
                if span.is_empty() {
                    continue;
                }
                let range = row_range(k, span);
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
        for (k, &span) in work.iter().enumerate() {
            if span.is_empty() {
                continue;
            }
            let range = row_range(k, span);
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
