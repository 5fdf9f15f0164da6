//! The price of a design: the base price plus each zone's material and color deltas, with a breakdown the app
//! shows and the shop stores. The shop never trusts a client's price; it calls [`price`] itself.

use crate::design::ValidDesign;
use crate::id::{ColorId, MaterialId, ZoneId};
use crate::money::Money;
use serde::Serialize;

/// A priced design: base, one line per non-zero delta, total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceBreakdown {
    /// The product's base price.
    pub base: Money,
    /// Surcharges, in zone order.
    pub lines: Vec<PriceLine>,
    /// Base plus every line.
    pub total: Money,
}

/// One surcharge: a zone's material or color delta.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceLine {
    /// The zone.
    pub zone: ZoneId,
    /// What costs extra.
    pub option: PricedOption,
    /// The delta.
    pub amount: Money,
}

/// Which option a price line is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum PricedOption {
    /// A material.
    Material(MaterialId),
    /// A color.
    Color(ColorId),
}

/// Prices a valid design. Catalog validation caps every price, so the sum cannot overflow.
pub fn price(design: &ValidDesign<'_>) -> PriceBreakdown {
    let catalog = design.catalog;
    let mut lines = Vec::new();
    for (zone, material, color) in &design.zones {
        if material.price.amount != 0 {
            lines.push(PriceLine {
                zone: zone.id.clone(),
                option: PricedOption::Material(material.id.clone()),
                amount: material.price,
            });
        }
        if color.price.amount != 0 {
            lines.push(PriceLine {
                zone: zone.id.clone(),
                option: PricedOption::Color(color.id.clone()),
                amount: color.price,
            });
        }
    }
    let total = catalog.base_price.amount + lines.iter().map(|l| l.amount.amount).sum::<i64>();
    PriceBreakdown {
        base: catalog.base_price,
        lines,
        total: Money::new(total, catalog.currency),
    }
}
