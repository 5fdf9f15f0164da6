//! The per-run compositing kernel: plain loops over equal-length slices of planar 8- and 16-bit data with
//! 32-bit integer arithmetic and no branches, shaped so LLVM vectorizes them natively (SSE/NEON, the shop).
//!
//! In wasm with `simd128` the whole groups of eight pixels go through [`crate::simd`] instead (the same formulas
//! written out in vector operations, because the app's size-first LTO build does not vectorize loops) and only
//! the rest through the loops here, which are the definition both must equal.
//!
//! Every value is an integer and every division a shift, so there is no rounding that could depend on the
//! target: coverage `a` in `0..=255` becomes a weight `a + a/128` in `0..=256`, and a blend is
//! `(dst·(256 − w) + src·w + 128) >> 8`, which is exactly `dst` for `w = 0` and exactly `src` for `w = 256`.
//! `src` never exceeds 65535, so every intermediate fits an `i32`.
//! Which rows and columns to visit is the caller's business ([`crate::composite`]).

/// A zone's paint, as the kernel uses it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Paint {
    /// Linear-light color, `0..=65535` per channel.
    pub(crate) color: [u32; 3],
    /// Highlight strength, 256 = the artwork's gloss plane as drawn.
    pub(crate) gloss: u32,
}

/// One run of a zone row: the zone's planes and the surface detail for the same pixels.
pub(crate) struct ZoneRun<'a> {
    pub(crate) coverage: &'a [u8],
    pub(crate) shade: &'a [u16],
    pub(crate) gloss: &'a [u16],
    pub(crate) detail_shade: &'a [u8],
    pub(crate) detail_gloss: &'a [u8],
}

/// Coverage 0–255 as a blend weight 0–256.
#[inline(always)]
fn weight(a: u8) -> u32 {
    let a = u32::from(a);
    a + (a >> 7)
}

/// `(dst·(256 − w) + src·w + 128) >> 8`, computed as `dst + ((src − dst)·w + 128) >> 8` with an arithmetic
/// shift: the same value (the shift floors, and `256·dst` is a whole multiple of 256), one multiply fewer.
#[inline(always)]
fn blend(dst: u16, src: u32, w: u32) -> u16 {
    let d = i32::from(dst);
    (d + (((src as i32 - d) * w as i32 + 128) >> 8)) as u16
}

/// Paints one run of a zone over the accumulator planes `r`, `g`, `b` (all the run's length).
#[inline]
pub(crate) fn zone_run(
    r: &mut [u16],
    g: &mut [u16],
    b: &mut [u16],
    run: &ZoneRun<'_>,
    paint: Paint,
) {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let done = crate::simd::zone_run(r, g, b, run, paint);
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let done = 0;
    zone_run_scalar(
        &mut r[done..],
        &mut g[done..],
        &mut b[done..],
        &run.skip(done),
        paint,
    );
}

impl<'a> ZoneRun<'a> {
    /// The same run without its first `k` pixels.
    #[inline(always)]
    pub(crate) fn skip(&self, k: usize) -> ZoneRun<'a> {
        ZoneRun {
            coverage: &self.coverage[k..],
            shade: &self.shade[k..],
            gloss: &self.gloss[k..],
            detail_shade: &self.detail_shade[k..],
            detail_gloss: &self.detail_gloss[k..],
        }
    }
}

/// [`zone_run`] one pixel at a time: the definition the vector path must equal.
#[inline]
pub(crate) fn zone_run_scalar(
    r: &mut [u16],
    g: &mut [u16],
    b: &mut [u16],
    run: &ZoneRun<'_>,
    paint: Paint,
) {
    let n = r.len();
    // Re-slicing everything to one length lets the compiler drop every bounds check and vectorize.
    let (g, b) = (&mut g[..n], &mut b[..n]);
    let cov = &run.coverage[..n];
    let shade = &run.shade[..n];
    let gloss = &run.gloss[..n];
    let dshade = &run.detail_shade[..n];
    let dgloss = &run.detail_gloss[..n];
    let [cr, cg, cb] = paint.color;
    let gk = paint.gloss;
    for i in 0..n {
        let w = weight(cov[i]);
        let s = ((u32::from(shade[i]) * u32::from(dshade[i])) >> 7).min(65535);
        let hl = (((u32::from(gloss[i]) * u32::from(dgloss[i])) >> 7) * gk) >> 8;
        r[i] = blend(r[i], (((cr * s) >> 16) + hl).min(65535), w);
        g[i] = blend(g[i], (((cg * s) >> 16) + hl).min(65535), w);
        b[i] = blend(b[i], (((cb * s) >> 16) + hl).min(65535), w);
    }
}

/// Blends one run of the overlay (linear RGB, straight alpha) over the accumulator planes.
#[inline]
pub(crate) fn overlay_run(out: [&mut [u16]; 3], src: [&[u16]; 3], alpha: &[u8]) {
    for (o, s) in out.into_iter().zip(src) {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let done = crate::simd::overlay_run(o, s, alpha);
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        let done = 0;
        overlay_plane_scalar(&mut o[done..], &s[done..], &alpha[done..]);
    }
}

/// One plane of [`overlay_run`], one pixel at a time.
#[inline]
pub(crate) fn overlay_plane_scalar(o: &mut [u16], s: &[u16], alpha: &[u8]) {
    let n = alpha.len();
    let (o, s) = (&mut o[..n], &s[..n]);
    for i in 0..n {
        o[i] = blend(o[i], u32::from(s[i]), weight(alpha[i]));
    }
}

/// Encodes one run of linear-light planes into opaque sRGB RGBA bytes through `lut` (indexed by the top
/// [`crate::lut::LINEAR_INDEX_BITS`] bits).
#[inline]
pub(crate) fn encode_run(
    rgba: &mut [u8],
    r: &[u16],
    g: &[u16],
    b: &[u16],
    lut: &[u8; 1 << crate::lut::LINEAR_INDEX_BITS],
) {
    let shift = 16 - crate::lut::LINEAR_INDEX_BITS;
    let n = r.len();
    let (g, b) = (&g[..n], &b[..n]);
    for (i, px) in rgba[..n * 4].chunks_exact_mut(4).enumerate() {
        px[0] = lut[usize::from(r[i] >> shift)];
        px[1] = lut[usize::from(g[i] >> shift)];
        px[2] = lut[usize::from(b[i] >> shift)];
        px[3] = 255;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blend_keeps_the_ends_exact() {
        for dst in [0u16, 1, 1000, 65534, 65535] {
            for src in [0u32, 1, 40000, 65535] {
                assert_eq!(blend(dst, src, weight(0)), dst);
                assert_eq!(u32::from(blend(dst, src, weight(255))), src);
            }
        }
        // Half coverage lands halfway.
        assert_eq!(blend(0, 65535, weight(128)), 33023);
    }

    #[test]
    fn blend_equals_the_two_multiply_form() {
        for dst in (0..=65535u16).step_by(97).chain([65535]) {
            for src in (0..=65535u32).step_by(101).chain([65535]) {
                for w in 0..=256u32 {
                    let two = ((u32::from(dst) * (256 - w) + src * w + 128) >> 8) as u16;
                    assert_eq!(blend(dst, src, w), two, "{dst} {src} {w}");
                }
            }
        }
    }
}
