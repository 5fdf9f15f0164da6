//! What a view derives from its layers on first use and keeps, so renders do only per-design work: the
//! surface detail tiles, each zone's covered span on every row, the runs of each row where a zone can show
//! (covered, and not hidden under a fully opaque zone above it or the overlay), the runs where the overlay
//! shows at all, and the "still" — the view with no zone painted, encoded — which is what every pixel outside
//! the painted zones shows.
//!
//! Each is made lazily (a view whose zones are never painted in leather never makes the leather tile) and
//! behind a `OnceLock`, so a decoded view can be shared between threads (the shop renders proofs in a pool).

use crate::layers::{Rect, ViewLayers};
use crate::surface::Surfaces;
use std::sync::OnceLock;

/// The covered columns of one row, `x0..x1` (empty when `x0 >= x1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) x0: u32,
    pub(crate) x1: u32,
}

impl Span {
    pub(crate) fn is_empty(self) -> bool {
        self.x0 >= self.x1
    }

    pub(crate) fn intersect(self, x0: u32, x1: u32) -> Span {
        Span {
            x0: self.x0.max(x0),
            x1: self.x1.min(x1),
        }
    }

    pub(crate) fn union(self, other: Span) -> Span {
        if self.is_empty() {
            other
        } else if other.is_empty() {
            self
        } else {
            Span {
                x0: self.x0.min(other.x0),
                x1: self.x1.max(other.x1),
            }
        }
    }
}

/// A view's derived data (see the module docs).
pub(crate) struct Prepared {
    pub(crate) surfaces: Surfaces,
    still: OnceLock<Vec<u8>>,
    spans: OnceLock<Vec<Vec<Span>>>,
    /// Per zone, so preparing them is one zone per step (all at once was the longest step at start-up).
    runs: Box<[OnceLock<Vec<Vec<Span>>>]>,
    overlay_runs: OnceLock<Vec<Vec<Span>>>,
}

impl Prepared {
    /// Nothing made yet, for a view of `zones` zones drawn at `scale` × its artwork's size.
    pub(crate) fn new(scale: u32, zones: usize) -> Prepared {
        Prepared {
            surfaces: Surfaces::new(scale),
            still: OnceLock::new(),
            spans: OnceLock::new(),
            runs: (0..zones).map(|_| OnceLock::new()).collect(),
            overlay_runs: OnceLock::new(),
        }
    }
}

/// The covered span of each row of `bounds` in a `width`-wide coverage plane.
pub(crate) fn spans_of(coverage: &[u8], width: u32, bounds: Rect) -> Vec<Span> {
    (bounds.y0..bounds.y1)
        .map(|y| {
            let row = (y * width) as usize;
            let cells = &coverage[row + bounds.x0 as usize..row + bounds.x1 as usize];
            match cells.iter().position(|&a| a != 0) {
                None => Span::default(),
                Some(first) => {
                    let last = cells.iter().rposition(|&a| a != 0).unwrap_or(first);
                    Span {
                        x0: bounds.x0 + first as u32,
                        x1: bounds.x0 + last as u32 + 1,
                    }
                }
            }
        })
        .collect()
}

/// Hidden stretches shorter than this stay inside a run (visiting a few hidden pixels costs less than a cut).
const MIN_GAP: u32 = 16;

/// The runs of `span` that are not `hidden`, with short gaps kept.
fn runs_of(span: Span, hidden: impl Fn(u32) -> bool) -> Vec<Span> {
    let mut runs: Vec<Span> = Vec::new();
    let mut x = span.x0;
    while x < span.x1 {
        if hidden(x) {
            x += 1;
            continue;
        }
        let start = x;
        while x < span.x1 && !hidden(x) {
            x += 1;
        }
        match runs.last_mut() {
            Some(last) if start - last.x1 < MIN_GAP => last.x1 = x,
            _ => runs.push(Span { x0: start, x1: x }),
        }
    }
    runs
}

impl ViewLayers {
    /// Each zone's covered span per row of its bounds (zone order).
    pub(crate) fn zone_spans(&self) -> &[Vec<Span>] {
        self.prepared.spans.get_or_init(|| {
            self.zones
                .iter()
                .map(|z| spans_of(&z.coverage, self.width, z.bounds))
                .collect()
        })
    }

    /// Zone `i`'s runs per row of its bounds: the columns where it can show when every zone above it is
    /// painted. A pixel that a zone above covers fully (or the overlay does) ends up exactly that zone's (or the
    /// overlay's) color whatever is below, so compositing it for this zone is wasted work. Gaps shorter than
    /// [`MIN_GAP`] are not cut out, so a run is never split into slivers.
    pub(crate) fn zone_runs(&self, i: usize) -> &[Vec<Span>] {
        self.prepared.runs[i].get_or_init(|| {
            let spans = &self.zone_spans()[i];
            let w = self.width as usize;
            let zone = &self.zones[i];
            let above = &self.zones[i + 1..];
            (zone.bounds.y0..zone.bounds.y1)
                .map(|y| {
                    let span = spans[(y - zone.bounds.y0) as usize];
                    let row = y as usize * w;
                    let hidden = |x: u32| {
                        let at = row + x as usize;
                        zone.coverage[at] == 0
                            || above.iter().any(|z| z.coverage[at] == 255)
                            || self.overlay.as_ref().is_some_and(|o| o.alpha[at] == 255)
                    };
                    runs_of(span, hidden)
                })
                .collect()
        })
    }

    /// Per row of the overlay's bounds, the runs of columns where it shows (alpha above 0), gaps shorter than
    /// [`MIN_GAP`] kept. Elsewhere blending it changes nothing (a weight of 0 leaves a pixel exactly as it
    /// was), and an overlay is mostly empty: stitching, eyelets, shadows. Empty without an overlay.
    pub(crate) fn overlay_runs(&self) -> &[Vec<Span>] {
        self.prepared.overlay_runs.get_or_init(|| {
            let Some(overlay) = &self.overlay else {
                return Vec::new();
            };
            let (w, b) = (self.width as usize, overlay.bounds);
            (b.y0..b.y1)
                .map(|y| {
                    let row = y as usize * w;
                    let span = Span { x0: b.x0, x1: b.x1 };
                    runs_of(span, |x| overlay.alpha[row + x as usize] == 0)
                })
                .collect()
        })
    }

    /// The encoded view with no zone painted.
    pub(crate) fn still(&self) -> &[u8] {
        self.prepared.still.get_or_init(|| self.render_still())
    }

    /// Makes the next piece a render of `tints` would make on first use (each zone's spans, their runs, the
    /// overlay's runs, the unpainted view, each surface tile `tints` use), one per call; `false` once nothing
    /// is left to make. Rendering makes whatever is missing itself, so this is only for a caller that must
    /// keep every task short (the browser's main thread, which lets the page respond between calls).
    pub fn prepare_step(&self, tints: &[Option<crate::Tint>]) -> bool {
        let p = &self.prepared;
        if p.spans.get().is_none() {
            self.zone_spans();
        } else if let Some(i) = p.runs.iter().position(|r| r.get().is_none()) {
            self.zone_runs(i);
        } else if p.overlay_runs.get().is_none() {
            self.overlay_runs();
        } else if p.still.get().is_none() {
            self.still();
        } else if let Some(surface) = tints
            .iter()
            .flatten()
            .map(|t| t.surface)
            .find(|&s| !p.surfaces.has(s))
        {
            p.surfaces.tile(surface);
        } else {
            return false;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_skip_long_hidden_stretches_only() {
        let span = Span { x0: 0, x1: 100 };
        // Hidden: 10..20 (short gap, kept) and 40..80 (long, cut); 95.. hidden at the end.
        let hidden = |x: u32| (10..20).contains(&x) || (40..80).contains(&x) || x >= 95;
        assert_eq!(
            runs_of(span, hidden),
            vec![Span { x0: 0, x1: 40 }, Span { x0: 80, x1: 95 }]
        );
        assert_eq!(runs_of(span, |_| true), vec![]);
        assert_eq!(runs_of(span, |_| false), vec![span]);
    }
}
