//! Start-up timing: each stage of bringing the product on screen is a `performance.measure` named
//! `atelier:startup:<stage>`, which `make bench` reads (`tests/e2e/startup.mjs`) and prints as
//! `startup.<stage>_ms`. Measures are cheap and the stages run once per page, so they are always on; the
//! browser's performance timeline is the only place they go.

/// The entry's name for `stage`.
fn name(stage: &str) -> String {
    format!("atelier:startup:{stage}")
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// A stage under way: [`Span::end`] records it from [`Span::start`] to now.
pub struct Span {
    stage: &'static str,
}

impl Span {
    /// Starts timing `stage`.
    pub fn start(stage: &'static str) -> Span {
        if let Some(p) = performance() {
            let _ = p.mark(&format!("{}:start", name(stage)));
        }
        Span { stage }
    }

    /// Records the stage as a measure from its start to now.
    pub fn end(self) {
        let Some(p) = performance() else {
            return;
        };
        let name = name(self.stage);
        let (start, end) = (format!("{name}:start"), format!("{name}:end"));
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(&name, &start, &end);
        // Only the measure matters.
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
}

/// Runs `f`, recorded as `stage`.
pub fn measure<T>(stage: &'static str, f: impl FnOnce() -> T) -> T {
    let span = Span::start(stage);
    let out = f();
    span.end();
    out
}

/// Runs `f`, recorded as `stage` the first time only: for work that runs again on every change, whose
/// start-up run is the one the bench reads (later ones would only grow the timeline).
pub fn first<T>(stage: &'static str, f: impl FnOnce() -> T) -> T {
    thread_local! {
        static RECORDED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let new = RECORDED.with(|r| {
        let mut r = r.borrow_mut();
        let new = !r.contains(&stage);
        if new {
            r.push(stage);
        }
        new
    });
    if new { measure(stage, f) } else { f() }
}

/// Marks `stage` as reached now.
pub fn mark(stage: &'static str) {
    if let Some(p) = performance() {
        let _ = p.mark(&name(stage));
    }
}
