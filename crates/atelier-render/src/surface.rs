//! Each material surface's procedural detail: a small seamless tile of two modulation planes (shade and gloss)
//! that the compositor multiplies into a zone's shading, so leather, suede, mesh and patent differ at a glance
//! even in the same color.
//!
//! Tiles are made with integer hash noise only (no floats anywhere, so wasm and native agree), once per view
//! and surface on first use ([`Surfaces`]), and repeat every [`TILE`] × scale pixels. A value of 128 means
//! "unchanged": shade `d` multiplies the artwork's albedo by `d / 128`, gloss `d` its highlight by `d / 128`.
//! Feature sizes grow with the view's scale, so a production render at 2× shows the same grain, finer drawn.
//! What the detail is laid over (the artwork, the color) is the compositor's business, not this file's.

use atelier_core::catalog::Surface;
use std::sync::OnceLock;

/// The tile's side at scale 1, in pixels: large enough that the repeat is not seen on a 1024 px view.
pub const TILE: u32 = 256;

/// One surface's detail tile: `size` × `size`, row-major.
pub(crate) struct Tile {
    pub(crate) size: usize,
    /// Albedo multiplier, 128 = 1.
    pub(crate) shade: Vec<u8>,
    /// Highlight multiplier, 128 = 1.
    pub(crate) gloss: Vec<u8>,
}

/// The tiles of one view, each made the first time a zone is painted with that surface.
pub(crate) struct Surfaces {
    scale: u32,
    tiles: [OnceLock<Tile>; Surface::ALL.len()],
}

impl Surfaces {
    /// No tile yet, for a view drawn at `scale` × the artwork's size.
    pub(crate) fn new(scale: u32) -> Surfaces {
        Surfaces {
            scale: scale.max(1),
            tiles: Default::default(),
        }
    }

    /// Whether the tile of `surface` is made.
    pub(crate) fn has(&self, surface: Surface) -> bool {
        let i = Surface::ALL.iter().position(|s| *s == surface).unwrap_or(0);
        self.tiles[i].get().is_some()
    }

    /// The tile of `surface`, made now if this is its first use.
    pub(crate) fn tile(&self, surface: Surface) -> &Tile {
        let i = Surface::ALL.iter().position(|s| *s == surface).unwrap_or(0);
        self.tiles[i].get_or_init(|| make(surface, self.scale))
    }
}

/// A well-mixed 32-bit hash of a lattice point and a seed (the `lowbias32` finalizer).
fn hash(x: u32, y: u32, seed: u32) -> u32 {
    let mut h =
        x.wrapping_mul(0x9E37_79B1) ^ y.wrapping_mul(0x85EB_CA77) ^ seed.wrapping_mul(0xC2B2_AE3D);
    h ^= h >> 16;
    h = h.wrapping_mul(0x7FEB_352D);
    h ^= h >> 15;
    h = h.wrapping_mul(0x846C_A68B);
    h ^ (h >> 16)
}

/// Hash noise in `0..=255`.
fn noise8(x: u32, y: u32, seed: u32) -> i32 {
    (hash(x, y, seed) >> 24) as i32
}

/// Smooth value noise in `0..=255` over a lattice of `cx` × `cy` pixel cells that wraps at the tile's side
/// `size` (which the cells divide), so the tile is seamless.
fn value_noise(x: u32, y: u32, cx: u32, cy: u32, size: u32, seed: u32) -> i32 {
    let (nx, ny) = (size / cx, size / cy);
    let (gx, gy) = (x / cx, y / cy);
    // Position inside the cell in 1/256 steps, eased with 3t² − 2t³ so cells do not show as facets.
    let ease = |f: u32, c: u32| -> i64 {
        let t = i64::from(f * 256 / c);
        (t * t * (768 - 2 * t)) >> 16
    };
    let (tx, ty) = (ease(x % cx, cx), ease(y % cy, cy));
    let at = |i: u32, j: u32| i64::from(noise8(i % nx, j % ny, seed));
    let top = at(gx, gy) * (256 - tx) + at(gx + 1, gy) * tx;
    let bottom = at(gx, gy + 1) * (256 - tx) + at(gx + 1, gy + 1) * tx;
    ((top * (256 - ty) + bottom * ty) >> 16) as i32
}

/// Integer square root (floor).
fn isqrt(v: u32) -> u32 {
    if v < 2 {
        return v;
    }
    let mut x = v;
    let mut y = x.div_ceil(2);
    while y < x {
        x = y;
        y = (x + v / x) / 2;
    }
    x
}

fn clamp8(v: i32) -> u8 {
    v.clamp(0, 255) as u8
}

/// Makes `surface`'s tile at `scale`.
fn make(surface: Surface, scale: u32) -> Tile {
    let size = TILE * scale;
    let n = (size * size) as usize;
    let mut shade = vec![128u8; n];
    let mut gloss = vec![128u8; n];
    for y in 0..size {
        for x in 0..size {
            let i = (y * size + x) as usize;
            let (s, g) = texel(surface, x, y, size, scale);
            shade[i] = clamp8(s);
            gloss[i] = clamp8(g);
        }
    }
    Tile {
        size: size as usize,
        shade,
        gloss,
    }
}

/// The detail at tile pixel (`x`, `y`): `(shade, gloss)`, 128 = unchanged.
fn texel(surface: Surface, x: u32, y: u32, size: u32, scale: u32) -> (i32, i32) {
    match surface {
        Surface::Smooth => (128, 128),
        // A faint powdery speckle and soft, spread highlights.
        Surface::Matte => (124 + (noise8(x, y, 11) - 128) / 40, 70),
        Surface::Leather => leather(x, y, size, scale),
        Surface::Suede => suede(x, y, size, scale),
        Surface::Mesh => mesh(x, y, scale),
        // Deeper color under a mirror coat: stronger highlights, no grain at all.
        Surface::Patent => (116, 215),
        Surface::Woven => woven(x, y, scale),
        Surface::Brushed => brushed(x, y, size, scale),
        Surface::Glass => glass(x, y, size),
    }
}

/// Pebbled grain: cellular noise (distance to the nearest and second-nearest of jittered points), so each
/// pebble is a dome lit from the upper left with a crease around it, and highlights break up on the domes.
fn leather(x: u32, y: u32, size: u32, scale: u32) -> (i32, i32) {
    let cell = 8 * scale;
    let cells = size / cell;
    let (cx, cy) = (x / cell, y / cell);
    let (mut d1, mut d2) = (u32::MAX, u32::MAX);
    let (mut near_dx, mut near_dy) = (0i32, 0i32);
    for j in 0..3u32 {
        for i in 0..3u32 {
            // Neighbour cells, wrapping around the tile so it stays seamless.
            let (ncx, ncy) = ((cx + cells + i - 1) % cells, (cy + cells + j - 1) % cells);
            let h = hash(ncx, ncy, 23);
            let px = (cx + i) as i32 * cell as i32 - cell as i32 + ((h & 0xFF) * cell / 256) as i32;
            let py = (cy + j) as i32 * cell as i32 - cell as i32
                + (((h >> 8) & 0xFF) * cell / 256) as i32;
            let (dx, dy) = (x as i32 - px, y as i32 - py);
            let d = (dx * dx + dy * dy) as u32;
            if d < d1 {
                d2 = d1;
                d1 = d;
                (near_dx, near_dy) = (dx, dy);
            } else if d < d2 {
                d2 = d;
            }
        }
    }
    // Distance to the border between two pebbles, in 1/16 pixel at scale 1.
    let edge = ((isqrt(d2 * 256) - isqrt(d1 * 256)) / scale) as i32;
    let crease = (24 - edge).max(0) * 9 / 24;
    // Dome shading: brighter on the side facing the light (upper left).
    let facing = -(near_dx + near_dy) * 10 / cell as i32;
    let fine = (noise8(x, y, 29) - 128) / 32;
    let shade = 128 + facing - crease + fine;
    let gloss = 132 + facing * 4 - crease * 6;
    (shade, gloss)
}

/// Nap: fine fibre noise over soft, patchy brushing; highlights all but gone.
fn suede(x: u32, y: u32, size: u32, scale: u32) -> (i32, i32) {
    let fibre = (noise8(x / scale, y / scale, 31) - 128) / 11;
    let patch = (value_noise(x, y, 32 * scale, 32 * scale, size, 37) - 128) / 9;
    let streak = (value_noise(x, y, 4 * scale, 16 * scale, size, 41) - 128) / 16;
    (126 + fibre + patch + streak, 30 + patch)
}

/// Knit mesh: staggered rows of rounded holes, each with a lit rim of yarn, anti-aliased at its edge.
fn mesh(x: u32, y: u32, scale: u32) -> (i32, i32) {
    // Periods divide the tile, so the staggered rows meet themselves across the wrap.
    let (pw, ph) = (8 * scale, 8 * scale);
    let row = y / ph;
    let shift = if row % 2 == 1 { pw / 2 } else { 0 };
    // Position relative to the hole's centre, in 1/16 pixel at scale 1.
    let u = (((x + shift) % pw) * 16 / scale) as i32 - (pw * 8 / scale) as i32;
    let v = ((y % ph) * 16 / scale) as i32 - (ph * 8 / scale) as i32;
    // Elliptical distance: 256 at the hole's rim (2.5 px wide, 1.9 px high at scale 1).
    let r =
        isqrt(((u * u) as u32 * 256 / (40 * 40)) + ((v * v) as u32 * 256 / (30 * 30))) as i32 * 16;
    // 0 inside the hole, 256 on the yarn, a ramp of about one pixel between: the edge is anti-aliased.
    let yarn = ((r - 200) * 256 / 96).clamp(0, 256);
    // The yarn bulges: brightest a little way out from the hole, darker where loops meet.
    let bulge = (256 - (r - 360).abs()).clamp(0, 256) / 16;
    let shade = 50 + yarn * 78 / 256 + bulge * yarn / 256;
    let gloss = yarn * 120 / 256 + bulge * 2;
    (shade, gloss)
}

/// A woven cord: a 2/2 twill of threads running on the diagonal, each thread round (lit in its middle).
fn woven(x: u32, y: u32, scale: u32) -> (i32, i32) {
    let p = 4 * scale;
    let along = (x + y) % p;
    // Triangle profile across the thread, 0 at its edges and p/2 in the middle.
    let round = (p / 2) as i32 - ((2 * along) as i32 - p as i32).abs() / 2;
    // `x + 2¹⁶ − y` stays positive on any tile (they are far smaller).
    let over = ((x + (1 << 16) - y) / (2 * p)).is_multiple_of(2);
    let lift = if over { 6 } else { -6 };
    let shade = 112 + round * 28 / p as i32 + lift + (noise8(x, y, 43) - 128) / 40;
    (shade, 96 + round * 64 / p as i32)
}

/// Brushed metal: streaks that run along x, long in x and one pixel fine in y, in both the shade and (much more)
/// the highlights, so the sheen is anisotropic.
fn brushed(x: u32, y: u32, size: u32, scale: u32) -> (i32, i32) {
    let fine = value_noise(x, y / scale, 64 * scale, 1, size, 53) - 128;
    let broad = value_noise(x, y, 128 * scale, 8 * scale, size, 59) - 128;
    let shade = 128 + fine / 12 + broad / 16;
    let gloss = 150 + fine * 3 / 4 + broad / 3;
    (shade, gloss)
}

/// Glass over color: smooth, a little deeper, with broad diagonal bands of reflection in the highlights.
fn glass(x: u32, y: u32, size: u32) -> (i32, i32) {
    let band = value_noise((x + y) % size, 0, size / 4, 1, size, 61) - 128;
    (122, 190 + band / 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tile_is_seamless_and_not_flat() {
        for surface in Surface::ALL {
            let t = make(surface, 1);
            let size = t.size;
            // Across the wrap, neighbours differ no more than neighbours inside do (no hard seam).
            let max_step = |f: &dyn Fn(usize) -> (usize, usize)| {
                (0..size)
                    .map(|k| {
                        let (a, b) = f(k);
                        (i32::from(t.shade[a]) - i32::from(t.shade[b])).abs()
                    })
                    .max()
                    .unwrap_or(0)
            };
            let inside = max_step(&|k| (k * size + size / 2 - 1, k * size + size / 2));
            let wrap = max_step(&|k| (k * size + size - 1, k * size));
            assert!(
                wrap <= inside.max(8) + 8,
                "{surface:?}: seam step {wrap} vs {inside} inside"
            );
            let (lo, hi) = (
                t.shade.iter().min().copied().unwrap_or(0),
                t.shade.iter().max().copied().unwrap_or(0),
            );
            let least = match surface {
                Surface::Smooth | Surface::Patent | Surface::Glass => 0,
                Surface::Matte => 4,
                _ => 12,
            };
            assert!(
                hi - lo >= least,
                "{surface:?} shows some detail ({lo}..{hi})"
            );
        }
    }

    #[test]
    fn isqrt_is_the_floor_of_the_root() {
        for v in (0..100_000u32).chain([u32::MAX, u32::MAX - 1, 1 << 30]) {
            let r = u64::from(isqrt(v));
            assert!(
                r * r <= u64::from(v) && (r + 1) * (r + 1) > u64::from(v),
                "{v}"
            );
        }
    }
}
