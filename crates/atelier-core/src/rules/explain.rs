//! Why an option is unavailable, and the least a shopper must give up to have it.
//!
//! Both answers come from asking the [`Solver`] about subsets. [`quickxplain`] (Junker, 2004) finds a minimal
//! conflicting subset (no element can be dropped and still conflict) in a logarithmic number of questions
//! when the conflict is small: used over the shopper's choices ("which of your choices stand in the way") and
//! over the rules ("which rules say so"). [`min_correction`] finds a smallest set of choices whose removal
//! makes an option possible, as a minimum hitting set of conflicts found one at a time (each correction must
//! break every conflict; a candidate that does not reveals a new conflict).

use super::solver::Solver;
use super::space::{Domain, Space};

/// A minimal subset of `items` that, together with `background`, is inconsistent according to `consistent`;
/// empty when `background` alone is inconsistent or `background` plus all `items` is consistent.
pub fn quickxplain(
    background: &[usize],
    items: &[usize],
    consistent: &mut dyn FnMut(&[usize]) -> bool,
) -> Vec<usize> {
    let all: Vec<usize> = background.iter().chain(items).copied().collect();
    if items.is_empty() || consistent(&all) || !consistent(background) {
        return Vec::new();
    }
    qx(background, false, items, consistent)
}

fn qx(
    background: &[usize],
    delta: bool,
    items: &[usize],
    consistent: &mut dyn FnMut(&[usize]) -> bool,
) -> Vec<usize> {
    if delta && !consistent(background) {
        return Vec::new();
    }
    if items.len() == 1 {
        return items.to_vec();
    }
    let (c1, c2) = items.split_at(items.len() / 2);
    let b1: Vec<usize> = background.iter().chain(c1).copied().collect();
    let d2 = qx(&b1, !c1.is_empty(), c2, consistent);
    let b2: Vec<usize> = background.iter().chain(&d2).copied().collect();
    let d1 = qx(&b2, !d2.is_empty(), c1, consistent);
    let mut out = d1;
    out.extend(d2);
    out
}

/// What can bear on group `g` when `pinned` groups are fixed: walking out from `g` through constraints and the
/// groups that are not pinned, the pinned groups met on the way and every constraint crossed.
///
/// Only these matter for whether an option of `g` is possible. Any solution for them joins the current design
/// (which takes every other constraint) into a whole valid design, since no constraint links the two parts
/// except through pinned groups, which both agree on. So conflicts and the rules behind them can be looked
/// for among these alone.
fn reach(space: &Space, g: usize, pinned: &[bool]) -> (Vec<usize>, Vec<bool>) {
    let mut seen = vec![false; space.groups.len()];
    let mut crossed = vec![false; space.constraints.len()];
    let mut met = Vec::new();
    let mut stack = vec![g];
    seen[g] = true;
    while let Some(x) = stack.pop() {
        for &c in &space.watch[x] {
            if std::mem::replace(&mut crossed[c as usize], true) {
                continue;
            }
            for f in space.constraints[c as usize].groups() {
                let f = usize::from(f);
                if std::mem::replace(&mut seen[f], true) {
                    continue;
                }
                if pinned[f] {
                    met.push(f);
                } else {
                    stack.push(f);
                }
            }
        }
    }
    (met, crossed)
}

fn mask(n: usize, set: &[usize]) -> Vec<bool> {
    let mut m = vec![false; n];
    for &i in set {
        m[i] = true;
    }
    m
}

/// Domains with each `(group, bit)` in `fixed` pinned and, for `choices`, each listed group pinned to its
/// value in `values`.
pub fn pinned(space: &Space, values: &[u8], choices: &[usize], fixed: (usize, u8)) -> Vec<Domain> {
    let mut d = space.initial();
    for &g in choices {
        d[g] = 1 << values[g];
    }
    d[fixed.0] = 1 << fixed.1;
    d
}

/// The shopper's choices (a minimal subset of `choices`, groups whose value is in `values`) that rule out
/// option `bit` of group `g`.
pub fn conflicting_choices(
    space: &Space,
    values: &[u8],
    choices: &[usize],
    (g, bit): (usize, u8),
) -> Vec<usize> {
    let (met, _) = reach(space, g, &mask(space.groups.len(), choices));
    let items: Vec<usize> = choices
        .iter()
        .copied()
        .filter(|c| met.contains(c))
        .collect();
    let mut solver = Solver::new(space);
    let near = near(values);
    quickxplain(&[], &items, &mut |set| {
        solver
            .solve(&pinned(space, values, set, (g, bit)), &near)
            .is_some()
    })
}

/// The rules (a minimal set of rule indices, of `rule_count`) that, given `choices`, rule out option `bit` of
/// group `g`.
pub fn conflicting_rules(
    space: &Space,
    rule_count: usize,
    values: &[u8],
    choices: &[usize],
    (g, bit): (usize, u8),
) -> Vec<usize> {
    let d = pinned(space, values, choices, (g, bit));
    let near = near(values);
    let (_, crossed) = reach(space, g, &mask(space.groups.len(), choices));
    let mut rules: Vec<usize> = space
        .constraints
        .iter()
        .zip(&crossed)
        .filter(|(_, on)| **on)
        .map(|(c, _)| c.rule())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    let mut rules_found = quickxplain(&[], &rules, &mut |set| {
        let mut on = vec![false; rule_count];
        for &r in set {
            on[r] = true;
        }
        Solver::with_rules(space, Some(&on))
            .solve(&d, &near)
            .is_some()
    });
    rules_found.sort_unstable();
    rules_found
}

/// Both answers for an unavailable option `bit` of group `g`: a minimal set of the shopper's `choices` it
/// conflicts with, and a minimal set of rules (of `rule_count`) that rule it out given those choices.
///
/// Most unavailable options are ruled out by one constraint between the option and the shopper's own choices
/// alone. When there is one, its choices are a small conflict to minimize and its rule a one-rule candidate,
/// which spares the searches over every choice and every rule that the general path asks (the answers are the
/// same kind: minimal, checked by the solver).
pub fn conflict(
    space: &Space,
    rule_count: usize,
    values: &[u8],
    choices: &[usize],
    (g, bit): (usize, u8),
) -> (Vec<usize>, Vec<usize>) {
    let direct = space.watch[g]
        .iter()
        .map(|&c| &space.constraints[c as usize])
        .find(|c| {
            c.groups()
                .iter()
                .all(|&f| usize::from(f) == g || choices.contains(&usize::from(f)))
                && c.allows(g as u16, values) >> bit & 1 == 0
        });
    let Some(direct) = direct else {
        let found = conflicting_choices(space, values, choices, (g, bit));
        let rules = conflicting_rules(space, rule_count, values, &found, (g, bit));
        return (found, rules);
    };
    let mut small: Vec<usize> = direct
        .groups()
        .iter()
        .map(|&f| usize::from(f))
        .filter(|&f| f != g)
        .collect();
    small.sort_unstable();
    small.dedup();
    let found = conflicting_choices(space, values, &small, (g, bit));
    let mut on = vec![false; rule_count];
    if let Some(slot) = on.get_mut(direct.rule()) {
        *slot = true;
    }
    let d = pinned(space, values, &found, (g, bit));
    let rules = if Solver::with_rules(space, Some(&on))
        .solve(&d, &near(values))
        .is_none()
    {
        vec![direct.rule()]
    } else {
        conflicting_rules(space, rule_count, values, &found, (g, bit))
    };
    (found, rules)
}

/// Whether `choices` and `rules` (an answer of [`conflict`] for another option of the same group) are also a
/// minimal answer for option `bit` of group `g`: they rule it out, and no choice or rule among them can be
/// dropped. A few solver questions instead of a fresh search over every choice and rule; options of one group
/// are often ruled out by the same rule and the same choices (a palette, a matching panel).
pub fn confirms(
    space: &Space,
    rule_count: usize,
    values: &[u8],
    (choices, rules): (&[usize], &[usize]),
    (g, bit): (usize, u8),
) -> bool {
    let near = near(values);
    let mut on = mask(rule_count, rules);
    let d = pinned(space, values, choices, (g, bit));
    if Solver::with_rules(space, Some(&on))
        .solve(&d, &near)
        .is_some()
    {
        return false;
    }
    let mut solver = Solver::new(space);
    for skip in 0..choices.len() {
        let rest: Vec<usize> = (0..choices.len())
            .filter(|&i| i != skip)
            .map(|i| choices[i])
            .collect();
        if solver
            .solve(&pinned(space, values, &rest, (g, bit)), &near)
            .is_none()
        {
            return false;
        }
    }
    for &r in rules {
        on[r] = false;
        let still_conflicts = Solver::with_rules(space, Some(&on))
            .solve(&d, &near)
            .is_none();
        on[r] = true;
        if still_conflicts {
            return false;
        }
    }
    true
}

/// A smallest set of `choices` (listed oldest first) to give up so that option `bit` of group `g` becomes
/// possible; among equally small sets, the one giving up the most recent choices, since earlier choices
/// tend to be the shopper's starting points. `None` if even giving up every choice does not help.
pub fn min_correction(
    space: &Space,
    values: &[u8],
    choices: &[usize],
    (g, bit): (usize, u8),
) -> Option<Vec<usize>> {
    let mut solver = Solver::new(space);
    let mut consistent = |set: &[usize]| solver.satisfiable(&pinned(space, values, set, (g, bit)));
    if !consistent(&[]) {
        return None;
    }
    let mut conflicts: Vec<Vec<usize>> = Vec::new();
    loop {
        let hit = min_hitting_set(&conflicts, choices);
        let kept: Vec<usize> = choices
            .iter()
            .copied()
            .filter(|c| !hit.contains(c))
            .collect();
        if consistent(&kept) {
            return Some(hit);
        }
        let conflict = quickxplain(&[], &kept, &mut consistent);
        if conflict.is_empty() {
            return None;
        }
        conflicts.push(conflict);
    }
}

/// The current design as preferences: most questions asked here are answered by a design close to it, which
/// the solver then finds without searching.
fn near(values: &[u8]) -> Vec<Domain> {
    values.iter().map(|&v| 1 << v).collect()
}

/// A smallest set hitting every conflict, preferring recent elements (later in `order`).
fn min_hitting_set(conflicts: &[Vec<usize>], order: &[usize]) -> Vec<usize> {
    if conflicts.is_empty() {
        return Vec::new();
    }
    // Candidates newest first, so the first combination found of each size is the most recent one.
    let candidates: Vec<usize> = order
        .iter()
        .rev()
        .copied()
        .filter(|c| conflicts.iter().any(|k| k.contains(c)))
        .collect();
    for size in 1..=candidates.len() {
        let mut pick: Vec<usize> = (0..size).collect();
        loop {
            let set: Vec<usize> = pick.iter().map(|&i| candidates[i]).collect();
            if conflicts.iter().all(|k| k.iter().any(|c| set.contains(c))) {
                return set;
            }
            // Next combination in lexicographic order.
            let Some(i) = (0..size)
                .rev()
                .find(|&i| pick[i] < candidates.len() - size + i)
            else {
                break;
            };
            pick[i] += 1;
            for j in i + 1..size {
                pick[j] = pick[j - 1] + 1;
            }
        }
    }
    candidates
}

#[cfg(test)]
mod tests {
    use super::{min_hitting_set, quickxplain};

    #[test]
    fn quickxplain_finds_a_minimal_conflict() {
        // Inconsistent exactly when both 3 and 7 are present.
        let mut consistent = |s: &[usize]| !(s.contains(&3) && s.contains(&7));
        let items: Vec<usize> = (0..10).collect();
        let mut c = quickxplain(&[], &items, &mut consistent);
        c.sort_unstable();
        assert_eq!(c, vec![3, 7]);
        assert!(quickxplain(&[], &[1, 2], &mut consistent).is_empty());
    }

    #[test]
    fn hitting_sets_are_smallest_then_newest() {
        assert_eq!(
            min_hitting_set(&[vec![1, 2], vec![2, 3]], &[1, 2, 3]),
            vec![2]
        );
        assert_eq!(min_hitting_set(&[vec![1, 3]], &[1, 2, 3]), vec![3]);
        let mut h = min_hitting_set(&[vec![1], vec![3]], &[1, 2, 3]);
        h.sort_unstable();
        assert_eq!(h, vec![1, 3]);
    }
}
