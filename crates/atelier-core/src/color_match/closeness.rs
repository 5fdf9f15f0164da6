//! A ΔE00 in words: the scale shown to shoppers next to the number.
//!
//! The thresholds follow the usual reading of CIEDE2000: about 1 is the smallest difference a trained eye
//! sees side by side, under 2 passes as the same color between a screen and a painted panel (which differ by
//! more than that anyway), under 5 reads as the same color in a room, under 10 as a related but visibly
//! different color, and beyond that as a different color.

/// How close two colors look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Closeness {
    /// ΔE00 under 2: the same color to a shopper.
    AlmostIdentical,
    /// ΔE00 2 to under 5: close; the difference shows only side by side.
    Close,
    /// ΔE00 5 to under 10: related, and noticeably different.
    Noticeable,
    /// ΔE00 10 or more: a different color.
    Different,
}

impl Closeness {
    /// The words for a ΔE00.
    pub fn of(delta_e: f64) -> Closeness {
        if delta_e < 2.0 {
            Closeness::AlmostIdentical
        } else if delta_e < 5.0 {
            Closeness::Close
        } else if delta_e < 10.0 {
            Closeness::Noticeable
        } else {
            Closeness::Different
        }
    }

    /// The message key of its words (`color.closeness.*` in `messages/*.json`).
    pub fn message_key(self) -> &'static str {
        match self {
            Closeness::AlmostIdentical => "color.closeness.almost_identical",
            Closeness::Close => "color.closeness.close",
            Closeness::Noticeable => "color.closeness.noticeable",
            Closeness::Different => "color.closeness.different",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Closeness::{self, *};

    #[test]
    fn thresholds() {
        for (de, want) in [
            (0.0, AlmostIdentical),
            (1.99, AlmostIdentical),
            (2.0, Close),
            (4.99, Close),
            (5.0, Noticeable),
            (9.99, Noticeable),
            (10.0, Different),
            (60.0, Different),
        ] {
            assert_eq!(Closeness::of(de), want, "ΔE {de}");
        }
    }
}
