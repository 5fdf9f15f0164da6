//! Rules, groups and options in the shopper's words: the reason shown next to an unavailable option, in the
//! fix offered for it, and in the shop's refusal of a rule-breaking order.
//!
//! A retailer's own `message` wins; without one a sentence is generated from the rule's structure and the
//! catalog's localized names, so every rule can always be explained.

use super::space::GroupKey;
use crate::catalog::{Catalog, Cond, RuleKind};
use crate::locale::Locale;
use crate::messages::{format, text};

/// A group's name: "Color of the Sole", or the choice group's name.
pub fn group_name(catalog: &Catalog, key: &GroupKey, locale: Locale) -> String {
    let zone = |z: &str| {
        catalog
            .zone(z)
            .map_or_else(|| z.to_owned(), |z| z.name.get(locale).to_owned())
    };
    match key {
        GroupKey::Material(z) => format(locale, "zone.material", &[("zone", zone(z.as_str()))]),
        GroupKey::Color(z) => format(locale, "zone.color", &[("zone", zone(z.as_str()))]),
        GroupKey::Choice(c) => catalog
            .choice(c.as_str())
            .map_or_else(|| c.0.clone(), |c| c.name.get(locale).to_owned()),
    }
}

/// An option's name within a group (materials, colors, or the choice group's options).
pub fn option_name(catalog: &Catalog, key: &GroupKey, option: &str, locale: Locale) -> String {
    let name = match key {
        GroupKey::Material(_) => catalog.material(option).map(|m| m.name.get(locale)),
        GroupKey::Color(_) => catalog.color(option).map(|c| c.name.get(locale)),
        GroupKey::Choice(c) => catalog
            .choice(c.as_str())
            .and_then(|g| g.options.iter().find(|o| o.id.as_str() == option))
            .map(|o| o.name.get(locale)),
    };
    name.unwrap_or(option).to_owned()
}

fn key_name(catalog: &Catalog, key: &str, locale: Locale, every: bool) -> String {
    match (key, every) {
        ("*.material", false) => text(locale, "rule.any_material").to_owned(),
        ("*.color", false) => text(locale, "rule.any_color").to_owned(),
        ("*.material", true) => text(locale, "rule.every_material").to_owned(),
        ("*.color", true) => text(locale, "rule.every_color").to_owned(),
        _ => group_name(catalog, &GroupKey::parse(key), locale),
    }
}

fn conds(catalog: &Catalog, conds: &[Cond], locale: Locale) -> String {
    conds
        .iter()
        .map(|c| {
            let key = match c.key.as_str() {
                "*.material" => GroupKey::Material("".into()),
                "*.color" => GroupKey::Color("".into()),
                k => GroupKey::parse(k),
            };
            let options: Vec<String> = c
                .options
                .iter()
                .map(|o| option_name(catalog, &key, o, locale))
                .collect();
            format(
                locale,
                "rule.cond",
                &[
                    ("group", key_name(catalog, &c.key, locale, false)),
                    ("options", options.join(text(locale, "rule.or"))),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(text(locale, "rule.and"))
}

/// The rule with index `rule` in plain words.
pub fn reason(catalog: &Catalog, rule: usize, locale: Locale) -> String {
    let Some(rule) = catalog.rules.get(rule) else {
        return String::new();
    };
    if let Some(m) = &rule.message {
        return m.get(locale).to_owned();
    }
    let said = match &rule.kind {
        RuleKind::Requires { if_, then } => format(
            locale,
            "rule.requires",
            &[
                ("if", conds(catalog, if_, locale)),
                ("then", conds(catalog, then, locale)),
            ],
        ),
        RuleKind::OnlyWith { if_, then } => format(
            locale,
            "rule.only_with",
            &[
                ("if", conds(catalog, if_, locale)),
                ("then", conds(catalog, then, locale)),
            ],
        ),
        RuleKind::Excludes(parts) => {
            let parts: Vec<String> = parts.iter().map(|p| conds(catalog, p, locale)).collect();
            format(
                locale,
                "rule.excludes",
                &[("conds", parts.join(text(locale, "rule.and")))],
            )
        }
        RuleKind::Equal(keys) => {
            let names: Vec<String> = keys
                .iter()
                .map(|k| key_name(catalog, k, locale, true))
                .collect();
            format(
                locale,
                "rule.equal",
                &[("groups", names.join(text(locale, "rule.and")))],
            )
        }
        RuleKind::AtMost { count, of } => format(
            locale,
            "rule.at_most",
            &[
                ("count", count.to_string()),
                ("of", conds(catalog, of, locale)),
            ],
        ),
        RuleKind::Allowed { groups, .. } => {
            let names: Vec<String> = groups
                .iter()
                .map(|k| key_name(catalog, k, locale, false))
                .collect();
            format(
                locale,
                "rule.allowed",
                &[("groups", names.join(text(locale, "rule.and")))],
            )
        }
    };
    if rule.when.is_empty() {
        said
    } else {
        format(
            locale,
            "rule.while",
            &[("rule", said), ("when", conds(catalog, &rule.when, locale))],
        )
    }
}
