//! The compositing kernel: base, then each zone tinted and blended by coverage, then the overlay, all in
//! linear light with integer arithmetic, then encoded to sRGB.
//!
//! Blending is `acc + (src − acc) · a / 255` computed as `(acc·(255−a) + src·a + 127) / 255` in `u32`, exact and
//! identical on every target. Each zone only visits its bounding box.

use crate::frame::Frame;
use crate::layers::{Rect, ViewLayers};
use crate::lut::to_srgb;
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
            for_rows(zone.bounds, w, |i| {
                let a = u32::from(zone.coverage[i]);
                if a == 0 {
                    return;
                }
                let shade = u32::from(zone.shade[i]);
                let highlight = (u32::from(zone.gloss[i]) * gloss_k) >> 8;
                for (plane, color) in planes.iter_mut().zip(tint.color) {
                    let lit = (((u32::from(color) * shade) >> 16) + highlight).min(65535);
                    plane[i] = blend(plane[i], lit, a);
                }
            });
        }

        if let Some(overlay) = &self.overlay {
            for_rows(overlay.bounds, w, |i| {
                let a = u32::from(overlay.alpha[i]);
                if a == 0 {
                    return;
                }
                for (c, plane) in planes.iter_mut().enumerate() {
                    plane[i] = blend(plane[i], u32::from(overlay.rgb[c * n + i]), a);
                }
            });
        }

        let [r, g, b] = planes;
        for (i, out) in rgba.chunks_exact_mut(4).enumerate() {
            out[0] = to_srgb(r[i]);
            out[1] = to_srgb(g[i]);
            out[2] = to_srgb(b[i]);
            out[3] = 255;
        }
    }
}

/// Calls `f` with the index of every pixel inside `rect`, row by row.
#[inline]
fn for_rows(rect: Rect, width: usize, mut f: impl FnMut(usize)) {
    for y in rect.y0 as usize..rect.y1 as usize {
        let row = y * width;
        for i in row + rect.x0 as usize..row + rect.x1 as usize {
            f(i);
        }
    }
}
