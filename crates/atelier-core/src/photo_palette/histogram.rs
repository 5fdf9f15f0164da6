//! Pixels gathered into bins before clustering: 5 bits per sRGB channel (32,768 bins), each keeping its pixel
//! count and the exact sum of its pixels' Lab values.
//!
//! A room photo of 65,536 pixels fills a few thousand bins, so k-means runs over far fewer points; since each
//! bin keeps its Lab sum, a cluster's mean is still the exact mean of its pixels. Bins are visited in index
//! order, never through a hash map, so the result is the same on every target.

use super::kmeans::Point;
use crate::color::{Lab, Srgb8, srgb8_to_lab};

/// The occupied bins as weighted points (weight = pixel count), in bin order.
pub(super) fn bins(rgba: &[u8]) -> Vec<Point> {
    let mut sums = vec![(0.0f64, 0.0f64, 0.0f64, 0u32); 1 << 15];
    // Photos and generated images alike repeat the previous pixel often; converting once per run saves most
    // of the cube roots.
    let mut last: Option<(Srgb8, Lab)> = None;
    for px in rgba.chunks_exact(4) {
        if px[3] < 128 {
            continue;
        }
        let c = Srgb8 {
            r: px[0],
            g: px[1],
            b: px[2],
        };
        let lab = match last {
            Some((prev, lab)) if prev == c => lab,
            _ => {
                let lab = srgb8_to_lab(c);
                last = Some((c, lab));
                lab
            }
        };
        let i =
            (usize::from(c.r >> 3) << 10) | (usize::from(c.g >> 3) << 5) | usize::from(c.b >> 3);
        let s = &mut sums[i];
        s.0 += lab.l;
        s.1 += lab.a;
        s.2 += lab.b;
        s.3 += 1;
    }
    sums.into_iter()
        .filter(|s| s.3 > 0)
        .map(|(l, a, b, n)| {
            let w = f64::from(n);
            Point {
                lab: Lab {
                    l: l / w,
                    a: a / w,
                    b: b / w,
                },
                weight: w,
            }
        })
        .collect()
}
