//! The zone highlight: an anti-aliased outline of a zone's coverage edge, as a small straight-alpha RGBA image
//! the app draws on a transparent canvas stacked over the preview (never into the preview's pixels, so a proof
//! or a downloaded image never shows it).
//!
//! The line is where coverage changes: its strength is the spread (max − min) of coverage over a pixel's
//! neighbourhood, which follows the artwork's own anti-aliased edge, so the outline is crisp without steps.
//! A one-pixel neighbourhood gives the bright inner line, a two-pixel one a darker halo around it, so the
//! outline shows on light and dark products alike.

use crate::layers::{Rect, ViewLayers};

/// An outline image and where it goes.
pub struct Outline {
    /// The image's place in the view.
    pub rect: Rect,
    /// Row-major RGBA, straight alpha, `rect.width() × rect.height()` pixels.
    pub rgba: Vec<u8>,
}

/// The halo's color.
const HALO: [u32; 3] = [20, 24, 32];

impl ViewLayers {
    /// The outline of `zone` in this view in color `line` (sRGB), or `None` if the view does not draw it.
    pub fn zone_outline(&self, zone: &str, line: [u8; 3]) -> Option<Outline> {
        let planes = self.zones.iter().find(|z| z.zone.as_str() == zone)?;
        let b = planes.bounds;
        if b.is_empty() {
            return None;
        }
        let rect = Rect {
            x0: b.x0.saturating_sub(2),
            y0: b.y0.saturating_sub(2),
            x1: (b.x1 + 2).min(self.width),
            y1: (b.y1 + 2).min(self.height),
        };
        let cov = &planes.coverage;
        let (w, h) = (self.width as i64, self.height as i64);
        // Coverage spread over a (2r+1)² neighbourhood; outside the view counts as uncovered.
        let spread = |x: i64, y: i64, r: i64| -> u32 {
            let (mut lo, mut hi) = (255u8, 0u8);
            for dy in -r..=r {
                for dx in -r..=r {
                    let (sx, sy) = (x + dx, y + dy);
                    let a = if sx < 0 || sy < 0 || sx >= w || sy >= h {
                        0
                    } else {
                        cov[(sy * w + sx) as usize]
                    };
                    lo = lo.min(a);
                    hi = hi.max(a);
                }
            }
            u32::from(hi - lo)
        };
        let mut rgba = Vec::with_capacity((rect.area() * 4) as usize);
        for y in rect.y0..rect.y1 {
            for x in rect.x0..rect.x1 {
                let inner = spread(i64::from(x), i64::from(y), 1);
                let halo = spread(i64::from(x), i64::from(y), 2) * 150 / 255;
                // `line` over `halo`, straight alpha, all in 0..=255.
                let a = inner + halo * (255 - inner) / 255;
                let mut px = [0u8; 4];
                for c in 0..3 {
                    let v = u32::from(line[c]) * inner + HALO[c] * halo * (255 - inner) / 255;
                    // Where nothing is drawn (`a` = 0) the color does not matter.
                    px[c] = v.checked_div(a).unwrap_or(0).min(255) as u8;
                }
                px[3] = a.min(255) as u8;
                rgba.extend_from_slice(&px);
            }
        }
        Some(Outline { rect, rgba })
    }
}
