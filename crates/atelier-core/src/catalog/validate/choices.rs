//! The `choices` section of a catalog file: product-wide choice groups that are not zones, each with its
//! options (id, name, price) and default, or `required: true` for a group the shopper must choose. Kept unpriced until the catalog's currency is known to be sound.

use super::checker::Checker;
use crate::catalog::model::{ChoiceGroup, ChoiceOption};
use crate::catalog::problem::CatalogProblemKind as K;
use crate::catalog::raw::RawChoiceGroup;
use crate::id::{ChoiceId, OptionId};
use crate::locale::Localized;
use crate::money::{Currency, Money};
use std::collections::HashSet;

/// A choice group without problems, its option prices in minor units of a currency not yet known to be sound.
pub(super) struct UnpricedChoiceGroup {
    id: ChoiceId,
    name: Localized,
    options: Vec<(OptionId, Localized, i64)>,
    default: OptionId,
    required: bool,
}

impl UnpricedChoiceGroup {
    /// The group with its options priced in `currency`.
    pub(super) fn priced(self, currency: Currency) -> ChoiceGroup {
        ChoiceGroup {
            id: self.id,
            name: self.name,
            options: self
                .options
                .into_iter()
                .map(|(id, name, price)| ChoiceOption {
                    id,
                    name,
                    price: Money::new(price, currency),
                })
                .collect(),
            default: self.default,
            required: self.required,
        }
    }
}

/// Checks every choice group (the section is optional); returns those without problems. A group may not
/// share an id with a zone (`zone_ids`), since rules name both the same way.
pub(super) fn check(
    c: &mut Checker,
    raw: Option<Vec<RawChoiceGroup>>,
    zone_ids: &HashSet<&str>,
) -> Vec<UnpricedChoiceGroup> {
    let mut choices = Vec::new();
    let mut declared = HashSet::new();
    for (i, g) in raw.unwrap_or_default().into_iter().enumerate() {
        let at = format!("choices[{i}]");
        c.extra(&at, &g.extra);
        let id = c.unique_id(&at, g.id, &mut declared);
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
        let required = g.required == Some(true);
        let default = match g.default {
            // A stand-in until the rules pick one some valid design has (`validate/mod.rs`).
            None if required => options.first().map(|(id, _, _)| id.clone()),
            Some(_) if required => {
                c.push(format!("{at}.default"), K::DefaultWithRequired);
                None
            }
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
            choices.push(UnpricedChoiceGroup {
                id: ChoiceId(id),
                name,
                options,
                default,
                required,
            });
        }
    }
    choices
}
