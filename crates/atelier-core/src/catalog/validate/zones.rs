//! The `zones` section of a catalog file: each zone's id, name, the materials and colors it offers (references
//! into the palettes) and its default choice, which must be among those offered.

use super::checker::Checker;
use crate::catalog::model::Zone;
use crate::catalog::problem::CatalogProblemKind as K;
use crate::catalog::raw::RawZone;
use crate::design::Choice;
use crate::id::{ColorId, MaterialId, ZoneId};
use std::collections::HashSet;

/// Every id the palettes declare, the references a zone is checked against.
pub(super) struct Palettes<'a> {
    pub materials: &'a HashSet<&'a str>,
    pub colors: &'a HashSet<&'a str>,
}

/// Checks every zone; returns those without problems and every declared zone id.
pub(super) fn check(
    c: &mut Checker,
    raw: Option<Vec<RawZone>>,
    known: &Palettes<'_>,
) -> (Vec<Zone>, HashSet<String>) {
    let mut zones = Vec::new();
    let mut declared = HashSet::new();
    for (i, z) in c.list("", "zones", raw).into_iter().enumerate() {
        let at = format!("zones[{i}]");
        c.extra(&at, &z.extra);
        let id = c.unique_id(&at, z.id, &mut declared);
        let name = c.localized(&at, "name", z.name);
        let zone_materials = c.refs(&at, "materials", z.materials, known.materials, |m| {
            K::UnknownMaterial { material: m }
        });
        let zone_colors = c.refs(&at, "colors", z.colors, known.colors, |m| K::UnknownColor {
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
                let material = c.default_ref(
                    &dat,
                    "material",
                    d.material,
                    &zone_materials,
                    known.materials,
                );
                let color = c.default_ref(&dat, "color", d.color, &zone_colors, known.colors);
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
    (zones, declared)
}
