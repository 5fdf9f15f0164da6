//! The text worker: a dedicated Web Worker that holds the word lists ([`WordList::shared`]) and the Unicode
//! tables their comparison form needs, so they load only for a shopper who writes personal text and stay
//! out of the page's wasm.
//!
//! trunk builds it as its own wasm (`data-type="worker"` in `index.html`, started by the
//! `text_worker_loader.js` shim trunk writes). It knows nothing of the app: it says `"ready"` once, then
//! answers each `{id, text}` with `{id, ok: true}` or `{id, refusal}` (the refusal's message key, as
//! [`atelier_core::text::wire`] writes it), or `{id, error}` when the request has no text. The text is the one
//! the core's placement check hands its word-list question (`check_placement_with`), so the verdict is exactly
//! the one the shop's `check_placement` reaches. The page's side is `src/text_worker.rs`, and the part every
//! worker shares is `worker_scope`.

mod worker_scope;

use atelier_core::text::{WordList, wire};
use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use worker_scope::Reply;

/// The reply to one request: the verdict, or why there is none.
fn answer(data: &JsValue) -> Reply {
    let Some(text) = Reflect::get(data, &"text".into())
        .ok()
        .and_then(|t| t.as_string())
    else {
        return ("error", "no text".into(), Array::new());
    };
    match wire::to_wire(&WordList::shared().check(&text)) {
        None => ("ok", JsValue::TRUE, Array::new()),
        Some(key) => ("refusal", key.into(), Array::new()),
    }
}

fn main() {
    // Parsed before the worker says it is ready, rather than on the shopper's first question.
    let _ = WordList::shared();
    worker_scope::serve(answer);
}
