//! Loading the preview's view: the first time a view is shown (and again after "Try again"), its layer files
//! are fetched and decoded into the app's artwork cache, with progress reported as [`Artwork`] actions. A view
//! decoded already (by an earlier visit or an order's proofs) is reported ready at once.

use crate::artwork::{SharedArtwork, load_view};
use crate::state::{Artwork, CatalogHandle};
use atelier_core::Design;
use atelier_core::id::ViewId;
use yew::prelude::*;

/// Loads `view` when it is first shown and whenever `retry` changes, reporting through `on_artwork`. The
/// surfaces prepared with it are those of the design on screen when the layers arrive (`design` as of the
/// latest render, not as of the request).
#[hook]
pub fn use_view_load(
    view: &ViewId,
    design: &Design,
    cache: &SharedArtwork,
    on_artwork: &Callback<(ViewId, Artwork)>,
    retry: &UseStateHandle<u32>,
) {
    let catalog = use_context::<CatalogHandle>();
    // The design on screen now, for work started earlier that finishes later (loading a view).
    let shown = use_mut_ref(|| design.clone());
    if *shown.borrow() != *design {
        *shown.borrow_mut() = design.clone();
    }
    let (cache, on_artwork) = (cache.0.clone(), on_artwork.clone());
    use_effect_with((view.clone(), **retry), move |(view_id, _)| {
        let mut c = cache.borrow_mut();
        let Some(catalog_now) = catalog.clone() else {
            return;
        };
        let Some(view) = catalog_now.view(view_id.as_str()) else {
            return;
        };
        // Decoded already (the cache outlives the preview, and an order's proofs decode views too).
        if c.views.contains_key(view_id) {
            on_artwork.emit((view_id.clone(), Artwork::Ready));
            return;
        }
        if !c.requested.insert(view_id.clone()) {
            return;
        }
        let (view, view_id, cache) = (view.clone(), view_id.clone(), cache.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let progress = |loaded, total| {
                on_artwork.emit((view_id.clone(), Artwork::Loading { loaded, total }));
            };
            let decoding = || on_artwork.emit((view_id.clone(), Artwork::Decoding));
            // What the design shown needs made before its first render (its surfaces' tiles).
            let tints = |layers: &atelier_render::ViewLayers| {
                let design = shown.borrow().clone();
                design
                    .validate(&catalog_now)
                    .map(|valid| layers.tints(&valid))
                    .unwrap_or_default()
            };
            match load_view(&view, progress, decoding, tints).await {
                Ok(layers) => {
                    cache.borrow_mut().views.insert(view_id.clone(), layers);
                    on_artwork.emit((view_id, Artwork::Ready));
                }
                Err(e) => {
                    cache.borrow_mut().requested.remove(&view_id);
                    on_artwork.emit((view_id, Artwork::Failed(e)));
                }
            }
        });
    });
}
