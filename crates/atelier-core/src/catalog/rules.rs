//! Checking a catalog's `choices`-aware `rules` and compiling them into the solver's [`Space`], with every
//! problem reported at its location.
//!
//! Two passes: first each rule on its own (one kind, known groups and options, sensible counts), reported
//! per rule and per condition; then, only if every rule reads well, the rules together: is there any valid
//! design at all, does the default design keep every rule, can every offered option be part of some valid
//! design. A problem of the second pass names the smallest set of rules responsible, located at the first of
//! them, so a retailer knows where to look.

use super::model::{ChoiceGroup, Color, Cond, Material, Rule, RuleKind, Zone};
use super::problem::CatalogProblemKind as K;
use super::raw::{RawAtMost, RawCondition, RawImplication, RawRule};
use super::validate::Checker;
use crate::id::RuleId;
use crate::rules::availability::evaluate;
use crate::rules::explain::quickxplain;
use crate::rules::solver::Solver;
use crate::rules::space::{Constraint, Domain, Group, GroupKey, Lit, MAX_OPTIONS, Space};
use std::collections::HashSet;

/// The groups of a product: per zone its material then its color, then each choice group.
pub(super) fn groups(
    zones: &[Zone],
    materials: &[Material],
    colors: &[Color],
    choices: &[ChoiceGroup],
) -> Vec<Group> {
    let bits = |palette: &[String], offered: &[&str]| -> Domain {
        offered
            .iter()
            .filter_map(|o| palette.iter().position(|p| p == o))
            .filter(|&i| i < MAX_OPTIONS)
            .fold(0, |d, i| d | 1 << i)
    };
    let material_ids: Vec<String> = materials.iter().map(|m| m.id.0.clone()).collect();
    let color_ids: Vec<String> = colors.iter().map(|c| c.id.0.clone()).collect();
    let mut out = Vec::new();
    for z in zones {
        let ms: Vec<&str> = z.materials.iter().map(|m| m.as_str()).collect();
        let cs: Vec<&str> = z.colors.iter().map(|c| c.as_str()).collect();
        out.push(Group {
            key: GroupKey::Material(z.id.clone()),
            domain: bits(&material_ids, &ms),
            options: material_ids.clone(),
            namespace: 0,
        });
        out.push(Group {
            key: GroupKey::Color(z.id.clone()),
            domain: bits(&color_ids, &cs),
            options: color_ids.clone(),
            namespace: 1,
        });
    }
    for (i, ch) in choices.iter().enumerate() {
        let ids: Vec<String> = ch.options.iter().map(|o| o.id.0.clone()).collect();
        let all: Vec<&str> = ids.iter().map(String::as_str).collect();
        out.push(Group {
            key: GroupKey::Choice(ch.id.clone()),
            domain: bits(&ids, &all),
            options: ids,
            namespace: 2 + i,
        });
    }
    out
}

/// A group key as a rule names it: one group, or every zone's material or color.
#[derive(Clone, Copy, Debug, PartialEq)]
enum KeyRef {
    Group(usize),
    /// `*.material` (namespace 0) or `*.color` (namespace 1).
    Star(usize),
}

/// A checked condition: each key with the set of options it allows (palette bits).
type Checked = Vec<(KeyRef, Domain)>;

/// A checked condition with the conditions as written, kept for explaining the rule.
type CheckedCond = (Checked, Vec<Cond>);

struct Rules<'a> {
    groups: &'a [Group],
    zones: usize,
}

impl Rules<'_> {
    fn key(&self, key: &str) -> Option<KeyRef> {
        match key {
            "*.material" if self.zones > 0 => Some(KeyRef::Star(0)),
            "*.color" if self.zones > 0 => Some(KeyRef::Star(1)),
            _ => {
                let k = GroupKey::parse(key);
                self.groups
                    .iter()
                    .position(|g| g.key == k)
                    .map(KeyRef::Group)
            }
        }
    }

    /// The group a key means in the instance of the rule for zone `z` (`None`: a rule without `*.`).
    fn group(&self, k: KeyRef, z: Option<usize>) -> usize {
        match (k, z) {
            (KeyRef::Group(g), _) => g,
            (KeyRef::Star(ns), Some(z)) => 2 * z + ns,
            // A rule with a `*.` key always has a zone instance; zone 0 keeps this total.
            (KeyRef::Star(ns), None) => ns,
        }
    }

    fn lits(&self, cond: &Checked, z: Option<usize>) -> Vec<Lit> {
        cond.iter()
            .map(|&(k, set)| {
                let g = self.group(k, z);
                Lit {
                    group: g as u16,
                    set: set & self.groups[g].domain,
                }
            })
            .collect()
    }

    fn negate(&self, lits: &[Lit]) -> Vec<Lit> {
        lits.iter()
            .map(|l| Lit {
                group: l.group,
                set: self.groups[usize::from(l.group)].domain & !l.set,
            })
            .collect()
    }

    /// Checks a condition object, reporting unknown groups and options at their paths.
    fn cond(&self, c: &mut Checker, at: &str, raw: RawCondition) -> Option<CheckedCond> {
        if raw.is_empty() {
            c.push(at, K::EmptyList);
            return None;
        }
        let mut checked = Vec::new();
        let mut conds = Vec::new();
        let mut ok = true;
        for (key, options) in raw {
            let here = format!("{at}[\"{key}\"]");
            let options = options.into_vec();
            let Some(k) = self.key(&key) else {
                c.push(here, K::UnknownGroup { group: key });
                ok = false;
                continue;
            };
            if options.is_empty() {
                c.push(here, K::EmptyList);
                ok = false;
                continue;
            }
            let probe = self.group(k, Some(0));
            let group = &self.groups[probe];
            let mut set: Domain = 0;
            for (j, o) in options.iter().enumerate() {
                let path = format!("{here}[{j}]");
                match group.options.iter().position(|p| p == o) {
                    None => {
                        c.push(
                            path,
                            K::UnknownOption {
                                group: key.clone(),
                                option: o.clone(),
                            },
                        );
                        ok = false;
                    }
                    Some(bit) => {
                        let offered = match k {
                            KeyRef::Group(g) => self.groups[g].domain >> bit & 1 == 1,
                            KeyRef::Star(ns) => (0..self.zones)
                                .any(|z| self.groups[2 * z + ns].domain >> bit & 1 == 1),
                        };
                        if !offered {
                            c.push(
                                path,
                                K::OptionNotOffered {
                                    group: key.clone(),
                                    option: o.clone(),
                                },
                            );
                            ok = false;
                        }
                        set |= 1 << bit;
                    }
                }
            }
            checked.push((k, set));
            conds.push(Cond { key, options });
        }
        ok.then_some((checked, conds))
    }
}

fn has_star(c: &Checked) -> bool {
    c.iter().any(|(k, _)| matches!(k, KeyRef::Star(_)))
}

/// Checks every rule and compiles them, or reports why not. `rule_ids` collects ids for uniqueness.
pub(super) fn check(
    c: &mut Checker,
    raw: Vec<RawRule>,
    groups: &[Group],
    zones: usize,
) -> (Vec<Rule>, Vec<Constraint>) {
    let r = Rules { groups, zones };
    let mut rules = Vec::new();
    let mut constraints = Vec::new();
    let mut seen = HashSet::new();
    for (i, raw) in raw.into_iter().enumerate() {
        let at = format!("rules[{i}]");
        let problems_before = c.problems.len();
        c.extra(&at, &raw.extra);
        let id = c.unique_id(&at, raw.id, &mut seen);
        let message = raw
            .message
            .and_then(|m| c.localized(&at, "message", Some(m)));
        let when = match raw.when {
            Some(w) => r.cond(c, &format!("{at}.when"), w),
            None => Some((Vec::new(), Vec::new())),
        };
        let kinds = [
            raw.requires.is_some(),
            raw.only_with.is_some(),
            raw.excludes.is_some(),
            raw.equal.is_some(),
            raw.at_most.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            c.push(&at, K::RuleKind);
            continue;
        }
        let index = rules.len() as u16;
        let mut out: Vec<Constraint> = Vec::new();
        let kind = if let Some(imp) = raw.requires.or(raw.only_with.clone()) {
            let only = kinds[1];
            let field = if only { "only_with" } else { "requires" };
            implication(
                c,
                &r,
                &format!("{at}.{field}"),
                imp,
                when.as_ref(),
                index,
                &mut out,
            )
            .map(|(if_, then)| {
                if only {
                    RuleKind::OnlyWith { if_, then }
                } else {
                    RuleKind::Requires { if_, then }
                }
            })
        } else if let Some(list) = raw.excludes {
            excludes(c, &r, &at, list, when.as_ref(), index, &mut out)
        } else if let Some(keys) = raw.equal {
            equal(
                c,
                &r,
                &format!("{at}.equal"),
                keys,
                when.as_ref(),
                index,
                &mut out,
            )
        } else if let Some(am) = raw.at_most {
            at_most(c, &r, &at, am, when.as_ref(), index, &mut out)
        } else {
            None
        };
        if c.problems.len() > problems_before {
            continue;
        }
        if let (Some(id), Some(kind), Some((_, when))) = (id, kind, when) {
            rules.push(Rule {
                id: RuleId(id),
                kind,
                when,
                message,
                path: at,
            });
            constraints.extend(out);
        }
    }
    (rules, constraints)
}

/// The zone instances of a rule: every zone when it uses `*.`, else one instance.
fn instances(r: &Rules<'_>, star: bool) -> Vec<Option<usize>> {
    if star {
        (0..r.zones).map(Some).collect()
    } else {
        vec![None]
    }
}

/// An `excludes` rule (at `at`): at least two conditions that may not all hold, compiled into `out`.
fn excludes(
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
fn at_most(
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

fn implication(
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

fn equal(
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

/// The rules together: some valid design exists, the default design keeps every rule, and every offered
/// option is part of some valid design.
pub(super) fn check_together(c: &mut Checker, space: &Space, rules: &[Rule]) {
    let rule_count = rules.len();
    let mut solver = Solver::new(space);
    let initial = space.initial();
    let none = vec![0; initial.len()];
    let names = |set: &[usize]| -> String {
        set.iter()
            .map(|&r| format!("\"{}\"", rules[r].id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let culprits = |d: &[Domain]| -> Vec<usize> {
        let all: Vec<usize> = (0..rule_count).collect();
        let mut set = quickxplain(&[], &all, &mut |set: &[usize]| {
            let mut on = vec![false; rule_count];
            for &r in set {
                on[r] = true;
            }
            Solver::with_rules(space, Some(&on)).satisfiable(d)
        });
        set.sort_unstable();
        set
    };
    let Some(some_design) = solver.solve(&initial, &none) else {
        let set = culprits(&initial);
        let at = set
            .first()
            .map_or("rules".to_owned(), |&r| rules[r].path.clone());
        c.push(at, K::NoValidDesign { rules: names(&set) });
        return;
    };
    let mut broken: Vec<usize> = space.broken(&space.defaults).map(|k| k.rule()).collect();
    broken.dedup();
    for r in &broken {
        c.push(
            rules[*r].path.clone(),
            K::DefaultBreaksRule {
                rule: rules[*r].id.0.clone(),
            },
        );
    }
    let explicit = vec![false; initial.len()];
    let available = evaluate(space, &explicit, &some_design);
    for (g, group) in space.groups.iter().enumerate() {
        let mut missing = group.domain & !available.available[g];
        while missing != 0 {
            let bit = missing.trailing_zeros() as usize;
            missing &= missing - 1;
            let mut d = initial.clone();
            d[g] = 1 << bit;
            let set = culprits(&d);
            let at = set
                .first()
                .map_or("rules".to_owned(), |&r| rules[r].path.clone());
            c.push(
                at,
                K::UnreachableOption {
                    group: group.key.as_key(),
                    option: group.options[bit].clone(),
                    rules: names(&set),
                },
            );
        }
    }
}
