//! A photo's dominant colors: k-means in CIELAB over an RGBA image the caller has already downscaled.
//!
//! The browser decodes and downscales (the page's own image decoder is the fast path); this module gets the
//! pixels, expected at most about 256 × 256 (65,536 pixels: a few milliseconds natively, see
//! `examples/palette_bench.rs`). Larger images work, only slower. Pixels less than half opaque are ignored.
//!
//! The steps: every pixel to Lab, pixels gathered into 15-bit sRGB bins that keep the exact Lab sum of their
//! pixels ([`histogram`]), weighted k-means++ over the bins with a fixed seed ([`kmeans`]; each final mean
//! leaves out the farthest 5 % of its cluster, so stray specks do not tint it), then clusters
//! closer than ΔE00 3 merged, specks under 2 % of the image dropped and the shares renormalized, largest share
//! first. Every step is plain f64 arithmetic in a fixed order, so wasm and native give the same palette bit
//! for bit. The shares in whole percents for the strip are [`percentages`]. Matching a palette color to a
//! catalog is [`crate::color_match`]'s job.

mod histogram;
mod kmeans;
mod percentages;
pub mod wire;

pub use percentages::percentages;

use crate::color::{Lab, Srgb8, ciede2000, lab_to_srgb8};

/// Clusters closer than this (ΔE00) are one color to a shopper: merged.
pub const MERGE_BELOW_DELTA_E: f64 = 3.0;
/// Clusters covering less of the image than this are specks (a pot, a reflection): dropped.
pub const MIN_SHARE: f64 = 0.02;
/// The most clusters asked of k-means, whatever the caller passes.
pub const MAX_K: usize = 16;

/// One dominant color of a photo.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PaletteColor {
    /// The mean color of its pixels, in CIELAB.
    pub lab: Lab,
    /// The same, as the nearest 8-bit sRGB color (for drawing the strip).
    pub srgb: Srgb8,
    /// Its share of the palette's pixels, 0–1; the shares of a palette add up to 1.
    pub share: f32,
}

/// Why pixels could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The buffer is not `width × height` RGBA pixels.
    #[error("expected {expected} bytes of RGBA for the image size, got {found}")]
    BufferSize {
        /// `width × height × 4`.
        expected: usize,
        /// The buffer's length.
        found: usize,
    },
}

/// Up to `k_max` dominant colors of an RGBA image (row-major, 4 bytes a pixel, not premultiplied), largest
/// share first. `k_max` is clamped to 1–[`MAX_K`]; merging and speck removal can leave fewer. An image with no
/// opaque pixel has an empty palette.
///
/// # Example
/// ```
/// use atelier_core::photo_palette::extract;
/// // 3 × 1 pixels: two navy, one white.
/// let rgba = [31, 42, 72, 255, 31, 42, 72, 255, 255, 255, 255, 255];
/// let palette = extract(&rgba, 3, 1, 4).expect("sizes match");
/// assert_eq!(palette[0].srgb.to_string(), "#1f2a48");
/// assert!((palette[0].share - 2.0 / 3.0).abs() < 1e-6);
/// ```
pub fn extract(
    rgba: &[u8],
    width: u32,
    height: u32,
    k_max: usize,
) -> Result<Vec<PaletteColor>, ExtractError> {
    let expected = width as usize * height as usize * 4;
    if rgba.len() != expected {
        return Err(ExtractError::BufferSize {
            expected,
            found: rgba.len(),
        });
    }
    let points = histogram::bins(rgba);
    let total: f64 = points.iter().map(|p| p.weight).sum();
    if total == 0.0 {
        return Ok(Vec::new());
    }
    let mut clusters = kmeans::kmeans(&points, k_max.clamp(1, MAX_K), kmeans::SEED);
    merge_close(&mut clusters);
    clusters.retain(|c| c.weight / total >= MIN_SHARE);
    let kept: f64 = clusters.iter().map(|c| c.weight).sum();
    // Heaviest first; equal weights (possible in generated images) by lightness, then a, then b, so the order
    // never depends on k-means' internal numbering.
    clusters.sort_by(|x, y| {
        y.weight
            .total_cmp(&x.weight)
            .then(x.lab.l.total_cmp(&y.lab.l))
            .then(x.lab.a.total_cmp(&y.lab.a))
            .then(x.lab.b.total_cmp(&y.lab.b))
    });
    Ok(clusters
        .into_iter()
        .map(|c| PaletteColor {
            lab: c.lab,
            srgb: lab_to_srgb8(c.lab),
            share: (c.weight / kept) as f32,
        })
        .collect())
}

/// Merges the closest pair of clusters while any pair is closer than [`MERGE_BELOW_DELTA_E`].
fn merge_close(clusters: &mut Vec<kmeans::Cluster>) {
    loop {
        let mut best: Option<(usize, usize, f64)> = None;
        for i in 0..clusters.len() {
            for j in i + 1..clusters.len() {
                let d = ciede2000(clusters[i].lab, clusters[j].lab);
                if d < MERGE_BELOW_DELTA_E && best.is_none_or(|(_, _, b)| d < b) {
                    best = Some((i, j, d));
                }
            }
        }
        let Some((i, j, _)) = best else {
            return;
        };
        let other = clusters.remove(j);
        clusters[i] = clusters[i].merged(&other);
    }
}
