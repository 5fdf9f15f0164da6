//! The layers the shop draws orders with: every catalog view's layer files decoded into
//! `atelier_render::ViewLayers`.
//!
//! Scale 1 is the view's own catalog size, the size the shopper's preview shows, so proofs are rendered from
//! it; the shop decodes it for every view at start-up ([`crate::catalogs::Catalogs::decode_artwork`]) and keeps
//! it (every order needs it), so a broken layer file stops the shop instead of the first order. Scale
//! [`PRODUCTION_SCALE`] is the factory's image: four times the pixels, about 200 MB of planes per 1024 px view,
//! and asked for rarely. So the shop keeps only the production view used last (a factory fetching a run of
//! orders of one product decodes it once); any other stays in memory only while a request is drawing with it,
//! and requests drawing the same view at the same time share one decoding. Rendering and comparing is
//! [`crate::proof`]'s; this module only decodes and caches.

use atelier_core::catalog::View;
use atelier_render::ViewLayers;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

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
    /// The production layers while anyone holds them (see [`LAST_PRODUCTION`]).
    production: Mutex<Weak<ViewLayers>>,
}

/// The production layers used last, of any view: the one production view the shop keeps in memory.
static LAST_PRODUCTION: Mutex<Option<Arc<ViewLayers>>> = Mutex::new(None);

impl ViewArtwork {
    /// `view`'s layers, read from under `static_dir` when first needed.
    pub fn new(view: View, static_dir: &Path) -> ViewArtwork {
        ViewArtwork {
            view,
            static_dir: static_dir.to_owned(),
            proof: OnceLock::new(),
            production: Mutex::new(Weak::new()),
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
    /// gets production layers. Decodes when they are not in memory (blocking, like
    /// [`ViewArtwork::proof_layers`]); see the module's notes on what is kept.
    pub fn production_layers(&self, scale: u32) -> Result<Arc<ViewLayers>, LayersError> {
        match scale {
            1 => self.proof_layers(),
            PRODUCTION_SCALE => {
                // Held while decoding: a second request for this view waits for the first one's layers
                // instead of decoding them again. A poisoned lock only means a decoding panicked; the slot is
                // still a plain `Weak`.
                let mut slot = self
                    .production
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                let layers = match slot.upgrade() {
                    Some(layers) => layers,
                    None => {
                        let layers = Arc::new(decode_at(&self.view, &self.static_dir, scale)?);
                        *slot = Arc::downgrade(&layers);
                        layers
                    }
                };
                *LAST_PRODUCTION
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = Some(layers.clone());
                Ok(layers)
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::Catalog;

    fn sample_views() -> (Vec<View>, PathBuf) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static");
        let json =
            std::fs::read_to_string(root.join("catalogs/runner-one.json")).expect("sample catalog");
        let catalog =
            Catalog::from_json(&json, &|rel: &str| root.join(rel).is_file()).expect("valid");
        (catalog.views().to_vec(), root)
    }

    /// One test, not several: they would share the process-wide last-used slot.
    #[test]
    fn only_the_production_view_used_last_stays_in_memory() {
        let (views, root) = sample_views();
        let [side, top] = [&views[0], &views[1]].map(|v| ViewArtwork::new(v.clone(), &root));

        let first = side.production_layers(PRODUCTION_SCALE).expect("decodes");
        assert_eq!(first.width(), 2 * views[0].width);
        // While a request holds them, asking again shares them rather than decoding again.
        let again = side.production_layers(PRODUCTION_SCALE).expect("decodes");
        assert!(Arc::ptr_eq(&first, &again));
        let weak_side = Arc::downgrade(&first);
        drop((first, again));
        // Used last: kept after every request let go.
        assert!(
            weak_side.upgrade().is_some(),
            "the last production view is kept"
        );

        // Another view used: the first is freed once nothing holds it.
        let other = top.production_layers(PRODUCTION_SCALE).expect("decodes");
        assert!(
            weak_side.upgrade().is_none(),
            "an earlier production view is not kept"
        );
        let weak_top = Arc::downgrade(&other);
        drop(other);
        assert!(weak_top.upgrade().is_some());

        // Scale 1 is the proof layers, always kept.
        let proof = side.production_layers(1).expect("decodes");
        assert!(Arc::ptr_eq(&proof, &side.proof_layers().expect("decodes")));
    }
}
