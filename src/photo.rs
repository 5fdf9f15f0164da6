//! A shopper's photo, read on their device: checked (type and size), decoded and downscaled by the browser's
//! own image decoder (`createImageBitmap` with a resize, the fast path for a 12-megapixel JPEG), drawn to an
//! `OffscreenCanvas` for its RGBA pixels, and reduced to a palette by the core
//! ([`atelier_core::photo_palette::extract`]) in the palette worker ([`crate::photo_worker`]), so the
//! clustering never blocks the page (on the main thread only if the worker cannot run). Nothing here sends
//! anything anywhere but to that worker of the same page: the photo never leaves the device.
//!
//! The photo is resized to exactly [`SIDE`] × [`SIDE`], ignoring its aspect ratio: a palette is a set of
//! shares of the image's area, and scaling each axis by its own factor keeps every region's share of the
//! area, so one decode-and-resize call is enough (no second pass to read the photo's size first).

use crate::bitmap;
use crate::photo_worker::{self, WorkerError};
use atelier_core::photo_palette::{self, PaletteColor};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{File, ImageBitmapOptions, ResizeQuality};

/// The types the file input accepts (the browser decodes all three).
pub const ACCEPT: &str = "image/jpeg,image/png,image/webp";
/// The largest photo read: a phone's full-size photo is well under it.
pub const MAX_BYTES: f64 = 25.0 * 1024.0 * 1024.0;
/// The side of the square the photo is resized to before extraction (65,536 pixels).
pub const SIDE: u32 = 256;
/// The most palette colors asked for.
pub const PALETTE_SIZE: usize = 8;

/// Why a photo could not be used; each has a message key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// Not a JPEG, PNG or WebP.
    Type,
    /// Over [`MAX_BYTES`].
    TooLarge,
    /// The browser could not decode it.
    Decode,
}

impl PhotoError {
    /// The message key (`photo.error.*`).
    pub fn message_key(self) -> &'static str {
        match self {
            PhotoError::Type => "photo.error.type",
            PhotoError::TooLarge => "photo.error.too_large",
            PhotoError::Decode => "photo.error.decode",
        }
    }
}

/// Checks a file's declared type and size before anything is read.
pub fn check(file: &File) -> Result<(), PhotoError> {
    if !ACCEPT.split(',').any(|t| t == file.type_()) {
        return Err(PhotoError::Type);
    }
    if file.size() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    Ok(())
}

/// Where a photo being read has got to, for the progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The browser decodes and downscales it, and its pixels are read.
    Decoding,
    /// The palette worker finds its colors.
    FindingColors,
}

impl Stage {
    /// The message key (`photo.stage.*`).
    pub fn message_key(self) -> &'static str {
        match self {
            Stage::Decoding => "photo.stage.decoding",
            Stage::FindingColors => "photo.stage.colors",
        }
    }
}

/// A photo's palette with the time each step took (milliseconds, from `performance.now()`).
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    /// Largest share first.
    pub palette: Vec<PaletteColor>,
    /// Decoding and downscaling (`createImageBitmap`).
    pub decode_ms: f64,
    /// Drawing and reading the pixels back.
    pub pixels_ms: f64,
    /// Lab conversion and clustering in wasm, with the round trip to the worker.
    pub extract_ms: f64,
    /// Whether the palette worker found it (false: the main thread did, the worker being unavailable).
    pub in_worker: bool,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Records a `performance.measure` named `name` from `start` (a `performance.now()` value) to now, for the
/// bench; best effort.
pub fn measure(name: &str, start: f64) {
    // `measure(name, {start, end})` (User Timing 3) is not in web-sys' bindings; called by name.
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"start".into(), &JsValue::from_f64(start));
    let _ = js_sys::Reflect::set(&opts, &"end".into(), &JsValue::from_f64(p.now()));
    if let Ok(f) =
        js_sys::Reflect::get(&p, &"measure".into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = f.call2(&p, &name.into(), &opts);
    }
}

/// Decodes, downscales and extracts the palette of a checked file, telling `on_stage` when each stage
/// starts.
pub async fn palette_of(file: &File, on_stage: impl Fn(Stage)) -> Result<Extracted, PhotoError> {
    on_stage(Stage::Decoding);
    // The worker's wasm loads while the browser decodes.
    photo_worker::warm();
    let t0 = now();
    let options = ImageBitmapOptions::new();
    options.set_resize_width(SIDE);
    options.set_resize_height(SIDE);
    options.set_resize_quality(ResizeQuality::Medium);
    let bitmap = bitmap::decode(file, &options)
        .await
        .ok_or(PhotoError::Decode)?;
    measure("atelier:photo-decode", t0);
    let t1 = now();
    let (w, h) = (bitmap.width(), bitmap.height());
    let rgba = bitmap::pixels(&bitmap).ok_or(PhotoError::Decode);
    bitmap.close();
    let rgba = rgba?;
    measure("atelier:photo-pixels", t1);
    on_stage(Stage::FindingColors);
    let t2 = now();
    let (palette, in_worker) = match photo_worker::extract(&rgba, w, h, PALETTE_SIZE).await {
        Ok(palette) => (palette, true),
        Err(WorkerError::Refused) => return Err(PhotoError::Decode),
        // Without a worker the page still works, only frozen for the clustering's few milliseconds.
        Err(WorkerError::Unavailable) => (
            photo_palette::extract(&rgba, w, h, PALETTE_SIZE).map_err(|_| PhotoError::Decode)?,
            false,
        ),
    };
    measure("atelier:photo-extract", t2);
    let t3 = now();
    Ok(Extracted {
        palette,
        decode_ms: t1 - t0,
        pixels_ms: t2 - t1,
        extract_ms: t3 - t2,
        in_worker,
    })
}
