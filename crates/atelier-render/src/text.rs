//! Personal text drawn onto a rendered frame: the glyphs of each placement in the frame's view, at their true
//! size (em size in millimetres × the artwork's pixels per millimetre), centred on the placement and rotated,
//! in the placement's ink, blended in linear light.
//!
//! The font is chosen by [`atelier_core::text::font_for`] and laid out exactly as
//! [`atelier_core::text::Face::measure`] measures (advances and `kern` pairs summed in font units), so the
//! box the shopper is told about is the ink drawn. Outlines are transformed here and filled by
//! `ab_glyph_rasterizer`; every float step is a basic IEEE operation or `libm` (sine and cosine), and coverage
//! is turned into an integer alpha before blending, so wasm and native give the same bytes. Drawing happens
//! after compositing, on the sRGB output, so the compositor is untouched; the proof is the frame after both.

use crate::frame::Frame;
use crate::lut::{to_linear, to_srgb};
use ab_glyph::{Font, OutlineCurve};
use ab_glyph_rasterizer::{Point, Rasterizer, point};
use atelier_core::catalog::TextPlacement;
use atelier_core::design::ValidDesign;
use atelier_core::text::{Face, FontChoice, Fonts, font_for};

/// A text's coverage: `width` × `height` alphas (0–255) whose top-left pixel is (`x0`, `y0`) in the frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// Left column in frame pixels (may be negative: text running off the frame).
    pub x0: i64,
    /// Top row in frame pixels.
    pub y0: i64,
    /// Columns.
    pub width: usize,
    /// Rows.
    pub height: usize,
    /// Row-major alpha, 0 (none) to 255 (full ink).
    pub alpha: Vec<u8>,
}

/// Draws the design's texts whose placement is in `view` onto `frame` (already rendered by
/// [`crate::ViewLayers::render`]). A text whose fonts are not all loaded yet is drawn once they are.
///
/// A frame an integer multiple of the view's catalog size (the shop's production image, see
/// `ViewLayers::decode_scaled`) gets the text at that multiple of its size and position.
pub fn draw_texts(design: &ValidDesign<'_>, view: &str, fonts: &Fonts, frame: &mut Frame) {
    let scale = design
        .catalog
        .views()
        .iter()
        .find(|v| v.id.as_str() == view)
        .map_or(1, |v| (frame.width() / v.width.max(1)).max(1));
    for (placement, text) in &design.texts {
        if placement.view.as_str() != view {
            continue;
        }
        let printed = placement.printed(text);
        let face = match font_for(placement, &printed, fonts) {
            FontChoice::Set(_, face) => face,
            FontChoice::NoneDraws(Some(face)) => face,
            FontChoice::Needs(_) | FontChoice::NoneDraws(None) => continue,
        };
        let coverage = rasterize_at(placement, &face, &printed, scale);
        let c = placement.ink;
        blend(
            frame,
            &coverage,
            [to_linear(c.r), to_linear(c.g), to_linear(c.b)],
        );
    }
}

/// Lays out and fills `printed` for `placement` in `face`: the glyphs' outlines at true size, centred on the
/// placement's position (horizontally on the ink, vertically on the font's ascent-to-descent band) and
/// rotated clockwise by its angle. Characters the font cannot draw are left out.
pub fn rasterize(placement: &TextPlacement, face: &Face<'_>, printed: &str) -> Coverage {
    rasterize_at(placement, face, printed, 1)
}

/// [`rasterize`] for a frame `scale` times the view's catalog size: every length and the position times
/// `scale` (multiplying by 1.0 is exact, so scale 1 is [`rasterize`] bit for bit).
pub fn rasterize_at(
    placement: &TextPlacement,
    face: &Face<'_>,
    printed: &str,
    scale: u32,
) -> Coverage {
    let k = f64::from(scale);
    let font = face.font();
    let upem = f64::from(font.units_per_em().unwrap_or(1000.0));
    // Pen positions and the ink's extent in font units, summed exactly as `Face::measure` sums them.
    let mut glyphs = Vec::new();
    let mut pen = 0.0_f64;
    let mut previous = None;
    let mut ink: Option<(f64, f64)> = None;
    for c in printed.chars() {
        let id = font.glyph_id(c);
        if let Some(prev) = previous {
            pen += f64::from(font.kern_unscaled(prev, id));
        }
        if id.0 != 0
            && let Some(outline) = font.outline(id)
        {
            let left = pen + f64::from(outline.bounds.min.x);
            let right = pen + f64::from(outline.bounds.max.x);
            ink = Some(match ink {
                Some((l, r)) => (l.min(left), r.max(right)),
                None => (left, right),
            });
            glyphs.push((pen, outline));
        }
        pen += f64::from(font.h_advance_unscaled(id));
        previous = Some(id);
    }
    let Some((left, right)) = ink else {
        return Coverage {
            x0: 0,
            y0: 0,
            width: 0,
            height: 0,
            alpha: Vec::new(),
        };
    };
    let centre_x = (left + right) / 2.0;
    let centre_y = (f64::from(font.ascent_unscaled()) + f64::from(font.descent_unscaled())) / 2.0;
    let scale = placement.size_mm * placement.px_per_mm * k / upem;
    let angle = placement.rotation_deg.to_radians();
    let (sin, cos) = (libm::sin(angle), libm::cos(angle));
    let (px, py) = (placement.position.0 * k, placement.position.1 * k);
    // Font units (y up) to frame pixels (y down), in f64 basic operations.
    let to_frame = |pen: f64, p: Point| -> (f64, f64) {
        let lx = (pen + f64::from(p.x) - centre_x) * scale;
        let ly = (centre_y - f64::from(p.y)) * scale;
        (px + lx * cos - ly * sin, py + lx * sin + ly * cos)
    };
    let mut curves: Vec<Vec<(f64, f64)>> = Vec::new();
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (pen, outline) in &glyphs {
        for curve in &outline.curves {
            let points: Vec<(f64, f64)> = match curve {
                OutlineCurve::Line(a, b) => vec![to_frame(*pen, *a), to_frame(*pen, *b)],
                OutlineCurve::Quad(a, b, c) => {
                    vec![to_frame(*pen, *a), to_frame(*pen, *b), to_frame(*pen, *c)]
                }
                OutlineCurve::Cubic(a, b, c, d) => vec![
                    to_frame(*pen, *a),
                    to_frame(*pen, *b),
                    to_frame(*pen, *c),
                    to_frame(*pen, *d),
                ],
            };
            for &(x, y) in &points {
                min_x = min_x.min(x);
                min_y = min_y.min(y);
                max_x = max_x.max(x);
                max_y = max_y.max(y);
            }
            curves.push(points);
        }
    }
    let x0 = libm::floor(min_x) as i64;
    let y0 = libm::floor(min_y) as i64;
    let width = (libm::ceil(max_x) as i64 - x0).max(0) as usize + 1;
    let height = (libm::ceil(max_y) as i64 - y0).max(0) as usize + 1;
    let mut raster = Rasterizer::new(width, height);
    let local =
        |(x, y): (f64, f64)| -> Point { point((x - x0 as f64) as f32, (y - y0 as f64) as f32) };
    for points in &curves {
        match points.as_slice() {
            [a, b] => raster.draw_line(local(*a), local(*b)),
            [a, b, c] => raster.draw_quad(local(*a), local(*b), local(*c)),
            [a, b, c, d] => raster.draw_cubic(local(*a), local(*b), local(*c), local(*d)),
            _ => {}
        }
    }
    let mut alpha = vec![0u8; width * height];
    raster.for_each_pixel(|i, a| {
        alpha[i] = (a.min(1.0) * 255.0 + 0.5) as u8;
    });
    Coverage {
        x0,
        y0,
        width,
        height,
        alpha,
    }
}

/// Blends `ink` (linear light) over the frame's sRGB output by `coverage`, pixel by pixel in integers.
fn blend(frame: &mut Frame, coverage: &Coverage, ink: [u16; 3]) {
    let (fw, fh) = (i64::from(frame.width()), i64::from(frame.height()));
    let (_, rgba) = frame.parts_mut();
    for row in 0..coverage.height {
        let y = coverage.y0 + row as i64;
        if !(0..fh).contains(&y) {
            continue;
        }
        for col in 0..coverage.width {
            let x = coverage.x0 + col as i64;
            let a = u32::from(coverage.alpha[row * coverage.width + col]);
            if a == 0 || !(0..fw).contains(&x) {
                continue;
            }
            let at = ((y * fw + x) * 4) as usize;
            for (c, &ink) in ink.iter().enumerate() {
                let under = u32::from(to_linear(rgba[at + c]));
                let mixed = (under * (255 - a) + u32::from(ink) * a + 127) / 255;
                rgba[at + c] = to_srgb(mixed as u16);
            }
        }
    }
}
