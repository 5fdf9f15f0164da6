//! Designs as the solver sees them: a design's options as one value (an option bit) per group of the
//! compiled [`Space`](super::Space), a design rebuilt from such values, and the rules a design breaks. The
//! bridge between [`Design`]s and the search in [`solver`](super::solver).

use super::space::GroupKey;
use crate::catalog::Catalog;
use crate::design::Design;

/// A design's option bits per group, or `None` if some group's option is unknown or not offered.
pub fn values(catalog: &Catalog, design: &Design) -> Option<Vec<u8>> {
    catalog
        .space
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let option = option_of(design, &group.key)?;
            catalog.space.bit(g, option)
        })
        .collect()
}

pub(super) fn option_of<'d>(design: &'d Design, key: &GroupKey) -> Option<&'d str> {
    match key {
        GroupKey::Material(z) => design.zones.get(z).map(|c| c.material.as_str()),
        GroupKey::Color(z) => design.zones.get(z).map(|c| c.color.as_str()),
        GroupKey::Choice(c) => design.choices.get(c).map(|o| o.as_str()),
    }
}

/// `base` with every group set from `values` (product and size kept).
pub fn design_with(catalog: &Catalog, base: &Design, values: &[u8]) -> Design {
    let mut d = base.clone();
    for (group, &v) in catalog.space.groups.iter().zip(values) {
        let option = group.options[usize::from(v)].clone();
        match &group.key {
            GroupKey::Material(z) => {
                if let Some(c) = d.zones.get_mut(z) {
                    c.material = option.as_str().into();
                }
            }
            GroupKey::Color(z) => {
                if let Some(c) = d.zones.get_mut(z) {
                    c.color = option.as_str().into();
                }
            }
            GroupKey::Choice(c) => {
                d.choices.insert(c.clone(), option.as_str().into());
            }
        }
    }
    d
}

/// The rules a design breaks (indices, each once), for designs whose options all exist.
pub fn broken_rules(catalog: &Catalog, design: &Design) -> Vec<usize> {
    let Some(v) = values(catalog, design) else {
        return Vec::new();
    };
    let mut rules: Vec<usize> = catalog.space.broken(&v).map(|c| c.rule()).collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}
