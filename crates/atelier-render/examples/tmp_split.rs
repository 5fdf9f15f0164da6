use atelier_core::Catalog;
use atelier_render::{Frame, Rect, ViewLayers};
use std::time::Instant;
fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/");
    let json = std::fs::read_to_string(format!("{root}catalogs/runner-one.json")).unwrap();
    let catalog = Catalog::from_json(&json, &|_: &str| true).unwrap();
    let layers = ViewLayers::decode(&catalog.views[0], |p| {
        std::fs::read(format!("{root}{p}")).ok()
    })
    .unwrap();
    let mut frame = Frame::new(1024, 1024);
    let d = catalog.default_design();
    let v = d.validate(&catalog).unwrap();
    let tints = layers.tints(&v);
    let none: Vec<_> = tints.iter().map(|_| None).collect();
    for (name, t) in [("full", &tints), ("none", &none)] {
        let mut ts = vec![];
        for _ in 0..40 {
            let s = Instant::now();
            layers.render_tints(t, &mut frame);
            ts.push(s.elapsed().as_secs_f64() * 1000.0);
        }
        ts.sort_by(f64::total_cmp);
        println!("{name}: {:.2}", ts[20]);
    }
    for z in layers.zones() {
        let b = layers.zone_bounds(z.as_str()).unwrap();
        let mut ts = vec![];
        for _ in 0..40 {
            let s = Instant::now();
            layers.render_tints_region(&tints, &mut frame, b);
            ts.push(s.elapsed().as_secs_f64() * 1000.0);
        }
        ts.sort_by(f64::total_cmp);
        println!("{z:?} {:?} area {}: {:.2}", b, b.area(), ts[20]);
    }
    let _ = Rect::default();
}
