//! The page's side of a dedicated Web Worker that trunk builds from `src/bin/` (`data-type="worker"` in
//! `index.html`): starts it on first use, numbers the requests, hands each reply back to the request that
//! asked, and says when the worker cannot serve.
//!
//! One worker per script serves the page for its lifetime. Its wasm loads asynchronously and does not hear
//! messages posted before it runs, so requests wait in a queue until it says `"ready"`. If it cannot start (no
//! `Worker`, a script that fails to load, no `"ready"` within [`READY_WITHIN_MS`]) or fails later, every
//! waiting request and every later one gets [`Unavailable`]; nothing here falls back on its own. What a
//! request and its reply hold is the caller's business ([`crate::photo_worker`], [`crate::text_worker`]).

use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// How long a worker may take to load and say `"ready"` before the page stops waiting for it.
pub const READY_WITHIN_MS: i32 = 20_000;

/// The worker could not be started or stopped working: the caller decides what to do without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

struct Client {
    worker: Worker,
    ready: Cell<bool>,
    /// Requests posted before the worker was ready: the message and what it transfers.
    queue: RefCell<Vec<(JsValue, Array)>>,
    /// Each request's promise's `resolve` and `reject`, by id.
    pending: RefCell<HashMap<u32, (Function, Function)>>,
    next_id: Cell<u32>,
    // Kept alive with the worker they listen to.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(JsValue)>,
}

enum Slot {
    Running(Rc<Client>),
    Broken,
}

thread_local! {
    /// Each worker by its loader script; a script not in the map has not been started.
    static CLIENTS: RefCell<HashMap<&'static str, Slot>> = RefCell::new(HashMap::new());
}

fn running(script: &str) -> Option<Rc<Client>> {
    CLIENTS.with(|c| match c.borrow().get(script) {
        Some(Slot::Running(client)) => Some(client.clone()),
        _ => None,
    })
}

fn on_message(script: &str, e: MessageEvent) {
    let Some(client) = running(script) else {
        return;
    };
    let data = e.data();
    if data.as_string().as_deref() == Some("ready") {
        client.ready.set(true);
        for (message, transfer) in client.queue.borrow_mut().drain(..) {
            let _ = client
                .worker
                .post_message_with_transfer(&message, &transfer);
        }
        return;
    }
    let Some(id) = Reflect::get(&data, &"id".into())
        .ok()
        .and_then(|v| v.as_f64())
    else {
        return;
    };
    if let Some((resolve, _)) = client.pending.borrow_mut().remove(&(id as u32)) {
        let _ = resolve.call1(&JsValue::NULL, &data);
    }
}

/// The worker failed to load, crashed or never said `"ready"`: every waiting request learns it is
/// unavailable, and later ones are not sent to it.
fn fail(script: &'static str) {
    let old = CLIENTS.with(|c| c.borrow_mut().insert(script, Slot::Broken));
    if let Some(Slot::Running(client)) = old {
        client.worker.terminate();
        for (_, (_, reject)) in client.pending.borrow_mut().drain() {
            let _ = reject.call0(&JsValue::NULL);
        }
    }
}

fn start(script: &'static str) -> Option<Rc<Client>> {
    let worker = Worker::new(script).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e| on_message(script, e));
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |_| fail(script));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // A worker whose wasm fails to start raises no error on this side: it just never says "ready".
    let give_up = Closure::once_into_js(move || {
        if running(script).is_some_and(|c| !c.ready.get()) {
            fail(script);
        }
    });
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            give_up.unchecked_ref(),
            READY_WITHIN_MS,
        )
        .ok()?;
    Some(Rc::new(Client {
        worker,
        ready: Cell::new(false),
        queue: RefCell::new(Vec::new()),
        pending: RefCell::new(HashMap::new()),
        next_id: Cell::new(0),
        _on_message: on_message,
        _on_error: on_error,
    }))
}

/// The running worker of `script`, started if it was not; `None` if it cannot run.
fn client(script: &'static str) -> Option<Rc<Client>> {
    CLIENTS.with(|c| {
        let mut clients = c.borrow_mut();
        match clients.get(script) {
            Some(Slot::Running(client)) => Some(client.clone()),
            Some(Slot::Broken) => None,
            None => {
                let started = start(script);
                let slot = started.clone().map_or(Slot::Broken, Slot::Running);
                clients.insert(script, slot);
                started
            }
        }
    })
}

/// Starts the worker of `script` now if it is not running, so its wasm loads before the first request.
pub fn warm(script: &'static str) {
    let _ = client(script);
}

/// Sends `message` (an object; its `id` field is set here) to the worker of `script`, moving `transfer`'s
/// buffers to it, and returns the worker's reply to it (the reply's whole `data`).
pub async fn ask(
    script: &'static str,
    message: &Object,
    transfer: &Array,
) -> Result<JsValue, Unavailable> {
    let client = client(script).ok_or(Unavailable)?;
    let id = client.next_id.get();
    client.next_id.set(id.wrapping_add(1));
    let _ = Reflect::set(message, &"id".into(), &id.into());
    let mut callbacks = None;
    let promise = Promise::new(&mut |resolve, reject| callbacks = Some((resolve, reject)));
    if let Some(callbacks) = callbacks {
        client.pending.borrow_mut().insert(id, callbacks);
    }
    if client.ready.get() {
        if client
            .worker
            .post_message_with_transfer(message, transfer)
            .is_err()
        {
            client.pending.borrow_mut().remove(&id);
            return Err(Unavailable);
        }
    } else {
        client
            .queue
            .borrow_mut()
            .push((message.clone().into(), transfer.clone()));
    }
    // The client is not held across the wait: a failing worker drops it.
    drop(client);
    JsFuture::from(promise).await.map_err(|_| Unavailable)
}
