//! Preview compositor: tints the generated layers with chosen colors the way the
//! configurator is meant to, so the artwork can be judged (and regressions seen)
//! without running the web app. It reads the PNGs from disk on purpose, so it shows
//! the files that ship rather than the SVG.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use image::RgbImage;

use crate::layers::SIZE;
use crate::products::View;

/// A color (and material gloss) chosen for one zone (or for `all` zones).
pub struct Assignment {
    /// Zone id, or `all`.
    pub zone: String,
    /// sRGB color.
    pub rgb: [u8; 3],
    /// The material's gloss, 0-100 as in a catalog.
    pub gloss: u8,
}

/// Gloss used when an assignment names none: the sample sneaker's leather.
const DEFAULT_GLOSS: u8 = 45;

/// Parses `ZONE=#RRGGBB` or `ZONE=#RRGGBB@GLOSS`.
pub fn parse_assignment(arg: &str) -> Result<Assignment> {
    let (zone, paint) = arg
        .split_once('=')
        .with_context(|| format!("expected ZONE=#RRGGBB[@GLOSS], got `{arg}`"))?;
    let (hex, gloss) = match paint.split_once('@') {
        Some((hex, gloss)) => {
            let gloss: u8 = gloss
                .parse()
                .with_context(|| format!("bad gloss in `{arg}`"))?;
            if gloss > 100 {
                bail!("gloss must be 0-100 in `{arg}`");
            }
            (hex, gloss)
        }
        None => (paint, DEFAULT_GLOSS),
    };
    let hex = hex.trim_start_matches('#');
    if hex.len() != 6 {
        bail!("expected a #RRGGBB color in `{arg}`");
    }
    let mut rgb = [0u8; 3];
    for (i, c) in rgb.iter_mut().enumerate() {
        *c = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16)
            .with_context(|| format!("bad hex color in `{arg}`"))?;
    }
    Ok(Assignment {
        zone: zone.to_string(),
        rgb,
        gloss,
    })
}

fn to_linear(v: u8) -> f32 {
    let c = f32::from(v) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn to_srgb(l: f32) -> u8 {
    let l = l.clamp(0.0, 1.0);
    let c = if l <= 0.003_130_8 {
        l * 12.92
    } else {
        1.055 * l.powf(1.0 / 2.4) - 0.055
    };
    (c * 255.0).round() as u8
}

/// The color and gloss strength (0-1) of `zone`.
fn paint_for(zone: &str, colors: &[Assignment]) -> ([u8; 3], f32) {
    // Later assignments win, so `all=#.. toe=#..` sets everything but the toe.
    let (rgb, gloss) = colors
        .iter()
        .rev()
        .find(|a| a.zone == zone || a.zone == "all")
        .map_or(([255, 255, 255], DEFAULT_GLOSS), |a| (a.rgb, a.gloss));
    (rgb, f32::from(gloss) / 100.0)
}

/// Composites each view (its layer directory and zone list) with the given colors
/// and writes them side by side into `out`.
pub fn render(views: &[(PathBuf, &View)], colors: &[Assignment], out: &Path) -> Result<()> {
    let width = SIZE * u32::try_from(views.len())?;
    let mut sheet = RgbImage::new(width, SIZE);
    for (i, (dir, view)) in views.iter().enumerate() {
        let open = |name: &str| {
            let path = dir.join(name);
            image::open(&path).with_context(|| format!("opening {}", path.display()))
        };
        let base = open("base.png")?.to_rgb8();
        let mut lin: Vec<[f32; 3]> = base
            .pixels()
            .map(|p| [to_linear(p[0]), to_linear(p[1]), to_linear(p[2])])
            .collect();
        for zone in view.zones {
            let planes = open(&format!("{zone}.png"))?.to_rgb8();
            let (rgb, strength) = paint_for(zone, colors);
            let c = rgb.map(to_linear);
            for (dst, p) in lin.iter_mut().zip(planes.pixels()) {
                let cov = f32::from(p[2]) / 255.0;
                if cov == 0.0 {
                    continue;
                }
                let shade = to_linear(p[0]);
                let gloss = to_linear(p[1]) * strength;
                for k in 0..3 {
                    let v = c[k] * shade + gloss;
                    dst[k] = dst[k] * (1.0 - cov) + v * cov;
                }
            }
        }
        // Color in the top half, alpha (gray) in the bottom half.
        let overlay = open("overlay.png")?.to_rgb8();
        let (color, alpha) = overlay.as_raw().split_at((SIZE * SIZE * 3) as usize);
        for ((dst, p), a) in lin
            .iter_mut()
            .zip(color.chunks_exact(3))
            .zip(alpha.chunks_exact(3))
        {
            let a = f32::from(a[0]) / 255.0;
            for k in 0..3 {
                dst[k] = dst[k] * (1.0 - a) + to_linear(p[k]) * a;
            }
        }
        let x0 = SIZE * u32::try_from(i)?;
        for (idx, v) in lin.iter().enumerate() {
            let idx = u32::try_from(idx)?;
            sheet.put_pixel(
                x0 + idx % SIZE,
                idx / SIZE,
                image::Rgb([to_srgb(v[0]), to_srgb(v[1]), to_srgb(v[2])]),
            );
        }
    }
    sheet
        .save(out)
        .with_context(|| format!("writing {}", out.display()))?;
    println!("wrote {}", out.display());
    Ok(())
}
