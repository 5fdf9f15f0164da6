//! Checking a catalog's `choices`-aware `rules` and compiling them into the solver's [`Space`], with every
//! problem reported at its location.
//!
//! Two passes: first each rule on its own (one kind, known groups and options, sensible counts), reported
//! per rule and per condition; then, only if every rule reads well, the rules together: is there any valid
//! design at all, does the default design keep every rule, can every offered option be part of some valid
//! design. A problem of the second pass names the smallest set of rules responsible, located at the first of
//! them, so a retailer knows where to look.
//!
//! This file holds the entry points and the product's groups; a rule's conditions are read in
//! `condition.rs`, each rule kind is checked and compiled in `kinds.rs` (variant tables in `table.rs`), and the
//! second pass is `together.rs`.

mod condition;
mod kinds;
mod table;
mod together;

pub(super) use together::check_together;

use super::model::{ChoiceGroup, Color, Material, Rule, RuleKind, Zone};
use super::problem::CatalogProblemKind as K;
use super::raw::RawRule;
use super::validate::Checker;
use crate::id::RuleId;
use crate::rules::space::{Constraint, Domain, Group, GroupKey, MAX_OPTIONS};
use condition::{Checked, KeyRef, Rules};
use kinds::{at_most, equal, excludes, implication};
use std::collections::HashSet;
use table::allowed;

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
            raw.allowed.is_some(),
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
        } else if let Some(table) = raw.allowed {
            allowed(c, &r, &at, table, when.as_ref(), index, &mut out)
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
