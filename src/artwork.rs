//! Loading a view's artwork: fetch its layer files (all at once, reporting progress), let the browser decode
//! them (`createImageBitmap`, see [`crate::bitmap`]), build the [`ViewLayers`] once from their pixels, and the
//! cache that keeps decoded views and the reusable [`Frame`] between renders, shared ([`SharedArtwork`]) by the
//! preview and the order's proofs so no view is decoded twice.
//!
//! The browser decodes rather than a Rust PNG decoder so the app's wasm carries none (`atelier-render` without
//! its `png` feature). The pixels stay exactly the file's: no color management, no premultiplication, and
//! every layer file is opaque (a canvas would round a translucent pixel; see `atelier_render::layers`), so the
//! preview has the same bytes as the shop's render. Drawing lives in [`crate::components::preview`]; this
//! module never touches the DOM except to let the browser paint before building the planes.

use crate::layer_decoder::{self, DecodeError};
use crate::time_slice::{TimeSlice, yield_to_page};
use crate::{api, bitmap, timing};
use atelier_core::Locale;
use atelier_core::catalog::View;
use atelier_core::id::ViewId;
use atelier_core::messages;
use atelier_render::{Frame, Pixels, RenderError, Tint, ViewLayers};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use web_sys::{Blob, ColorSpaceConversion, ImageBitmap, ImageBitmapOptions, PremultiplyAlpha};

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

/// Why a view's artwork could not be loaded. Kept as a value (in the state, in an order's failure) and put
/// into words only when shown, in the language then on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum ArtworkError {
    /// A layer file could not be fetched.
    Fetch(api::ApiError),
    /// A layer file arrived but is not a usable image: its path, the same in every language and what a
    /// retailer needs to fix it.
    Damaged(String),
}

impl ArtworkError {
    /// A sentence for the shopper in `locale`.
    pub fn describe(&self, locale: Locale) -> String {
        match self {
            ArtworkError::Fetch(e) => e.describe(locale),
            ArtworkError::Damaged(path) => {
                messages::format(locale, "preview.decode_failed", &[("detail", path.clone())])
            }
        }
    }
}

/// Fetches every file of `view` concurrently, calling `progress(loaded, total)` as each arrives, then lets the
/// page paint, decodes, and makes what a render of `tints(layers)` (the design shown) derives and keeps.
pub async fn load_view(
    view: &View,
    progress: impl Fn(usize, usize),
    decoding: impl FnOnce(),
    tints: impl FnOnce(&ViewLayers) -> Vec<Option<Tint>>,
) -> Result<ViewLayers, ArtworkError> {
    let files = view.files();
    let total = files.len();
    let loaded = Cell::new(0usize);
    progress(0, total);
    let fetching = timing::Span::start("layers_fetch");
    // The decoder starts while the files download.
    layer_decoder::warm();
    let fetches = files.iter().map(|path| {
        let (loaded, progress) = (&loaded, &progress);
        async move {
            let blob = api::fetch_layer(path).await;
            loaded.set(loaded.get() + 1);
            progress(loaded.get(), total);
            (*path, blob)
        }
    });
    let mut blobs = Vec::with_capacity(total);
    for (path, result) in futures::future::join_all(fetches).await {
        blobs.push((path, result.map_err(ArtworkError::Fetch)?));
    }
    fetching.end();
    decoding();
    // Building the planes takes a while; show "preparing" first rather than freeze on "8 of 8".
    after_paint().await;
    let damaged = |e: RenderError| ArtworkError::Damaged(e.path().unwrap_or_default().to_owned());
    // The layer decoder (a worker) decodes every file at once, off the main thread, and hands back its pixels;
    // converting each into planes and deriving what renders keep are main-thread work, done one piece per
    // task so the page stays responsive (a shopper can choose options meanwhile) and no task is long.
    let decode_span = timing::Span::start("layers_decode");
    let decodes = blobs
        .iter()
        .map(|(path, blob)| async move { (*path, decode(path, blob).await) });
    let mut pixels = HashMap::with_capacity(total);
    for (path, result) in futures::future::join_all(decodes).await {
        pixels.insert(path, result.map_err(damaged)?);
    }
    decode_span.end();
    let prepare_span = timing::Span::start("layers_prepare");
    // Each task takes steps (a band of rows of one file) until its time slice is spent.
    let mut builder = ViewLayers::builder(view);
    while !builder.is_done() {
        yield_to_page().await;
        let slice = TimeSlice::start();
        timing::measure("layer_step", || {
            while !builder.is_done() && slice.has_time() {
                builder.step(|path| pixels.get(path))?;
            }
            Ok(())
        })
        .map_err(damaged)?;
    }
    let layers = builder.finish(|path| pixels.get(path)).map_err(damaged)?;
    drop(pixels);
    let tints = tints(&layers);
    let mut more = true;
    while more {
        yield_to_page().await;
        let slice = TimeSlice::start();
        timing::measure("prepare_step", || {
            while more && slice.has_time() {
                more = layers.prepare_step(&tints);
            }
        });
    }
    prepare_span.end();
    Ok(layers)
}

/// The pixels of one layer file, exactly as stored: decoded by the layer decoder, or on the page (one file per
/// task) if the worker cannot serve.
async fn decode(path: &str, blob: &Blob) -> Result<Pixels, RenderError> {
    match layer_decoder::decode(blob).await {
        Ok(pixels) => Ok(pixels),
        Err(DecodeError::Undecodable) => Err(failed(path)),
        Err(DecodeError::Unavailable) => {
            let bitmap = decode_bitmap(path, blob).await?;
            next_task().await;
            timing::measure("layer_read", || read_pixels(path, &bitmap))
        }
    }
}

/// A layer file decoded by the browser: no color-space conversion, no premultiplication.
async fn decode_bitmap(path: &str, blob: &Blob) -> Result<ImageBitmap, RenderError> {
    let options = ImageBitmapOptions::new();
    options.set_color_space_conversion(ColorSpaceConversion::None);
    options.set_premultiply_alpha(PremultiplyAlpha::None);
    bitmap::decode(blob, &options)
        .await
        .ok_or_else(|| failed(path))
}

/// The pixels of a decoded layer file, exactly as stored.
fn read_pixels(path: &str, bitmap: &ImageBitmap) -> Result<Pixels, RenderError> {
    let (w, h) = (bitmap.width(), bitmap.height());
    let rgba = bitmap::pixels(bitmap);
    bitmap.close();
    rgba.and_then(|rgba| Pixels::from_rgba(w, h, rgba))
        .ok_or_else(|| failed(path))
}

fn failed(path: &str) -> RenderError {
    RenderError::Decode {
        path: path.to_owned(),
        detail: String::new(),
    }
}

/// Resolves in a later task, letting the browser handle input and paint in between.
async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let task = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(task).await;
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
    next_task().await;
}
