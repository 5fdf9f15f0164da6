//! Shared by the rules tests: the sample catalogs, and an independent reading of a catalog's rules on a
//! design, written straight from the catalog format (not from the compiled constraints), so brute force over
//! it checks the compiler and the solver together.

#![allow(dead_code, missing_docs)]

use atelier_core::catalog::{Cond, Rule, RuleKind};
use atelier_core::rules::GroupKey;
use atelier_core::{Catalog, Design};

pub const RUNNER: &str = include_str!("../../../../static/catalogs/runner-one.json");
pub const BESPOKE: &str = include_str!("../../../../static/catalogs/bespoke-set.json");

pub fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json, &|_: &str| true).expect("catalog is valid")
}

/// The option a design has for a group key (`*.` keys resolved to `zone`).
fn value<'d>(design: &'d Design, key: &str, zone: Option<&str>) -> Option<&'d str> {
    let key = match (key.strip_prefix("*."), zone) {
        (Some(kind), Some(z)) => format!("{z}.{kind}"),
        _ => key.to_owned(),
    };
    match GroupKey::parse(&key) {
        GroupKey::Material(z) => design.zones.get(&z).map(|c| c.material.as_str()),
        GroupKey::Color(z) => design.zones.get(&z).map(|c| c.color.as_str()),
        GroupKey::Choice(c) => design.choices.get(&c).map(|o| o.as_str()),
    }
}

fn holds(conds: &[Cond], design: &Design, zone: Option<&str>) -> bool {
    conds
        .iter()
        .all(|c| value(design, &c.key, zone).is_some_and(|v| c.options.iter().any(|o| o == v)))
}

fn starred(conds: &[Cond]) -> bool {
    conds.iter().any(|c| c.key.starts_with("*."))
}

/// Whether `design` keeps `rule`, read from the rule as written.
pub fn keeps(catalog: &Catalog, rule: &Rule, design: &Design) -> bool {
    let zones: Vec<&str> = catalog.zones.iter().map(|z| z.id.as_str()).collect();
    let per_zone = |conds: Vec<&Cond>| -> Vec<Option<&str>> {
        let owned: Vec<Cond> = conds.into_iter().cloned().collect();
        if starred(&owned) {
            zones.iter().map(|z| Some(*z)).collect()
        } else {
            vec![None]
        }
    };
    match &rule.kind {
        RuleKind::Requires { if_, then } | RuleKind::OnlyWith { if_, then } => {
            let all: Vec<&Cond> = rule.when.iter().chain(if_).chain(then).collect();
            per_zone(all).into_iter().all(|z| {
                !(holds(&rule.when, design, z) && holds(if_, design, z)) || holds(then, design, z)
            })
        }
        RuleKind::Excludes(parts) => {
            let all: Vec<&Cond> = rule.when.iter().chain(parts.iter().flatten()).collect();
            per_zone(all).into_iter().all(|z| {
                !(holds(&rule.when, design, z) && parts.iter().all(|p| holds(p, design, z)))
            })
        }
        RuleKind::Equal(keys) => {
            if !holds(&rule.when, design, None) {
                return true;
            }
            let mut values = Vec::new();
            for k in keys {
                if k.starts_with("*.") {
                    values.extend(zones.iter().map(|z| value(design, k, Some(z))));
                } else {
                    values.push(value(design, k, None));
                }
            }
            values.windows(2).all(|w| w[0] == w[1])
        }
        RuleKind::AtMost { count, of } => {
            if !holds(&rule.when, design, None) {
                return true;
            }
            let n = per_zone(of.iter().collect())
                .into_iter()
                .filter(|z| holds(of, design, *z))
                .count();
            n <= *count as usize
        }
    }
}

/// Whether `design` keeps every rule of `catalog`.
pub fn valid(catalog: &Catalog, design: &Design) -> bool {
    catalog.rules.iter().all(|r| keeps(catalog, r, design))
}

/// Every design of the catalog (all combinations of offered options), for small catalogs only.
pub fn every_design(catalog: &Catalog) -> Vec<Design> {
    let groups = &catalog.space.groups;
    let offered: Vec<Vec<&String>> = groups
        .iter()
        .map(|g| {
            (0..g.options.len())
                .filter(|&b| g.domain >> b & 1 == 1)
                .map(|b| &g.options[b])
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    let mut index = vec![0usize; groups.len()];
    let base = catalog.default_design();
    loop {
        let mut d = base.clone();
        for (g, group) in groups.iter().enumerate() {
            let o = offered[g][index[g]].clone();
            match &group.key {
                GroupKey::Material(z) => {
                    d.zones.get_mut(z).expect("zone").material = o.as_str().into()
                }
                GroupKey::Color(z) => d.zones.get_mut(z).expect("zone").color = o.as_str().into(),
                GroupKey::Choice(c) => {
                    d.choices.insert(c.clone(), o.as_str().into());
                }
            }
        }
        out.push(d);
        let mut g = 0;
        loop {
            if g == groups.len() {
                return out;
            }
            index[g] += 1;
            if index[g] < offered[g].len() {
                break;
            }
            index[g] = 0;
            g += 1;
        }
    }
}

/// The option a design has for a group.
pub fn option(design: &Design, key: &GroupKey) -> String {
    value(design, &key.as_key(), None)
        .unwrap_or_default()
        .to_owned()
}

/// A digest of the availability seen along a deterministic random walk: equal digests on two targets mean
/// both builds offered the same options at every step. FNV-1a, enough to detect a difference.
pub fn availability_digest(catalog: &Catalog, steps: usize, seed: u64) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for s in atelier_core::synthetic::random_walk(catalog, steps, seed) {
        for d in s.availability(catalog).available {
            eat(&d.to_le_bytes());
        }
        eat(serde_json::to_string(&s.design)
            .expect("design serializes")
            .as_bytes());
    }
    format!("{h:016x}")
}

/// The walks compared across targets: (name, catalog JSON, steps, seed).
pub fn agreement_cases() -> Vec<(&'static str, String, usize, u64)> {
    vec![
        ("runner-one", RUNNER.to_owned(), 60, 1),
        ("bespoke-set", BESPOKE.to_owned(), 60, 2),
        (
            "synthetic-15x40x200",
            atelier_core::synthetic::catalog_json(15, 40, 200, 1),
            40,
            3,
        ),
    ]
}

pub const AGREEMENT: &str = include_str!("../fixtures/availability.json");
