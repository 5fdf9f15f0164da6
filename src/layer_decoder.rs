//! The page's side of the layer decoder (`src/layer_decoder.js`, a plain-JavaScript worker trunk copies to
//! `/layer_decoder.js`): hands it a layer file and gets the file's RGBA pixels back, decoded off the main
//! thread. Starting it and matching replies are [`crate::worker`]'s. If the worker cannot serve, the caller is
//! told [`worker::Unavailable`] and decodes on the page itself ([`crate::artwork`]).

use crate::worker;
use atelier_render::Pixels;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use web_sys::Blob;

/// The worker's script, copied by trunk as is (not hashed, so the page can name it).
const SCRIPT: &str = "/layer_decoder.js";

/// Why the worker gave no pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The worker could not be started or stopped working: decode on the page instead.
    Unavailable,
    /// The browser could not decode the file.
    Undecodable,
}

/// The pixels of `blob`, exactly as stored, decoded by the worker.
pub async fn decode(blob: &Blob) -> Result<Pixels, DecodeError> {
    let message = Object::new();
    let _ = Reflect::set(&message, &"blob".into(), blob);
    let reply = worker::ask(SCRIPT, &message, &Array::new())
        .await
        .map_err(|worker::Unavailable| DecodeError::Unavailable)?;
    let number = |name: &str| {
        Reflect::get(&reply, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    let (Some(width), Some(height)) = (number("width"), number("height")) else {
        return Err(DecodeError::Undecodable);
    };
    let rgba = Reflect::get(&reply, &"rgba".into())
        .ok()
        .and_then(|b| b.dyn_into::<ArrayBuffer>().ok())
        .ok_or(DecodeError::Undecodable)?;
    // One copy, into wasm memory: the planes are built from it there.
    let rgba = Uint8Array::new(&rgba).to_vec();
    Pixels::from_rgba(width as u32, height as u32, rgba).ok_or(DecodeError::Undecodable)
}

/// Starts the worker now, so it is listening by the time the layer files have arrived.
pub fn warm() {
    worker::warm(SCRIPT);
}
