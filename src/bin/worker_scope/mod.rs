//! The worker's side of the page–worker conversation, shared by the Web Workers in `src/bin/` (each declares
//! `mod worker_scope;`): answer every message the page posts, tagged with the request's `id`, and say
//! `"ready"` once listening (the page queues its requests until then). What a request holds and how it is
//! answered is each worker's business; the page's side is `src/worker.rs`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// One reply: its field's name and value (next to the request's `id`), and the buffers it moves to the page.
pub type Reply = (&'static str, JsValue, Array);

/// Answers each of the page's requests (its `data`) with `answer` for the worker's lifetime, then tells the
/// page it is ready.
pub fn serve(answer: impl Fn(&JsValue) -> Reply + 'static) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let reply = Object::new();
        let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        let (name, value, transfer) = answer(&data);
        let _ = Reflect::set(&reply, &"id".into(), &id);
        let _ = Reflect::set(&reply, &name.into(), &value);
        // Nothing to tell if even the reply cannot be posted: the page gives up on its own.
        let _ = replies.post_message_with_transfer(&reply, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker's one handler lives as long as the worker.
    on_message.forget();
    // Messages posted before the wasm was running were not heard: the page waits for this.
    let _ = scope.post_message(&"ready".into());
}
