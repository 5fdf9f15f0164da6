//! Each kind of rule (`excludes`, `at_most`, `implication`, `equal`) checked on its own and compiled into the
//! solver's constraints.

use super::super::model::{Cond, RuleKind};
use super::super::problem::CatalogProblemKind as K;
use super::super::raw::{RawAtMost, RawCondition, RawImplication};
use super::super::validate::Checker;
use super::condition::{Checked, CheckedCond, KeyRef, Rules};
use super::{has_star, instances};
use crate::rules::space::{Constraint, Lit};

/// An `excludes` rule (at `at`): at least two conditions that may not all hold, compiled into `out`.
pub(super) fn excludes(
    c: &mut Checker,
    r: &Rules<'_>,
    at: &str,
    list: Vec<RawCondition>,
    when: Option<&CheckedCond>,
    index: u16,
    out: &mut Vec<Constraint>,
) -> Option<RuleKind> {
    let here = format!("{at}.excludes");
    if list.len() < 2 {
        c.push(&here, K::TooFew { min: 2 });
    }
    let parts: Vec<_> = list
        .into_iter()
        .enumerate()
        .map(|(j, cond)| r.cond(c, &format!("{here}[{j}]"), cond))
        .collect();
    match (parts.iter().all(Option::is_some), when) {
        (true, Some((w, _))) if parts.len() >= 2 => {
            let parts: Vec<CheckedCond> = parts.into_iter().flatten().collect();
            let mut all: Checked = w.clone();
            for (p, _) in &parts {
                all.extend(p.iter().copied());
            }
            for z in instances(r, has_star(&all)) {
                out.push(Constraint::Clause {
                    rule: index,
                    lits: r.negate(&r.lits(&all, z)),
                });
            }
            Some(RuleKind::Excludes(
                parts.into_iter().map(|(_, c)| c).collect(),
            ))
        }
        _ => None,
    }
}

/// An `at_most` rule (at `at`): a count and the one key it counts, compiled into `out`.
pub(super) fn at_most(
    c: &mut Checker,
    r: &Rules<'_>,
    at: &str,
    am: RawAtMost,
    when: Option<&CheckedCond>,
    index: u16,
    out: &mut Vec<Constraint>,
) -> Option<RuleKind> {
    let here = format!("{at}.at_most");
    c.extra(&here, &am.extra);
    let count = match am.count {
        None => {
            c.push(&here, K::MissingField { field: "count" });
            None
        }
        Some(n @ 0..=1000) => u32::try_from(n).ok(),
        Some(n) => {
            c.push(
                format!("{here}.count"),
                K::OutOfRange {
                    value: n,
                    min: 0,
                    max: 1000,
                },
            );
            None
        }
    };
    let of = match am.of {
        None => {
            c.push(&here, K::MissingField { field: "of" });
            None
        }
        Some(of) if of.len() != 1 => {
            c.push(format!("{here}.of"), K::AtMostOneKey);
            None
        }
        Some(of) => r.cond(c, &format!("{here}.of"), of),
    };
    match (count, of, when) {
        (Some(count), Some((of, conds)), Some((w, _))) => {
            if has_star(w) {
                c.push(format!("{at}.when"), K::StarNotAllowed);
                None
            } else {
                let lits: Vec<Lit> = instances(r, has_star(&of))
                    .into_iter()
                    .flat_map(|z| r.lits(&of, z))
                    .collect();
                out.push(Constraint::AtMost {
                    rule: index,
                    max: count.min(u32::from(u16::MAX)) as u16,
                    lits,
                    when: r.lits(w, None),
                });
                Some(RuleKind::AtMost { count, of: conds })
            }
        }
        _ => None,
    }
}

pub(super) fn implication(
    c: &mut Checker,
    r: &Rules<'_>,
    at: &str,
    imp: RawImplication,
    when: Option<&CheckedCond>,
    index: u16,
    out: &mut Vec<Constraint>,
) -> Option<(Vec<Cond>, Vec<Cond>)> {
    c.extra(at, &imp.extra);
    let if_ = match imp.if_ {
        None => {
            c.push(at, K::MissingField { field: "if" });
            None
        }
        Some(x) => r.cond(c, &format!("{at}.if"), x),
    };
    let then = match imp.then {
        None => {
            c.push(at, K::MissingField { field: "then" });
            None
        }
        Some(x) => r.cond(c, &format!("{at}.then"), x),
    };
    let ((if_c, if_conds), (then_c, then_conds), (w, _)) = (if_?, then?, when?);
    let mut guard: Checked = w.clone();
    guard.extend(if_c.iter().copied());
    let star = has_star(&guard) || has_star(&then_c);
    for z in instances(r, star) {
        let not_guard = r.negate(&r.lits(&guard, z));
        for t in r.lits(&then_c, z) {
            let mut lits = not_guard.clone();
            lits.push(t);
            out.push(Constraint::Clause { rule: index, lits });
        }
    }
    Some((if_conds, then_conds))
}

pub(super) fn equal(
    c: &mut Checker,
    r: &Rules<'_>,
    at: &str,
    keys: Vec<String>,
    when: Option<&CheckedCond>,
    index: u16,
    out: &mut Vec<Constraint>,
) -> Option<RuleKind> {
    let mut gs: Vec<usize> = Vec::new();
    let mut ok = true;
    for (j, key) in keys.iter().enumerate() {
        match r.key(key) {
            None => {
                c.push(format!("{at}[{j}]"), K::UnknownGroup { group: key.clone() });
                ok = false;
            }
            Some(KeyRef::Group(g)) => gs.push(g),
            Some(KeyRef::Star(ns)) => gs.extend((0..r.zones).map(|z| 2 * z + ns)),
        }
    }
    if !ok {
        return None;
    }
    gs.dedup();
    if gs.len() < 2 {
        c.push(at, K::TooFew { min: 2 });
        return None;
    }
    let first = &r.groups[gs[0]];
    for (j, &g) in gs.iter().enumerate().skip(1) {
        if r.groups[g].namespace != first.namespace {
            c.push(
                format!("{at}[{}]", j.min(keys.len() - 1)),
                K::EqualMismatch {
                    group: r.groups[g].key.as_key(),
                    other: first.key.as_key(),
                },
            );
            return None;
        }
    }
    let (w, _) = when?;
    if has_star(w) {
        c.push(at.replace(".equal", ".when"), K::StarNotAllowed);
        return None;
    }
    let when = r.lits(w, None);
    for pair in gs.windows(2) {
        out.push(Constraint::Equal {
            rule: index,
            a: pair[0] as u16,
            b: pair[1] as u16,
            when: when.clone(),
        });
    }
    Some(RuleKind::Equal(keys))
}
