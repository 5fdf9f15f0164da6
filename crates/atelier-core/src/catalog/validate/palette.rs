//! The palettes of a catalog file: `materials` (id, name, price, gloss, surface) and `colors` (id, name, price,
//! swatch). Entries are kept unpriced until the catalog's currency is known to be sound, then priced in it.

use super::checker::Checker;
use crate::catalog::model::{Color, Material, Surface};
use crate::catalog::problem::CatalogProblemKind as K;
use crate::catalog::raw::{RawColor, RawMaterial};
use crate::color::Srgb8;
use crate::id::{ColorId, MaterialId};
use crate::locale::Localized;
use crate::money::{Currency, Money};
use std::collections::HashSet;

/// A material without problems, its price in minor units of a currency not yet known to be sound.
pub(super) struct UnpricedMaterial {
    id: MaterialId,
    name: Localized,
    price: i64,
    gloss: u8,
    surface: Surface,
}

impl UnpricedMaterial {
    /// The material priced in `currency`.
    pub(super) fn priced(self, currency: Currency) -> Material {
        Material {
            id: self.id,
            name: self.name,
            price: Money::new(self.price, currency),
            gloss: self.gloss,
            surface: self.surface,
        }
    }
}

/// A color without problems, its price in minor units of a currency not yet known to be sound.
pub(super) struct UnpricedColor {
    pub(super) id: ColorId,
    name: Localized,
    price: i64,
    pub(super) swatch: Srgb8,
}

impl UnpricedColor {
    /// The color priced in `currency`.
    pub(super) fn priced(self, currency: Currency) -> Color {
        Color {
            id: self.id,
            name: self.name,
            swatch: self.swatch,
            price: Money::new(self.price, currency),
        }
    }
}

/// Checks every material; returns those without problems and every declared id (even of an entry with
/// problems, so references to it are not also called unknown).
pub(super) fn materials(
    c: &mut Checker,
    raw: Option<Vec<RawMaterial>>,
) -> (Vec<UnpricedMaterial>, HashSet<String>) {
    let mut materials = Vec::new();
    let mut declared = HashSet::new();
    for (i, m) in c.list("", "materials", raw).into_iter().enumerate() {
        let at = format!("materials[{i}]");
        c.extra(&at, &m.extra);
        let id = c.unique_id(&at, m.id, &mut declared);
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
            materials.push(UnpricedMaterial {
                id: MaterialId(id),
                name,
                price,
                gloss,
                surface,
            });
        }
    }
    (materials, declared)
}

/// Checks every color; returns those without problems and every declared id, as [`materials`] does.
pub(super) fn colors(
    c: &mut Checker,
    raw: Option<Vec<RawColor>>,
) -> (Vec<UnpricedColor>, HashSet<String>) {
    let mut colors = Vec::new();
    let mut declared = HashSet::new();
    for (i, col) in c.list("", "colors", raw).into_iter().enumerate() {
        let at = format!("colors[{i}]");
        c.extra(&at, &col.extra);
        let id = c.unique_id(&at, col.id, &mut declared);
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
            colors.push(UnpricedColor {
                id: ColorId(id),
                name,
                price,
                swatch,
            });
        }
    }
    (colors, declared)
}
