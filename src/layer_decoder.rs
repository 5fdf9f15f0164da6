//! The page's side of the layer decoder (`src/layer_decoder.js`, a plain-JavaScript worker trunk copies to
//! `/layer_decoder.js`): hands it a layer file and gets the file's RGBA pixels back, decoded off the main
//! thread. Starting it and matching replies are [`crate::worker`]'s. If the worker cannot serve, the caller is
//! told [`worker::Unavailable`] and decodes on the page itself ([`crate::artwork`]).

use crate::time_slice::{TimeSlice, yield_to_page};
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
    let rgba = copy_in_slices(&Uint8Array::new(&rgba)).await;
    Pixels::from_rgba(width as u32, height as u32, rgba).ok_or(DecodeError::Undecodable)
}

/// Bytes copied into wasm memory per piece: about a millisecond's work on a phone, page faults included.
const COPY_PIECE: u32 = 256 * 1024;

/// The worker's pixels copied into wasm memory (where the planes are built from them), a piece per step in
/// short tasks. One `to_vec` of a 4–8 MB file, touching that much fresh memory at once, was a 60–90 ms task
/// under a phone's CPU for every file that arrived.
async fn copy_in_slices(source: &Uint8Array) -> Vec<u8> {
    let len = source.length();
    let mut out = Vec::with_capacity(len as usize);
    let mut slice = TimeSlice::start();
    let mut at = 0;
    while at < len {
        if !slice.has_time() {
            yield_to_page().await;
            slice = TimeSlice::start();
        }
        let end = len.min(at + COPY_PIECE);
        let start = out.len();
        out.resize(start + (end - at) as usize, 0);
        source.subarray(at, end).copy_to(&mut out[start..]);
        at = end;
    }
    out
}

/// Starts the worker now, so it is listening by the time the layer files have arrived.
pub fn warm() {
    worker::warm(SCRIPT);
}
