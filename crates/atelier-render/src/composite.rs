//! Compositing a view: base, then each zone's shading tinted with its color and modulated by its surface's
//! detail, blended by coverage, then the overlay, all in linear light, then encoded to sRGB — for the whole
//! view or only a region of it.
//!
//! A region render recomputes exactly the pixels of the region from the layers (never from the previous frame),
//! so its bytes equal a full render's there; the rest of the frame keeps what it had. The arithmetic itself is
//! in [`crate::kernel`]; this file decides which runs of which rows each layer visits: only columns some
//! painted zone covers (the rest is copied from the unpainted still), a zone only where it is not hidden under
//! a painted opaque zone above, the overlay only where it shows (see [`crate::prepared`]), a surface tile in
//! the pieces between its repeats. It works row by row, every layer of a row before the next row.

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
    ///
    /// Row by row: each row is built up in the frame's one-row accumulator (a few KB, which stays in the
    /// processor's cache) and encoded at once, so the only large memory touched is the layers read and the
    /// RGBA written. (Compositing whole planes layer by layer wrote and re-read a 6 MB accumulator per layer:
    /// measured in Chromium after a view switch, that traffic cost more than the arithmetic.)
    fn composite(&self, tints: &[Option<Tint>], frame: &mut Frame, y0: u32, work: &[Span]) {
        let w = self.width as usize;
        let (acc, rgba) = frame.parts_mut();
        let (r, rest) = acc.split_at_mut(w);
        let (g, b) = rest.split_at_mut(w);
        let [base_r, base_g, base_b] = self.base.each_ref().map(Vec::as_slice);
        let overlay = self
            .overlay
            .as_ref()
            .map(|o| (o.rgb.each_ref().map(Vec::as_slice), &o.alpha[..], o.bounds));
        let overlay_runs = self.overlay_runs();
        let spans = self.zone_spans();
        let painted: Vec<_> = self
            .zones
            .iter()
            .zip(tints)
            .zip(spans)
            .enumerate()
            .filter_map(|(i, ((zone, tint), zone_spans))| {
                let tint = tint.as_ref()?;
                // Pixels hidden under an opaque zone above may be skipped only if that zone is painted.
                let culled = tints
                    .get(i + 1..)
                    .is_some_and(|t| t.iter().all(Option::is_some));
                let paint = Paint {
                    color: tint.color.map(u32::from),
                    gloss: u32::from(tint.gloss),
                };
                let visible = culled.then(|| self.zone_runs(i));
                let tile = self.prepared.surfaces.tile(tint.surface);
                Some((zone, zone_spans, visible, paint, tile))
            })
            .collect();
        let lut = &luts().to_srgb;

        for (k, &limit) in work.iter().enumerate() {
            if limit.is_empty() {
                continue;
            }
            let y = y0 + k as u32;
            let row = y as usize * w;
            let (x0, x1) = (limit.x0 as usize, limit.x1 as usize);
            r[x0..x1].copy_from_slice(&base_r[row + x0..row + x1]);
            g[x0..x1].copy_from_slice(&base_g[row + x0..row + x1]);
            b[x0..x1].copy_from_slice(&base_b[row + x0..row + x1]);

            for &(zone, zone_spans, visible, paint, tile) in &painted {
                if y < zone.bounds.y0 || y >= zone.bounds.y1 {
                    continue;
                }
                let kz = (y - zone.bounds.y0) as usize;
                let row_runs = match visible {
                    Some(visible) => &visible[kz][..],
                    None => std::slice::from_ref(&zone_spans[kz]),
                };
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
                            gloss: &zone.gloss[px],
                            detail_shade: &tile.shade[tp.clone()],
                            detail_gloss: &tile.gloss[tp],
                        };
                        let at = x..x + len;
                        zone_run(
                            &mut r[at.clone()],
                            &mut g[at.clone()],
                            &mut b[at],
                            &planes,
                            paint,
                        );
                        x += len;
                    }
                }
            }

            if let Some(([src_r, src_g, src_b], alpha, bounds)) = overlay
                && y >= bounds.y0
                && y < bounds.y1
            {
                for run in &overlay_runs[(y - bounds.y0) as usize] {
                    let span = run.intersect(limit.x0, limit.x1);
                    if span.is_empty() {
                        continue;
                    }
                    let (a, z) = (span.x0 as usize, span.x1 as usize);
                    let px = row + a..row + z;
                    overlay_run(
                        [&mut r[a..z], &mut g[a..z], &mut b[a..z]],
                        [&src_r[px.clone()], &src_g[px.clone()], &src_b[px.clone()]],
                        &alpha[px],
                    );
                }
            }

            encode_run(
                &mut rgba[(row + x0) * 4..(row + x1) * 4],
                &r[x0..x1],
                &g[x0..x1],
                &b[x0..x1],
                lut,
            );
        }
    }
}
