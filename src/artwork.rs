//! Loading a view's artwork: fetch its layer files (all at once, reporting progress), then decode them into
//! [`ViewLayers`] once, and the cache that keeps decoded views and the reusable [`Frame`] between renders,
//! shared ([`SharedArtwork`]) by the preview and the order's proofs so no view is decoded twice.
//!
//! Drawing lives in [`crate::components::preview`]; this module never touches the DOM except to let the
//! browser paint before the long decode.

use crate::api;
use atelier_core::Locale;
use atelier_core::catalog::View;
use atelier_core::id::ViewId;
use atelier_core::messages;
use atelier_render::{Frame, ViewLayers};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// What the preview keeps between renders: decoding a view costs far more than compositing it.
#[derive(Default)]
pub struct ArtworkCache {
    /// Decoded views.
    pub views: HashMap<ViewId, ViewLayers>,
    /// Views whose loading has started (so a re-render does not start it twice).
    pub requested: HashSet<ViewId>,
    /// The output frame, reused while the view size stays the same.
    pub frame: Option<Frame>,
    /// Renders so far, published as `data-rendered` for tests and the bench.
    pub renders: u32,
}

/// The app's one [`ArtworkCache`], handed to whoever draws: equal only to itself, so passing it as a prop never
/// re-renders anything.
#[derive(Clone, Default)]
pub struct SharedArtwork(pub Rc<RefCell<ArtworkCache>>);

impl PartialEq for SharedArtwork {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Fetches every file of `view` concurrently, calling `progress(loaded, total)` as each arrives, then lets the
/// page paint and decodes. The error is a sentence for the shopper in `locale`.
pub async fn load_view(
    view: &View,
    locale: Locale,
    progress: impl Fn(usize, usize),
    decoding: impl FnOnce(),
) -> Result<ViewLayers, String> {
    let files = view.files();
    let total = files.len();
    let loaded = Cell::new(0usize);
    progress(0, total);
    let fetches = files.iter().map(|path| {
        let (loaded, progress) = (&loaded, &progress);
        async move {
            let bytes = api::fetch_layer(path).await;
            loaded.set(loaded.get() + 1);
            progress(loaded.get(), total);
            (path.to_string(), bytes)
        }
    });
    let mut bytes: HashMap<String, Vec<u8>> = HashMap::new();
    for (path, result) in futures::future::join_all(fetches).await {
        match result {
            Ok(b) => {
                bytes.insert(path, b);
            }
            Err(e) => return Err(e.describe(locale)),
        }
    }
    decoding();
    // Decoding blocks the main thread for a moment; show "preparing" first rather than freeze on "8 of 8".
    after_paint().await;
    let bytes = RefCell::new(bytes);
    ViewLayers::decode(view, |path| bytes.borrow_mut().remove(path)).map_err(|e| {
        messages::format(
            locale,
            "preview.decode_failed",
            &[("detail", e.to_string())],
        )
    })
}

/// Resolves after the browser has painted the current DOM (an animation frame, then a task).
async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let frame = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    let task = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(task).await;
}
