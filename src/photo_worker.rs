//! The page's side of the palette worker (`src/bin/palette_worker.rs`): starts it on first use, hands it a
//! photo's RGBA pixels as a transferred `ArrayBuffer`, and turns its answer back into a palette.
//!
//! One worker serves the page for its lifetime; requests carry an id, so photos chosen in quick succession
//! each get their own answer. The worker's wasm loads asynchronously and does not hear messages posted before
//! it runs, so requests wait in a queue until it says `"ready"`. If the worker cannot start (no `Worker`, a
//! script that fails to load), the caller is told [`WorkerError::Unavailable`] and may do the work itself;
//! nothing here falls back on its own. Decoding the photo is [`crate::photo`]'s business.

use atelier_core::photo_palette::{PaletteColor, wire};
use js_sys::{Array, Float64Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

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
    NotStarted,
    Running(Rc<Client>),
    Broken,
}

thread_local! {
    static CLIENT: RefCell<Slot> = const { RefCell::new(Slot::NotStarted) };
}

fn running() -> Option<Rc<Client>> {
    CLIENT.with(|c| match &*c.borrow() {
        Slot::Running(client) => Some(client.clone()),
        _ => None,
    })
}

fn on_message(e: MessageEvent) {
    let Some(client) = running() else { return };
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
    let Some((resolve, reject)) = client.pending.borrow_mut().remove(&(id as u32)) else {
        return;
    };
    match Reflect::get(&data, &"palette".into()) {
        Ok(palette) if palette.is_instance_of::<Float64Array>() => {
            let _ = resolve.call1(&JsValue::NULL, &palette);
        }
        _ => {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("refused"));
        }
    }
}

/// The worker failed to load or crashed: every waiting request learns it is unavailable, and later photos
/// are not sent to it.
fn on_error(_: JsValue) {
    let old = CLIENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), Slot::Broken));
    if let Slot::Running(client) = old {
        client.worker.terminate();
        for (_, (_, reject)) in client.pending.borrow_mut().drain() {
            let _ = reject.call1(&JsValue::NULL, &JsValue::TRUE);
        }
    }
}

fn start() -> Option<Rc<Client>> {
    let worker = Worker::new(SCRIPT).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn Fn(JsValue)>::new(on_error);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
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

/// The running worker, started if it was not; `None` if it cannot run.
fn client() -> Option<Rc<Client>> {
    CLIENT.with(|c| {
        let mut slot = c.borrow_mut();
        match &*slot {
            Slot::Running(client) => Some(client.clone()),
            Slot::Broken => None,
            Slot::NotStarted => {
                let started = start();
                *slot = started.clone().map_or(Slot::Broken, Slot::Running);
                started
            }
        }
    })
}

/// Starts the worker now if it is not running, so its wasm loads while the photo decodes.
pub fn warm() {
    let _ = client();
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
    let client = client().ok_or(WorkerError::Unavailable)?;
    let id = client.next_id.get();
    client.next_id.set(id.wrapping_add(1));
    let buffer = Uint8Array::from(rgba).buffer();
    let message = Object::new();
    for (name, value) in [
        ("id", JsValue::from(id)),
        ("width", JsValue::from(width)),
        ("height", JsValue::from(height)),
        ("k", JsValue::from(k as u32)),
        ("rgba", buffer.clone().into()),
    ] {
        let _ = Reflect::set(&message, &name.into(), &value);
    }
    let mut callbacks = None;
    let promise = Promise::new(&mut |resolve, reject| callbacks = Some((resolve, reject)));
    if let Some(callbacks) = callbacks {
        client.pending.borrow_mut().insert(id, callbacks);
    }
    let transfer = Array::of1(&buffer);
    if client.ready.get() {
        if client
            .worker
            .post_message_with_transfer(&message, &transfer)
            .is_err()
        {
            client.pending.borrow_mut().remove(&id);
            return Err(WorkerError::Unavailable);
        }
    } else {
        client.queue.borrow_mut().push((message.into(), transfer));
    }
    // The client is not held across the wait: a failing worker drops it.
    drop(client);
    match JsFuture::from(promise).await {
        Ok(palette) => palette
            .dyn_into::<Float64Array>()
            .ok()
            .and_then(|p| wire::from_numbers(&p.to_vec()))
            .ok_or(WorkerError::Refused),
        Err(e) if e.is_truthy() && e.as_bool() == Some(true) => Err(WorkerError::Unavailable),
        Err(_) => Err(WorkerError::Refused),
    }
}
