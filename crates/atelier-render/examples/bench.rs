//! `make bench`'s native compositor figures: the sample sneaker's side view at 1024×1024, rendered 60 times
//! with a different color each time, after 5 warm-up renders; prints median and p95 in milliseconds. Then the
//! cost of one view's proof as the shop checks it (a render into a fresh frame plus its SHA-256), median of 20.

use atelier_core::Catalog;
use atelier_core::design::Choice;
use atelier_render::{Frame, ViewLayers};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/");
    let json = std::fs::read_to_string(format!("{root}catalogs/runner-one.json"))?;
    let catalog = Catalog::from_json(&json, &|_: &str| true).map_err(|p| format!("{p:?}"))?;
    let view = &catalog.views()[0];
    let layers = ViewLayers::decode(view, |p| std::fs::read(format!("{root}{p}")).ok())?;
    let mut frame = Frame::new(layers.width(), layers.height());
    let colors: Vec<_> = catalog
        .zone("quarter")
        .map(|z| z.colors.clone())
        .unwrap_or_default();
    let mut design = catalog.default_design();
    let mut times = Vec::new();
    for i in 0..65 {
        let color = colors[i % colors.len()].clone();
        design.zones.insert(
            "quarter".into(),
            Choice {
                material: "leather".into(),
                color,
            },
        );
        let valid = design.validate(&catalog).map_err(|p| format!("{p:?}"))?;
        let start = Instant::now();
        layers.render(&valid, &mut frame);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        if i >= 5 {
            times.push(ms);
        }
    }
    times.sort_by(f64::total_cmp);
    let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!("render.native.p50_ms: {:.2} ms", pick(0.5));
    println!("render.native.p95_ms: {:.2} ms", pick(0.95));

    let valid = design.validate(&catalog).map_err(|p| format!("{p:?}"))?;
    let mut proof_times: Vec<f64> = (0..20)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(atelier_render::proof::render(
                &layers,
                view.id.as_str(),
                &valid,
                &atelier_core::text::Fonts::new(),
            ));
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    proof_times.sort_by(f64::total_cmp);
    println!(
        "proof.native.view_p50_ms: {:.2} ms",
        proof_times[proof_times.len() / 2]
    );
    Ok(())
}
