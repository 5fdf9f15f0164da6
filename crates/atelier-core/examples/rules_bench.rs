//! `make bench`'s native rules figures: availability evaluation after each change on a synthetic catalog of
//! 30 groups × 40 options × 200 rules (15 zones, material and color each), over a 300-click random walk.
//! Prints `key: value unit` lines.

use atelier_core::Catalog;
use atelier_core::synthetic::{catalog_json, random_walk};
use std::time::Instant;

fn main() {
    let json = catalog_json(15, 40, 200, 1);
    let start = Instant::now();
    let catalog =
        Catalog::from_json(&json, &|_: &str| true).expect("the synthetic catalog is valid");
    let validate_ms = start.elapsed().as_secs_f64() * 1e3;
    let walk = random_walk(&catalog, 300, 7);
    // One pass to warm caches, as the browser bench does for its compiler; the second is timed.
    for selection in &walk {
        std::hint::black_box(selection.availability(&catalog));
    }
    let mut times: Vec<f64> = walk
        .iter()
        .map(|selection| {
            let start = Instant::now();
            let a = selection.availability(&catalog);
            std::hint::black_box(a);
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!("rules.native.eval_p50_ms: {:.3} ms", pick(0.5));
    println!("rules.native.eval_p95_ms: {:.3} ms", pick(0.95));
    println!("rules.native.eval_max_ms: {:.3} ms", pick(1.0));
    println!("rules.native.catalog_check_ms: {validate_ms:.1} ms");

    // What the app does when a zone is shown: explain every unavailable option of its two groups.
    let mut explain: Vec<f64> = walk
        .iter()
        .enumerate()
        .step_by(10)
        .map(|(i, selection)| {
            let available = selection.availability(&catalog);
            let zone = i % catalog.zones().len();
            let start = Instant::now();
            for g in [2 * zone, 2 * zone + 1] {
                let key = &catalog.space().groups[g].key;
                std::hint::black_box(selection.explain_group(&catalog, &available, key));
            }
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    explain.sort_by(f64::total_cmp);
    let pick = |q: f64| explain[((explain.len() - 1) as f64 * q).round() as usize];
    println!("rules.native.explain_zone_p50_ms: {:.3} ms", pick(0.5));
    println!("rules.native.explain_zone_p95_ms: {:.3} ms", pick(0.95));
}
