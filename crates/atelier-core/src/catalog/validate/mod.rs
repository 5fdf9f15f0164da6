//! Turning a [`RawCatalog`] into a [`Catalog`], reporting every problem at once with its location.
//!
//! Validation walks the whole file even after the first problem: later checks run on whatever could be read,
//! and checks that depend on a broken part (a default naming a material that failed) are skipped rather than
//! reported twice. Whether layer files exist is asked of the caller (`file_exists`), since the core does no IO;
//! the shop answers from disk, the browser trusts the shop.
//!
//! This file owns the order of the sections (which is the order problems are reported in) and the phases: every
//! section on its own, then, only if all are clean, the rules ([`super::rules`]) compiled against the priced
//! palettes. Each section lives in its own file; the shared small checks are the [`Checker`].

mod checker;
mod choices;
mod header;
mod palette;
mod sizes;
mod views;
mod zones;

pub(super) use checker::Checker;

use super::model::{Catalog, ChoiceGroup, Color, Material, Rule, Zone};
use super::problem::{CatalogProblem, CatalogProblemKind as K};
use super::raw::{RawCatalog, RawRule};
use super::rules;
use super::validate_texts;
use crate::color::Srgb8;
use crate::id::ProductId;
use crate::money::Money;
use crate::rules::space::Space;
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
pub(super) fn validate(
    raw: RawCatalog,
    file_exists: &dyn Fn(&str) -> bool,
) -> Result<Catalog, Vec<CatalogProblem>> {
    let mut c = Checker::new();
    c.extra("", &raw.extra);
    let header = header::check(
        &mut c,
        header::RawHeader {
            format: raw.format,
            id: raw.id,
            name: raw.name,
            description: raw.description,
            currency: raw.currency,
            base_price: raw.base_price,
        },
    );
    let sizes = sizes::check(&mut c, raw.sizes);
    let (materials, material_decl) = palette::materials(&mut c, raw.materials);
    let (colors, color_decl) = palette::colors(&mut c, raw.colors);
    // References are checked against every declared id, even of an entry that failed its own checks: that
    // entry's problem is already reported, and calling it unknown too would send the retailer the wrong way.
    let material_ids: HashSet<&str> = material_decl.iter().map(String::as_str).collect();
    let color_ids: HashSet<&str> = color_decl.iter().map(String::as_str).collect();
    let palettes = zones::Palettes {
        materials: &material_ids,
        colors: &color_ids,
    };
    let (zones, zone_decl) = zones::check(&mut c, raw.zones, &palettes);
    let zone_ids: HashSet<&str> = zone_decl.iter().map(String::as_str).collect();
    let choices = choices::check(&mut c, raw.choices, &zone_ids);
    c.too_many("materials", materials.len());
    c.too_many("colors", colors.len());
    let views = views::check(&mut c, raw.views, &zone_ids, file_exists);
    views::check_drawn(&mut c, &zones, &views.drawn);
    let ink_colors: Vec<(String, Srgb8)> = colors
        .iter()
        .map(|col| (col.id.0.clone(), col.swatch))
        .collect();
    let texts = validate_texts::check(
        &mut c,
        raw.texts,
        &validate_texts::Known {
            views: &views.views,
            view_decl: &views.declared,
            colors: &ink_colors,
            color_decl: &color_decl,
            currency: header.currency,
            file_exists,
        },
    );
    c.gate()?;
    // Without problems the currency was read; the rules below need the palettes priced in it.
    let Some(currency) = header.currency else {
        return Err(vec![CatalogProblem::new(
            "",
            K::MissingField { field: "currency" },
        )]);
    };
    let materials: Vec<Material> = materials.into_iter().map(|m| m.priced(currency)).collect();
    let colors: Vec<Color> = colors.into_iter().map(|col| col.priced(currency)).collect();
    let mut choices: Vec<ChoiceGroup> = choices.into_iter().map(|g| g.priced(currency)).collect();
    let (rules, space) = compile_rules(
        &mut c,
        raw.rules.unwrap_or_default(),
        &zones,
        &materials,
        &colors,
        &choices,
    )?;
    // A group the shopper must choose starts at the option of the starting design the rules found for it.
    let first_choice = 2 * zones.len();
    for (i, ch) in choices.iter_mut().enumerate() {
        let g = first_choice + i;
        if ch.required
            && let (Some(group), Some(&bit)) = (space.groups.get(g), space.defaults.get(g))
        {
            ch.default = crate::id::OptionId(group.options[usize::from(bit)].clone());
        }
    }
    // With no problems every required part is present; this cannot fail, but stays total.
    let (Some(id), Some(name), Some(description), Some(base_price)) = (
        header.id,
        header.name,
        header.description,
        header.base_price,
    ) else {
        return Err(vec![CatalogProblem::new(
            "",
            K::MissingField { field: "id" },
        )]);
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
        views: views.views,
        choices,
        rules,
        space,
        texts,
    })
}

/// The rules checked one by one and compiled over the clean, priced palettes, then checked together (only if
/// each reads well); every problem of the first failing pass is the error.
fn compile_rules(
    c: &mut Checker,
    raw: Vec<RawRule>,
    zones: &[Zone],
    materials: &[Material],
    colors: &[Color],
    choices: &[ChoiceGroup],
) -> Result<(Vec<Rule>, Space), Vec<CatalogProblem>> {
    let groups = rules::groups(zones, materials, colors, choices);
    let (rules, constraints) = rules::check(c, raw, &groups, zones.len());
    c.gate()?;
    let mut space = Space::new(groups, constraints);
    space.defaults = default_values(&space, zones, choices);
    // With a group the shopper must choose there is no default design to check, only that some valid
    // design exists; the design a new selection starts from is then the one nearest the written defaults.
    let must_choose = choices.iter().any(|ch| ch.required);
    if let Some(start) = rules::check_together(c, &space, &rules, !must_choose)
        && must_choose
    {
        space.defaults = start;
    }
    c.gate()?;
    Ok((rules, space))
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
