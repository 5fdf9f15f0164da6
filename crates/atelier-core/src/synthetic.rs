//! Synthetic catalogs of any size, for the rules benchmark (30 groups × 40 options × 200 rules) and for
//! property tests on small random products. Deterministic for a seed, so the browser and the native build
//! see the very same catalog.
//!
//! Every kind of rule appears (requires, only-with with two conditions, excludes, at-most over every zone,
//! guarded equality, and variant tables when asked for), built so the default design keeps them. A random
//! rule set can still make an option unreachable; such rules are replaced until the catalog validates, so the
//! result always is a valid product.

use crate::catalog::Catalog;
use crate::problem::ProblemKind;
use crate::rules::{Outcome, Selection};
use serde_json::{Value, json};

/// A small xorshift generator: enough randomness for test data, identical on every target.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn name(s: &str) -> Value {
    json!({ "en": s, "ko": s })
}

/// A catalog JSON text with `zones` zones (each offering all `options` materials and all `options` colors,
/// so `2 × zones` groups) and exactly `rules` rules, valid per [`Catalog::from_json`] (layer files are fake:
/// pass a `file_exists` that answers true). `options` is at least 2.
pub fn catalog_json(zones: usize, options: usize, rules: usize, seed: u64) -> String {
    catalog_json_with_tables(zones, options, rules, 0, seed)
}

/// Like [`catalog_json`], with `tables` variant tables (`allowed`) after the `rules` other rules: each over two
/// or three groups (zone groups or the `mode` choice), some guarded by `mode: paired`. With no tables the
/// catalog is exactly [`catalog_json`]'s, so the bench and the cross-target fixture keep their catalogs.
pub fn catalog_json_with_tables(
    zones: usize,
    options: usize,
    rules: usize,
    tables: usize,
    seed: u64,
) -> String {
    let options = options.max(2);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let materials: Vec<Value> = (0..options)
        .map(|i| json!({ "id": format!("m{i}"), "name": name(&format!("M{i}")), "price": i * 100 }))
        .collect();
    let colors: Vec<Value> = (0..options)
        .map(|i| json!({ "id": format!("c{i}"), "name": name(&format!("C{i}")), "swatch": format!("#{:02x}{:02x}{:02x}", i * 5 % 256, 128, 255 - i * 5 % 256) }))
        .collect();
    let all_m: Vec<String> = (0..options).map(|i| format!("m{i}")).collect();
    let all_c: Vec<String> = (0..options).map(|i| format!("c{i}")).collect();
    let zone_list: Vec<Value> = (0..zones)
        .map(|z| json!({ "id": format!("z{z}"), "name": name(&format!("Zone {z}")), "materials": all_m, "colors": all_c, "default": { "material": "m0", "color": "c0" } }))
        .collect();
    let layers: Vec<Value> = (0..zones)
        .map(|z| json!({ "zone": format!("z{z}"), "file": format!("synthetic/z{z}.png") }))
        .collect();
    let mut base = json!({
        "format": 1,
        "id": "synthetic",
        "name": name("Synthetic"),
        "currency": "KRW",
        "base_price": 100000,
        "sizes": [{ "id": "one", "name": name("One") }],
        "materials": materials,
        "colors": colors,
        "zones": zone_list,
        "views": [{ "id": "front", "name": name("Front"), "width": 64, "height": 64, "base": "synthetic/base.png", "layers": layers }],
        "choices": [{ "id": "mode", "name": name("Mode"), "options": [{ "id": "plain", "name": name("Plain") }, { "id": "paired", "name": name("Paired") }], "default": "plain" }],
    });
    let mut list: Vec<Value> = (0..rules)
        .map(|i| rule(&mut rng, i, zones, options))
        .collect();
    list.extend((0..tables).map(|i| table(&mut rng, rules + i, zones, options)));
    // Replace rules the validator blames until none is blamed; bounded so a hopeless size still returns.
    for _ in 0..200 {
        base["rules"] = Value::Array(list.clone());
        let text = base.to_string();
        let Err(problems) = Catalog::from_json(&text, &|_: &str| true) else {
            return text;
        };
        let mut blamed: Vec<usize> = problems
            .iter()
            .filter(|p| p.kind.code() != "syntax")
            .filter_map(|p| {
                p.path
                    .strip_prefix("rules[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|n| n.parse().ok())
            })
            .collect();
        blamed.sort_unstable();
        blamed.dedup();
        if blamed.is_empty() {
            break;
        }
        for i in blamed {
            let k = rng.below(10);
            list[i] = if i < rules {
                rule(&mut rng, i + 1000 * k, zones, options)
            } else {
                table(&mut rng, i + 1000 * k, zones, options)
            };
        }
    }
    base["rules"] = Value::Array(list);
    base.to_string()
}

/// One random rule that the all-defaults design keeps (option 0 everywhere, `mode` plain).
fn rule(rng: &mut Rng, i: usize, zones: usize, options: usize) -> Value {
    let kind = ["material", "color"];
    let group = |rng: &mut Rng| format!("z{}.{}", rng.below(zones), kind[rng.below(2)]);
    let prefix = |g: &str| if g.ends_with("material") { 'm' } else { 'c' };
    // Options other than the default, so a condition never holds for the default design.
    let pick = |rng: &mut Rng, g: &str| format!("{}{}", prefix(g), 1 + rng.below(options - 1));
    let subset = |rng: &mut Rng, g: &str| -> Vec<String> {
        let want = options / 2 + rng.below(options / 4 + 1);
        let mut s = vec![format!("{}0", prefix(g))];
        while s.len() < want.min(options) {
            let o = format!("{}{}", prefix(g), rng.below(options));
            if !s.contains(&o) {
                s.push(o);
            }
        }
        s
    };
    let id = format!("r{i}");
    match i % 20 {
        0..=8 => {
            let (a, b) = (group(rng), group(rng));
            let (x, s) = (pick(rng, &a), subset(rng, &b));
            json!({ "id": id, "requires": { "if": { a: [x] }, "then": { b: s } } })
        }
        9..=10 => {
            let (a, b, c) = (group(rng), group(rng), group(rng));
            let (x, y, s) = (pick(rng, &a), pick(rng, &b), subset(rng, &c));
            json!({ "id": id, "only_with": { "if": { a: [x], b: [y] }, "then": { c: s } } })
        }
        11..=15 => {
            let (a, b) = (group(rng), group(rng));
            let (x, y) = (pick(rng, &a), pick(rng, &b));
            json!({ "id": id, "excludes": [{ a: [x] }, { b: [y] }] })
        }
        16 => {
            let x = format!("m{}", 1 + rng.below(options - 1));
            json!({ "id": id, "at_most": { "count": 2 + rng.below(3), "of": { "*.material": [x] } } })
        }
        17..=18 => {
            let x = format!("m{}", 1 + rng.below(options - 1));
            let s = subset(rng, "c");
            json!({ "id": id, "requires": { "if": { "*.material": [x] }, "then": { "*.color": s } } })
        }
        _ => {
            let (a, b) = (rng.below(zones), rng.below(zones));
            let k = kind[rng.below(2)];
            json!({ "id": id, "equal": [format!("z{a}.{k}"), format!("z{b}.{k}")], "when": { "mode": ["paired"] } })
        }
    }
}

/// One random variant table that the all-defaults design keeps: its first row is every column's default, and
/// each option of each column appears in some row (so the table alone leaves nothing unreachable).
fn table(rng: &mut Rng, i: usize, zones: usize, options: usize) -> Value {
    let width = 2 + rng.below(2);
    // Group keys by number: `2 * zones` zone groups, then the `mode` choice.
    let key = |n: usize| match n {
        n if n == 2 * zones => "mode".to_owned(),
        n => format!("z{}.{}", n / 2, ["material", "color"][n % 2]),
    };
    let mut cols: Vec<usize> = Vec::new();
    while cols.len() < width.min(2 * zones + 1) {
        let n = rng.below(2 * zones + 1);
        if !cols.contains(&n) {
            cols.push(n);
        }
    }
    let name = |col: usize, v: usize| match col {
        c if c == 2 * zones => ["plain", "paired"][v % 2].to_owned(),
        c => format!("{}{v}", ["m", "c"][c % 2]),
    };
    let size = |col: usize| if col == 2 * zones { 2 } else { options };
    let mut rows: Vec<Vec<String>> = vec![cols.iter().map(|&c| name(c, 0)).collect()];
    for (j, &col) in cols.iter().enumerate() {
        for v in 0..size(col) {
            let row: Vec<String> = cols
                .iter()
                .enumerate()
                .map(|(k, &c)| name(c, if k == j { v } else { rng.below(size(c)) }))
                .collect();
            if !rows.contains(&row) {
                rows.push(row);
            }
        }
    }
    // Then about two in three of all combinations, so that tables leave room for each other and for the
    // other rules (a table is a list of what is made, usually most of what could be).
    let combos: usize = cols.iter().map(|&c| size(c)).product();
    for n in 0..combos {
        let mut rest = n;
        let row: Vec<String> = cols
            .iter()
            .map(|&c| {
                let v = rest % size(c);
                rest /= size(c);
                name(c, v)
            })
            .collect();
        if rng.below(3) != 0 && !rows.contains(&row) {
            rows.push(row);
        }
    }
    let groups: Vec<String> = cols.iter().map(|&c| key(c)).collect();
    let id = format!("t{i}");
    if rng.below(4) == 0 && !cols.contains(&(2 * zones)) {
        json!({ "id": id, "allowed": { "groups": groups, "rows": rows }, "when": { "mode": ["paired"] } })
    } else {
        json!({ "id": id, "allowed": { "groups": groups, "rows": rows } })
    }
}

/// The selections a shopper passes through when clicking `steps` random options (accepting every offered
/// fix), starting from the default design: the benchmark's workload and a cross-target fixture.
pub fn random_walk(catalog: &Catalog, steps: usize, seed: u64) -> Vec<Selection> {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let groups = &catalog.space.groups;
    let mut selection = Selection::new(catalog);
    let mut out = Vec::with_capacity(steps);
    for _ in 0..steps {
        let group = &groups[rng.below(groups.len())];
        let offered: Vec<&String> = (0..group.options.len())
            .filter(|&b| group.domain >> b & 1 == 1)
            .map(|b| &group.options[b])
            .collect();
        let option = offered[rng.below(offered.len())];
        selection = match selection.choose(catalog, &group.key, option) {
            Outcome::Applied { selection, .. } => selection,
            Outcome::Conflict(fix) => fix.selection,
            Outcome::Unknown => selection,
        };
        out.push(selection.clone());
    }
    out
}

/// The rows of the industrial model's tables come from these many random designs (the largest tables use all).
const SEED_DESIGNS: usize = 32_000;

/// A catalog JSON text shaped like a car manufacturer's model in the configuration benchmarks: 100 choice
/// groups with 2–42 options, 110 variant tables of 2–10 columns and about 110,000 rows in all (three over
/// 30,000 rows), one zone and one view so it is a product like any other. Deterministic for `seed`.
///
/// Every table lists the projections of the first `n` of a fixed list of random designs onto its columns
/// (`n` per table, at least 42), so the first 42 designs keep every table: some valid design exists, the
/// defaults (the first design) keep every rule, and every option is possible (the first 42 designs between
/// them take every option of every group). Rows beyond those make the tables differ in what they allow.
pub fn industrial_json(seed: u64) -> String {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let groups = 100;
    let sizes: Vec<usize> = (0..groups)
        .map(|g| if g % 10 == 0 { 42 } else { 2 + rng.below(24) })
        .collect();
    // The first 42 designs take option `k mod size` in each group (every option of every group appears);
    // the rest are random.
    let designs: Vec<Vec<usize>> = (0..SEED_DESIGNS)
        .map(|k| {
            sizes
                .iter()
                .map(|&n| if k < 42 { k % n } else { rng.below(n) })
                .collect()
        })
        .collect();
    let choices: Vec<Value> = (0..groups)
        .map(|g| {
            let options: Vec<Value> = (0..sizes[g])
                .map(|o| json!({ "id": format!("o{o}"), "name": name(&format!("O{o}")) }))
                .collect();
            json!({ "id": format!("g{g}"), "name": name(&format!("G{g}")), "options": options, "default": "o0" })
        })
        .collect();
    let mut rules = Vec::new();
    for t in 0..110 {
        // The three largest tables are wide, so their 30,000 designs give as many distinct rows.
        let width = if t < 3 {
            8 + rng.below(3)
        } else {
            2 + rng.below(9)
        };
        let mut cols: Vec<usize> = Vec::new();
        while cols.len() < width {
            let g = rng.below(groups);
            if !cols.contains(&g) {
                cols.push(g);
            }
        }
        let used = if t < 3 {
            30_200 + rng.below(800)
        } else {
            42 + rng.below(360)
        };
        let mut seen = std::collections::HashSet::new();
        let mut rows = Vec::new();
        for d in &designs[..used] {
            let row: Vec<usize> = cols.iter().map(|&g| d[g]).collect();
            if seen.insert(row.clone()) {
                rows.push(row.iter().map(|o| format!("o{o}")).collect::<Vec<_>>());
            }
        }
        let keys: Vec<String> = cols.iter().map(|g| format!("g{g}")).collect();
        rules.push(json!({ "id": format!("t{t}"), "allowed": { "groups": keys, "rows": rows } }));
    }
    json!({
        "format": 1,
        "id": "industrial",
        "name": name("Industrial"),
        "currency": "KRW",
        "base_price": 100000,
        "sizes": [{ "id": "one", "name": name("One") }],
        "materials": [{ "id": "m0", "name": name("M0") }],
        "colors": [{ "id": "c0", "name": name("C0"), "swatch": "#808080" }],
        "zones": [{ "id": "body", "name": name("Body"), "materials": ["m0"], "colors": ["c0"], "default": { "material": "m0", "color": "c0" } }],
        "views": [{ "id": "front", "name": name("Front"), "width": 64, "height": 64, "base": "synthetic/base.png", "layers": [{ "zone": "body", "file": "synthetic/body.png" }] }],
        "choices": choices,
        "rules": rules,
    })
    .to_string()
}
