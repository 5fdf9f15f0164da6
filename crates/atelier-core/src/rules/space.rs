//! The compiled form of a catalog's rules: groups (the choices a design makes) with their domains, and
//! constraints over "group takes one of these options" literals or over the rows of a variant table. Built by
//! catalog validation (`catalog::rules`); the solver only reads it.
//!
//! Values are bit positions in a [`Domain`]: for zone groups the position in the catalog's material or color
//! palette, so "the same option" in two zones is the same bit and matching panels is a bitwise AND; for a
//! product-wide choice group, the position in its own option list.

use crate::id::{ChoiceId, ZoneId};
use serde::{Deserialize, Serialize};

/// A set of options of one group, as bits (at most [`MAX_OPTIONS`]).
pub type Domain = u64;

/// The most options one palette or choice group may have, so a domain fits one [`Domain`].
pub const MAX_OPTIONS: usize = 64;

/// Which choice of a design a group is; written as a string (`toe.material`, `toe.color`, `match`) in rules,
/// problem paths and stored selections.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum GroupKey {
    /// A zone's material (`toe.material`).
    Material(ZoneId),
    /// A zone's color (`toe.color`).
    Color(ZoneId),
    /// A product-wide choice group (`match`).
    Choice(ChoiceId),
}

impl GroupKey {
    /// The key as written in rules and problem paths: `toe.material`, `toe.color`, `match`.
    pub fn as_key(&self) -> String {
        match self {
            GroupKey::Material(z) => format!("{z}.material"),
            GroupKey::Color(z) => format!("{z}.color"),
            GroupKey::Choice(c) => c.0.clone(),
        }
    }

    /// Parses a key written as [`GroupKey::as_key`] does, without checking that it exists.
    pub fn parse(key: &str) -> GroupKey {
        match key.rsplit_once('.') {
            Some((zone, "material")) => GroupKey::Material(zone.into()),
            Some((zone, "color")) => GroupKey::Color(zone.into()),
            _ => GroupKey::Choice(key.into()),
        }
    }
}

impl From<GroupKey> for String {
    fn from(k: GroupKey) -> String {
        k.as_key()
    }
}

impl From<String> for GroupKey {
    fn from(s: String) -> GroupKey {
        GroupKey::parse(&s)
    }
}

/// One variable: a choice every design makes.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Which choice.
    pub key: GroupKey,
    /// Option ids by bit position (the palette for zone groups; unused positions are empty strings).
    pub options: Vec<String>,
    /// The options this group offers.
    pub domain: Domain,
    /// Which namespace its bits belong to: 0 materials, 1 colors, 2 + i the i-th choice group. Only groups of
    /// one namespace can be required equal.
    pub namespace: usize,
}

/// "Group `group` takes one of the options in `set`".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lit {
    /// Group index in [`Space::groups`].
    pub group: u16,
    /// Allowed options.
    pub set: Domain,
}

/// A compiled constraint; `rule` is the index of the catalog rule it came from.
///
/// Design note: a variant table is kept as its rows (`Table`) rather than expanded into clauses, so the
/// solver can keep exactly the options some still-possible row supports (generalized arc consistency); a
/// clause encoding of a 30,000-row table would be larger and propagate less.
#[derive(Clone, Debug, PartialEq)]
pub enum Constraint {
    /// At least one literal holds.
    Clause {
        /// Source rule.
        rule: u16,
        /// The literals.
        lits: Vec<Lit>,
    },
    /// While every `when` literal holds, groups `a` and `b` take the same option.
    Equal {
        /// Source rule.
        rule: u16,
        /// First group.
        a: u16,
        /// Second group.
        b: u16,
        /// Guard.
        when: Vec<Lit>,
    },
    /// While every `when` literal holds, at most `max` of `lits` hold.
    AtMost {
        /// Source rule.
        rule: u16,
        /// Bound.
        max: u16,
        /// Counted literals.
        lits: Vec<Lit>,
        /// Guard.
        when: Vec<Lit>,
    },
    /// While every `when` literal holds, `groups` take the options of one of the rows.
    Table {
        /// Source rule.
        rule: u16,
        /// The columns (distinct groups).
        groups: Vec<u16>,
        /// The rows, flattened: row `r` is `cells[r * groups.len()..][..groups.len()]`, option bits.
        cells: Vec<u8>,
        /// Guard.
        when: Vec<Lit>,
    },
}

/// Whether `row` of a table over `groups` matches `values` in every column other than `skip`.
fn row_matches(groups: &[u16], row: &[u8], values: &[u8], skip: Option<usize>) -> bool {
    groups
        .iter()
        .zip(row)
        .enumerate()
        .all(|(i, (&g, &v))| Some(i) == skip || values[usize::from(g)] == v)
}

impl Constraint {
    /// The rule it came from.
    pub fn rule(&self) -> usize {
        match self {
            Constraint::Clause { rule, .. }
            | Constraint::Equal { rule, .. }
            | Constraint::AtMost { rule, .. }
            | Constraint::Table { rule, .. } => usize::from(*rule),
        }
    }

    /// Every group it mentions (with repeats).
    pub fn groups(&self) -> Vec<u16> {
        match self {
            Constraint::Clause { lits, .. } => lits.iter().map(|l| l.group).collect(),
            Constraint::Equal { a, b, when, .. } => {
                let mut g = vec![*a, *b];
                g.extend(when.iter().map(|l| l.group));
                g
            }
            Constraint::AtMost { lits, when, .. } => {
                lits.iter().chain(when).map(|l| l.group).collect()
            }
            Constraint::Table { groups, when, .. } => groups
                .iter()
                .copied()
                .chain(when.iter().map(|l| l.group))
                .collect(),
        }
    }

    /// The options of group `g` with which it holds when every other group keeps its option in `values`
    /// (`values[g]` itself is ignored): one pass instead of one check per option.
    pub fn allows(&self, g: u16, values: &[u8]) -> Domain {
        let is = |l: &Lit| l.set >> values[usize::from(l.group)] & 1 == 1;
        // Where a guard holds, as far as `g` decides it; `None` when another group already breaks it.
        let guard = |when: &[Lit]| -> Option<Domain> {
            let mut on = Domain::MAX;
            for l in when {
                if l.group == g {
                    on &= l.set;
                } else if !is(l) {
                    return None;
                }
            }
            Some(on)
        };
        match self {
            Constraint::Clause { lits, .. } => {
                let mut allowed = 0;
                for l in lits {
                    if l.group == g {
                        allowed |= l.set;
                    } else if is(l) {
                        return Domain::MAX;
                    }
                }
                allowed
            }
            Constraint::Equal { a, b, when, .. } => {
                let Some(on) = guard(when) else {
                    return Domain::MAX;
                };
                let equal = if *a == g {
                    1 << values[usize::from(*b)]
                } else if *b == g {
                    1 << values[usize::from(*a)]
                } else if values[usize::from(*a)] == values[usize::from(*b)] {
                    Domain::MAX
                } else {
                    0
                };
                !on | equal
            }
            Constraint::AtMost {
                max, lits, when, ..
            } => {
                let Some(on) = guard(when) else {
                    return Domain::MAX;
                };
                let others = lits.iter().filter(|l| l.group != g && is(l)).count();
                let mine: Vec<Domain> = lits
                    .iter()
                    .filter(|l| l.group == g)
                    .map(|l| l.set)
                    .collect();
                let max = usize::from(*max);
                let fits = if others > max {
                    0
                } else if mine.len() <= max - others {
                    Domain::MAX
                } else {
                    (0..Domain::BITS)
                        .filter(|&v| {
                            others + mine.iter().filter(|s| *s >> v & 1 == 1).count() <= max
                        })
                        .fold(0, |d, v| d | 1 << v)
                };
                !on | fits
            }
            Constraint::Table {
                groups,
                cells,
                when,
                ..
            } => {
                let Some(on) = guard(when) else {
                    return Domain::MAX;
                };
                let column = groups.iter().position(|&c| c == g);
                let mut fits: Domain = 0;
                for row in cells.chunks_exact(groups.len().max(1)) {
                    if row_matches(groups, row, values, column) {
                        match column {
                            Some(i) => fits |= 1 << row[i],
                            None => {
                                fits = Domain::MAX;
                                break;
                            }
                        }
                    }
                }
                !on | fits
            }
        }
    }

    /// Whether a complete assignment (one option bit per group) satisfies it.
    pub fn holds(&self, values: &[u8]) -> bool {
        let is = |l: &Lit| l.set >> values[usize::from(l.group)] & 1 == 1;
        match self {
            Constraint::Clause { lits, .. } => lits.iter().any(is),
            Constraint::Equal { a, b, when, .. } => {
                !when.iter().all(is) || values[usize::from(*a)] == values[usize::from(*b)]
            }
            Constraint::AtMost {
                max, lits, when, ..
            } => !when.iter().all(is) || lits.iter().filter(|l| is(l)).count() <= usize::from(*max),
            Constraint::Table {
                groups,
                cells,
                when,
                ..
            } => {
                !when.iter().all(is)
                    || cells
                        .chunks_exact(groups.len().max(1))
                        .any(|row| row_matches(groups, row, values, None))
            }
        }
    }
}

/// Groups and constraints, with each group's constraints indexed for propagation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Space {
    /// Every choice a design makes: per zone its material then its color, then the choice groups.
    pub groups: Vec<Group>,
    /// Every compiled constraint.
    pub constraints: Vec<Constraint>,
    /// Per group, the constraints that mention it.
    pub watch: Vec<Vec<u32>>,
    /// The catalog's default design as option bits per group (set by catalog validation).
    pub defaults: Vec<u8>,
}

impl Space {
    /// A space over `groups` with `constraints`, indexing which constraints mention which group.
    pub fn new(groups: Vec<Group>, constraints: Vec<Constraint>) -> Space {
        let mut watch = vec![Vec::new(); groups.len()];
        for (i, c) in constraints.iter().enumerate() {
            let mut gs = c.groups();
            gs.sort_unstable();
            gs.dedup();
            for g in gs {
                watch[usize::from(g)].push(i as u32);
            }
        }
        Space {
            defaults: vec![0; groups.len()],
            groups,
            constraints,
            watch,
        }
    }

    /// The index of the group with `key`.
    pub fn group(&self, key: &GroupKey) -> Option<usize> {
        self.groups.iter().position(|g| &g.key == key)
    }

    /// The bit of `option` in group `g`, if the group offers it.
    pub fn bit(&self, g: usize, option: &str) -> Option<u8> {
        let group = &self.groups[g];
        let bit = group.options.iter().position(|o| o == option)?;
        (group.domain >> bit & 1 == 1).then_some(bit as u8)
    }

    /// Every group's domain, before any choice.
    pub fn initial(&self) -> Vec<Domain> {
        self.groups.iter().map(|g| g.domain).collect()
    }

    /// The constraints a complete assignment breaks.
    pub fn broken(&self, values: &[u8]) -> impl Iterator<Item = &Constraint> {
        self.constraints.iter().filter(move |c| !c.holds(values))
    }
}
