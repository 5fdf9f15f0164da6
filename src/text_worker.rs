//! The page's side of the text worker (`src/bin/text_worker.rs`): asks it for the word lists' verdict on a
//! text and reads the answer back ([`atelier_core::text::wire`]).
//!
//! The word lists and the Unicode tables they compare with live only in the worker, so the page's wasm stays
//! small and a shopper who never writes personal text never downloads them. Starting the worker, numbering
//! requests and noticing that it cannot serve are [`crate::worker`]'s. Which text to ask about, and keeping
//! the answers, is [`crate::text_checks`]'s; nothing here accepts a text when the worker cannot answer.

use crate::worker::{self, Unavailable};
use atelier_core::text::{Refusal, wire};
use js_sys::{Array, Object, Reflect};

/// The loader trunk writes for the worker (`data-loader-shim`). Workers keep their unhashed names.
const SCRIPT: &str = "/text_worker_loader.js";

/// Starts the worker now if it is not running, so its wasm loads before the shopper's first word.
pub fn warm() {
    worker::warm(SCRIPT);
}

/// The word lists' verdict on `text`, from the worker. An answer that is not a verdict counts as the worker
/// not serving: it is never read as a pass.
pub async fn check(text: &str) -> Result<Result<(), Refusal>, Unavailable> {
    let message = Object::new();
    let _ = Reflect::set(&message, &"text".into(), &text.into());
    let reply = worker::ask(SCRIPT, &message, &Array::new()).await?;
    let field = |name: &str| Reflect::get(&reply, &name.into()).ok();
    let verdict = if field("ok").and_then(|v| v.as_bool()) == Some(true) {
        wire::from_wire(None)
    } else {
        field("refusal")
            .and_then(|key| key.as_string())
            .and_then(|key| wire::from_wire(Some(&key)))
    };
    verdict.ok_or(Unavailable)
}
