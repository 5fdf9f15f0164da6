//! Generated RGBA images with known colors, for palette tests and the palette benchmark: deterministic for a
//! seed, so the browser build and the native build see the very same pixels.
//!
//! [`blocks`] paints known colors in known proportions with random specks on top (what a test can check
//! against); [`room_photo`] paints a rough kitchen: wall, floor, cabinets and a window, with gradients and
//! sensor-like noise (what a benchmark should chew on). Not for shoppers' eyes.

use crate::color::Srgb8;

/// xorshift64*, the same on every target.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        ((self.next() >> 32) * n) >> 32
    }
}

/// A `width × height` RGBA image (opaque) painted in horizontal bands of `colors`, each taking its share of the
/// pixels (shares should add up to 1; the last band takes the rest), then `speck_share` of all pixels,
/// chosen at random, repainted in random colors.
pub fn blocks(
    width: u32,
    height: u32,
    colors: &[(Srgb8, f64)],
    speck_share: f64,
    seed: u64,
) -> Vec<u8> {
    let n = width as usize * height as usize;
    let mut out = Vec::with_capacity(n * 4);
    let mut band = 0;
    let mut end = 0.0;
    for i in 0..n {
        while band + 1 < colors.len() && i as f64 >= end + colors[band].1 * n as f64 {
            end += colors[band].1 * n as f64;
            band += 1;
        }
        let c = colors.get(band).map_or(Srgb8 { r: 0, g: 0, b: 0 }, |c| c.0);
        out.extend_from_slice(&[c.r, c.g, c.b, 255]);
    }
    let mut rng = Rng(seed | 1);
    let specks = (speck_share * n as f64).round() as usize;
    for _ in 0..specks {
        let i = rng.below(n as u64) as usize * 4;
        let v = rng.next();
        out[i..i + 3].copy_from_slice(&[v as u8, (v >> 8) as u8, (v >> 16) as u8]);
    }
    out
}

/// A `width × height` RGBA "kitchen photo": a warm wall lit from the left, a wooden floor, sage cabinets with
/// darker toe kicks, a pale blue window; every pixel with ±8 of noise per channel.
pub fn room_photo(width: u32, height: u32, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed | 1);
    let mut out = Vec::with_capacity(width as usize * height as usize * 4);
    let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)));
    for y in 0..height {
        for x in 0..width {
            let (u, v) = (f64::from(x) / w, f64::from(y) / h);
            let light = 1.0 - 0.25 * u; // A window on the left.
            let base: [f64; 3] = if v > 0.75 {
                // Floor: oak, darker towards the viewer.
                let d = 1.0 - 0.3 * (v - 0.75) / 0.25;
                [150.0 * d, 105.0 * d, 70.0 * d]
            } else if (0.08..0.3).contains(&u) && (0.1..0.45).contains(&v) {
                [200.0, 222.0, 238.0] // Window.
            } else if v > 0.45 && u > 0.35 {
                if v > 0.7 {
                    [60.0, 70.0, 62.0] // Toe kick.
                } else {
                    [138.0 * light, 160.0 * light, 140.0 * light] // Cabinets.
                }
            } else {
                [236.0 * light, 226.0 * light, 208.0 * light] // Wall.
            };
            let mut px = [0u8; 4];
            for (o, b) in px.iter_mut().zip(base) {
                let noise = rng.below(17) as f64 - 8.0;
                *o = (b + noise).clamp(0.0, 255.0) as u8;
            }
            px[3] = 255;
            out.extend_from_slice(&px);
        }
    }
    out
}
