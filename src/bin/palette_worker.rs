//! The palette worker: a dedicated Web Worker that runs [`atelier_core::photo_palette::extract`] off the
//! page's main thread, so a photo's clustering never freezes the page.
//!
//! trunk builds it as its own small wasm (`data-type="worker"` in `index.html`, started by the
//! `palette_worker_loader.js` shim trunk writes). It knows nothing of the app: it says `"ready"` once, then
//! answers each `{id, width, height, k, rgba}` (the RGBA pixels as a transferred `ArrayBuffer`) with
//! `{id, palette}` (a transferred `Float64Array` in [`atelier_core::photo_palette::wire`]'s layout) or
//! `{id, error}`. Decoding the photo and reading its pixels stay with the page (`src/photo.rs`); the page's
//! side of the conversation is `src/photo_worker.rs`, and the part every worker shares is `worker_scope`.

mod worker_scope;

use atelier_core::photo_palette::{self, wire};
use js_sys::{Array, ArrayBuffer, Float64Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

/// The most colors asked for, whatever a request says (as [`photo_palette::extract`] caps it too).
const MAX_K: f64 = photo_palette::MAX_K as f64;

fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(data, &name.into()).ok()
}

fn number(data: &JsValue, name: &str) -> Option<f64> {
    field(data, name)?.as_f64()
}

/// The reply to one request: the palette's numbers, or why there are none.
fn answer(data: &JsValue) -> Result<Vec<f64>, String> {
    let size = |name| {
        number(data, name)
            .filter(|v| v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(v))
            .map(|v| v as u32)
            .ok_or_else(|| format!("bad {name}"))
    };
    let (width, height) = (size("width")?, size("height")?);
    let k = number(data, "k")
        .filter(|k| (1.0..=MAX_K).contains(k))
        .ok_or("bad k")? as usize;
    let buffer: ArrayBuffer = field(data, "rgba")
        .and_then(|b| b.dyn_into().ok())
        .ok_or("no pixels")?;
    let rgba = Uint8Array::new(&buffer).to_vec();
    photo_palette::extract(&rgba, width, height, k)
        .map(|palette| wire::to_numbers(&palette))
        .map_err(|e| e.to_string())
}

fn main() {
    worker_scope::serve(|data| match answer(data) {
        Ok(numbers) => {
            let palette = Float64Array::from(numbers.as_slice());
            let transfer = Array::of1(&palette.buffer());
            ("palette", palette.into(), transfer)
        }
        Err(message) => ("error", message.into(), Array::new()),
    });
}
