//! The rules in terms of designs: a [`Selection`] is a design plus which of its choices the shopper made
//! themselves, and every operation keeps it valid.
//!
//! The shopper's own choices are kept as long as they can be; everything else follows. Choosing an available
//! option applies it and re-resolves the other groups, reporting each change. Choosing an unavailable one
//! yields a [`Fix`]: the fewest of the shopper's choices to give up, the design that results, and the rules
//! behind it, to accept or decline. Since every selection is valid and every group always has its current
//! option available, no sequence of choices reaches a dead end.

use super::availability::{Availability, evaluate};
use super::design_values::option_of;
pub use super::design_values::{broken_rules, design_with, values};
use super::explain::{confirms, conflict, min_correction};
use super::solver::Solver;
use super::space::{Domain, GroupKey, Space};
use crate::catalog::Catalog;
use crate::design::Design;
use crate::id::{ChoiceId, SizeId, TextId};

/// A valid design and the groups the shopper chose themselves, oldest first.
///
/// The fields are private so that "a selection always keeps the rules" is the type's promise, not a
/// convention: a selection is made by [`Selection::new`] or [`Selection::restore`] and changed only by its
/// methods, each of which keeps it valid. (`Default` is the one exception: the empty selection of no product,
/// what a screen holds before its catalog has loaded; no catalog accepts a choice on it.)
///
/// ```compile_fail
/// # use atelier_core::rules::Selection;
/// let mut selection = Selection::default();
/// selection.design.size = None; // private: a design is changed through the rules, not by hand
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The design; always keeps every rule.
    design: Design,
    /// The shopper's own choices, oldest first.
    explicit: Vec<GroupKey>,
}

/// One group's option changing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Which group.
    pub group: GroupKey,
    /// Option before.
    pub from: String,
    /// Option after.
    pub to: String,
}

/// What choosing an option does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The option was available: the new selection and what else had to change (and the rules why).
    Applied {
        /// The new selection.
        selection: Selection,
        /// Other groups that changed to keep the design valid.
        changes: Vec<Change>,
        /// Indices of the rules that made them change.
        because: Vec<usize>,
    },
    /// The option conflicts with the shopper's own choices: a fix to accept or decline.
    Conflict(Fix),
    /// No such group or option.
    Unknown,
}

/// The smallest change to the shopper's own choices that makes an option possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The selection if accepted.
    pub selection: Selection,
    /// Every group that would change besides the chosen one.
    pub changes: Vec<Change>,
    /// The shopper's own choices it gives up.
    pub given_up: Vec<GroupKey>,
    /// Indices of the rules behind the conflict.
    pub rules: Vec<usize>,
}

/// Why an option is unavailable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// Indices of a minimal set of rules that rule it out.
    pub rules: Vec<usize>,
    /// A minimal set of the shopper's choices it conflicts with.
    pub choices: Vec<GroupKey>,
}

/// A valid assignment keeping `pinned` groups at their `prefer` value and as many others as the search finds.
/// A group that must move anyway goes to its catalog default where that keeps the design valid (a suede heel
/// that cannot stay red becomes the catalog's navy, not the palette's first color).
fn resolve(catalog: &Catalog, prefer: &[u8], pinned: &[usize]) -> Option<Vec<u8>> {
    let space = &catalog.space;
    let mut d = space.initial();
    for &g in pinned {
        d[g] = 1 << prefer[g];
    }
    let want: Vec<Domain> = prefer.iter().map(|&v| 1 << v).collect();
    let mut after = Solver::new(space).solve(&d, &want)?;
    let defaults = &space.defaults;
    for g in 0..after.len() {
        if after[g] == prefer[g] || after[g] == defaults[g] || pinned.contains(&g) {
            continue;
        }
        let moved = after[g];
        after[g] = defaults[g];
        let fine = space.watch[g]
            .iter()
            .all(|&c| space.constraints[c as usize].holds(&after));
        if !fine {
            after[g] = moved;
        }
    }
    Some(after)
}

fn changes(space: &Space, before: &[u8], after: &[u8], except: Option<usize>) -> Vec<Change> {
    (0..before.len())
        .filter(|&g| Some(g) != except && before[g] != after[g])
        .map(|g| {
            let group = &space.groups[g];
            Change {
                group: group.key.clone(),
                from: group.options[usize::from(before[g])].clone(),
                to: group.options[usize::from(after[g])].clone(),
            }
        })
        .collect()
}

/// What restoring changed: each group whose stored option (possibly one the catalog no longer has) differs
/// from the restored one. A group the stored design did not name is not a change of it.
fn restored_changes(space: &Space, stored: &Design, after: &[u8]) -> Vec<Change> {
    (space.groups.iter().zip(after))
        .filter_map(|(group, &a)| {
            let from = option_of(stored, &group.key)?;
            let to = &group.options[usize::from(a)];
            (from != to).then(|| Change {
                group: group.key.clone(),
                from: from.to_owned(),
                to: to.clone(),
            })
        })
        .collect()
}

impl Default for Selection {
    /// The empty selection of no product (an empty product id, no zones): what a screen holds before its
    /// catalog has loaded.
    fn default() -> Selection {
        Selection {
            design: Design {
                product: "".into(),
                size: None,
                zones: Default::default(),
                choices: Default::default(),
                text: Default::default(),
            },
            explicit: Vec::new(),
        }
    }
}

impl Selection {
    /// The design; it keeps every rule of its catalog.
    pub fn design(&self) -> &Design {
        &self.design
    }

    /// The groups the shopper chose themselves, oldest first.
    pub fn explicit(&self) -> &[GroupKey] {
        &self.explicit
    }

    /// Sets the size (`None` clears it). Sizes are not governed by the rules; a size the catalog does not
    /// have is refused (`false`) and nothing changes.
    pub fn set_size(&mut self, catalog: &Catalog, size: Option<SizeId>) -> bool {
        if size
            .as_ref()
            .is_some_and(|s| !catalog.sizes.iter().any(|known| &known.id == s))
        {
            return false;
        }
        self.design.size = size;
        true
    }

    /// Sets the personal text of a placement as typed (an empty text removes it). Text is not governed by
    /// the rules; its own check ([`crate::text`]) decides whether it can be ordered. A placement the catalog
    /// does not have is refused (`false`) and nothing changes.
    pub fn set_text(&mut self, catalog: &Catalog, id: TextId, text: String) -> bool {
        if catalog.text(id.as_str()).is_none() {
            return false;
        }
        if text.is_empty() {
            self.design.text.remove(&id);
        } else {
            self.design.text.insert(id, text);
        }
        true
    }

    /// Takes the size and the personal texts of `other`, a selection of the same product: the shopper's own
    /// data rather than the design's look, which moving through undo history or starting afresh keeps.
    pub fn keep_personal(&mut self, other: &Selection) {
        if self.design.product == other.design.product {
            self.design.size = other.design.size.clone();
            self.design.text = other.design.text.clone();
        }
    }

    /// The catalog's default design, nothing chosen yet.
    pub fn new(catalog: &Catalog) -> Selection {
        Selection {
            design: catalog.default_design(),
            explicit: Vec::new(),
        }
    }

    /// A selection from a stored design and choice list, which may be out of date: unknown options fall back
    /// to the defaults, choices that no longer fit together are given up oldest first, and the rest of the
    /// design is resolved. Returns what changed from the stored design.
    pub fn restore(
        catalog: &Catalog,
        stored: &Design,
        explicit: &[GroupKey],
    ) -> (Selection, Vec<Change>) {
        let space = &catalog.space;
        if stored.product != catalog.id {
            return (Selection::new(catalog), Vec::new());
        }
        // Every group is set from the resolved values below; only the size comes from the stored design.
        let mut design = catalog.default_design();
        design.size = stored.size.clone();
        // Personal text is kept as typed for placements the catalog still has (the app shows any refusal);
        // text for a dropped placement is dropped with it.
        design.text = stored
            .text
            .iter()
            .filter(|(id, _)| catalog.text(id.as_str()).is_some())
            .map(|(id, t)| (id.clone(), t.clone()))
            .collect();
        let before: Vec<u8> = space
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                option_of(stored, &group.key)
                    .and_then(|o| space.bit(g, o))
                    .unwrap_or(space.defaults[g])
            })
            .collect();
        let mut pinned: Vec<usize> = Vec::new();
        for key in explicit {
            if let Some(g) = space.group(key)
                && !pinned.contains(&g)
            {
                pinned.push(g);
            }
        }
        loop {
            if let Some(after) = resolve(catalog, &before, &pinned) {
                let selection = Selection {
                    design: design_with(catalog, &design, &after),
                    explicit: pinned
                        .iter()
                        .map(|&g| space.groups[g].key.clone())
                        .collect(),
                };
                return (selection, restored_changes(space, stored, &after));
            }
            if pinned.is_empty() {
                // Only an invalid catalog has no valid design; validation rules that out.
                return (Selection::new(catalog), Vec::new());
            }
            pinned.remove(0);
        }
    }

    fn pinned(&self, space: &Space) -> Vec<usize> {
        self.explicit
            .iter()
            .filter_map(|k| space.group(k))
            .collect()
    }

    /// The groups the shopper must choose (`required` in the catalog, no default) and has not chosen yet, in
    /// catalog order: what stands between this design and an order. The design holds a stand-in option for
    /// each, so availability and fixes work as for any group; [`Selection::design_to_order`] leaves it out.
    pub fn missing_choices(&self, catalog: &Catalog) -> Vec<ChoiceId> {
        catalog
            .choices
            .iter()
            .filter(|ch| ch.required && !self.is_explicit(&GroupKey::Choice(ch.id.clone())))
            .map(|ch| ch.id.clone())
            .collect()
    }

    /// The design as an order sends it: without the stand-ins of groups the shopper has not chosen, so the
    /// shop refuses it (`missing_choice`) rather than making a choice nobody made.
    pub fn design_to_order(&self, catalog: &Catalog) -> Design {
        let mut design = self.design.clone();
        for id in self.missing_choices(catalog) {
            design.choices.remove(&id);
        }
        design
    }

    /// Whether the shopper chose this group themselves.
    pub fn is_explicit(&self, key: &GroupKey) -> bool {
        self.explicit.contains(key)
    }

    /// Every group's available options.
    pub fn availability(&self, catalog: &Catalog) -> Availability {
        let space = &catalog.space;
        let Some(current) = values(catalog, &self.design) else {
            return Availability {
                available: space.initial(),
            };
        };
        let mut explicit = vec![false; space.groups.len()];
        for g in self.pinned(space) {
            explicit[g] = true;
        }
        evaluate(space, &explicit, &current)
    }

    /// Chooses `option` for group `key`.
    pub fn choose(&self, catalog: &Catalog, key: &GroupKey, option: &str) -> Outcome {
        let space = &catalog.space;
        let (Some(g), Some(current)) = (space.group(key), values(catalog, &self.design)) else {
            return Outcome::Unknown;
        };
        let Some(bit) = space.bit(g, option) else {
            return Outcome::Unknown;
        };
        let others: Vec<usize> = self.pinned(space).into_iter().filter(|&f| f != g).collect();
        let mut wanted = current.clone();
        wanted[g] = bit;
        let mut pinned = others.clone();
        pinned.push(g);
        if let Some(after) = resolve(catalog, &wanted, &pinned) {
            let mut because: Vec<usize> = space.broken(&wanted).map(|c| c.rule()).collect();
            because.sort_unstable();
            because.dedup();
            return Outcome::Applied {
                selection: self.with(catalog, &after, &pinned),
                changes: changes(space, &current, &after, Some(g)),
                because,
            };
        }
        let Some(give_up) = min_correction(space, &current, &others, (g, bit)) else {
            return Outcome::Unknown;
        };
        let (_, rules) = conflict(space, catalog.rules.len(), &current, &others, (g, bit));
        let pinned: Vec<usize> = pinned
            .into_iter()
            .filter(|f| !give_up.contains(f))
            .collect();
        let Some(after) = resolve(catalog, &wanted, &pinned) else {
            return Outcome::Unknown;
        };
        Outcome::Conflict(Fix {
            selection: self.with(catalog, &after, &pinned),
            changes: changes(space, &current, &after, Some(g)),
            given_up: give_up
                .iter()
                .map(|&f| space.groups[f].key.clone())
                .collect(),
            rules,
        })
    }

    fn with(&self, catalog: &Catalog, values: &[u8], pinned: &[usize]) -> Selection {
        Selection {
            design: design_with(catalog, &self.design, values),
            explicit: pinned
                .iter()
                .map(|&g| catalog.space.groups[g].key.clone())
                .collect(),
        }
    }

    /// Why each unavailable option of group `key` is unavailable, in option order: what the app shows for the
    /// part on screen. Answers found for one option are tried on the next before searching afresh.
    pub fn explain_group(
        &self,
        catalog: &Catalog,
        availability: &Availability,
        key: &GroupKey,
    ) -> Vec<(String, Explanation)> {
        let space = &catalog.space;
        let (Some(g), Some(current)) = (space.group(key), values(catalog, &self.design)) else {
            return Vec::new();
        };
        let others: Vec<usize> = self.pinned(space).into_iter().filter(|&f| f != g).collect();
        let group = &space.groups[g];
        let mut found: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        let mut out = Vec::new();
        for bit in 0..group.options.len() as u8 {
            if group.domain >> bit & 1 == 0 || availability.is_available(g, bit) {
                continue;
            }
            let rules = catalog.rules.len();
            let known = found.iter().find(|(c, r)| {
                confirms(
                    space,
                    rules,
                    &current,
                    (c.as_slice(), r.as_slice()),
                    (g, bit),
                )
            });
            let (choices, rules) = match known {
                Some(answer) => answer.clone(),
                None => {
                    let answer = conflict(space, rules, &current, &others, (g, bit));
                    found.push(answer.clone());
                    answer
                }
            };
            out.push((
                group.options[usize::from(bit)].clone(),
                Explanation {
                    rules,
                    choices: choices
                        .iter()
                        .map(|&f| space.groups[f].key.clone())
                        .collect(),
                },
            ));
        }
        out
    }

    /// Why `option` of group `key` is unavailable; `None` if it is available or unknown.
    pub fn explain(&self, catalog: &Catalog, key: &GroupKey, option: &str) -> Option<Explanation> {
        let space = &catalog.space;
        let g = space.group(key)?;
        let bit = space.bit(g, option)?;
        let current = values(catalog, &self.design)?;
        let others: Vec<usize> = self.pinned(space).into_iter().filter(|&f| f != g).collect();
        let mut d = space.initial();
        for &f in &others {
            d[f] = 1 << current[f];
        }
        d[g] = 1 << bit;
        if Solver::new(space).satisfiable(&d) {
            return None;
        }
        let (choices, rules) = conflict(space, catalog.rules.len(), &current, &others, (g, bit));
        Some(Explanation {
            rules,
            choices: choices
                .iter()
                .map(|&f| space.groups[f].key.clone())
                .collect(),
        })
    }
}
