//! Turning a [`RawCatalog`] into a [`Catalog`], reporting every problem at once with its location.
//!
//! Validation walks the whole file even after the first problem: later checks run on whatever could be read,
//! and checks that depend on a broken part (a default naming a material that failed) are skipped rather than
//! reported twice. Whether layer files exist is asked of the caller (`file_exists`), since the core does no IO;
//! the shop answers from disk, the browser trusts the shop.

use super::model::{
    Catalog, ChoiceGroup, ChoiceOption, Color, Layer, Material, Size, Surface, View, Zone,
};
use super::problem::{CatalogProblem, CatalogProblemKind as K};
use super::raw::{Extra, RawCatalog, RawLocalized};
use super::rules;
use super::validate_texts;
use crate::color::Srgb8;
use crate::design::Choice;
use crate::id::{
    ChoiceId, ColorId, MaterialId, OptionId, ProductId, SizeId, ViewId, ZoneId, is_valid_id,
};
use crate::locale::Localized;
use crate::money::{Currency, Money};
use crate::rules::space::{MAX_OPTIONS, Space};
use std::collections::HashSet;

/// The catalog format version this code reads.
pub const FORMAT: i64 = 1;

/// Largest layer dimension accepted; keeps a hostile catalog from asking the browser for gigabytes.
pub const MAX_VIEW_SIDE: i64 = 4096;

impl Catalog {
    /// Parses and validates a catalog file. `file_exists` answers whether a layer path (relative to the static
    /// root) exists.
    pub fn from_json(
        json: &str,
        file_exists: &dyn Fn(&str) -> bool,
    ) -> Result<Catalog, Vec<CatalogProblem>> {
        let raw: RawCatalog = serde_json::from_str(json).map_err(|e| {
            vec![CatalogProblem::new(
                "",
                K::Syntax {
                    detail: e.to_string(),
                    line: e.line(),
                    column: e.column(),
                },
            )]
        })?;
        validate(raw, file_exists)
    }
}

/// Validates a parsed catalog file into a [`Catalog`], or every problem found.
pub fn validate(
    raw: RawCatalog,
    file_exists: &dyn Fn(&str) -> bool,
) -> Result<Catalog, Vec<CatalogProblem>> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    c.extra("", &raw.extra);

    match raw.format {
        None => c.push("", K::MissingField { field: "format" }),
        Some(FORMAT) => {}
        Some(other) => c.push(
            "format",
            K::UnsupportedFormat {
                found: other.to_string(),
            },
        ),
    }
    let id = c.id("", "id", raw.id);
    let name = c.localized("", "name", raw.name);
    let description = match raw.description {
        Some(d) => c.localized("", "description", Some(d)),
        None => Some(Localized::default()),
    };
    let currency = match raw.currency {
        None => {
            c.push("", K::MissingField { field: "currency" });
            None
        }
        Some(code) => Currency::from_code(&code).or_else(|| {
            c.push("currency", K::UnknownCurrency { code });
            None
        }),
    };
    // Prices are checked even without a currency so their problems show too; the currency is filled in later.
    let base_price = c.price("", "base_price", raw.base_price, true);

    let mut sizes = Vec::new();
    let mut seen = HashSet::new();
    for (i, s) in c.list("", "sizes", raw.sizes).into_iter().enumerate() {
        let at = format!("sizes[{i}]");
        c.extra(&at, &s.extra);
        let id = c.unique_id(&at, s.id, &mut seen);
        let name = c.localized(&at, "name", s.name);
        if let (Some(id), Some(name)) = (id, name) {
            sizes.push(Size {
                id: SizeId(id),
                name,
            });
        }
    }

    let mut materials = Vec::new();
    let mut material_decl = HashSet::new();
    for (i, m) in c
        .list("", "materials", raw.materials)
        .into_iter()
        .enumerate()
    {
        let at = format!("materials[{i}]");
        c.extra(&at, &m.extra);
        let id = c.unique_id(&at, m.id, &mut material_decl);
        let name = c.localized(&at, "name", m.name);
        let price = c.price(&at, "price", m.price, false);
        let gloss = match m.gloss {
            None => Some(0),
            Some(g @ 0..=100) => u8::try_from(g).ok(),
            Some(g) => {
                c.push(
                    format!("{at}.gloss"),
                    K::OutOfRange {
                        value: g,
                        min: 0,
                        max: 100,
                    },
                );
                None
            }
        };
        let surface = match m.surface {
            None => Some(Surface::Smooth),
            Some(name) => Surface::parse(&name).or_else(|| {
                c.push(format!("{at}.surface"), K::UnknownSurface { surface: name });
                None
            }),
        };
        if let (Some(id), Some(name), Some(price), Some(gloss), Some(surface)) =
            (id, name, price, gloss, surface)
        {
            materials.push((MaterialId(id), name, price, gloss, surface));
        }
    }

    let mut colors = Vec::new();
    let mut color_decl = HashSet::new();
    for (i, col) in c.list("", "colors", raw.colors).into_iter().enumerate() {
        let at = format!("colors[{i}]");
        c.extra(&at, &col.extra);
        let id = c.unique_id(&at, col.id, &mut color_decl);
        let name = c.localized(&at, "name", col.name);
        let price = c.price(&at, "price", col.price, false);
        let swatch = match col.swatch {
            None => {
                c.push(&at, K::MissingField { field: "swatch" });
                None
            }
            Some(s) => Srgb8::from_hex(&s).or_else(|| {
                c.push(format!("{at}.swatch"), K::InvalidSwatch { value: s });
                None
            }),
        };
        if let (Some(id), Some(name), Some(price), Some(swatch)) = (id, name, price, swatch) {
            colors.push((ColorId(id), name, price, swatch));
        }
    }
    // References are checked against every declared id, even of an entry that failed its own checks: that
    // entry's problem is already reported, and calling it unknown too would send the retailer the wrong way.
    let material_ids: HashSet<&str> = material_decl.iter().map(String::as_str).collect();
    let color_ids: HashSet<&str> = color_decl.iter().map(String::as_str).collect();

    let mut zones = Vec::new();
    let mut zone_decl = HashSet::new();
    for (i, z) in c.list("", "zones", raw.zones).into_iter().enumerate() {
        let at = format!("zones[{i}]");
        c.extra(&at, &z.extra);
        let id = c.unique_id(&at, z.id, &mut zone_decl);
        let name = c.localized(&at, "name", z.name);
        let zone_materials = c.refs(&at, "materials", z.materials, &material_ids, |m| {
            K::UnknownMaterial { material: m }
        });
        let zone_colors = c.refs(&at, "colors", z.colors, &color_ids, |m| K::UnknownColor {
            color: m,
        });
        let default = match z.default {
            None => {
                c.push(&at, K::MissingField { field: "default" });
                None
            }
            Some(d) => {
                let dat = format!("{at}.default");
                c.extra(&dat, &d.extra);
                let material =
                    c.default_ref(&dat, "material", d.material, &zone_materials, &material_ids);
                let color = c.default_ref(&dat, "color", d.color, &zone_colors, &color_ids);
                material.zip(color).map(|(material, color)| Choice {
                    material: MaterialId(material),
                    color: ColorId(color),
                })
            }
        };
        if let (Some(id), Some(name), Some(default)) = (id, name, default) {
            zones.push(Zone {
                id: ZoneId(id),
                name,
                materials: zone_materials.into_iter().map(MaterialId).collect(),
                colors: zone_colors.into_iter().map(ColorId).collect(),
                default,
            });
        }
    }
    let zone_ids: HashSet<&str> = zone_decl.iter().map(String::as_str).collect();

    let mut choices = Vec::new();
    let mut choice_decl = HashSet::new();
    for (i, g) in raw.choices.unwrap_or_default().into_iter().enumerate() {
        let at = format!("choices[{i}]");
        c.extra(&at, &g.extra);
        let id = c.unique_id(&at, g.id, &mut choice_decl);
        if let Some(id) = &id
            && zone_ids.contains(id.as_str())
        {
            c.push(format!("{at}.id"), K::ChoiceIsZone { id: id.clone() });
        }
        let name = c.localized(&at, "name", g.name);
        let mut options = Vec::new();
        let mut seen = HashSet::new();
        let raw_options = c.list(&at, "options", g.options);
        c.too_many(&format!("{at}.options"), raw_options.len());
        for (j, o) in raw_options.into_iter().enumerate() {
            let oat = format!("{at}.options[{j}]");
            c.extra(&oat, &o.extra);
            let oid = c.unique_id(&oat, o.id, &mut seen);
            let oname = c.localized(&oat, "name", o.name);
            let price = c.price(&oat, "price", o.price, false);
            if let (Some(id), Some(name), Some(price)) = (oid, oname, price) {
                options.push((OptionId(id), name, price));
            }
        }
        let default = match g.default {
            None => {
                c.push(&at, K::MissingField { field: "default" });
                None
            }
            Some(d) if seen.contains(&d) => Some(OptionId(d)),
            Some(d) => {
                c.push(
                    format!("{at}.default"),
                    K::UnknownOption {
                        group: id.clone().unwrap_or_default(),
                        option: d,
                    },
                );
                None
            }
        };
        if let (Some(id), Some(name), Some(default)) = (id, name, default) {
            choices.push((ChoiceId(id), name, options, default));
        }
    }
    c.too_many("materials", materials.len());
    c.too_many("colors", colors.len());

    let mut views = Vec::new();
    let mut seen = HashSet::new();
    let mut drawn: HashSet<String> = HashSet::new();
    for (i, v) in c.list("", "views", raw.views).into_iter().enumerate() {
        let at = format!("views[{i}]");
        c.extra(&at, &v.extra);
        let id = c.unique_id(&at, v.id, &mut seen);
        let name = c.localized(&at, "name", v.name);
        let width = c.side(&at, "width", v.width);
        let height = c.side(&at, "height", v.height);
        let base = c.file(&at, "base", v.base, file_exists);
        let overlay = v
            .overlay
            .and_then(|o| c.file(&at, "overlay", Some(o), file_exists));
        let mut layers = Vec::new();
        let mut in_view = HashSet::new();
        for (j, l) in c.list(&at, "layers", v.layers).into_iter().enumerate() {
            let lat = format!("{at}.layers[{j}]");
            c.extra(&lat, &l.extra);
            let zone = match l.zone {
                None => {
                    c.push(&lat, K::MissingField { field: "zone" });
                    None
                }
                Some(z) if !zone_ids.contains(z.as_str()) => {
                    c.push(format!("{lat}.zone"), K::UnknownZone { zone: z });
                    None
                }
                Some(z) => {
                    drawn.insert(z.clone());
                    if !in_view.insert(z.clone()) {
                        c.push(format!("{lat}.zone"), K::ZoneDrawnTwice { zone: z.clone() });
                    }
                    Some(z)
                }
            };
            let file = c.file(&lat, "file", l.file, file_exists);
            if let (Some(zone), Some(file)) = (zone, file) {
                layers.push(Layer {
                    zone: ZoneId(zone),
                    file,
                });
            }
        }
        if let (Some(id), Some(name), Some(width), Some(height), Some(base)) =
            (id, name, width, height, base)
        {
            views.push(View {
                id: ViewId(id),
                name,
                width,
                height,
                base,
                layers,
                overlay,
            });
        }
    }
    for (i, z) in zones.iter().enumerate() {
        if !drawn.contains(z.id.as_str()) {
            c.push(
                format!("zones[{i}]"),
                K::ZoneNotDrawn {
                    zone: z.id.0.clone(),
                },
            );
        }
    }

    let ink_colors: Vec<(String, Srgb8)> = colors
        .iter()
        .map(|(id, _, _, swatch): &(ColorId, Localized, i64, Srgb8)| (id.0.clone(), *swatch))
        .collect();
    let texts = validate_texts::check(
        &mut c,
        raw.texts,
        &validate_texts::Known {
            views: &views,
            view_decl: &seen,
            colors: &ink_colors,
            color_decl: &color_decl,
            currency,
            file_exists,
        },
    );

    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    // Without problems the currency was read; the rules below need the palettes priced in it.
    let Some(currency_read) = currency else {
        return Err(vec![CatalogProblem::new(
            "",
            K::MissingField { field: "currency" },
        )]);
    };
    let materials: Vec<Material> = materials
        .into_iter()
        .map(|(id, name, price, gloss, surface)| Material {
            id,
            name,
            price: Money::new(price, currency_read),
            gloss,
            surface,
        })
        .collect();
    let colors: Vec<Color> = colors
        .into_iter()
        .map(|(id, name, price, swatch)| Color {
            id,
            name,
            swatch,
            price: Money::new(price, currency_read),
        })
        .collect();
    let choices: Vec<ChoiceGroup> = choices
        .into_iter()
        .map(|(id, name, options, default)| ChoiceGroup {
            id,
            name,
            options: options
                .into_iter()
                .map(|(id, name, price)| ChoiceOption {
                    id,
                    name,
                    price: Money::new(price, currency_read),
                })
                .collect(),
            default,
        })
        .collect();
    let groups = rules::groups(&zones, &materials, &colors, &choices);
    let (rules, constraints) =
        rules::check(&mut c, raw.rules.unwrap_or_default(), &groups, zones.len());
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    let mut space = Space::new(groups, constraints);
    space.defaults = default_values(&space, &zones, &choices);
    rules::check_together(&mut c, &space, &rules);
    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    // With no problems every required part is present; the `?`s below cannot fail, but stay total.
    let (id, name, description, currency, base_price) =
        match (id, name, description, currency, base_price) {
            (Some(a), Some(b), Some(c), Some(d), Some(e)) => (a, b, c, d, e),
            _ => {
                return Err(vec![CatalogProblem::new(
                    "",
                    K::MissingField { field: "id" },
                )]);
            }
        };
    Ok(Catalog {
        id: ProductId(id),
        name,
        description,
        currency,
        base_price: Money::new(base_price, currency),
        sizes,
        materials,
        colors,
        zones,
        views,
        choices,
        rules,
        space,
        texts,
    })
}

/// The default design as option bits per group (validation has checked every default exists).
fn default_values(space: &Space, zones: &[Zone], choices: &[ChoiceGroup]) -> Vec<u8> {
    let mut out = Vec::with_capacity(space.groups.len());
    for z in zones {
        out.push(
            space
                .bit(out.len(), z.default.material.as_str())
                .unwrap_or(0),
        );
        out.push(space.bit(out.len(), z.default.color.as_str()).unwrap_or(0));
    }
    for ch in choices {
        out.push(space.bit(out.len(), ch.default.as_str()).unwrap_or(0));
    }
    out
}

/// Collects problems while validation walks the file.
pub(super) struct Checker {
    pub(super) problems: Vec<CatalogProblem>,
}

fn join(at: &str, field: &str) -> String {
    if at.is_empty() {
        field.to_owned()
    } else {
        format!("{at}.{field}")
    }
}

impl Checker {
    /// A list longer than a rule domain can hold.
    pub(super) fn too_many(&mut self, at: &str, count: usize) {
        if count > MAX_OPTIONS {
            self.push(
                at,
                K::TooManyOptions {
                    max: MAX_OPTIONS,
                    count,
                },
            );
        }
    }

    pub(super) fn push(&mut self, path: impl Into<String>, kind: K) {
        self.problems.push(CatalogProblem::new(path, kind));
    }

    pub(super) fn extra(&mut self, at: &str, extra: &Extra) {
        for key in extra.keys() {
            self.push(join(at, key), K::UnknownField { field: key.clone() });
        }
    }

    pub(super) fn id(
        &mut self,
        at: &str,
        field: &'static str,
        id: Option<String>,
    ) -> Option<String> {
        match id {
            None => {
                self.push(at, K::MissingField { field });
                None
            }
            Some(id) if !is_valid_id(&id) => {
                self.push(join(at, field), K::InvalidId { id });
                None
            }
            Some(id) => Some(id),
        }
    }

    pub(super) fn unique_id(
        &mut self,
        at: &str,
        id: Option<String>,
        seen: &mut HashSet<String>,
    ) -> Option<String> {
        let id = self.id(at, "id", id)?;
        if !seen.insert(id.clone()) {
            self.push(join(at, "id"), K::DuplicateId { id });
            return None;
        }
        Some(id)
    }

    pub(super) fn localized(
        &mut self,
        at: &str,
        field: &'static str,
        raw: Option<RawLocalized>,
    ) -> Option<Localized> {
        let Some(raw) = raw else {
            self.push(at, K::MissingField { field });
            return None;
        };
        let here = join(at, field);
        self.extra(&here, &raw.extra);
        let mut text = |lang: &'static str, s: Option<String>| match s {
            Some(s) if !s.trim().is_empty() => Some(s),
            _ => {
                self.push(&here, K::MissingField { field: lang });
                None
            }
        };
        let en = text("en", raw.en);
        let ko = text("ko", raw.ko);
        Some(Localized { en: en?, ko: ko? })
    }

    pub(super) fn price(
        &mut self,
        at: &str,
        field: &'static str,
        amount: Option<i64>,
        required: bool,
    ) -> Option<i64> {
        match amount {
            None if required => {
                self.push(at, K::MissingField { field });
                None
            }
            None => Some(0),
            Some(a) if a < 0 => {
                self.push(join(at, field), K::NegativePrice { amount: a });
                None
            }
            // A cap far above any real price keeps sums of deltas from overflowing i64.
            Some(a) if a > 1_000_000_000_000 => {
                self.push(
                    join(at, field),
                    K::OutOfRange {
                        value: a,
                        min: 0,
                        max: 1_000_000_000_000,
                    },
                );
                None
            }
            Some(a) => Some(a),
        }
    }

    pub(super) fn side(&mut self, at: &str, field: &'static str, v: Option<i64>) -> Option<u32> {
        match v {
            None => {
                self.push(at, K::MissingField { field });
                None
            }
            Some(n @ 1..=MAX_VIEW_SIDE) => u32::try_from(n).ok(),
            Some(n) => {
                self.push(
                    join(at, field),
                    K::OutOfRange {
                        value: n,
                        min: 1,
                        max: MAX_VIEW_SIDE,
                    },
                );
                None
            }
        }
    }

    pub(super) fn list<T>(
        &mut self,
        at: &str,
        field: &'static str,
        list: Option<Vec<T>>,
    ) -> Vec<T> {
        match list {
            None => {
                self.push(at, K::MissingField { field });
                Vec::new()
            }
            Some(l) if l.is_empty() => {
                self.push(join(at, field), K::EmptyList);
                l
            }
            Some(l) => l,
        }
    }

    /// A zone's list of option ids: each must exist in the palette and appear once.
    pub(super) fn refs(
        &mut self,
        at: &str,
        field: &'static str,
        list: Option<Vec<String>>,
        known: &HashSet<&str>,
        unknown: impl Fn(String) -> K,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (i, id) in self.list(at, field, list).into_iter().enumerate() {
            let here = format!("{at}.{field}[{i}]");
            if !known.contains(id.as_str()) {
                self.push(here, unknown(id));
            } else if !seen.insert(id.clone()) {
                self.push(here, K::DuplicateId { id });
            } else {
                out.push(id);
            }
        }
        out
    }

    pub(super) fn default_ref(
        &mut self,
        at: &str,
        field: &'static str,
        id: Option<String>,
        offered: &[String],
        known: &HashSet<&str>,
    ) -> Option<String> {
        let id = match id {
            None => {
                self.push(at, K::MissingField { field });
                return None;
            }
            Some(id) => id,
        };
        let here = join(at, field);
        if offered.contains(&id) {
            Some(id)
        } else {
            if known.contains(id.as_str()) {
                self.push(here, K::DefaultNotOffered { option: id });
            } else if field == "material" {
                self.push(here, K::UnknownMaterial { material: id });
            } else {
                self.push(here, K::UnknownColor { color: id });
            }
            None
        }
    }

    pub(super) fn file(
        &mut self,
        at: &str,
        field: &'static str,
        path: Option<String>,
        file_exists: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let Some(path) = path else {
            self.push(at, K::MissingField { field });
            return None;
        };
        let here = join(at, field);
        if !is_safe_path(&path) {
            self.push(here, K::UnsafePath { path });
            None
        } else if !file_exists(&path) {
            self.push(here, K::MissingFile { path });
            None
        } else {
            Some(path)
        }
    }
}

/// A relative `.png` path made of plain segments: no `..`, no absolute or Windows paths, no URL schemes, so a
/// catalog can never point the shop or the browser outside its static root.
fn is_safe_path(path: &str) -> bool {
    path.ends_with(".png")
        && path.len() <= 200
        && path.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::is_safe_path;

    #[test]
    fn safe_paths() {
        assert!(is_safe_path("products/runner-one/side/base.png"));
        for bad in [
            "/etc/passwd.png",
            "../x.png",
            "a/../b.png",
            "a//b.png",
            "a\\b.png",
            "http://x/y.png",
            "a.jpg",
        ] {
            assert!(!is_safe_path(bad), "{bad}");
        }
    }
}
