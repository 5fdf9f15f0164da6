//! Production resolution: a view decoded at an integer multiple of its artwork's size, for the shop's factory
//! image (2× makes a 2048 px wide proof of the 1024 px samples).
//!
//! The planes are upsampled with integer bilinear interpolation (exact integer division, the same bytes on
//! every target), the zone planes weighted by their coverage and the overlay's colors by its alpha so edges
//! keep their color instead of fading towards the black under zero coverage. Surface detail is not upsampled:
//! its tiles are generated at the new size with features `scale` times larger, so grain stays as crisp as the
//! artwork allows. The alternative, rendering a second, 2× layer set with `tools/artwork`, would add about
//! four times the ~4 MB of sample layers to the repository and to every catalog a retailer maintains, for
//! edges that interpolation already draws smoothly.

use crate::error::RenderError;
use crate::layers::{ViewLayers, bounds_of};
use crate::prepared::Prepared;
use atelier_core::catalog::View;

/// The largest scale [`ViewLayers::decode_scaled`] accepts: 4× a 1024 px view already needs about
/// 50 bytes per pixel × 16 M pixels of planes.
pub const MAX_SCALE: u32 = 4;

impl ViewLayers {
    /// Decodes `view` like [`ViewLayers::decode`], then scales it to `width·scale × height·scale`; its
    /// [`ViewLayers::render`] then gives the production image. `scale` 1 is the preview itself.
    pub fn decode_scaled(
        view: &View,
        file: impl Fn(&str) -> Option<Vec<u8>>,
        scale: u32,
    ) -> Result<ViewLayers, RenderError> {
        if scale == 0 || scale > MAX_SCALE {
            return Err(RenderError::Scale {
                scale,
                max: MAX_SCALE,
            });
        }
        let mut layers = ViewLayers::decode(view, file)?;
        if scale > 1 {
            layers.upscale(scale);
        }
        Ok(layers)
    }

    fn upscale(&mut self, s: u32) {
        let (w, h) = (self.width, self.height);
        let up = Upsampler::new(w, h, s);
        self.base = self.base.each_ref().map(|plane| up.plane(plane, None));
        for zone in &mut self.zones {
            zone.shade = up.plane(&zone.shade, Some(&zone.coverage));
            zone.gloss = up.plane(&zone.gloss, Some(&zone.coverage));
            zone.coverage = up.plane8(&zone.coverage);
            zone.bounds = bounds_of(w * s, h * s, &zone.coverage);
        }
        if let Some(overlay) = &mut self.overlay {
            let alpha = &overlay.alpha;
            overlay.rgb = overlay
                .rgb
                .each_ref()
                .map(|plane| up.plane(plane, Some(alpha)));
            overlay.alpha = up.plane8(&overlay.alpha);
            overlay.bounds = bounds_of(w * s, h * s, &overlay.alpha);
        }
        self.width = w * s;
        self.height = h * s;
        self.prepared = Prepared::new(s, self.zones.len());
    }
}

/// Where each output pixel's centre falls between source pixels, per axis.
struct Upsampler {
    w: u32,
    h: u32,
    /// Per output column: left source column, and the right one's weight out of `den`.
    xs: Vec<(usize, u64)>,
    /// Per output row: top source row, and the bottom one's weight out of `den`.
    ys: Vec<(usize, u64)>,
    den: u64,
}

impl Upsampler {
    fn new(w: u32, h: u32, s: u32) -> Upsampler {
        // Output pixel X's centre is at source position (2X + 1 − s) / 2s (in source pixel units, centres at
        // integers); clamped at the borders.
        let den = u64::from(2 * s);
        let axis = |len: u32| -> Vec<(usize, u64)> {
            (0..len * s)
                .map(|x| {
                    let p = (2 * i64::from(x) + 1 - i64::from(s)).max(0) as u64;
                    let i = (p / den) as usize;
                    if i + 1 >= len as usize {
                        (len as usize - 1, 0)
                    } else {
                        (i, p % den)
                    }
                })
                .collect()
        };
        Upsampler {
            w,
            h,
            xs: axis(w),
            ys: axis(h),
            den,
        }
    }

    /// One 16-bit plane, optionally weighted by an 8-bit coverage plane (so values under no coverage do not
    /// bleed into covered pixels).
    fn plane(&self, src: &[u16], weight: Option<&[u8]>) -> Vec<u16> {
        let w = self.w as usize;
        let d = self.den;
        let mut out = Vec::with_capacity(self.xs.len() * self.ys.len());
        for &(y, fy) in &self.ys {
            let y1 = (y + 1).min(self.h as usize - 1);
            for &(x, fx) in &self.xs {
                let x1 = (x + 1).min(w - 1);
                let taps = [
                    (y * w + x, (d - fx) * (d - fy)),
                    (y * w + x1, fx * (d - fy)),
                    (y1 * w + x, (d - fx) * fy),
                    (y1 * w + x1, fx * fy),
                ];
                let (mut sum, mut total) = (0u64, 0u64);
                for (i, k) in taps {
                    let k = k * weight.map_or(1, |a| u64::from(a[i]));
                    sum += u64::from(src[i]) * k;
                    total += k;
                }
                // No weight at all (no coverage around): keep the nearest source value.
                out.push(
                    (sum + total / 2)
                        .checked_div(total)
                        .map_or(src[y * w + x], |v| v as u16),
                );
            }
        }
        out
    }

    /// One 8-bit plane (coverage, alpha).
    fn plane8(&self, src: &[u8]) -> Vec<u8> {
        let wide: Vec<u16> = src.iter().map(|&v| u16::from(v)).collect();
        self.plane(&wide, None)
            .into_iter()
            .map(|v| v as u8)
            .collect()
    }
}
