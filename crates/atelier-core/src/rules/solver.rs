//! Propagation and search over a [`Space`]: the one place that decides whether choices can be completed.
//!
//! Propagation narrows domains with each constraint until nothing changes (it may stop short of ruling out
//! everything impossible, though each variant table on its own is propagated fully); search then picks the
//! group with the fewest options left and tries each,
//! preferred options first. Every complete assignment is checked by the same propagation, so an answer of
//! "no solution" is exhaustive, not heuristic. A rule mask lets [`crate::rules::explain`] ask what a subset
//! of the rules allows.

use super::space::{Constraint, Domain, Lit, Space};

/// What a literal is under the current domains.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Truth {
    False,
    True,
    Unknown,
}

fn truth(l: &Lit, d: &[Domain]) -> Truth {
    let dom = d[usize::from(l.group)];
    if dom & l.set == 0 {
        Truth::False
    } else if dom & !l.set == 0 {
        Truth::True
    } else {
        Truth::Unknown
    }
}

/// A guard's state: every literal true, one false, or undecided with the only undecided literal (if one).
enum Guard<'a> {
    Active,
    Inactive,
    Open(Option<&'a Lit>),
}

fn guard<'a>(when: &'a [Lit], d: &[Domain]) -> Guard<'a> {
    let mut open = 0;
    let mut last = None;
    for l in when {
        match truth(l, d) {
            Truth::False => return Guard::Inactive,
            Truth::True => {}
            Truth::Unknown => {
                open += 1;
                last = Some(l);
            }
        }
    }
    match open {
        0 => Guard::Active,
        1 => Guard::Open(last),
        _ => Guard::Open(None),
    }
}

/// The solver: a space, optionally with only some of its rules switched on, and reusable work queues.
pub struct Solver<'s> {
    space: &'s Space,
    /// Per constraint: whether its rule is switched on.
    on: Vec<bool>,
    queue: Vec<u32>,
    queued: Vec<bool>,
    changed: Vec<u16>,
}

/// Marker for a contradiction found while propagating.
struct Conflict;

impl<'s> Solver<'s> {
    /// A solver over every rule of `space`.
    pub fn new(space: &'s Space) -> Solver<'s> {
        Solver::with_rules(space, None)
    }

    /// A solver that ignores constraints of rules whose entry in `enabled` is false.
    pub fn with_rules(space: &'s Space, enabled: Option<&'s [bool]>) -> Solver<'s> {
        let on = space
            .constraints
            .iter()
            .map(|c| enabled.is_none_or(|e| e.get(c.rule()).copied().unwrap_or(true)))
            .collect();
        Solver {
            space,
            on,
            queue: Vec::new(),
            queued: vec![false; space.constraints.len()],
            changed: Vec::new(),
        }
    }

    /// Narrows `d` under every constraint until nothing changes; false when some group has no option left.
    pub fn propagate(&mut self, d: &mut [Domain]) -> bool {
        if d.contains(&0) {
            return false;
        }
        for i in 0..self.space.constraints.len() {
            self.enqueue(i as u32);
        }
        self.run(d)
    }

    /// Like [`Solver::propagate`], but only revisits constraints on `groups` (whose domains just shrank).
    pub fn propagate_from(&mut self, d: &mut [Domain], groups: &[usize]) -> bool {
        if d.contains(&0) {
            return false;
        }
        for &g in groups {
            for &c in &self.space.watch[g] {
                self.enqueue(c);
            }
        }
        self.run(d)
    }

    fn enqueue(&mut self, c: u32) {
        let i = c as usize;
        if !self.queued[i] && self.on[i] {
            self.queued[i] = true;
            self.queue.push(c);
        }
    }

    fn run(&mut self, d: &mut [Domain]) -> bool {
        let space = self.space;
        while let Some(c) = self.queue.pop() {
            self.queued[c as usize] = false;
            self.changed.clear();
            if revise(&space.constraints[c as usize], d, &mut self.changed).is_err() {
                for &c in &self.queue {
                    self.queued[c as usize] = false;
                }
                self.queue.clear();
                return false;
            }
            for i in 0..self.changed.len() {
                let g = usize::from(self.changed[i]);
                for &w in &space.watch[g] {
                    if w != c {
                        self.enqueue(w);
                    }
                }
            }
        }
        true
    }

    /// Finds a complete assignment within `d` (one option bit per group), trying the options in `prefer`
    /// first for each group; `None` when there is none. `d` is propagated first.
    pub fn solve(&mut self, d: &[Domain], prefer: &[Domain]) -> Option<Vec<u8>> {
        let mut d = d.to_vec();
        if !self.propagate(&mut d) {
            return None;
        }
        self.greedy(&d, prefer).or_else(|| self.search(d, prefer))
    }

    /// Like [`Solver::solve`] for domains that were propagated before `changed` groups were narrowed.
    pub fn solve_from(
        &mut self,
        mut d: Vec<Domain>,
        changed: &[usize],
        prefer: &[Domain],
    ) -> Option<Vec<u8>> {
        if !self.propagate_from(&mut d, changed) {
            return None;
        }
        self.greedy(&d, prefer).or_else(|| self.search(d, prefer))
    }

    /// The assignment taking each group's preferred option where its domain still has it (else its first),
    /// if that breaks no switched-on constraint. Most questions the app asks are "change one thing, keep the
    /// rest", whose answer this finds without a search.
    fn greedy(&self, d: &[Domain], prefer: &[Domain]) -> Option<Vec<u8>> {
        let values: Vec<u8> = d
            .iter()
            .zip(prefer)
            .map(|(&x, &p)| {
                let want = if x & p != 0 { x & p } else { x };
                want.trailing_zeros() as u8
            })
            .collect();
        self.check(&values).then_some(values)
    }

    /// Whether a complete assignment breaks no switched-on constraint.
    fn check(&self, values: &[u8]) -> bool {
        self.space
            .constraints
            .iter()
            .zip(&self.on)
            .all(|(c, &on)| !on || c.holds(values))
    }

    /// Whether `d` has any complete assignment.
    pub fn satisfiable(&mut self, d: &[Domain]) -> bool {
        let none = vec![0; d.len()];
        self.solve(d, &none).is_some()
    }

    /// Depth-first search from propagated domains.
    fn search(&mut self, d: Vec<Domain>, prefer: &[Domain]) -> Option<Vec<u8>> {
        // The group with the fewest options left decides soonest whether this branch is dead.
        let pick = d
            .iter()
            .enumerate()
            .filter(|(_, x)| x.count_ones() > 1)
            .min_by_key(|(_, x)| x.count_ones())
            .map(|(g, _)| g);
        let Some(g) = pick else {
            // Every group is decided. Propagation has revised every constraint it was asked to watch; checking
            // them all here keeps "found" exact even for constraints the caller knew to hold already.
            let values: Vec<u8> = d.iter().map(|x| x.trailing_zeros() as u8).collect();
            return self.check(&values).then_some(values);
        };
        let first = d[g] & prefer[g];
        for part in [first, d[g] & !first] {
            let mut rest = part;
            while rest != 0 {
                let bit = rest & rest.wrapping_neg();
                rest &= !bit;
                let mut next = d.clone();
                next[g] = bit;
                if self.propagate_from(&mut next, &[g])
                    && let Some(found) = self.search(next, prefer)
                {
                    return Some(found);
                }
            }
        }
        None
    }
}

/// Keeps only `keep` of group `g`'s options, recording `g` in `changed` if that removed any; a conflict if none
/// is left.
fn narrow(d: &mut [Domain], changed: &mut Vec<u16>, g: u16, keep: Domain) -> Result<(), Conflict> {
    let i = usize::from(g);
    let next = d[i] & keep;
    if next != d[i] {
        if next == 0 {
            return Err(Conflict);
        }
        d[i] = next;
        changed.push(g);
    }
    Ok(())
}

/// Narrows `d` by one constraint, recording which groups changed.
fn revise(c: &Constraint, d: &mut [Domain], changed: &mut Vec<u16>) -> Result<(), Conflict> {
    match c {
        Constraint::Clause { lits, .. } => {
            let mut open = None;
            let mut open_count = 0;
            for l in lits {
                match truth(l, d) {
                    Truth::True => return Ok(()),
                    Truth::False => {}
                    Truth::Unknown => {
                        open_count += 1;
                        open = Some(l);
                    }
                }
            }
            match (open_count, open) {
                (0, _) => Err(Conflict),
                (1, Some(l)) => narrow(d, changed, l.group, l.set),
                _ => Ok(()),
            }
        }
        Constraint::Equal { a, b, when, .. } => match guard(when, d) {
            Guard::Inactive => Ok(()),
            Guard::Active => {
                let both = d[usize::from(*a)] & d[usize::from(*b)];
                narrow(d, changed, *a, both)?;
                narrow(d, changed, *b, both)
            }
            Guard::Open(last) => {
                // The panels cannot match, so the guard must not hold.
                if d[usize::from(*a)] & d[usize::from(*b)] == 0
                    && let Some(l) = last
                {
                    narrow(d, changed, l.group, !l.set)?;
                }
                Ok(())
            }
        },
        Constraint::AtMost {
            max, lits, when, ..
        } => {
            let max = usize::from(*max);
            let count = |d: &[Domain]| lits.iter().filter(|l| truth(l, d) == Truth::True).count();
            match guard(when, d) {
                Guard::Inactive => Ok(()),
                Guard::Active => {
                    let n = count(d);
                    if n > max {
                        return Err(Conflict);
                    }
                    if n == max {
                        for l in lits {
                            if truth(l, d) == Truth::Unknown {
                                narrow(d, changed, l.group, !l.set)?;
                            }
                        }
                    }
                    Ok(())
                }
                Guard::Open(last) => {
                    if count(d) > max
                        && let Some(l) = last
                    {
                        narrow(d, changed, l.group, !l.set)?;
                    }
                    Ok(())
                }
            }
        }
        Constraint::Table {
            groups,
            cells,
            when,
            ..
        } => revise_table(groups, cells, when, d, changed),
    }
}

/// Narrows `d` by a variant table to the options some row still supports: a row is still possible when each
/// of its cells is in its column's domain, and an option stays only if such a row has it (generalized arc
/// consistency, so a table never leaves an option that no design could complete within it). With the guard
/// undecided, a table that no row can satisfy any more switches its last open guard literal off instead.
fn revise_table(
    groups: &[u16],
    cells: &[u8],
    when: &[Lit],
    d: &mut [Domain],
    changed: &mut Vec<u16>,
) -> Result<(), Conflict> {
    let state = guard(when, d);
    if matches!(state, Guard::Inactive) || groups.is_empty() {
        return Ok(());
    }
    let doms: Vec<Domain> = groups.iter().map(|&g| d[usize::from(g)]).collect();
    let mut support: Vec<Domain> = vec![0; groups.len()];
    let mut any = false;
    for row in cells.chunks_exact(groups.len()) {
        if row.iter().zip(&doms).any(|(&v, &dom)| dom >> v & 1 == 0) {
            continue;
        }
        any = true;
        let mut grew = false;
        for (s, &v) in support.iter_mut().zip(row) {
            grew |= *s >> v & 1 == 0;
            *s |= 1 << v;
        }
        // Every option of every column already has a row: the rest of the table cannot narrow anything.
        if grew && support == doms {
            break;
        }
    }
    match state {
        Guard::Inactive => Ok(()),
        Guard::Active => {
            if !any {
                return Err(Conflict);
            }
            for (&g, &keep) in groups.iter().zip(&support) {
                narrow(d, changed, g, keep)?;
            }
            Ok(())
        }
        Guard::Open(last) => {
            if !any && let Some(l) = last {
                narrow(d, changed, l.group, !l.set)?;
            }
            Ok(())
        }
    }
}
