//! The product's first paint: each view of a catalog's default design, drawn by the shop with the very
//! function its proofs come from ([`crate::proof::draw`]) and encoded once as a lossless PNG, so the page can
//! show the product before the app's wasm has arrived and the live canvas takes over with the same pixels.
//!
//! Each view is encoded at its own size (whose pixels are exactly the canvas's) and, for small screens, at
//! [`SMALLER_WIDTHS`]: the product's surface detail (leather grain, suede nap, knit) makes a lossless 1024 px
//! view 300–450 KB, too much for a phone on a slow connection to show at once, while the preview on a phone is
//! about 280 CSS px wide. The smaller ones are the same frame scaled down (a triangle filter on its sRGB
//! values, `image`'s), which is what the browser shows of the full one at that size anyway; the page offers
//! all of them in a `srcset` and the browser picks.
//!
//! A still is named by the hash of its bytes (`{view}-{width}.{hash}.png`), so it is cached for good and a
//! new catalog or new artwork gets a new name; the page ([`crate::page`]) links the first view's. Stills are
//! made on first use and kept (about a megabyte per view in all); `main` makes them at start-up so the first
//! shopper does not wait for the encoding. Only the default design is drawn here: a design carried by the
//! address would be drawn the same way once the address can carry one.

use crate::artwork::LayersError;
use crate::catalogs::Loaded;
use atelier_core::id::ViewId;
use atelier_core::text::Fonts;
use bytes::Bytes;
use image::ImageEncoder;
use image::codecs::png::{self, CompressionType, PngEncoder};
use image::imageops::FilterType;
use sha2::{Digest, Sha256};

/// The smaller widths each view is also encoded at, for small screens (a view narrower than one has none).
pub const SMALLER_WIDTHS: [u32; 2] = [512, 768];

/// One view of a product's default design, encoded at one width.
pub struct Still {
    /// The view drawn.
    pub view: ViewId,
    /// Its width in pixels: the view's own (the canvas's pixels) or one of [`SMALLER_WIDTHS`].
    pub width: u32,
    /// The PNG file (8-bit RGB, or RGBA if translucent; no color chunks: browsers show it as sRGB, like the
    /// canvas).
    pub png: Bytes,
    /// The first 16 hex digits of the file's SHA-256: its name's version part.
    pub hash: String,
}

impl Still {
    /// The file name the route serves it under: `{view}-{width}.{hash}.png`.
    pub fn file_name(&self) -> String {
        format!("{}-{}.{}.png", self.view, self.width, self.hash)
    }

    /// The path of this still of `product`, from the shop's root.
    pub fn path(&self, product: &str) -> String {
        format!("/api/products/{product}/stills/{}", self.file_name())
    }
}

/// Why a still could not be made.
#[derive(Debug, thiserror::Error)]
pub enum StillError {
    /// The view's layers are broken (a fault of the shop's files).
    #[error(transparent)]
    Layers(#[from] LayersError),
    /// The catalog's default design does not validate (catalog validation rules this out).
    #[error("the default design of {0} does not validate")]
    Design(String),
    /// A frame's pixels do not fill its size (the renderer rules this out).
    #[error("frame pixels do not fill its size")]
    FrameSize,
    /// The PNG encoder failed (it cannot on an in-memory buffer of the right size).
    #[error("png")]
    Encode(#[source] image::ImageError),
}

/// Draws and encodes every view of `loaded`'s default design, in catalog view order, each at its own width
/// first and then at the smaller ones. Blocking: tens of milliseconds to draw and about a second to compress
/// each view.
pub fn render(loaded: &Loaded, fonts: &Fonts) -> Result<Vec<Still>, StillError> {
    let design = loaded.catalog.default_design();
    let valid = design
        .validate(&loaded.catalog)
        .map_err(|_| StillError::Design(loaded.catalog.id().0.clone()))?;
    let mut stills = Vec::new();
    for artwork in &loaded.artwork {
        let view = artwork.view();
        let layers = artwork.proof_layers()?;
        let frame = crate::proof::draw(&layers, view.id.as_str(), &valid, fonts);
        let (w, h) = (frame.width(), frame.height());
        stills.push(still(&view.id, frame.rgba(), w, h)?);
        let full =
            image::RgbaImage::from_raw(w, h, frame.rgba().to_vec()).ok_or(StillError::FrameSize)?;
        for width in SMALLER_WIDTHS.into_iter().filter(|&sw| sw < w) {
            let height = (u64::from(h) * u64::from(width) / u64::from(w)).max(1) as u32;
            let small = image::imageops::resize(&full, width, height, FilterType::Triangle);
            stills.push(still(&view.id, small.as_raw(), width, height)?);
        }
    }
    Ok(stills)
}

/// `rgba` encoded and named.
fn still(view: &ViewId, rgba: &[u8], width: u32, height: u32) -> Result<Still, StillError> {
    let png = encode(rgba, width, height)?;
    let hash = hex::encode(&Sha256::digest(&png)[..8]);
    Ok(Still {
        view: view.clone(),
        width,
        png: png.into(),
        hash,
    })
}

/// Lossless PNG at the best compression: made once and sent to every shopper on a phone, so every byte
/// saved is worth far more than the encoder's time. A frame is opaque (every view has an opaque base), so it
/// is stored as RGB, which browsers decode to the same pixels with alpha 255; a translucent one stays RGBA.
fn encode(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, StillError> {
    let opaque = rgba.chunks_exact(4).all(|p| p[3] == u8::MAX);
    let rgb: Vec<u8>;
    let (pixels, color) = if opaque {
        rgb = rgba
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        (&rgb[..], image::ExtendedColorType::Rgb8)
    } else {
        (rgba, image::ExtendedColorType::Rgba8)
    };
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Best, png::FilterType::Adaptive)
        .write_image(pixels, width, height, color)
        .map_err(StillError::Encode)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::catalogs::Catalogs;
    use sha2::{Digest, Sha256};
    use std::path::Path;

    /// The browser shows a still until the canvas draws over it: its decoded pixels must be exactly the
    /// frame the app composites for the default design, which is the frame the shop's proofs hash.
    #[test]
    fn every_still_decodes_to_the_default_designs_frame() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static");
        let catalogs = Catalogs::load(&root).expect("sample catalogs");
        for loaded in catalogs.iter() {
            let stills = loaded.stills(catalogs.fonts()).expect("stills");
            let full: Vec<_> = stills.iter().filter(|s| s.width == 1024).collect();
            assert_eq!(
                full.len(),
                loaded.catalog.views().len(),
                "{}",
                loaded.catalog.id()
            );
            assert_eq!(
                stills.len(),
                3 * full.len(),
                "each view at 512, 768 and 1024 px"
            );
            let design = loaded.catalog.default_design();
            let valid = design.validate(&loaded.catalog).expect("default validates");
            for (still, artwork) in full.into_iter().zip(&loaded.artwork) {
                let view = artwork.view();
                assert_eq!(still.view, view.id);
                let decoded = image::load_from_memory(&still.png)
                    .expect("a PNG")
                    .to_rgba8();
                let layers = artwork.proof_layers().expect("layers");
                let frame = crate::proof::draw(&layers, view.id.as_str(), &valid, catalogs.fonts());
                assert!(
                    decoded.as_raw() == frame.rgba(),
                    "{}/{}: the still's pixels differ from the frame",
                    loaded.catalog.id(),
                    view.id
                );
                assert_eq!(still.hash, hex::encode(&Sha256::digest(&still.png)[..8]));
                assert_eq!(
                    still.path(loaded.catalog.id().as_str()),
                    format!(
                        "/api/products/{}/stills/{}-1024.{}.png",
                        loaded.catalog.id(),
                        view.id,
                        still.hash
                    )
                );
            }
            for small in stills.iter().filter(|s| s.width < 1024) {
                let decoded = image::load_from_memory(&small.png).expect("a PNG");
                assert_eq!(
                    (decoded.width(), decoded.height()),
                    (small.width, small.width)
                );
                println!(
                    "{}/{}-{}: {} bytes",
                    loaded.catalog.id(),
                    small.view,
                    small.width,
                    small.png.len()
                );
            }
        }
    }
}
