//! A rule's conditions as written, checked against the product's groups and options: which group (or every
//! zone's, for `*.`) each key names and which options it allows, turned into the solver's literals.

use super::super::model::Cond;
use super::super::problem::CatalogProblemKind as K;
use super::super::raw::RawCondition;
use super::super::validate::Checker;
use crate::rules::space::{Domain, Group, GroupKey, Lit};

/// A group key as a rule names it: one group, or every zone's material or color.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum KeyRef {
    Group(usize),
    /// `*.material` (namespace 0) or `*.color` (namespace 1).
    Star(usize),
}

/// A checked condition: each key with the set of options it allows (palette bits).
pub(super) type Checked = Vec<(KeyRef, Domain)>;

/// A checked condition with the conditions as written, kept for explaining the rule.
pub(super) type CheckedCond = (Checked, Vec<Cond>);

pub(super) struct Rules<'a> {
    pub(super) groups: &'a [Group],
    pub(super) zones: usize,
}

impl Rules<'_> {
    pub(super) fn key(&self, key: &str) -> Option<KeyRef> {
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
    pub(super) fn group(&self, k: KeyRef, z: Option<usize>) -> usize {
        match (k, z) {
            (KeyRef::Group(g), _) => g,
            (KeyRef::Star(ns), Some(z)) => 2 * z + ns,
            // A rule with a `*.` key always has a zone instance; zone 0 keeps this total.
            (KeyRef::Star(ns), None) => ns,
        }
    }

    pub(super) fn lits(&self, cond: &Checked, z: Option<usize>) -> Vec<Lit> {
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

    pub(super) fn negate(&self, lits: &[Lit]) -> Vec<Lit> {
        lits.iter()
            .map(|l| Lit {
                group: l.group,
                set: self.groups[usize::from(l.group)].domain & !l.set,
            })
            .collect()
    }

    /// Checks a condition object, reporting unknown groups and options at their paths.
    pub(super) fn cond(&self, c: &mut Checker, at: &str, raw: RawCondition) -> Option<CheckedCond> {
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
