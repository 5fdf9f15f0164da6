//! The compositing kernel: base, then each zone tinted and blended by coverage, then the overlay, all in
//! linear light with integer arithmetic, then encoded to sRGB.
//!
//! Blending is `acc + (src − acc) · a / 255` computed as `(acc·(255−a) + src·a + 127) / 255` in `u32`, exact and
//! identical on every target. Each zone only visits its bounding box.

use crate::frame::Frame;
use crate::layers::{Rect, ViewLayers};
use crate::lut::{LINEAR_INDEX_BITS, luts};
use crate::tint::Tint;
use atelier_core::design::ValidDesign;

#[inline]
fn blend(acc: u16, src: u32, a: u32) -> u16 {
    ((u32::from(acc) * (255 - a) + src * a + 127) / 255) as u16
}

impl ViewLayers {
    /// Renders `design` into `frame` (which must be this view's size).
    pub fn render(&self, design: &ValidDesign<'_>, frame: &mut Frame) {
        let tints: Vec<Option<Tint>> = self
            .zones
            .iter()
            .map(|z| {
                design
                    .zones
                    .iter()
                    .find(|(zone, _, _)| zone.id == z.zone)
                    .map(|(_, material, color)| Tint::new(material, color))
            })
            .collect();
        self.render_tints(&tints, frame);
    }

    /// Renders with an explicit paint per zone layer (bottom to top, as [`ViewLayers::zones`] lists them);
    /// a zone with `None` is left out.
    pub fn render_tints(&self, tints: &[Option<Tint>], frame: &mut Frame) {
        assert_eq!(
            (frame.width(), frame.height()),
            (self.width, self.height),
            "frame size must match the view"
        );
        let n = self.width as usize * self.height as usize;
        let w = self.width as usize;
        let (acc, rgba) = frame.parts_mut();
        acc.copy_from_slice(&self.base);
        let (r, rest) = acc.split_at_mut(n);
        let (g, b) = rest.split_at_mut(n);
        let mut planes = [r, g, b];

        for (zone, tint) in self.zones.iter().zip(tints) {
            let Some(tint) = tint else { continue };
            let gloss_k = u32::from(tint.gloss);
            for_rows(zone.bounds, w, |range| {
                // Zipped row slices instead of indexing: no bounds checks in the hot loop.
                let cov = &zone.coverage[range.clone()];
                let shade = &zone.shade[range.clone()];
                let gloss = &zone.gloss[range.clone()];
                for (plane, color) in planes.iter_mut().zip(tint.color) {
                    let color = u32::from(color);
                    let out = &mut plane[range.clone()];
                    for (((o, &a), &s), &g) in out.iter_mut().zip(cov).zip(shade).zip(gloss) {
                        let a = u32::from(a);
                        if a != 0 {
                            let lit = (((color * u32::from(s)) >> 16)
                                + ((u32::from(g) * gloss_k) >> 8))
                                .min(65535);
                            *o = blend(*o, lit, a);
                        }
                    }
                }
            });
        }

        if let Some(overlay) = &self.overlay {
            for_rows(overlay.bounds, w, |range| {
                let alpha = &overlay.alpha[range.clone()];
                for (c, plane) in planes.iter_mut().enumerate() {
                    let src = &overlay.rgb[c * n + range.start..c * n + range.end];
                    let out = &mut plane[range.clone()];
                    for ((o, &a), &v) in out.iter_mut().zip(alpha).zip(src) {
                        if a != 0 {
                            *o = blend(*o, u32::from(v), u32::from(a));
                        }
                    }
                }
            });
        }

        let [r, g, b] = planes;
        let lut = &luts().to_srgb;
        let shift = 16 - LINEAR_INDEX_BITS;
        for (((out, &r), &g), &b) in rgba
            .chunks_exact_mut(4)
            .zip(r.iter())
            .zip(g.iter())
            .zip(b.iter())
        {
            out[0] = lut[usize::from(r >> shift)];
            out[1] = lut[usize::from(g >> shift)];
            out[2] = lut[usize::from(b >> shift)];
            out[3] = 255;
        }
    }
}

/// Calls `f` with the pixel index range of each row of `rect`.
#[inline]
fn for_rows(rect: Rect, width: usize, mut f: impl FnMut(std::ops::Range<usize>)) {
    for y in rect.y0 as usize..rect.y1 as usize {
        let row = y * width;
        f(row + rect.x0 as usize..row + rect.x1 as usize);
    }
}
