//! The layers the shop draws orders with: every catalog view's layer files decoded into
//! `atelier_render::ViewLayers`, once per (view, scale), and kept for the life of the process.
//!
//! Scale 1 is the view's own catalog size, the size the shopper's preview shows, so proofs are rendered from
//! it; the shop decodes it for every view at start-up ([`crate::catalogs::Catalogs::decode_artwork`]), so a
//! broken layer file stops the shop instead of the first order. Scale [`PRODUCTION_SCALE`] is the factory's
//! image, decoded the first time a production preview is asked for. Rendering and comparing is
//! [`crate::proof`]'s; this module only decodes and caches.

use atelier_core::catalog::View;
use atelier_render::ViewLayers;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The scale of the production preview: 2 × the view's catalog size (2048 px for today's 1024 px views).
pub const PRODUCTION_SCALE: u32 = 2;

/// Why a view's layers at some scale are not available.
#[derive(Clone, Debug, thiserror::Error)]
pub enum LayersError {
    /// A layer file is missing or broken (a fault of the shop's files, not of any request).
    #[error("{0}")]
    Broken(String),
}

/// One view's layers, decoded on first use at each scale the shop serves.
pub struct ViewArtwork {
    view: View,
    static_dir: PathBuf,
    proof: OnceLock<Result<Arc<ViewLayers>, LayersError>>,
    production: OnceLock<Result<Arc<ViewLayers>, LayersError>>,
}

impl ViewArtwork {
    /// `view`'s layers, read from under `static_dir` when first needed.
    pub fn new(view: View, static_dir: &Path) -> ViewArtwork {
        ViewArtwork {
            view,
            static_dir: static_dir.to_owned(),
            proof: OnceLock::new(),
            production: OnceLock::new(),
        }
    }

    /// The view.
    pub fn view(&self) -> &View {
        &self.view
    }

    /// The layers at the view's catalog size, the proof's resolution. Decodes on the first call (blocking:
    /// call it off the async runtime, or at start-up).
    pub fn proof_layers(&self) -> Result<Arc<ViewLayers>, LayersError> {
        self.proof
            .get_or_init(|| decode_at(&self.view, &self.static_dir, 1).map(Arc::new))
            .clone()
    }

    /// The layers at `scale` (1 or [`PRODUCTION_SCALE`]; the route refuses any other): the one way the shop
    /// gets production layers. Decodes on the first call and keeps the result (blocking, like
    /// [`ViewArtwork::proof_layers`]).
    pub fn production_layers(&self, scale: u32) -> Result<Arc<ViewLayers>, LayersError> {
        match scale {
            1 => self.proof_layers(),
            PRODUCTION_SCALE => self
                .production
                .get_or_init(|| decode_at(&self.view, &self.static_dir, scale).map(Arc::new))
                .clone(),
            // Not a scale the route serves: decoded each time, never kept.
            other => decode_at(&self.view, &self.static_dir, other).map(Arc::new),
        }
    }
}

/// Decodes `view`'s layer files at `scale` × its catalog size.
fn decode_at(view: &View, static_dir: &Path, scale: u32) -> Result<ViewLayers, LayersError> {
    let file = |rel: &str| std::fs::read(static_dir.join(rel)).ok();
    ViewLayers::decode_scaled(view, file, scale)
        .map_err(|e| LayersError::Broken(format!("view {}: {e}", view.id)))
}
