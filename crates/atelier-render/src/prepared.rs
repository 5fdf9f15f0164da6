//! What a view derives from its layers on first use and keeps, so renders do only per-design work: the
//! surface detail tiles, each zone's covered span on every row, and the "still" — the view with no zone
//! painted, encoded — which is what every pixel outside the painted zones shows.
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
}

impl Prepared {
    /// Nothing made yet, for a view drawn at `scale` × its artwork's size.
    pub(crate) fn new(scale: u32) -> Prepared {
        Prepared {
            surfaces: Surfaces::new(scale),
            still: OnceLock::new(),
            spans: OnceLock::new(),
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

    /// The encoded view with no zone painted.
    pub(crate) fn still(&self) -> &[u8] {
        self.prepared.still.get_or_init(|| self.render_still())
    }
}
