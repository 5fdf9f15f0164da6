//! The compositing kernel written out in wasm SIMD (`simd128`), eight pixels at a time: the same integer
//! formulas as the scalar loops in [`crate::kernel`], lane by lane, so the bytes are the same.
//!
//! Why by hand: the release build links with LTO at `opt-level = "z"` to keep the app's wasm small, and at that
//! level LLVM's loop vectorizer does not run, so the scalar loops would stay scalar in the browser (measured:
//! about twice as slow). Explicit vector operations do not depend on the optimizer's mood. Each function does
//! the whole groups of eight and returns how many pixels it did; [`crate::kernel`] finishes the rest with the
//! scalar loops. Loads and stores go through `bytemuck` (a `[u16; 8]` is a `v128`), so no `unsafe` is needed.
//!
//! Every product here fits its lane as the scalar code's does: `shade · detail` ≤ 65535·255 and
//! `color · shade` ≤ 65535² < 2³² (unsigned 32-bit lanes), `(src − dst) · w` within ±65535·256 (signed).

use crate::kernel::{Paint, ZoneRun};
use core::arch::wasm32::{
    i32x4_add, i32x4_mul, i32x4_shr, i32x4_splat, i32x4_sub, u16x8_add, u16x8_extend_low_u8x16,
    u16x8_narrow_i32x4, u16x8_shr, u32x4_extend_high_u16x8, u32x4_extend_low_u16x8,
    u32x4_extmul_high_u16x8, u32x4_extmul_low_u16x8, u32x4_min, u32x4_shr, u32x4_splat,
    u64x2_splat, v128,
};

/// Lanes per step: eight 16-bit pixels of a plane fill one `v128`.
const LANES: usize = 8;

#[inline(always)]
fn load16(s: &[u16]) -> v128 {
    bytemuck::pod_read_unaligned(bytemuck::cast_slice::<u16, u8>(s))
}

#[inline(always)]
fn store16(d: &mut [u16], v: v128) {
    d.copy_from_slice(&bytemuck::cast::<v128, [u16; LANES]>(v));
}

/// Eight bytes widened to eight 16-bit lanes.
#[inline(always)]
fn load8(s: &[u8]) -> v128 {
    u16x8_extend_low_u8x16(u64x2_splat(bytemuck::pod_read_unaligned::<u64>(s)))
}

/// Eight 16-bit lanes as two sets of four 32-bit lanes (low, high), for the 32-bit arithmetic.
#[inline(always)]
fn widen(v: v128) -> (v128, v128) {
    (u32x4_extend_low_u16x8(v), u32x4_extend_high_u16x8(v))
}

/// Coverage as a blend weight, `a + a/128` (see [`crate::kernel`]), in 16-bit lanes.
#[inline(always)]
fn weight(a: v128) -> v128 {
    u16x8_add(a, u16x8_shr(a, 7))
}

/// `dst + ((src − dst)·w + 128) >> 8` in 32-bit lanes (the scalar `blend`).
#[inline(always)]
fn blend(dst: v128, src: v128, w: v128) -> v128 {
    let t = i32x4_add(i32x4_mul(i32x4_sub(src, dst), w), i32x4_splat(128));
    i32x4_add(dst, i32x4_shr(t, 8))
}

/// Blends eight 16-bit pixels of `plane` towards `src` (its low and high four, 32-bit) by `w` (low, high).
#[inline(always)]
fn blend_into(plane: &mut [u16], src: (v128, v128), w: (v128, v128)) {
    let d = widen(load16(plane));
    let lo = blend(d.0, src.0, w.0);
    let hi = blend(d.1, src.1, w.1);
    // Every value is within 0..=65535, so the saturating narrowing is exact.
    store16(plane, u16x8_narrow_i32x4(lo, hi));
}

/// [`crate::kernel::zone_run`] for the whole groups of eight pixels; returns how many it did.
pub(crate) fn zone_run(
    r: &mut [u16],
    g: &mut [u16],
    b: &mut [u16],
    run: &ZoneRun<'_>,
    paint: Paint,
) -> usize {
    let n = r.len() / LANES * LANES;
    let max = u32x4_splat(65535);
    let gk = u32x4_splat(paint.gloss);
    let colors = paint.color.map(|c| u32x4_splat(c));
    let planes = r[..n]
        .chunks_exact_mut(LANES)
        .zip(g[..n].chunks_exact_mut(LANES))
        .zip(b[..n].chunks_exact_mut(LANES));
    let inputs = run.coverage[..n]
        .chunks_exact(LANES)
        .zip(run.shade[..n].chunks_exact(LANES))
        .zip(run.gloss[..n].chunks_exact(LANES))
        .zip(run.detail_shade[..n].chunks_exact(LANES))
        .zip(run.detail_gloss[..n].chunks_exact(LANES));
    for (((r, g), b), ((((cov, shade), gloss), dshade), dgloss)) in planes.zip(inputs) {
        let w = widen(weight(load8(cov)));
        let (shade, dshade) = (load16(shade), load8(dshade));
        let s = (
            u32x4_min(u32x4_shr(u32x4_extmul_low_u16x8(shade, dshade), 7), max),
            u32x4_min(u32x4_shr(u32x4_extmul_high_u16x8(shade, dshade), 7), max),
        );
        let (gloss, dgloss) = (load16(gloss), load8(dgloss));
        let hl = |lit: v128| u32x4_shr(i32x4_mul(u32x4_shr(lit, 7), gk), 8);
        let hl = (
            hl(u32x4_extmul_low_u16x8(gloss, dgloss)),
            hl(u32x4_extmul_high_u16x8(gloss, dgloss)),
        );
        // `color · s` fits an unsigned lane, so the low half of the 32-bit product is the whole product.
        let lit = |c: v128, s: v128, hl: v128| {
            u32x4_min(i32x4_add(u32x4_shr(i32x4_mul(c, s), 16), hl), max)
        };
        for (plane, c) in [(r, colors[0]), (g, colors[1]), (b, colors[2])] {
            blend_into(plane, (lit(c, s.0, hl.0), lit(c, s.1, hl.1)), w);
        }
    }
    n
}

/// [`crate::kernel::overlay_run`] for the whole groups of eight pixels of one plane; returns how many it did.
pub(crate) fn overlay_run(out: &mut [u16], src: &[u16], alpha: &[u8]) -> usize {
    let n = alpha.len() / LANES * LANES;
    let steps = out[..n]
        .chunks_exact_mut(LANES)
        .zip(src[..n].chunks_exact(LANES))
        .zip(alpha[..n].chunks_exact(LANES));
    for ((o, s), a) in steps {
        blend_into(o, widen(load16(s)), widen(weight(load8(a))));
    }
    n
}

/// The vector path against the scalar definition, in the browser (`cargo test -p atelier-render --target
/// wasm32-unknown-unknown --lib`, run by `scripts/test.sh`): every run length around the groups of eight, and
/// the extremes of every input, where a lane that overflowed or a wrong shift would show.
#[cfg(test)]
mod tests {
    use crate::kernel::{
        Paint, ZoneRun, overlay_plane_scalar, overlay_run, zone_run, zone_run_scalar,
    };
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    /// A small deterministic generator that hits both ends of a range often.
    struct Values(u64);

    impl Values {
        fn next(&mut self, max: u32) -> u32 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            match (self.0 >> 60) as u32 {
                0 => 0,
                1 => max,
                _ => ((self.0 >> 24) % (u64::from(max) + 1)) as u32,
            }
        }
        fn u16s(&mut self, n: usize) -> Vec<u16> {
            (0..n).map(|_| self.next(65535) as u16).collect()
        }
        fn u8s(&mut self, n: usize) -> Vec<u8> {
            (0..n).map(|_| self.next(255) as u8).collect()
        }
    }

    #[wasm_bindgen_test]
    fn the_vector_zone_run_equals_the_scalar_one() {
        let mut v = Values(7);
        for n in (0..=41).chain([256, 1024]) {
            for _ in 0..24 {
                let (cov, shade, gloss) = (v.u8s(n), v.u16s(n), v.u16s(n));
                let (dshade, dgloss) = (v.u8s(n), v.u8s(n));
                let run = ZoneRun {
                    coverage: &cov,
                    shade: &shade,
                    gloss: &gloss,
                    detail_shade: &dshade,
                    detail_gloss: &dgloss,
                };
                let paint = Paint {
                    color: [v.next(65535), v.next(65535), v.next(65535)],
                    gloss: v.next(256),
                };
                let planes = [v.u16s(n), v.u16s(n), v.u16s(n)];
                let [mut r, mut g, mut b] = planes.clone();
                zone_run(&mut r, &mut g, &mut b, &run, paint);
                let [mut sr, mut sg, mut sb] = planes;
                zone_run_scalar(&mut sr, &mut sg, &mut sb, &run, paint);
                assert_eq!((r, g, b), (sr, sg, sb), "run of {n}, {paint:?}");
            }
        }
    }

    #[wasm_bindgen_test]
    fn the_vector_overlay_equals_the_scalar_one() {
        let mut v = Values(11);
        for n in (0..=41).chain([1024]) {
            for _ in 0..24 {
                let (alpha, planes, src) = (v.u8s(n), [v.u16s(n), v.u16s(n), v.u16s(n)], v.u16s(n));
                let [mut r, mut g, mut b] = planes.clone();
                overlay_run([&mut r, &mut g, &mut b], [&src, &src, &src], &alpha);
                for (vector, mut scalar) in [r, g, b].into_iter().zip(planes) {
                    overlay_plane_scalar(&mut scalar, &src, &alpha);
                    assert_eq!(vector, scalar, "overlay run of {n}");
                }
            }
        }
    }
}
