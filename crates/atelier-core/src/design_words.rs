//! A design in words: the text alternative of a preview ("Runner One — Side: Toe box: White, Smooth leather; …;
//! Heel ID: “MINJI”"), in the shopper's language, generated from the catalog alone (no per-product code), so a
//! screen reader, a phone call or a retailer's page can say what the picture shows.
//!
//! It names what the view shows: every part drawn in the view (in the catalog's order) with its color and
//! material, the product-wide choices, and the personal texts placed on that view, quoted as typed (as data:
//! callers show it as text, never as markup).

use crate::catalog::Catalog;
use crate::design::Design;
use crate::id::ViewId;
use crate::locale::Locale;
use crate::messages;

/// `design` as `view` of `catalog` shows it, in `locale`. Parts, options or placements the catalog does not
/// have (a design not yet brought up to date) are left out rather than guessed.
pub fn describe(catalog: &Catalog, design: &Design, view: &ViewId, locale: Locale) -> String {
    let Some(shown) = catalog.view(view.as_str()) else {
        return catalog.name().get(locale).to_owned();
    };
    let drawn = |zone: &crate::id::ZoneId| shown.layers.iter().any(|l| &l.zone == zone);
    let zones = (catalog.zones().iter())
        .filter(|z| drawn(&z.id))
        .filter_map(|z| {
            let choice = design.zones.get(&z.id)?;
            let color = catalog.color(choice.color.as_str())?;
            let material = catalog.material(choice.material.as_str())?;
            Some(messages::format(
                locale,
                "describe.zone",
                &[
                    ("zone", z.name.get(locale).to_owned()),
                    ("color", color.name.get(locale).to_owned()),
                    ("material", material.name.get(locale).to_owned()),
                ],
            ))
        });
    let choices = catalog.choices().iter().filter_map(|group| {
        let chosen = design.choices.get(&group.id)?;
        let option = group.options.iter().find(|o| &o.id == chosen)?;
        Some(messages::format(
            locale,
            "describe.choice",
            &[
                ("group", group.name.get(locale).to_owned()),
                ("option", option.name.get(locale).to_owned()),
            ],
        ))
    });
    let texts = (catalog.texts().iter())
        .filter(|p| &p.view == view)
        .filter_map(|p| {
            let text = design.text.get(&p.id).filter(|t| !t.is_empty())?;
            Some(messages::format(
                locale,
                "describe.text",
                &[
                    ("placement", p.name.get(locale).to_owned()),
                    ("text", text.clone()),
                ],
            ))
        });
    let parts: Vec<String> = zones.chain(choices).chain(texts).collect();
    messages::format(
        locale,
        "describe.sentence",
        &[
            ("product", catalog.name().get(locale).to_owned()),
            ("view", shown.name.get(locale).to_owned()),
            (
                "parts",
                parts.join(messages::text(locale, "describe.separator")),
            ),
        ],
    )
}
