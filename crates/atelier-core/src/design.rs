//! A design: the shopper's choice per zone and their size, as the app keeps it and the shop receives it, and
//! its validation against a catalog into a [`ValidDesign`].

use crate::catalog::{
    Catalog, ChoiceGroup, ChoiceOption, Color, Material, Size, TextPlacement, Zone,
};
use crate::id::{ChoiceId, ColorId, MaterialId, OptionId, ProductId, SizeId, TextId, ZoneId};
use crate::locale::{Locale, Localized};
use crate::problem::{Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A design as data: which product, which size, and a material and color per zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Design {
    /// The product.
    pub product: ProductId,
    /// The chosen size; `None` until the shopper picks one.
    pub size: Option<SizeId>,
    /// The choice per zone.
    pub zones: BTreeMap<ZoneId, Choice>,
    /// The option per product-wide choice group (absent for products without any).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<ChoiceId, OptionId>,
    /// Personal text per placement, exactly as the shopper typed it (absent when none; designs stored before
    /// personal text existed load with none).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub text: BTreeMap<TextId, String>,
}

/// The material and color chosen for one zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Material id.
    pub material: MaterialId,
    /// Color id.
    pub color: ColorId,
}

/// A design problem at a path such as `zones.toe.color`.
pub type DesignProblem = Problem<DesignProblemKind>;

/// What can be wrong with a design.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DesignProblemKind {
    /// The design is for another product than the catalog.
    WrongProduct {
        /// Product named by the design.
        product: String,
    },
    /// The design names a zone the product does not have.
    UnknownZone {
        /// Zone id.
        zone: String,
    },
    /// A zone of the product has no choice.
    MissingZone {
        /// Zone id.
        zone: String,
    },
    /// A material that does not exist or is not offered for the zone.
    UnknownMaterial {
        /// Zone id.
        zone: String,
        /// Material id.
        material: String,
    },
    /// A color that does not exist or is not offered for the zone.
    UnknownColor {
        /// Zone id.
        zone: String,
        /// Color id.
        color: String,
    },
    /// No size was chosen.
    MissingSize,
    /// A size the product is not made in.
    UnknownSize {
        /// Size id.
        size: String,
    },
    /// The design names a choice group the product does not have.
    UnknownChoice {
        /// Choice group id.
        choice: String,
    },
    /// A choice group of the product has no option.
    MissingChoice {
        /// Choice group id.
        choice: String,
    },
    /// An option a choice group does not offer.
    UnknownChoiceOption {
        /// Choice group id.
        choice: String,
        /// Option id.
        option: String,
    },
    /// The design has text for a placement the product does not have.
    UnknownText {
        /// Placement id.
        text: String,
    },
    /// A placement's text is refused (characters, length, word list, fit), with the reason.
    TextRefused {
        /// Placement id.
        text: String,
        /// Why, as a message key and values; the message is the reason in the shopper's language.
        refusal: crate::text::Refusal,
    },
    /// The design breaks a catalog rule.
    RuleBroken {
        /// Rule id.
        rule: String,
        /// The rule in plain words.
        reason: Localized,
    },
}

impl ProblemKind for DesignProblemKind {
    fn code(&self) -> &'static str {
        use DesignProblemKind::*;
        match self {
            WrongProduct { .. } => "unknown_product",
            UnknownZone { .. } => "unknown_zone",
            MissingZone { .. } => "missing_zone",
            UnknownMaterial { .. } => "unknown_option_material",
            UnknownColor { .. } => "unknown_option_color",
            MissingSize => "missing_size",
            UnknownSize { .. } => "unknown_size",
            UnknownChoice { .. } => "unknown_choice",
            MissingChoice { .. } => "missing_choice",
            UnknownChoiceOption { .. } => "unknown_option_choice",
            RuleBroken { .. } => "rule_broken",
            UnknownText { .. } => "unknown_text",
            TextRefused { .. } => "text_refused",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        use DesignProblemKind::*;
        match self {
            WrongProduct { product } => vec![("product", product.clone())],
            UnknownZone { zone } | MissingZone { zone } => vec![("zone", zone.clone())],
            UnknownMaterial { zone, material } => {
                vec![("zone", zone.clone()), ("material", material.clone())]
            }
            UnknownColor { zone, color } => vec![("zone", zone.clone()), ("color", color.clone())],
            MissingSize => vec![],
            UnknownSize { size } => vec![("size", size.clone())],
            UnknownChoice { choice } | MissingChoice { choice } => {
                vec![("choice", choice.clone())]
            }
            UnknownChoiceOption { choice, option } => {
                vec![("choice", choice.clone()), ("option", option.clone())]
            }
            RuleBroken { rule, reason } => {
                vec![("rule", rule.clone()), ("reason", reason.en.clone())]
            }
            UnknownText { text } => vec![("text", text.clone())],
            TextRefused { text, refusal } => {
                vec![
                    ("text", text.clone()),
                    ("reason", refusal.message(Locale::En)),
                ]
            }
        }
    }

    fn args_in(&self, locale: Locale) -> Vec<(&'static str, String)> {
        match self {
            DesignProblemKind::RuleBroken { rule, reason } => {
                vec![
                    ("rule", rule.clone()),
                    ("reason", reason.get(locale).to_owned()),
                ]
            }
            DesignProblemKind::TextRefused { text, refusal } => {
                vec![("text", text.clone()), ("reason", refusal.message(locale))]
            }
            other => other.args(),
        }
    }
}

/// A design checked against its catalog: every zone has an offered material and color, and the size exists.
#[derive(Clone, Debug)]
pub struct ValidDesign<'c> {
    /// The catalog it was checked against.
    pub catalog: &'c Catalog,
    /// Per zone, in catalog order: the zone and its resolved choice.
    pub zones: Vec<(&'c Zone, &'c Material, &'c Color)>,
    /// The chosen size, if one was chosen (an order requires one, see [`crate::order`]).
    pub size: Option<&'c Size>,
    /// Per choice group, in catalog order: the group and its option.
    pub choices: Vec<(&'c ChoiceGroup, &'c ChoiceOption)>,
    /// Per text placement with a non-empty text, in catalog order: the placement and the text as typed.
    /// Whether the text itself is acceptable needs the fonts: see [`crate::text::check_design_texts`].
    pub texts: Vec<(&'c TextPlacement, String)>,
}

impl Design {
    /// Checks the design against `catalog`, reporting every problem at once. A missing size is not a problem
    /// here (a design in progress has none yet); ordering requires one.
    pub fn validate<'c>(
        &self,
        catalog: &'c Catalog,
    ) -> Result<ValidDesign<'c>, Vec<DesignProblem>> {
        let mut problems = Vec::new();
        if self.product != catalog.id {
            problems.push(DesignProblem::new(
                "product",
                DesignProblemKind::WrongProduct {
                    product: self.product.0.clone(),
                },
            ));
            return Err(problems);
        }
        let zones = self.resolve_zones(catalog, &mut problems);
        let choices = self.resolve_choices(catalog, &mut problems);
        for text in self.text.keys() {
            if catalog.text(text.as_str()).is_none() {
                problems.push(DesignProblem::new(
                    format!("text.{text}"),
                    DesignProblemKind::UnknownText {
                        text: text.0.clone(),
                    },
                ));
            }
        }
        let texts = catalog
            .texts
            .iter()
            .filter_map(|p| {
                self.text
                    .get(&p.id)
                    .filter(|t| !t.is_empty())
                    .map(|t| (p, t.clone()))
            })
            .collect();
        let size = self.size.as_ref().and_then(|s| {
            catalog.size(s.as_str()).or_else(|| {
                problems.push(DesignProblem::new(
                    "size",
                    DesignProblemKind::UnknownSize { size: s.0.clone() },
                ));
                None
            })
        });
        if problems.is_empty() {
            Ok(ValidDesign {
                catalog,
                zones,
                size,
                choices,
                texts,
            })
        } else {
            Err(problems)
        }
    }

    /// Every zone of `catalog` with the material and color this design chose for it; a problem for each unknown
    /// zone, missing zone and choice the zone does not offer.
    fn resolve_zones<'c>(
        &self,
        catalog: &'c Catalog,
        problems: &mut Vec<DesignProblem>,
    ) -> Vec<(&'c Zone, &'c Material, &'c Color)> {
        for zone in self.zones.keys() {
            if catalog.zone(zone.as_str()).is_none() {
                problems.push(DesignProblem::new(
                    format!("zones.{zone}"),
                    DesignProblemKind::UnknownZone {
                        zone: zone.0.clone(),
                    },
                ));
            }
        }
        let mut zones = Vec::new();
        for zone in &catalog.zones {
            let Some(choice) = self.zones.get(&zone.id) else {
                problems.push(DesignProblem::new(
                    format!("zones.{}", zone.id),
                    DesignProblemKind::MissingZone {
                        zone: zone.id.0.clone(),
                    },
                ));
                continue;
            };
            let material = zone
                .materials
                .contains(&choice.material)
                .then(|| catalog.material(choice.material.as_str()))
                .flatten();
            if material.is_none() {
                problems.push(DesignProblem::new(
                    format!("zones.{}.material", zone.id),
                    DesignProblemKind::UnknownMaterial {
                        zone: zone.id.0.clone(),
                        material: choice.material.0.clone(),
                    },
                ));
            }
            let color = zone
                .colors
                .contains(&choice.color)
                .then(|| catalog.color(choice.color.as_str()))
                .flatten();
            if color.is_none() {
                problems.push(DesignProblem::new(
                    format!("zones.{}.color", zone.id),
                    DesignProblemKind::UnknownColor {
                        zone: zone.id.0.clone(),
                        color: choice.color.0.clone(),
                    },
                ));
            }
            if let (Some(m), Some(c)) = (material, color) {
                zones.push((zone, m, c));
            }
        }
        zones
    }

    /// Every choice group of `catalog` with the option this design chose; a problem for each unknown group,
    /// missing group and unknown option.
    fn resolve_choices<'c>(
        &self,
        catalog: &'c Catalog,
        problems: &mut Vec<DesignProblem>,
    ) -> Vec<(&'c ChoiceGroup, &'c ChoiceOption)> {
        for choice in self.choices.keys() {
            if catalog.choice(choice.as_str()).is_none() {
                problems.push(DesignProblem::new(
                    format!("choices.{choice}"),
                    DesignProblemKind::UnknownChoice {
                        choice: choice.0.clone(),
                    },
                ));
            }
        }
        let mut choices = Vec::new();
        for group in &catalog.choices {
            match self.choices.get(&group.id) {
                None => problems.push(DesignProblem::new(
                    format!("choices.{}", group.id),
                    DesignProblemKind::MissingChoice {
                        choice: group.id.0.clone(),
                    },
                )),
                Some(option) => match group.options.iter().find(|o| &o.id == option) {
                    Some(o) => choices.push((group, o)),
                    None => problems.push(DesignProblem::new(
                        format!("choices.{}", group.id),
                        DesignProblemKind::UnknownChoiceOption {
                            choice: group.id.0.clone(),
                            option: option.0.clone(),
                        },
                    )),
                },
            }
        }
        choices
    }
}
