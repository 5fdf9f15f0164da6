//! Where an order stands, and the one table of the moves between statuses: received → approved → in
//! production → shipped, and cancelled from any status before shipped. Storing a move (with who and when) is
//! the store's; showing the buttons and refusing the rest is `order.rs`'s, both asking [`Status::can_move`].

use atelier_core::Locale;

/// An order's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Accepted by the shop, not looked at yet.
    Received,
    /// Checked by the staff: to be made.
    Approved,
    /// At the factory.
    InProduction,
    /// Sent to the shopper: final.
    Shipped,
    /// Not to be made: final.
    Cancelled,
}

use Status::{Approved, Cancelled, InProduction, Received, Shipped};

/// Every allowed move, `(from, to)`: the only place that says which moves exist.
const MOVES: &[(Status, Status)] = &[
    (Received, Approved),
    (Approved, InProduction),
    (InProduction, Shipped),
    (Received, Cancelled),
    (Approved, Cancelled),
    (InProduction, Cancelled),
];

impl Status {
    /// Every status, in the order an order goes through them.
    pub const ALL: [Status; 5] = [Received, Approved, InProduction, Shipped, Cancelled];

    /// The stored name (`orders.status`, the filter's value, the form's value).
    pub fn name(self) -> &'static str {
        match self {
            Received => "received",
            Approved => "approved",
            InProduction => "in_production",
            Shipped => "shipped",
            Cancelled => "cancelled",
        }
    }

    /// The status stored as `name`.
    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether an order may move from `self` to `to`.
    pub fn can_move(self, to: Status) -> bool {
        MOVES.contains(&(self, to))
    }

    /// The statuses an order in `self` may move to, in table order.
    pub fn next(self) -> impl Iterator<Item = Status> {
        MOVES
            .iter()
            .filter(move |(from, _)| *from == self)
            .map(|(_, to)| *to)
    }

    /// The status in words.
    pub fn label(self, locale: Locale) -> &'static str {
        super::messages::t(locale, &format!("desk.status.{}", self.name()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole table: every (from, to) pair and whether the move is allowed.
    #[test]
    fn the_transition_table() {
        let allowed = [
            ("received", "approved"),
            ("approved", "in_production"),
            ("in_production", "shipped"),
            ("received", "cancelled"),
            ("approved", "cancelled"),
            ("in_production", "cancelled"),
        ];
        for from in Status::ALL {
            for to in Status::ALL {
                let want = allowed.contains(&(from.name(), to.name()));
                assert_eq!(from.can_move(to), want, "{from:?} → {to:?}");
                assert_eq!(from.next().any(|n| n == to), want, "{from:?} → {to:?}");
            }
        }
        // Shipped and cancelled are final.
        assert_eq!(Shipped.next().count(), 0);
        assert_eq!(Cancelled.next().count(), 0);
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_none() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.name()), Some(s));
            for locale in [Locale::En, Locale::Ko] {
                assert_ne!(s.label(locale), atelier_core::messages::MISSING, "{s:?}");
            }
        }
        for bad in ["", "Received", "in production", "deleted"] {
            assert_eq!(Status::parse(bad), None, "{bad}");
        }
    }
}
