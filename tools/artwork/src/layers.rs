//! Turns one SVG source into the compositor's layer files (`base.png`, one
//! `<zone>.png` per zone, `overlay.png`, all opaque), following the group conventions in the
//! crate README: each top-level group is rendered on its own and reduced to the
//! planes the compositor expects.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use anyhow::{Context, Result, bail};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use resvg::tiny_skia::Pixmap;
use resvg::usvg::{Options, Tree};

/// Every layer is this many pixels wide and high; the SVG viewBox must match so one
/// SVG unit is one pixel.
pub const SIZE: u32 = 1024;

/// Renders `src` and writes all layers of the view into `out_dir`.
pub fn render_view(src: &Path, zones: &[&str], out_dir: &Path) -> Result<()> {
    let text =
        std::fs::read_to_string(src).with_context(|| format!("reading {}", src.display()))?;
    // No fonts are loaded: the artwork has no text, and an empty font database keeps
    // the output independent of whatever fonts the machine has.
    let tree = Tree::from_str(&text, &Options::default())
        .with_context(|| format!("parsing {}", src.display()))?;
    let size = tree.size();
    if size.width() != SIZE as f32 || size.height() != SIZE as f32 {
        bail!("{} must be {SIZE}x{SIZE}", src.display());
    }
    std::fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;

    let base = render_group(&tree, "base")?;
    write_png(
        &out_dir.join("base.png"),
        &opaque_rgb(&base),
        ExtendedColorType::Rgb8,
    )?;

    for zone in zones {
        let shade = render_group(&tree, &format!("zone-{zone}-shade"))?;
        let gloss = render_group(&tree, &format!("zone-{zone}-gloss"))?;
        let planes = zone_planes(&shade, &gloss);
        write_png(
            &out_dir.join(format!("{zone}.png")),
            &planes,
            ExtendedColorType::Rgb8,
        )?;
    }

    let overlay = render_group(&tree, "overlay")?;
    write_png_sized(
        &out_dir.join("overlay.png"),
        &stacked_overlay(&overlay),
        SIZE * 2,
        ExtendedColorType::Rgb8,
    )?;
    Ok(())
}

/// Renders the top-level group `id` alone onto a transparent pixmap.
fn render_group(tree: &Tree, id: &str) -> Result<Pixmap> {
    let node = tree
        .node_by_id(id)
        .with_context(|| format!("the SVG has no group with id `{id}`"))?;
    let mut pixmap = Pixmap::new(SIZE, SIZE).context("allocating pixmap")?;
    // `render_node` draws the node relative to its own layer bounding box; translating
    // back by that box's origin puts it where it sits on the canvas. The root transform
    // is included so a viewBox that differs from the size would still line up.
    let Some(bbox) = node.abs_layer_bounding_box() else {
        // An empty group renders as nothing, which is a valid (empty) layer.
        return Ok(pixmap);
    };
    let transform = tree.root().transform().pre_translate(bbox.x(), bbox.y());
    resvg::render_node(node, transform, &mut pixmap.as_mut())
        .with_context(|| format!("rendering `{id}`"))?;
    Ok(pixmap)
}

/// Rec.709 luma of an sRGB-encoded color, rounded to 8 bits. The shade art is drawn
/// in grays, so this is mainly a guard against a stray tint in the source.
fn luma(r: u8, g: u8, b: u8) -> u8 {
    let y = 0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b);
    y.round().clamp(0.0, 255.0) as u8
}

/// `a * b / 255`, rounded.
fn mul255(a: u8, b: u8) -> u8 {
    ((u32::from(a) * u32::from(b) + 127) / 255) as u8
}

/// Flattens the base layer onto white: the base group paints its own opaque
/// background, so the white only shows if the source forgot to.
fn opaque_rgb(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let inv = 255 - p.alpha();
            [p.red() + inv, p.green() + inv, p.blue() + inv]
        })
        .collect()
}

/// Packs a zone into its three planes: R = shade (un-premultiplied luma), G = gloss
/// (luma times alpha, clipped by the coverage), B = coverage (the shade's alpha).
/// Outside the zone R and G are zero, which also keeps the files small.
fn zone_planes(shade: &Pixmap, gloss: &Pixmap) -> Vec<u8> {
    shade
        .pixels()
        .iter()
        .zip(gloss.pixels())
        .flat_map(|(s, g)| {
            let coverage = s.alpha();
            if coverage == 0 {
                return [0, 0, 0];
            }
            let s = s.demultiply();
            let g = g.demultiply();
            let shade = luma(s.red(), s.green(), s.blue());
            let gloss = mul255(
                mul255(luma(g.red(), g.green(), g.blue()), g.alpha()),
                coverage,
            );
            [shade, gloss, coverage]
        })
        .collect()
}

/// The overlay as one opaque RGB image twice as high: its straight (un-premultiplied)
/// color in the top half, its alpha as gray in the bottom half. Browsers premultiply a
/// translucent image's pixels when they read them back, which loses bits; an opaque
/// file reads back exactly, so the app's preview keeps the shop's bytes.
fn stacked_overlay(pixmap: &Pixmap) -> Vec<u8> {
    let color = pixmap.pixels().iter().flat_map(|p| {
        let c = p.demultiply();
        [c.red(), c.green(), c.blue()]
    });
    let alpha = pixmap.pixels().iter().flat_map(|p| [p.alpha(); 3]);
    color.chain(alpha).collect()
}

/// Writes a `SIZE`×`SIZE` image, see [`write_png_sized`].
fn write_png(path: &Path, data: &[u8], color: ExtendedColorType) -> Result<()> {
    write_png_sized(path, data, SIZE, color)
}

/// Writes 8-bit PNG data `SIZE` wide and `height` high with the best deflate setting;
/// the encoder has no timestamps or other varying chunks, so equal pixels give equal
/// bytes.
fn write_png_sized(path: &Path, data: &[u8], height: u32, color: ExtendedColorType) -> Result<()> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let encoder = PngEncoder::new_with_quality(
        BufWriter::new(file),
        CompressionType::Best,
        FilterType::Adaptive,
    );
    encoder
        .write_image(data, SIZE, height, color)
        .with_context(|| format!("writing {}", path.display()))
}
