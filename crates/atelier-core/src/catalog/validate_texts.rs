//! Checking a catalog's `texts` section: each placement's view, box, numbers, fonts, characters, case, ink and
//! price, every problem with its path (`texts[0].box_mm.width`). Kept apart from [`super::validate`], which
//! calls [`check`] once the views and colors are known.

use super::asset_path::is_safe_asset_path;
use super::model::View;
use super::problem::CatalogProblemKind as K;
use super::raw::{RawBox, RawPoint, RawText};
use super::text::{Case, CharClass, TextPlacement};
use super::validate::Checker;
use crate::color::Srgb8;
use crate::id::{TextId, ViewId};
use crate::money::{Currency, Money};
use std::collections::HashSet;

/// Largest em size, box side and most characters a placement may have; far above any real product, low
/// enough that a hostile catalog cannot make the renderer rasterize a billboard.
const MAX_MM: f64 = 1000.0;
const MAX_PX_PER_MM: f64 = 50.0;
const MAX_LENGTH: i64 = 200;

/// What the rest of the catalog already established, for checking the placements against it.
pub(super) struct Known<'a> {
    /// The views that passed their checks.
    pub views: &'a [View],
    /// Every declared view id, including views with problems of their own.
    pub view_decl: &'a HashSet<String>,
    /// The colors that passed their checks, as `(id, swatch)`, for an `ink` naming one.
    pub colors: &'a [(String, Srgb8)],
    /// Every declared color id.
    pub color_decl: &'a HashSet<String>,
    /// The catalog's currency (`None` when it is itself broken, which is reported elsewhere).
    pub currency: Option<Currency>,
    /// Whether a file exists under the static root.
    pub file_exists: &'a dyn Fn(&str) -> bool,
}

/// Validates every placement; returns those without problems.
pub(super) fn check(
    c: &mut Checker,
    raw: Option<Vec<RawText>>,
    k: &Known<'_>,
) -> Vec<TextPlacement> {
    let Known {
        views,
        view_decl,
        colors,
        color_decl,
        currency,
        file_exists,
    } = *k;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, t) in raw.unwrap_or_default().into_iter().enumerate() {
        let at = format!("texts[{i}]");
        c.extra(&at, &t.extra);
        let id = c.unique_id(&at, t.id, &mut seen);
        let name = c.localized(&at, "name", t.name);
        let view = match t.view {
            None => {
                c.push(&at, K::MissingField { field: "view" });
                None
            }
            // Checked against every declared view, so a view with its own problem is not also called unknown.
            Some(v) if !view_decl.contains(&v) => {
                c.push(format!("{at}.view"), K::UnknownView { view: v });
                None
            }
            Some(v) => views.iter().find(|view| view.id.as_str() == v),
        };
        let position = point(c, &at, t.position);
        let rotation = number(c, &at, "rotation", t.rotation, -180.0, 180.0, Some(0.0));
        let (width, height) = size_box(c, &at, t.box_mm);
        let px_per_mm = number(c, &at, "px_per_mm", t.px_per_mm, 0.1, MAX_PX_PER_MM, None);
        let size_mm = number(c, &at, "size_mm", t.size_mm, 0.5, MAX_MM, None);
        if let (Some(size), Some(h)) = (size_mm, height)
            && size > h
        {
            c.push(
                format!("{at}.size_mm"),
                K::TextSizeOverBox {
                    size: format!("{size}"),
                    height: format!("{h}"),
                },
            );
        }
        let fonts = fonts(c, &at, t.fonts, file_exists);
        let (allowed, also_allowed) = characters(c, &at, t.allowed, t.also_allowed);
        let max_length = max_length(c, &at, t.max_length);
        let case = case(c, &at, t.case.as_deref());
        let ink = ink(c, &at, t.ink, colors, color_decl);
        let price = c.price(&at, "price", t.price, false);
        if let (Some(view), Some(pos), Some(rot), Some(w), Some(h), Some(ppm)) =
            (view, position, rotation, width, height, px_per_mm)
            && !box_inside(view, pos, rot, w * ppm, h * ppm)
        {
            c.push(
                format!("{at}.box_mm"),
                K::TextBoxOutsideView {
                    view: view.id.0.clone(),
                },
            );
            continue;
        }
        if let (
            Some(id),
            Some(name),
            Some(view),
            Some(position),
            Some(rotation_deg),
            Some(width_mm),
            Some(height_mm),
            Some(px_per_mm),
            Some(fonts),
            Some(size_mm),
            Some(max_length),
            Some(case),
            Some(ink),
            Some(price),
            Some(currency),
        ) = (
            id, name, view, position, rotation, width, height, px_per_mm, fonts, size_mm,
            max_length, case, ink, price, currency,
        ) {
            out.push(TextPlacement {
                id: TextId(id),
                name,
                view: ViewId(view.id.0.clone()),
                position,
                rotation_deg,
                width_mm,
                height_mm,
                px_per_mm,
                fonts,
                size_mm,
                allowed: allowed.clone(),
                also_allowed: also_allowed.clone(),
                max_length,
                case,
                ink,
                price: Money::new(price, currency),
            });
        }
    }
    out
}

/// The characters a placement allows: named classes (each known) and extra characters (each printable, no
/// whitespace but the space).
fn characters(
    c: &mut Checker,
    at: &str,
    classes: Option<Vec<String>>,
    also_allowed: Option<String>,
) -> (Vec<CharClass>, String) {
    let mut allowed = Vec::new();
    for (j, name) in c.list(at, "allowed", classes).into_iter().enumerate() {
        match CharClass::parse(&name) {
            Some(class) => allowed.push(class),
            None => c.push(
                format!("{at}.allowed[{j}]"),
                K::UnknownCharClass { class: name },
            ),
        }
    }
    let also_allowed = also_allowed.unwrap_or_default();
    for ch in also_allowed.chars() {
        if crate::text::refused(ch).is_some() || ch.is_whitespace() && ch != ' ' {
            c.push(
                format!("{at}.also_allowed"),
                K::InvalidAllowedCharacter {
                    code_point: format!("U+{:04X}", u32::from(ch)),
                },
            );
        }
    }
    (allowed, also_allowed)
}

/// The most characters a placement takes: required, 1 to [`MAX_LENGTH`].
fn max_length(c: &mut Checker, at: &str, n: Option<i64>) -> Option<usize> {
    match n {
        None => {
            c.push(
                at,
                K::MissingField {
                    field: "max_length",
                },
            );
            None
        }
        Some(n @ 1..=MAX_LENGTH) => usize::try_from(n).ok(),
        Some(n) => {
            c.push(
                format!("{at}.max_length"),
                K::OutOfRange {
                    value: n,
                    min: 1,
                    max: MAX_LENGTH,
                },
            );
            None
        }
    }
}

/// The case a placement's text is set in; as typed when absent.
fn case(c: &mut Checker, at: &str, name: Option<&str>) -> Option<Case> {
    match name {
        None => Some(Case::AsTyped),
        Some(name) => Case::parse(name).or_else(|| {
            c.push(
                format!("{at}.case"),
                K::UnknownCase {
                    case: name.to_owned(),
                },
            );
            None
        }),
    }
}

/// The ink: a `#rrggbb` swatch or a palette color's id (`colors` are those without problems, `color_decl`
/// every declared id).
fn ink(
    c: &mut Checker,
    at: &str,
    ink: Option<String>,
    colors: &[(String, Srgb8)],
    color_decl: &HashSet<String>,
) -> Option<Srgb8> {
    let Some(ink) = ink else {
        c.push(at, K::MissingField { field: "ink" });
        return None;
    };
    let found = if ink.starts_with('#') {
        Srgb8::from_hex(&ink)
    } else {
        colors.iter().find(|(id, _)| *id == ink).map(|(_, s)| *s)
    };
    // A declared color that failed its own check is reported there, not again here.
    if found.is_none() && !color_decl.contains(&ink) {
        c.push(format!("{at}.ink"), K::InvalidInk { value: ink });
    }
    found
}

fn number(
    c: &mut Checker,
    at: &str,
    field: &'static str,
    v: Option<f64>,
    min: f64,
    max: f64,
    default: Option<f64>,
) -> Option<f64> {
    match v {
        None if default.is_some() => default,
        None => {
            c.push(at, K::MissingField { field });
            None
        }
        Some(n) if n.is_finite() && (min..=max).contains(&n) => Some(n),
        Some(n) => {
            c.push(
                format!("{at}.{field}"),
                K::NumberOutOfRange {
                    value: format!("{n}"),
                    min: format!("{min}"),
                    max: format!("{max}"),
                },
            );
            None
        }
    }
}

fn point(c: &mut Checker, at: &str, p: Option<RawPoint>) -> Option<(f64, f64)> {
    let Some(p) = p else {
        c.push(at, K::MissingField { field: "position" });
        return None;
    };
    let here = format!("{at}.position");
    c.extra(&here, &p.extra);
    let x = number(c, &here, "x", p.x, 0.0, 4096.0, None);
    let y = number(c, &here, "y", p.y, 0.0, 4096.0, None);
    x.zip(y)
}

fn size_box(c: &mut Checker, at: &str, b: Option<RawBox>) -> (Option<f64>, Option<f64>) {
    let Some(b) = b else {
        c.push(at, K::MissingField { field: "box_mm" });
        return (None, None);
    };
    let here = format!("{at}.box_mm");
    c.extra(&here, &b.extra);
    let w = number(c, &here, "width", b.width, 1.0, MAX_MM, None);
    let h = number(c, &here, "height", b.height, 1.0, MAX_MM, None);
    (w, h)
}

fn fonts(
    c: &mut Checker,
    at: &str,
    list: Option<Vec<String>>,
    file_exists: &dyn Fn(&str) -> bool,
) -> Option<Vec<String>> {
    let list = c.list(at, "fonts", list);
    let mut out = Vec::new();
    let mut ok = !list.is_empty();
    for (j, path) in list.into_iter().enumerate() {
        let here = format!("{at}.fonts[{j}]");
        if !is_safe_asset_path(&path, &[".ttf", ".otf"]) {
            c.push(here, K::UnsafePath { path });
            ok = false;
        } else if !file_exists(&path) {
            c.push(here, K::MissingFile { path });
            ok = false;
        } else {
            out.push(path);
        }
    }
    ok.then_some(out)
}

/// Whether the box `w` × `h` pixels centred at `pos` and rotated by `rot` degrees lies inside the view.
fn box_inside(view: &View, pos: (f64, f64), rot: f64, w: f64, h: f64) -> bool {
    let (sin, cos) = (
        libm::sin(rot.to_radians()).abs(),
        libm::cos(rot.to_radians()).abs(),
    );
    let half_w = (w * cos + h * sin) / 2.0;
    let half_h = (w * sin + h * cos) / 2.0;
    pos.0 - half_w >= 0.0
        && pos.1 - half_h >= 0.0
        && pos.0 + half_w <= f64::from(view.width)
        && pos.1 + half_h <= f64::from(view.height)
}
