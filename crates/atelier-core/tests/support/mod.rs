//! Shared by the rules tests: the sample catalogs, and an independent reading of a catalog's rules on a
//! design, written straight from the catalog format (not from the compiled constraints), so brute force over
//! it checks the compiler and the solver together.

#![allow(
    dead_code,
    reason = "each test target that includes this module uses only part of it, a different part each"
)]

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
    let zones: Vec<&str> = catalog.zones().iter().map(|z| z.id.as_str()).collect();
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
        RuleKind::Allowed { groups, rows } => {
            !holds(&rule.when, design, None)
                || rows.iter().any(|row| {
                    groups
                        .iter()
                        .zip(row)
                        .all(|(k, o)| value(design, k, None) == Some(o.as_str()))
                })
        }
    }
}

/// Whether `design` keeps every rule of `catalog`.
pub fn valid(catalog: &Catalog, design: &Design) -> bool {
    catalog.rules().iter().all(|r| keeps(catalog, r, design))
}

/// Every design of the catalog (all combinations of offered options), for small catalogs only.
pub fn every_design(catalog: &Catalog) -> Vec<Design> {
    let groups = &catalog.space().groups;
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
        eat(serde_json::to_string(s.design())
            .expect("design serializes")
            .as_bytes());
    }
    format!("{h:016x}")
}

/// Checks availability against brute force along a deterministic random walk over a small catalog: an
/// option is available exactly when some valid design takes it and keeps the shopper's other explicit choices.
/// The first disagreement, in words, as the error.
pub fn brute_force_agrees(catalog: &Catalog, steps: usize, seed: u64) -> Result<(), String> {
    let valid_designs: Vec<Design> = every_design(catalog)
        .into_iter()
        .filter(|d| valid(catalog, d))
        .collect();
    for s in atelier_core::synthetic::random_walk(catalog, steps, seed) {
        if !valid(catalog, s.design()) {
            return Err("the selection breaks a rule".to_owned());
        }
        let a = s.availability(catalog);
        for (gi, group) in catalog.space().groups.iter().enumerate() {
            for (b, name) in group.options.iter().enumerate() {
                if group.domain >> b & 1 == 0 {
                    continue;
                }
                let exists = valid_designs.iter().any(|d| {
                    option(d, &group.key) == *name
                        && s.explicit()
                            .iter()
                            .filter(|k| **k != group.key)
                            .all(|k| option(d, k) == option(s.design(), k))
                });
                if a.is_available(gi, b as u8) != exists {
                    return Err(format!(
                        "{}={name}: available {}, brute force {exists}",
                        group.key.as_key(),
                        a.is_available(gi, b as u8)
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Small generated catalogs with variant tables and every other rule kind, for [`brute_force_agrees`] on
/// both targets: (zones, options, rules, tables, seed).
pub const TABLE_CASES: &[(usize, usize, usize, usize, u64)] = &[
    (1, 3, 2, 2, 11),
    (2, 3, 4, 2, 12),
    (2, 4, 6, 3, 13),
    (3, 3, 5, 3, 14),
    (3, 2, 8, 4, 15),
    (2, 4, 0, 4, 16),
];

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
        (
            "synthetic-tables-5x6x30+12",
            atelier_core::synthetic::catalog_json_with_tables(5, 6, 30, 12, 4),
            40,
            5,
        ),
    ]
}

pub const AGREEMENT: &str = include_str!("../fixtures/availability.json");

pub const CIEDE2000_CSV: &str = include_str!("../data/ciede2000.csv");

/// The Sharma–Wu–Dalal reference pairs: (first, second, published ΔE00).
pub fn ciede2000_pairs() -> Vec<(atelier_core::color::Lab, atelier_core::color::Lab, f64)> {
    use atelier_core::color::Lab;
    CIEDE2000_CSV
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|line| {
            let v: Vec<f64> = line
                .split(',')
                .map(|x| x.trim().parse().expect("number"))
                .collect();
            (
                Lab {
                    l: v[0],
                    a: v[1],
                    b: v[2],
                },
                Lab {
                    l: v[3],
                    a: v[4],
                    b: v[5],
                },
                v[6],
            )
        })
        .collect()
}

/// What the browser and native builds must compute to the bit: CIEDE2000 of the reference pairs, the Lab of
/// the appliance swatches, and the palettes of two generated images, each f64/f32 as its bit pattern in hex.
pub fn color_agreement() -> serde_json::Value {
    use atelier_core::color::{Lab, ciede2000, srgb8_to_lab};
    use atelier_core::photo_palette::extract;
    use atelier_core::synthetic_photo::{blocks, room_photo};
    let bits = |x: f64| format!("{:016x}", x.to_bits());
    let lab_bits = |l: Lab| vec![bits(l.l), bits(l.a), bits(l.b)];
    let ciede: Vec<String> = ciede2000_pairs()
        .into_iter()
        .map(|(a, b, _)| bits(ciede2000(a, b)))
        .collect();
    let c = catalog(BESPOKE);
    let swatches: Vec<Vec<String>> = c
        .colors()
        .iter()
        .map(|k| lab_bits(srgb8_to_lab(k.swatch)))
        .collect();
    let palette = |rgba: &[u8], w: u32, h: u32| -> Vec<serde_json::Value> {
        extract(rgba, w, h, 8)
            .expect("sizes match")
            .into_iter()
            .map(|p| {
                serde_json::json!({
                    "srgb": p.srgb.to_string(),
                    "lab": lab_bits(p.lab),
                    "share": format!("{:08x}", p.share.to_bits()),
                })
            })
            .collect()
    };
    let hex = |s: &str| atelier_core::color::Srgb8::from_hex(s).expect("hex");
    let kitchen = blocks(
        200,
        150,
        &[
            (hex("#e6e1d7"), 0.6),
            (hex("#8fa6bd"), 0.3),
            (hex("#3a3c3f"), 0.1),
        ],
        0.01,
        42,
    );
    serde_json::json!({
        "ciede2000": ciede,
        "swatch_lab": swatches,
        "room_photo_palette": palette(&room_photo(256, 256, 7), 256, 256),
        "blocks_palette": palette(&kitchen, 200, 150),
    })
}

pub const COLOR_AGREEMENT: &str = include_str!("../fixtures/color.json");
