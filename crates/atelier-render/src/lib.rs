//! Atelier's preview compositor: the same pixels in the shopper's browser (wasm) and at the shop (native).
//!
//! A view is a base image plus one layer per zone (shade, gloss and coverage planes, see [`layers`]) and an
//! optional overlay. [`ViewLayers::render`] tints each zone's shading with the chosen color in linear light,
//! adds the material's share of the highlights, blends by coverage and encodes back to sRGB into an RGBA
//! [`Frame`]. Every step is integer arithmetic over lookup tables ([`lut`]) built with `libm`, so no platform
//! `powf` or float rounding can make wasm and native disagree by a single byte.
//!
//! It owns turning a view's decoded layer files into planes ([`ViewLayers::from_pixels`]) and compositing; with
//! the default `png` feature it decodes the PNG files too ([`ViewLayers::decode`]). Fetching the files is the
//! caller's job, and so is decoding them when the feature is off (the browser app lets the browser decode).
//! [`proof`] is the SHA-256 both the app and the shop compute of the pixels a shopper saw.
//! Personal text is drawn onto the finished frame by [`draw_texts`] ([`text`]), with the same fonts and layout
//! the core measures with.
//!
//! # Example
//! ```
//! use atelier_core::Catalog;
//! use atelier_render::{Frame, ViewLayers};
//! let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/");
//! let json = std::fs::read_to_string(format!("{root}catalogs/runner-one.json")).unwrap();
//! let catalog = Catalog::from_json(&json, &|_: &str| true).unwrap();
//! let view = &catalog.views()[0];
//! let layers = ViewLayers::decode(view, |path| std::fs::read(format!("{root}{path}")).ok()).unwrap();
//! let design = catalog.default_design();
//! let valid = design.validate(&catalog).unwrap();
//! let mut frame = Frame::new(layers.width(), layers.height());
//! layers.render(&valid, &mut frame);
//! assert_eq!(frame.rgba().len(), (view.width * view.height * 4) as usize);
//! ```

mod composite;
mod error;
mod frame;
mod kernel;
pub mod layers;
pub mod lut;
pub mod outline;
mod pixels;
#[cfg(feature = "png")]
mod png;
mod prepared;
pub mod proof;
mod region;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd;
// Production scale decodes PNGs itself: only with the `png` feature (the shop's side).
#[cfg(feature = "png")]
pub mod scale;
pub mod surface;
pub mod text;
mod tint;

pub use error::RenderError;
pub use frame::Frame;
pub use layers::{Rect, ViewLayers};
pub use pixels::Pixels;
#[cfg(feature = "png")]
pub use png::decode_png;
pub use text::draw_texts;
pub use tint::Tint;
