//! `make bench`'s native rules figures: availability evaluation after each change on a synthetic catalog of
//! 30 groups × 40 options × 200 rules (15 zones, material and color each), over a 300-click random walk.
//! Then the industrial-shaped model (`synthetic::industrial_json`: 100 groups, 110 variant tables, about
//! 110,000 rows) on the current search engine, the baseline for a compiled form: each phase is bounded in
//! time and reports a timeout instead of hanging. Prints `key: value unit` lines.

use atelier_core::Catalog;
use atelier_core::rules::{Outcome, Selection};
use atelier_core::synthetic::{catalog_json, industrial_json, random_walk};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the industrial model may take in all before the bench reports a timeout.
const INDUSTRIAL_LIMIT: Duration = Duration::from_secs(180);

fn main() {
    small();
    industrial();
}

fn small() {
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

/// The industrial model, on a thread: its lines are printed as each phase ends; if the whole does not end
/// within [`INDUSTRIAL_LIMIT`], a timeout line says which phase it was in and the process ends.
fn industrial() {
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        let json = industrial_json(1);
        let start = Instant::now();
        let _ = tx.send("check".into());
        let Ok(catalog) = Catalog::from_json(&json, &|_: &str| true) else {
            let _ = tx.send("line rules.industrial.invalid: 1 catalog".into());
            return;
        };
        let sizes: Vec<usize> = catalog
            .rules()
            .iter()
            .map(|r| match &r.kind {
                atelier_core::catalog::RuleKind::Allowed { rows, .. } => rows.len(),
                _ => 0,
            })
            .collect();
        let rows: usize = sizes.iter().sum();
        let largest = sizes.iter().max().copied().unwrap_or(0);
        let _ = tx.send(format!("line rules.industrial.rows: {rows} rows"));
        let _ = tx.send(format!(
            "line rules.industrial.largest_table_rows: {largest} rows"
        ));
        let _ = tx.send(format!(
            "line rules.industrial.catalog_check_s: {:.2} s",
            start.elapsed().as_secs_f64()
        ));
        // A shopper's clicks on available options only (a fix's minimal correction is another, slower
        // question): the availability after each is the timed work.
        let groups = &catalog.space().groups;
        let mut selection = Selection::new(&catalog);
        let mut times = Vec::new();
        let mut pick_rng: u64 = 0x2545_F491_4F6C_DD1D;
        for step in 0..20 {
            let _ = tx.send(format!("availability after click {step}"));
            let start = Instant::now();
            let a = selection.availability(&catalog);
            times.push(start.elapsed().as_secs_f64() * 1e3);
            pick_rng ^= pick_rng << 13;
            pick_rng ^= pick_rng >> 7;
            pick_rng ^= pick_rng << 17;
            let g = (pick_rng % groups.len() as u64) as usize;
            let offered: Vec<&String> = (0..groups[g].options.len())
                .filter(|&b| a.is_available(g, b as u8))
                .map(|b| &groups[g].options[b])
                .collect();
            let option = offered[(pick_rng >> 32) as usize % offered.len()];
            let _ = tx.send(format!("click {step}"));
            if let Outcome::Applied {
                selection: next, ..
            } = selection.choose(&catalog, &groups[g].key, option)
            {
                selection = next;
            }
        }
        let _ = tx.send(format!(
            "line rules.industrial.search.clicks: {} clicks",
            times.len()
        ));
        times.sort_by(f64::total_cmp);
        let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        let _ = tx.send(format!(
            "line rules.industrial.search.eval_p50_ms: {:.1} ms",
            pick(0.5)
        ));
        let _ = tx.send(format!(
            "line rules.industrial.search.eval_p95_ms: {:.1} ms",
            pick(0.95)
        ));
        let _ = tx.send("done".into());
    });
    let deadline = Instant::now() + INDUSTRIAL_LIMIT;
    let mut phase = String::from("generate");
    loop {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(msg) if msg == "done" => return,
            Ok(msg) => match msg.strip_prefix("line ") {
                Some(line) => println!("{line}"),
                None => phase = msg,
            },
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                println!(
                    "rules.industrial.search.timeout_s: {} s (in {phase})",
                    INDUSTRIAL_LIMIT.as_secs()
                );
                // The search cannot be interrupted; ending the process stops it.
                std::process::exit(0);
            }
        }
    }
}
