//! The price of a design: the base price plus each zone's material and color deltas, each choice's delta and
//! each used text placement's delta,
//! with a breakdown the app shows and the shop stores. The shop never trusts a client's price; it calls
//! [`price`] itself.

use crate::design::ValidDesign;
use crate::id::{ChoiceId, ColorId, MaterialId, OptionId, TextId, ZoneId};
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

/// One surcharge: a zone's material or color delta, a choice group's option delta, or a text placement's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceLine {
    /// The zone, for a material or color line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<ZoneId>,
    /// The choice group, for a choice line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<ChoiceId>,
    /// The text placement, for a personal-text line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<TextId>,
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
    /// An option of a choice group.
    Option(OptionId),
    /// Personal text in a placement.
    Text(TextId),
}

/// Prices a valid design. Catalog validation caps every price, so the sum cannot overflow.
pub fn price(design: &ValidDesign<'_>) -> PriceBreakdown {
    let catalog = design.catalog;
    let mut lines = Vec::new();
    for (zone, material, color) in &design.zones {
        if material.price.amount != 0 {
            lines.push(PriceLine {
                zone: Some(zone.id.clone()),
                choice: None,
                text: None,
                option: PricedOption::Material(material.id.clone()),
                amount: material.price,
            });
        }
        if color.price.amount != 0 {
            lines.push(PriceLine {
                zone: Some(zone.id.clone()),
                choice: None,
                text: None,
                option: PricedOption::Color(color.id.clone()),
                amount: color.price,
            });
        }
    }
    for (group, option) in &design.choices {
        if option.price.amount != 0 {
            lines.push(PriceLine {
                zone: None,
                choice: Some(group.id.clone()),
                text: None,
                option: PricedOption::Option(option.id.clone()),
                amount: option.price,
            });
        }
    }
    for (placement, _) in &design.texts {
        if placement.price.amount != 0 {
            lines.push(PriceLine {
                zone: None,
                choice: None,
                text: Some(placement.id.clone()),
                option: PricedOption::Text(placement.id.clone()),
                amount: placement.price,
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
