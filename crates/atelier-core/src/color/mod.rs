//! Color science, the same on every target: 8-bit sRGB swatches ([`Srgb8`]), linear light ([`LinearRgb`]),
//! CIE XYZ ([`Xyz`]) and CIELAB ([`Lab`]) under the D65 white point, and the CIEDE2000 color difference
//! ([`ciede2000`]).
//!
//! The arithmetic comes from the `palette` crate built without `std` and with `libm`, so the power, cube root
//! and trigonometry it needs are the same software functions in wasm and natively: the browser and the shop
//! compute bit-identical Lab values and ΔE (checked by `tests/color_agreement.rs` and `tests/wasm.rs`).
//! A crate elsewhere in the build that turns on palette's `std` feature would switch it to the platform's
//! math; that agreement test is what would notice. Photo palettes and catalog matching build on this module
//! ([`crate::photo_palette`], [`crate::color_match`]); nothing here knows about catalogs.
//!
//! # Example
//! ```
//! use atelier_core::color::{ciede2000, lab_to_srgb8, srgb8_to_lab, Srgb8};
//! let navy = Srgb8::from_hex("#1f2a48").expect("hex");
//! let lab = srgb8_to_lab(navy);
//! assert_eq!(lab_to_srgb8(lab), navy);
//! assert_eq!(ciede2000(lab, lab), 0.0);
//! ```

mod ciede2000;
mod lab;
mod linear;
mod srgb8;
mod xyz;

pub use ciede2000::ciede2000;
pub use lab::{Lab, lab_to_srgb8, srgb8_to_lab};
pub use linear::LinearRgb;
pub use srgb8::Srgb8;
pub use xyz::Xyz;
