//! sRGB ↔ linear-light lookup tables, the only place the transfer function is evaluated.
//!
//! Built once with `libm` (a pure-Rust libm, so the same bits on every target) and then used as plain integer
//! tables: 8-bit sRGB → 16-bit linear, and 14-bit linear → 8-bit sRGB. 14 bits keep distinct output values even
//! for the darkest colors (sRGB 1, 2 and 3 land on different indices), so dark navy keeps its shading.

use std::sync::OnceLock;

/// Bits of the linear → sRGB table's index.
pub const LINEAR_INDEX_BITS: u32 = 14;

/// The two transfer tables.
pub struct Luts {
    /// 8-bit sRGB value → linear light in `0..=65535`.
    pub to_linear: [u16; 256],
    /// Linear light `>> (16 - LINEAR_INDEX_BITS)` → nearest 8-bit sRGB value.
    pub to_srgb: Box<[u8; 1 << LINEAR_INDEX_BITS]>,
}

fn decode(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        libm::pow((v + 0.055) / 1.055, 2.4)
    }
}

fn encode(v: f64) -> f64 {
    if v <= 0.003_130_8 {
        v * 12.92
    } else {
        1.055 * libm::pow(v, 1.0 / 2.4) - 0.055
    }
}

/// The tables, built on first use.
pub fn luts() -> &'static Luts {
    static LUTS: OnceLock<Luts> = OnceLock::new();
    LUTS.get_or_init(|| {
        let mut to_linear = [0u16; 256];
        for (i, out) in to_linear.iter_mut().enumerate() {
            *out = libm::round(decode(i as f64 / 255.0) * 65535.0) as u16;
        }
        let n = 1usize << LINEAR_INDEX_BITS;
        let mut to_srgb = Box::new([0u8; 1 << LINEAR_INDEX_BITS]);
        for (i, out) in to_srgb.iter_mut().enumerate() {
            // The centre of the index's bucket, so rounding is symmetric.
            let linear = (i as f64 + 0.5) / n as f64;
            *out = libm::round(encode(linear) * 255.0).clamp(0.0, 255.0) as u8;
        }
        Luts { to_linear, to_srgb }
    })
}

/// Linear light → 8-bit sRGB.
#[inline]
pub fn to_srgb(linear: u16) -> u8 {
    luts().to_srgb[(linear >> (16 - LINEAR_INDEX_BITS)) as usize]
}

/// 8-bit sRGB → linear light.
#[inline]
pub fn to_linear(srgb: u8) -> u16 {
    luts().to_linear[srgb as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_byte() {
        for v in 0..=255u8 {
            assert_eq!(to_srgb(to_linear(v)), v, "sRGB {v}");
        }
    }

    #[test]
    fn known_values() {
        assert_eq!(to_linear(0), 0);
        assert_eq!(to_linear(255), 65535);
        // sRGB 128 is 21.6 % linear light.
        assert_eq!(to_linear(128), 14146);
    }
}
