//! Preview proofs: the fingerprint of exactly the pixels a shopper saw, which the app sends with an order and
//! the shop recomputes before accepting it.
//!
//! A view's proof is the lowercase hex SHA-256 of its canonical bytes: the [`rgba`](crate::Pixels::rgba) of
//! the [`Frame`] (row-major RGBA8, opaque) of [`ViewLayers::render`] at the view's own catalog size, which is
//! the size the preview canvas shows. Because rendering is bit-identical in wasm and natively, the browser and
//! the shop hash the same bytes. This module owns only the hashing and its canonical input; which views an
//! order needs and what a well-formed proof looks like is `atelier_core::order`'s, comparing them is the shop's.
//!
//! # Example
//! ```
//! use atelier_core::Catalog;
//! use atelier_render::{ViewLayers, proof};
//! let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/");
//! let json = std::fs::read_to_string(format!("{root}catalogs/runner-one.json")).unwrap();
//! let catalog = Catalog::from_json(&json, &|_: &str| true).unwrap();
//! let layers = ViewLayers::decode(&catalog.views()[0], |p| std::fs::read(format!("{root}{p}")).ok()).unwrap();
//! let design = catalog.default_design();
//! let fonts = atelier_core::text::Fonts::default();
//! let proof = proof::render(&layers, "side", &design.validate(&catalog).unwrap(), &fonts);
//! assert_eq!(proof.len(), 64);
//! assert!(proof.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
//! ```

use crate::{Frame, ViewLayers};
use atelier_core::design::ValidDesign;
use atelier_core::text::Fonts;
use sha2::{Digest, Sha256};

/// The proof of an already rendered frame: lowercase hex SHA-256 of its RGBA bytes.
pub fn of_frame(frame: &Frame) -> String {
    hex(&Sha256::digest(frame.rgba()))
}

/// Draws `design` in `view` with `layers` (at whatever scale they were decoded) into a fresh frame of the
/// layers' size: the zones ([`ViewLayers::render`]), then the personal text ([`crate::draw_texts`]). The one
/// definition of what a view of a design looks like, for the app's proofs and the shop's proofs and images.
pub fn draw(layers: &ViewLayers, view: &str, design: &ValidDesign<'_>, fonts: &Fonts) -> Frame {
    let mut frame = Frame::new(layers.width(), layers.height());
    layers.render(design, &mut frame);
    crate::draw_texts(design, view, fonts, &mut frame);
    frame
}

/// The proof of [`draw`]: the frame is fresh, so nothing drawn earlier (another design, another view) can leak
/// into the hash.
pub fn render(layers: &ViewLayers, view: &str, design: &ValidDesign<'_>, fonts: &Fonts) -> String {
    of_frame(&draw(layers, view, design, fonts))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::hex;

    #[test]
    fn hex_is_lowercase_two_digits_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(hex(&[]), "");
    }
}
