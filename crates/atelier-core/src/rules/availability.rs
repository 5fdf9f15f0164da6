//! Which options are available, for every group at once: the deduction the app runs after every change.
//!
//! The shopper's explicit choices are the context. An option of a group the shopper has not chosen is
//! available when some valid design keeps all their choices and takes it; an option of a group they did
//! choose is available when some valid design keeps all their *other* choices and takes it (so they can always
//! change their mind). Each answer is exact: a found design proves "available", an exhausted search proves
//! "unavailable".
//!
//! Cheap before costly: the current design (valid by construction) already proves its own options; changing
//! one group of it and checking only that group's constraints proves most of the rest, all options of a group
//! in one pass ([`crate::rules::Constraint::allows`]); changing one more group proves most of what remains;
//! propagation and search settle the rest, and every design a search finds proves all the options in it.

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

    // The explicit choices fixed, propagated once: free groups can only take what survives. Constraints
    // among explicit groups alone hold already (the current design is valid), so only constraints touching a
    // free group need revising, here and in every search below.
    let free: Vec<usize> = (0..n).filter(|&g| !explicit[g]).collect();
    let mut base = initial.clone();
    for g in 0..n {
        if explicit[g] {
            base[g] = 1 << current[g];
        }
    }
    if !solver.propagate_from(&mut base, &free) {
        // `current` is valid, so this cannot happen; answering "only what you have" keeps the app usable.
        return Availability { available: avail };
    }

    // One-group changes of the current design, every option of a group at once.
    for g in 0..n {
        let mut ok = if explicit[g] { initial[g] } else { base[g] };
        for &c in &space.watch[g] {
            ok &= space.constraints[c as usize].allows(g as u16, current);
        }
        avail[g] |= ok;
    }

    // Free groups: search for each option still unproven; a found design proves every option in it.
    // Searches prefer the current design, so most end at once in a design that differs only where it must.
    let prefer: Vec<Domain> = current.iter().map(|&v| 1 << v).collect();
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
            if let Some(found) = repair(space, &initial, current, explicit, g, bit) {
                for f in 0..n {
                    avail[f] |= 1 << found[f];
                }
                continue;
            }
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

    // Explicit groups: the context is every other explicit choice. A constraint over this group and other
    // explicit groups only is settled by the current design; what it forbids is unavailable without any
    // search. The rest is first repaired by changing one free group; what still remains is searched from this
    // context propagated once (free groups reopened, this group open), so each search starts from consistent
    // domains instead of redoing that work per option.
    let mut reopened = base.clone();
    for &f in &free {
        reopened[f] = initial[f];
    }
    let mut touched = free.clone();
    for g in 0..n {
        if !explicit[g] {
            continue;
        }
        let mut rest = initial[g] & !avail[g];
        for &c in &space.watch[g] {
            if rest == 0 {
                break;
            }
            let c = &space.constraints[c as usize];
            if c.groups().iter().all(|&f| explicit[usize::from(f)]) {
                rest &= c.allows(g as u16, current);
            }
        }
        let mut left = rest;
        while left != 0 {
            let bit = left & left.wrapping_neg();
            left &= !bit;
            if repair(space, &initial, current, explicit, g, bit).is_some() {
                avail[g] |= bit;
                rest &= !bit;
            }
        }
        if rest == 0 {
            continue;
        }
        let mut others = reopened.clone();
        others[g] = initial[g];
        touched.truncate(free.len());
        touched.push(g);
        if !solver.propagate_from(&mut others, &touched) {
            continue;
        }
        rest &= others[g];
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

/// Proves option `bit` (a one-bit domain) of group `g` available by changing at most one other group that
/// is not `fixed`: the common "this choice forces that one" case, settled without a search. The design it
/// returns keeps every constraint: those on the changed group by construction, those on `g` by a check, the
/// rest untouched.
fn repair(
    space: &Space,
    initial: &[Domain],
    current: &[u8],
    fixed: &[bool],
    g: usize,
    bit: Domain,
) -> Option<Vec<u8>> {
    let mut values = current.to_vec();
    values[g] = bit.trailing_zeros() as u8;
    let holds_on_g = |values: &[u8]| {
        space.watch[g]
            .iter()
            .all(|&c| space.constraints[c as usize].holds(values))
    };
    let broken = space.watch[g]
        .iter()
        .map(|&c| &space.constraints[c as usize])
        .find(|c| !c.holds(&values));
    let Some(broken) = broken else {
        return Some(values);
    };
    let mut tried: Vec<u16> = Vec::new();
    for f in broken.groups() {
        let fi = usize::from(f);
        if fi == g || fixed[fi] || tried.contains(&f) {
            continue;
        }
        tried.push(f);
        let mut ok = initial[fi];
        for &c in &space.watch[fi] {
            ok &= space.constraints[c as usize].allows(f, &values);
        }
        while ok != 0 {
            let w = ok.trailing_zeros() as u8;
            ok &= ok - 1;
            values[fi] = w;
            if holds_on_g(&values) {
                return Some(values);
            }
        }
        values[fi] = current[fi];
    }
    None
}
