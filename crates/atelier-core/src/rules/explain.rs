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
    let mut solver = Solver::new(space);
    quickxplain(&[], choices, &mut |set| {
        solver.satisfiable(&pinned(space, values, set, (g, bit)))
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
    let rules: Vec<usize> = (0..rule_count).collect();
    let mut rules_found = quickxplain(&[], &rules, &mut |set| {
        let mut on = vec![false; rule_count];
        for &r in set {
            on[r] = true;
        }
        Solver::with_rules(space, Some(&on)).satisfiable(&d)
    });
    rules_found.sort_unstable();
    rules_found
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
