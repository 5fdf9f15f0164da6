//! A price breakdown in words: one row per line of a [`PriceBreakdown`], labelled in the shopper's language
//! from the catalog's names ("Toe box: Suede", "Heel ID: “MINJI”") with its amount formatted for the
//! currency. The app shows these rows; the same words can go to a retailer's page or an order summary.
//!
//! The amounts come from [`pricing`](crate::pricing); this file only names them. A shopper's text goes into a
//! label as plain data (callers show it as a text node, never as markup).

use crate::catalog::Catalog;
use crate::design::Design;
use crate::locale::Locale;
use crate::messages;
use crate::pricing::{PriceBreakdown, PriceLine, PricedOption};

/// One labelled row of a price breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceRow {
    /// What the row is for, in the shopper's language.
    pub label: String,
    /// Its amount, formatted for the currency: the base as a price, every other row as a signed delta.
    pub amount: String,
}

/// The rows of `breakdown`, the price of `design` in `catalog`: the base price first, then each line in the
/// breakdown's order. A line naming something the catalog lacks (it cannot, for a breakdown of this
/// catalog) is labelled with an empty name rather than dropped, so the rows always add up to the total.
pub fn price_rows(
    catalog: &Catalog,
    design: &Design,
    breakdown: &PriceBreakdown,
    locale: Locale,
) -> Vec<PriceRow> {
    let base = PriceRow {
        label: messages::text(locale, "price.base").to_owned(),
        amount: breakdown.base.format(locale),
    };
    std::iter::once(base)
        .chain(breakdown.lines.iter().map(|line| PriceRow {
            label: label(catalog, design, line, locale),
            amount: line.amount.format_delta(locale),
        }))
        .collect()
}

fn label(catalog: &Catalog, design: &Design, line: &PriceLine, locale: Locale) -> String {
    let name = |n: Option<&crate::locale::Localized>| n.map(|n| n.get(locale).to_owned());
    let option = match &line.option {
        PricedOption::Text(id) => {
            let placement = name(catalog.text(id.as_str()).map(|p| &p.name));
            let text = design.text.get(id).cloned().unwrap_or_default();
            return messages::format(
                locale,
                "price.text",
                &[("placement", placement.unwrap_or_default()), ("text", text)],
            );
        }
        PricedOption::Material(id) => name(catalog.material(id.as_str()).map(|m| &m.name)),
        PricedOption::Color(id) => name(catalog.color(id.as_str()).map(|c| &c.name)),
        PricedOption::Option(id) => name(
            line.choice
                .as_ref()
                .and_then(|c| catalog.choice(c.as_str()))
                .and_then(|c| c.options.iter().find(|o| &o.id == id))
                .map(|o| &o.name),
        ),
    };
    let group = match (&line.zone, &line.choice) {
        (Some(z), _) => name(catalog.zone(z.as_str()).map(|z| &z.name)),
        (None, Some(c)) => name(catalog.choice(c.as_str()).map(|c| &c.name)),
        (None, None) => None,
    };
    messages::format(
        locale,
        "price.line",
        &[
            ("zone", group.unwrap_or_default()),
            ("option", option.unwrap_or_default()),
        ],
    )
}
