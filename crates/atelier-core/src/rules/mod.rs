//! Catalog rules as a constraint problem, and complete deduction over it.
//!
//! A product's choices form a small finite-domain problem: every zone's material and color and every
//! product-wide choice group is a variable, whose values are bits of a [`Domain`]. A catalog's rules are
//! compiled ([`space`]) into three kinds of constraint: clauses over "group is one of these options"
//! literals (requires, only-with, excludes), guarded equalities (matching panels) and guarded cardinality
//! bounds (at most N). The [`solver`] propagates and searches; it is complete, so "available" means a valid
//! whole design exists and "unavailable" means none does. [`availability`] answers that for every option at
//! once, [`explain`] finds the rules and choices behind an unavailable option and the smallest set of the
//! shopper's choices to give up for it, and [`session`] speaks in designs: apply a choice, resolve what it
//! invalidates, report every change.
//!
//! Everything here is pure and deterministic (no clock, no randomness, no floats), so the browser and the
//! shop reach the same answers.

pub mod availability;
pub mod describe;
pub mod design_values;
pub mod explain;
pub mod session;
pub mod solver;
pub mod space;

pub use availability::Availability;
pub use session::{Change, Explanation, Fix, Outcome, Selection};
pub use space::{Constraint, Domain, Group, GroupKey, Lit, Space};
