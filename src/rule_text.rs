//! The catalog's rules in the shopper's words, for the screen: what else a choice changed, why an option is
//! unavailable, what a fix would do. Sentences come from the message catalogs and the core's
//! [`describe`](atelier_core::rules::describe) (a retailer's own rule message, or one generated from the rule);
//! this module only assembles them. Deciding *what* is unavailable or changes is the core's job, not this one.

use crate::state::Notice;
use atelier_core::rules::describe::{group_name, option_name, reason};
use atelier_core::rules::{Availability, Change, Explanation, GroupKey, Selection};
use atelier_core::{Catalog, Locale, messages};
use std::collections::BTreeMap;

/// Why each unavailable option is unavailable, by group and option, for the groups on screen only
/// (explaining is a search; the rest of the product waits until the shopper looks at it).
pub type Reasons = BTreeMap<GroupKey, BTreeMap<String, String>>;

/// The reasons for every unavailable option of `groups`.
pub fn unavailable_options(
    catalog: &Catalog,
    selection: &Selection,
    availability: &Availability,
    groups: &[GroupKey],
    locale: Locale,
) -> Reasons {
    let mut out = Reasons::new();
    for key in groups {
        for (option, why) in selection.explain_group(catalog, availability, key) {
            out.entry(key.clone())
                .or_default()
                .insert(option, unavailable(catalog, selection, &why, locale));
        }
    }
    out
}

/// "Material of the Sole: Foam → Rubber".
pub fn change(catalog: &Catalog, change: &Change, locale: Locale) -> String {
    messages::format(
        locale,
        "rules.change",
        &[
            ("group", group_name(catalog, &change.group, locale)),
            (
                "from",
                option_name(catalog, &change.group, &change.from, locale),
            ),
            (
                "to",
                option_name(catalog, &change.group, &change.to, locale),
            ),
        ],
    )
}

fn changes(catalog: &Catalog, list: &[Change], locale: Locale) -> String {
    list.iter()
        .map(|c| change(catalog, c, locale))
        .collect::<Vec<_>>()
        .join(messages::text(locale, "rules.separator"))
}

/// The rules' reasons, one sentence each, in the order given.
pub fn reasons(catalog: &Catalog, rules: &[usize], locale: Locale) -> Vec<String> {
    rules.iter().map(|&r| reason(catalog, r, locale)).collect()
}

/// The live region's sentence for a notice.
pub fn notice(catalog: &Catalog, notice: &Notice, locale: Locale) -> String {
    match notice {
        Notice::AlsoChanged {
            changes: list,
            because,
        } if because.is_empty() => messages::format(
            locale,
            "rules.also_changed_plain",
            &[("changes", changes(catalog, list, locale))],
        ),
        Notice::AlsoChanged {
            changes: list,
            because,
        } => messages::format(
            locale,
            "rules.also_changed",
            &[
                ("changes", changes(catalog, list, locale)),
                ("reasons", reasons(catalog, because, locale).join(" ")),
            ],
        ),
        Notice::Restored(list) => messages::format(
            locale,
            "rules.restored",
            &[("changes", changes(catalog, list, locale))],
        ),
        Notice::LinkUpdated {
            changes: list,
            older,
        } => messages::format(
            locale,
            if *older {
                "link.updated_older"
            } else {
                "link.updated"
            },
            &[("changes", changes(catalog, list, locale))],
        ),
        Notice::LinkDamaged(e) => messages::text(locale, e.message_key()).to_owned(),
    }
}

/// "Unavailable: Gum soles are only made in rubber. (You chose Cushion foam for the Material of the Sole.)"
pub fn unavailable(
    catalog: &Catalog,
    selection: &Selection,
    why: &Explanation,
    locale: Locale,
) -> String {
    let mut text = messages::format(
        locale,
        "rules.unavailable",
        &[("reasons", reasons(catalog, &why.rules, locale).join(" "))],
    );
    let chosen: Vec<String> = why
        .choices
        .iter()
        .map(|key| {
            messages::format(
                locale,
                "rules.choice_item",
                &[
                    ("group", group_name(catalog, key, locale)),
                    (
                        "option",
                        option_name(catalog, key, current(selection, key), locale),
                    ),
                ],
            )
        })
        .collect();
    if !chosen.is_empty() {
        text.push(' ');
        text.push_str(&messages::format(
            locale,
            "rules.your_choices",
            &[("choices", chosen.join(messages::text(locale, "rule.and")))],
        ));
    }
    text
}

/// The option a selection has for a group ("" if the group is unknown).
pub fn current<'s>(selection: &'s Selection, key: &GroupKey) -> &'s str {
    let design = selection.design();
    match key {
        GroupKey::Material(z) => design.zones.get(z).map_or("", |c| c.material.as_str()),
        GroupKey::Color(z) => design.zones.get(z).map_or("", |c| c.color.as_str()),
        GroupKey::Choice(c) => design.choices.get(c).map_or("", |o| o.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_core::rules::Outcome;

    fn runner() -> Catalog {
        let json = include_str!("../static/catalogs/runner-one.json");
        Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid")
    }

    fn chosen(catalog: &Catalog, steps: &[(&str, &str)]) -> Selection {
        let mut sel = Selection::new(catalog);
        for (group, option) in steps {
            match sel.choose(catalog, &GroupKey::parse(group), option) {
                Outcome::Applied { selection, .. } => sel = selection,
                other => panic!("{group}={option}: {other:?}"),
            }
        }
        sel
    }

    #[test]
    fn an_unavailable_option_names_the_rule_and_the_shoppers_choice() {
        let catalog = runner();
        let sel = chosen(
            &catalog,
            &[("sole.material", "rubber"), ("sole.material", "foam")],
        );
        let key = GroupKey::parse("sole.color");
        let why = sel
            .explain(&catalog, &key, "gum")
            .expect("gum is unavailable");
        assert_eq!(
            unavailable(&catalog, &sel, &why, Locale::En),
            "Unavailable: Gum soles are only made in rubber. (You chose Cushion foam for the Material of the Sole.)"
        );
        let ko = unavailable(&catalog, &sel, &why, Locale::Ko);
        assert!(
            ko.starts_with("선택할 수 없음: 검 밑창은 고무로만 만듭니다."),
            "{ko}"
        );
    }

    #[test]
    fn an_automatic_change_reads_as_one_sentence() {
        let catalog = runner();
        let sel = Selection::new(&catalog);
        let Outcome::Applied {
            changes, because, ..
        } = sel.choose(&catalog, &GroupKey::parse("sole.color"), "gum")
        else {
            panic!("gum is available while foam is only the default");
        };
        assert_eq!(
            notice(
                &catalog,
                &Notice::AlsoChanged { changes, because },
                Locale::En
            ),
            "Also changed: Material of the Sole: Cushion foam → Natural rubber — Gum soles are only made in rubber."
        );
    }
}
