//! The `allowed` rule kind, a variant table: checked (its groups, then every row against them, every
//! problem at its row and column) and compiled into one [`Constraint::Table`]. The table's propagation is
//! the solver's (`rules/solver.rs`); this file only reads what the retailer wrote.

use super::super::model::RuleKind;
use super::super::problem::CatalogProblemKind as K;
use super::super::raw::RawAllowed;
use super::super::validate::Checker;
use super::condition::{CheckedCond, KeyRef, Rules};
use super::has_star;
use crate::rules::space::Constraint;
use std::collections::HashMap;

/// The columns of a table (at `here`, the `allowed` object): each a known group, none twice, no `*.`.
/// `None` when any is wrong, so rows are only read against good columns.
fn columns(c: &mut Checker, r: &Rules<'_>, here: &str, keys: &[String]) -> Option<Vec<usize>> {
    let at = format!("{here}.groups");
    let mut out = Vec::new();
    let mut ok = true;
    for (j, key) in keys.iter().enumerate() {
        match r.key(key) {
            None => {
                c.push(format!("{at}[{j}]"), K::UnknownGroup { group: key.clone() });
                ok = false;
            }
            Some(KeyRef::Star(_)) => {
                c.push(format!("{at}[{j}]"), K::StarNotAllowed);
                ok = false;
            }
            Some(KeyRef::Group(g)) if out.contains(&g) => {
                c.push(
                    format!("{at}[{j}]"),
                    K::DuplicateGroup { group: key.clone() },
                );
                ok = false;
            }
            Some(KeyRef::Group(g)) => out.push(g),
        }
    }
    if keys.len() < 2 {
        c.push(&at, K::TooFew { min: 2 });
        ok = false;
    }
    ok.then_some(out)
}

/// Every row read against the columns: its length, each cell a known and offered option, no repeats.
/// Returns the flattened option bits when every row is good.
fn rows(
    c: &mut Checker,
    r: &Rules<'_>,
    here: &str,
    keys: &[String],
    cols: &[usize],
    rows: &[Vec<String>],
) -> Option<Vec<u8>> {
    let at = format!("{here}.rows");
    if rows.is_empty() {
        c.push(&at, K::EmptyList);
        return None;
    }
    let mut cells = Vec::with_capacity(rows.len() * cols.len());
    let mut seen: HashMap<&[String], usize> = HashMap::with_capacity(rows.len());
    let mut ok = true;
    for (i, row) in rows.iter().enumerate() {
        if row.len() != cols.len() {
            c.push(
                format!("{at}[{i}]"),
                K::RowLength {
                    expected: cols.len(),
                    found: row.len(),
                },
            );
            ok = false;
            continue;
        }
        if let Some(&first) = seen.get(row.as_slice()) {
            c.push(format!("{at}[{i}]"), K::DuplicateRow { first });
            ok = false;
            continue;
        }
        seen.insert(row.as_slice(), i);
        for (j, (option, &g)) in row.iter().zip(cols).enumerate() {
            let group = &r.groups[g];
            let path = format!("{at}[{i}][{j}]");
            match group.options.iter().position(|o| o == option) {
                None => {
                    c.push(
                        path,
                        K::UnknownOption {
                            group: keys[j].clone(),
                            option: option.clone(),
                        },
                    );
                    ok = false;
                }
                Some(bit) if group.domain >> bit & 1 == 0 => {
                    c.push(
                        path,
                        K::OptionNotOffered {
                            group: keys[j].clone(),
                            option: option.clone(),
                        },
                    );
                    ok = false;
                }
                // Positions are below `MAX_OPTIONS` (64) for every offered option, so they fit a byte.
                Some(bit) => cells.push(bit as u8),
            }
        }
    }
    ok.then_some(cells)
}

/// An `allowed` rule (at `at`): a variant table over two or more groups, compiled into `out`.
pub(super) fn allowed(
    c: &mut Checker,
    r: &Rules<'_>,
    at: &str,
    raw: RawAllowed,
    when: Option<&CheckedCond>,
    index: u16,
    out: &mut Vec<Constraint>,
) -> Option<RuleKind> {
    let here = format!("{at}.allowed");
    c.extra(&here, &raw.extra);
    let cols = match &raw.groups {
        None => {
            c.push(&here, K::MissingField { field: "groups" });
            None
        }
        Some(keys) => columns(c, r, &here, keys),
    };
    if raw.rows.is_none() {
        c.push(&here, K::MissingField { field: "rows" });
    }
    // Rows are read only against good columns: a cell of an unknown group has nothing to be checked against.
    let (Some(keys), Some(list), Some(cols)) = (raw.groups, raw.rows, cols) else {
        return None;
    };
    let cells = rows(c, r, &here, &keys, &cols, &list)?;
    let (w, _) = when?;
    if has_star(w) {
        c.push(format!("{at}.when"), K::StarNotAllowed);
        return None;
    }
    out.push(Constraint::Table {
        rule: index,
        groups: cols.iter().map(|&g| g as u16).collect(),
        cells,
        when: r.lits(w, None),
    });
    Some(RuleKind::Allowed {
        groups: keys,
        rows: list,
    })
}
