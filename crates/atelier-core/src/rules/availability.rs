//! Which options are available, for every group at once: the deduction the app runs after every change.
//!
//! The shopper's explicit choices are the context. An option of a group the shopper has not chosen is
//! available when some valid design keeps all their choices and takes it; an option of a group they did
//! choose is available when some valid design keeps all their *other* choices and takes it (so they can always
//! change their mind). Each answer is exact: a found design proves "available", an exhausted search proves
//! "unavailable".
//!
//! Cheap before costly: the current design (valid by construction) already proves its own options; changing
//! one group of it and checking only that group's constraints proves most of the rest; propagation and search
//! settle what is left, and every design a search finds proves all the options in it at once.

use super::solver::Solver;
use super::space::{Domain, GroupKey, Space};

/// The available options of every group, as bits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Availability {
    /// Per group (index as in [`Space::groups`]).
    pub available: Vec<Domain>,
}

impl Availability {
    /// Whether `option` of the group `key` is available (false for unknown groups and options).
    pub fn offers(&self, space: &Space, key: &GroupKey, option: &str) -> bool {
        space
            .group(key)
            .and_then(|g| Some((g, space.bit(g, option)?)))
            .is_some_and(|(g, bit)| self.is_available(g, bit))
    }

    /// Whether option `bit` of group `g` is available.
    pub fn is_available(&self, g: usize, bit: u8) -> bool {
        self.available.get(g).is_some_and(|d| d >> bit & 1 == 1)
    }
}

/// Evaluates availability. `current` is a valid complete assignment, `explicit[g]` says whether the shopper
/// chose group `g` themselves (its value is `current[g]`).
pub fn evaluate(space: &Space, explicit: &[bool], current: &[u8]) -> Availability {
    let n = space.groups.len();
    let initial = space.initial();
    let mut avail: Vec<Domain> = current.iter().map(|&v| 1 << v).collect();
    let mut solver = Solver::new(space);

    // The explicit choices fixed, propagated once: free groups can only take what survives.
    let mut base = initial.clone();
    for g in 0..n {
        if explicit[g] {
            base[g] = 1 << current[g];
        }
    }
    if !solver.propagate(&mut base) {
        // `current` is valid, so this cannot happen; answering "only what you have" keeps the app usable.
        return Availability { available: avail };
    }

    // One-group changes of the current design.
    let mut values = current.to_vec();
    for g in 0..n {
        let mut rest = if explicit[g] { initial[g] } else { base[g] } & !avail[g];
        while rest != 0 {
            let bit = rest.trailing_zeros() as u8;
            rest &= rest - 1;
            values[g] = bit;
            if space.watch[g]
                .iter()
                .all(|&c| space.constraints[c as usize].holds(&values))
            {
                avail[g] |= 1 << bit;
            }
        }
        values[g] = current[g];
    }

    // Free groups: search for each option still unproven; a found design proves every option in it.
    for g in 0..n {
        if explicit[g] {
            continue;
        }
        let mut dead: Domain = 0;
        loop {
            let rest = base[g] & !avail[g] & !dead;
            if rest == 0 {
                break;
            }
            let bit = rest & rest.wrapping_neg();
            let mut d = base.clone();
            d[g] = bit;
            let prefer: Vec<Domain> = avail.iter().map(|a| !a).collect();
            match solver.solve_from(d, &[g], &prefer) {
                Some(found) => {
                    for f in 0..n {
                        avail[f] |= 1 << found[f];
                    }
                }
                None => dead |= bit,
            }
        }
    }

    // Explicit groups: the context is every other explicit choice.
    let prefer: Vec<Domain> = current.iter().map(|&v| 1 << v).collect();
    for g in 0..n {
        if !explicit[g] || initial[g] & !avail[g] == 0 {
            continue;
        }
        let mut others = initial.clone();
        for f in 0..n {
            if explicit[f] && f != g {
                others[f] = 1 << current[f];
            }
        }
        if !solver.propagate(&mut others) {
            continue;
        }
        let mut rest = others[g] & !avail[g];
        while rest != 0 {
            let bit = rest & rest.wrapping_neg();
            rest &= !bit;
            let mut d = others.clone();
            d[g] = bit;
            if let Some(found) = solver.solve_from(d, &[g], &prefer) {
                avail[g] |= 1 << found[g];
            }
        }
    }
    Availability { available: avail }
}
