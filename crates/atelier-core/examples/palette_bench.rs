//! Native palette figures: a generated 256 × 256 "room photo" (wall, floor, cabinets, window; gradients and
//! noise) through Lab conversion alone, then the whole extraction (conversion, binning, k-means with k = 8,
//! merging), then matching every palette color to the appliance set in all three harmony modes; p50/p95 over
//! 30 runs after one warm-up. Prints `key: value unit` lines. Run with `--release`.

use atelier_core::Catalog;
use atelier_core::color::{Srgb8, srgb8_to_lab};
use atelier_core::color_match::{Harmony, suggest};
use atelier_core::photo_palette::extract;
use atelier_core::synthetic_photo::room_photo;
use std::time::Instant;

const RUNS: usize = 30;

fn time(mut f: impl FnMut()) -> Vec<f64> {
    f();
    let mut t: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t
}

fn report(name: &str, t: &[f64]) {
    let pick = |q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
    println!("palette.native.{name}_p50_ms: {:.3} ms", pick(0.5));
    println!("palette.native.{name}_p95_ms: {:.3} ms", pick(0.95));
}

fn main() {
    let (w, h) = (256, 256);
    let rgba = room_photo(w, h, 7);
    let catalog = Catalog::from_json(
        include_str!("../../../static/catalogs/bespoke-set.json"),
        &|_: &str| true,
    )
    .expect("the sample catalog is valid");

    // Every pixel converted, none skipped as a repeat: the conversion's share of an extraction.
    let convert = time(|| {
        for px in rgba.chunks_exact(4) {
            std::hint::black_box(srgb8_to_lab(Srgb8 {
                r: px[0],
                g: px[1],
                b: px[2],
            }));
        }
    });
    let mut palette = Vec::new();
    let extract_t = time(|| palette = extract(&rgba, w, h, 8).expect("sizes match"));
    let match_t = time(|| {
        for p in &palette {
            for harmony in [Harmony::Match, Harmony::ToneOnTone, Harmony::Contrast] {
                std::hint::black_box(suggest(p.lab, &catalog, harmony, 3));
            }
        }
    });
    println!("palette.native.pixels: {} px", w * h);
    println!("palette.native.colors: {} colors", palette.len());
    report("lab_conversion", &convert);
    report("extract", &extract_t);
    report("match", &match_t);
}
