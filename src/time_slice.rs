//! Long work on the page's main thread in short tasks: [`TimeSlice`] says when a task has run long enough, and
//! [`yield_to_page`] ends the task so the browser can handle input and paint before the work goes on.
//!
//! A task is kept under [`BUDGET_MS`] of wall time, whatever the device: a fast laptop does more steps per
//! task, a slow phone fewer, and neither makes a long task (over 50 ms, what Lighthouse's Total Blocking Time
//! counts). Yielding uses the browser's `scheduler.yield()` where it exists: a timer would do, but nested
//! `setTimeout`s are held back at least 4 ms each, which a few dozen slices turn into a visible wait.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Wall time one task may spend on the work before yielding: well under the 50 ms of a long task, with room
/// for the last step started before the budget ran out. Small because Lighthouse's mobile profile does not slow
/// the CPU but multiplies each task it saw by 4: a 12 ms slice counted as a 50–80 ms long task there.
pub const BUDGET_MS: f64 = 5.0;

/// The time a task started at.
pub struct TimeSlice {
    start: f64,
}

impl TimeSlice {
    /// Starts timing the current task.
    pub fn start() -> TimeSlice {
        TimeSlice { start: now() }
    }

    /// Whether the task may take another step.
    pub fn has_time(&self) -> bool {
        now() - self.start < BUDGET_MS
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Resolves in a later task, letting the browser handle input and paint in between.
pub async fn yield_to_page() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let scheduled = Reflect::get(&window, &"scheduler".into())
        .ok()
        .filter(|s| s.is_object())
        .and_then(|scheduler| {
            let f = Reflect::get(&scheduler, &"yield".into()).ok()?;
            let f = f.dyn_into::<Function>().ok()?;
            f.call0(&scheduler).ok()?.dyn_into::<Promise>().ok()
        });
    let task = scheduled.unwrap_or_else(|| {
        Promise::new(&mut |resolve, _reject| {
            let _ = window.set_timeout_with_callback(&resolve);
        })
    });
    let _: Result<JsValue, JsValue> = JsFuture::from(task).await;
}
