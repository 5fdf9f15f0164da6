//! A contact sheet for judging the surfaces by eye: the sample sneaker's side view with every zone painted in
//! one color, once per surface, cropped to the toe and quarter and laid out in a grid.
//! `cargo run -p atelier-render --example material_board -- OUT.png [#rrggbb]`

use atelier_core::Catalog;
use atelier_core::catalog::Surface;
use atelier_render::{Frame, Tint, ViewLayers};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .ok_or("usage: material_board OUT.png [#rrggbb]")?;
    let hex = args.next().unwrap_or_else(|| "#b22d2d".into());
    let color = atelier_core::color::Srgb8::from_hex(&hex).ok_or("color must be #rrggbb")?;
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/");
    let json = std::fs::read_to_string(format!("{root}catalogs/runner-one.json"))?;
    let catalog = Catalog::from_json(&json, &|_: &str| true).map_err(|p| format!("{p:?}"))?;
    let layers = ViewLayers::decode(&catalog.views()[0], |p| {
        std::fs::read(format!("{root}{p}")).ok()
    })?;
    let lin = atelier_render::lut::to_linear;
    let (cx, cy, cw, ch) = (90u32, 380u32, 420u32, 280u32);
    let cols = 3u32;
    let rows = (Surface::ALL.len() as u32).div_ceil(cols);
    let mut sheet = vec![255u8; (cw * cols * ch * rows * 4) as usize];
    let mut frame = Frame::new(layers.width(), layers.height());
    for (k, surface) in Surface::ALL.into_iter().enumerate() {
        let gloss = match surface {
            Surface::Patent => 256,
            Surface::Glass => 218,
            Surface::Brushed => 141,
            Surface::Leather => 115,
            Surface::Suede => 15,
            _ => 51,
        };
        let tint = Tint {
            color: [lin(color.r), lin(color.g), lin(color.b)],
            gloss,
            surface,
        };
        let tints: Vec<_> = layers.zones().map(|_| Some(tint)).collect();
        layers.render_tints(&tints, &mut frame);
        let (gx, gy) = (k as u32 % cols * cw, k as u32 / cols * ch);
        for y in 0..ch {
            for x in 0..cw {
                let src = (((cy + y) * layers.width() + cx + x) * 4) as usize;
                let dst = (((gy + y) * cw * cols + gx + x) * 4) as usize;
                sheet[dst..dst + 4].copy_from_slice(&frame.rgba()[src..src + 4]);
            }
        }
        println!("{k}: {}", surface.as_str());
    }
    image::save_buffer(&out, &sheet, cw * cols, ch * rows, image::ColorType::Rgba8)?;
    Ok(())
}
