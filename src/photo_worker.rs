//! The page's side of the palette worker (`src/bin/palette_worker.rs`): hands it a photo's RGBA pixels as a
//! transferred `ArrayBuffer` and turns its answer back into a palette.
//!
//! Starting the worker, numbering requests and noticing that it cannot serve are [`crate::worker`]'s; photos
//! chosen in quick succession each get their own answer. If the worker cannot start, the caller is told
//! [`WorkerError::Unavailable`] and may do the work itself; nothing here falls back on its own. Decoding the
//! photo is [`crate::photo`]'s business.

use crate::worker;
use atelier_core::photo_palette::{PaletteColor, wire};
use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// The loader trunk writes for the worker (`data-loader-shim`): it imports the worker's glue and starts its
/// wasm. Workers keep their unhashed names, so the page can name it.
const SCRIPT: &str = "/palette_worker_loader.js";

/// Why the worker gave no palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkerError {
    /// The worker could not be started or stopped working: the caller may extract on the main thread.
    Unavailable,
    /// The worker ran and refused the pixels (or answered something that is not a palette).
    Refused,
}

/// Starts the worker now if it is not running, so its wasm loads while the photo decodes.
pub fn warm() {
    worker::warm(SCRIPT);
}

/// The palette of `width` × `height` RGBA pixels, found by the worker (at most `k` colors). `rgba` is copied
/// into a buffer that is then moved to the worker, so the caller keeps its pixels (to extract them itself if
/// the worker is [`WorkerError::Unavailable`]).
pub async fn extract(
    rgba: &[u8],
    width: u32,
    height: u32,
    k: usize,
) -> Result<Vec<PaletteColor>, WorkerError> {
    let buffer = Uint8Array::from(rgba).buffer();
    let message = Object::new();
    for (name, value) in [
        ("width", JsValue::from(width)),
        ("height", height.into()),
        ("k", (k as u32).into()),
        ("rgba", buffer.clone().into()),
    ] {
        let _ = Reflect::set(&message, &name.into(), &value);
    }
    let reply = worker::ask(SCRIPT, &message, &Array::of1(&buffer))
        .await
        .map_err(|worker::Unavailable| WorkerError::Unavailable)?;
    Reflect::get(&reply, &"palette".into())
        .ok()
        .and_then(|p| p.dyn_into::<Float64Array>().ok())
        .and_then(|p| wire::from_numbers(&p.to_vec()))
        .ok_or(WorkerError::Refused)
}
