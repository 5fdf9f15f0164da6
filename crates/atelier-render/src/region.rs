//! Rectangle arithmetic for recompositing only part of a view: clipping a region to the view and to a zone's
//! bounds, and joining the regions of several changes.

use crate::layers::Rect;

impl Rect {
    /// The whole of a `width` × `height` image.
    pub fn full(width: u32, height: u32) -> Rect {
        Rect {
            x0: 0,
            y0: 0,
            x1: width,
            y1: height,
        }
    }

    /// The pixels in both rectangles (empty if they do not meet).
    pub fn intersect(self, other: Rect) -> Rect {
        let r = Rect {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        if r.is_empty() { Rect::default() } else { r }
    }

    /// The smallest rectangle holding both (an empty one adds nothing).
    pub fn union(self, other: Rect) -> Rect {
        if self.is_empty() {
            return other;
        }
        if other.is_empty() {
            return self;
        }
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.x1.saturating_sub(self.x0)
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.y1.saturating_sub(self.y0)
    }

    /// How many pixels it holds.
    pub fn area(&self) -> u64 {
        u64::from(self.width()) * u64::from(self.height())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x0: u32, y0: u32, x1: u32, y1: u32) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    #[test]
    fn intersections_and_unions() {
        let cases = [
            (
                r(0, 0, 10, 10),
                r(5, 5, 20, 20),
                r(5, 5, 10, 10),
                r(0, 0, 20, 20),
            ),
            (
                r(0, 0, 10, 10),
                r(10, 0, 20, 10),
                Rect::default(),
                r(0, 0, 20, 10),
            ),
            (r(0, 0, 0, 0), r(3, 4, 5, 6), Rect::default(), r(3, 4, 5, 6)),
        ];
        for (a, b, both, either) in cases {
            assert_eq!(a.intersect(b), both, "{a:?} ∩ {b:?}");
            assert_eq!(a.union(b), either, "{a:?} ∪ {b:?}");
        }
        assert_eq!(r(2, 3, 12, 5).area(), 20);
    }
}
