//! Matching on the appliance set (`bespoke-set`): nearest swatches and harmony modes for room colors,
//! table-driven, then the rules: which suggestions a panel can take and which finish the others need.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use atelier_core::Catalog;
use atelier_core::color::{Srgb8, srgb8_to_lab};
use atelier_core::color_match::{Closeness, Harmony, RuleCheck, suggest, within_rules};
use atelier_core::id::ZoneId;
use atelier_core::rules::{GroupKey, Outcome, Selection};

/// The suggestions for room color `room` under `harmony`, as `id closeness` strings, best first.
fn check(room: &str, harmony: Harmony, want: &[&str]) {
    let c = support::catalog(support::BESPOKE);
    let lab = srgb8_to_lab(Srgb8::from_hex(room).expect("hex"));
    let got: Vec<String> = suggest(lab, &c, harmony, 3)
        .iter()
        .map(|s| format!("{} {:?}", s.color, s.closeness))
        .collect();
    assert_eq!(got, want, "{room} {harmony:?}");
}

#[test]
fn match_finds_the_nearest_swatches() {
    use Harmony::Match;
    check(
        "#8ea7bc",
        Match,
        &[
            "morning-blue AlmostIdentical",
            "stainless Noticeable",
            "sky Different",
        ],
    );
    check(
        "#eeece5",
        Match,
        &[
            "satin-white AlmostIdentical",
            "cotta-white Close",
            "satin-beige Noticeable",
        ],
    );
    check(
        "#e9865a",
        Match,
        &[
            "clementine AlmostIdentical",
            "rose-pink Different",
            "glam-pink Different",
        ],
    );
    check(
        "#c8b48c",
        Match,
        &[
            "satin-beige Noticeable",
            "sunrise-yellow Different",
            "cotta-white Different",
        ],
    );
}

#[test]
fn tone_on_tone_stays_in_the_hue_family_and_moves_away() {
    use Harmony::ToneOnTone;
    // Blues: the other blue, never the matching one itself.
    check("#b9cfe0", ToneOnTone, &["morning-blue Different"]);
    check("#8ea7bc", ToneOnTone, &["sky Different"]);
    // A white kitchen: the other neutrals, but not Cotta White (ΔE under 5 is a match, not a tone).
    check(
        "#eeece5",
        ToneOnTone,
        &["stainless Different", "charcoal Different"],
    );
    // A warm sand: beige and yellow, no blue.
    check(
        "#c8b48c",
        ToneOnTone,
        &["satin-beige Noticeable", "sunrise-yellow Different"],
    );
    // Nothing else is orange.
    check("#e9865a", ToneOnTone, &[]);
}

#[test]
fn contrast_offers_the_opposite_hue_or_lightness() {
    use Harmony::Contrast;
    check(
        "#e9865a",
        Contrast,
        &["sky Different", "morning-blue Different"],
    );
    check(
        "#1f2a48",
        Contrast,
        &["sunrise-yellow Different", "satin-beige Different"],
    );
    // A neutral target has no opposite hue: the darkest panels for a white kitchen.
    check(
        "#eeece5",
        Contrast,
        &["glam-navy Different", "charcoal Different"],
    );
}

#[test]
fn closeness_words_have_messages_in_both_languages() {
    use atelier_core::Locale;
    for c in [
        Closeness::AlmostIdentical,
        Closeness::Close,
        Closeness::Noticeable,
        Closeness::Different,
    ] {
        for locale in [Locale::En, Locale::Ko] {
            let text = atelier_core::messages::text(locale, c.message_key());
            assert!(
                !text.is_empty() && !text.starts_with("color.") && text != "(missing message)",
                "{c:?}"
            );
        }
    }
    for h in [Harmony::Match, Harmony::ToneOnTone, Harmony::Contrast] {
        assert_ne!(
            atelier_core::messages::text(Locale::Ko, h.message_key()),
            "(missing message)"
        );
    }
}

const PANEL: &str = "fridge-top-left";

fn rule_check(c: &Catalog, s: &Selection, room: &str) -> RuleCheck {
    let lab = srgb8_to_lab(Srgb8::from_hex(room).expect("hex"));
    within_rules(
        c,
        s,
        &ZoneId::from(PANEL),
        &suggest(lab, c, Harmony::Match, 13),
    )
}

/// `(color, finish)` pairs of a list of offers, in order.
fn summary(offers: &[atelier_core::color_match::Offer]) -> Vec<String> {
    offers
        .iter()
        .map(|o| match &o.finish {
            Some(f) => format!("{}→{f}", o.suggestion.color),
            None => o.suggestion.color.to_string(),
        })
        .collect()
}

fn chose_finish(c: &Catalog, finish: &str) -> Selection {
    let key = GroupKey::Material(ZoneId::from(PANEL));
    match Selection::new(c).choose(c, &key, finish) {
        Outcome::Applied { selection, .. } => selection,
        other => panic!("choosing {finish}: {other:?}"),
    }
}

#[test]
fn with_no_finish_chosen_every_color_is_available_and_says_its_finish() {
    let c = support::catalog(support::BESPOKE);
    let check = rule_check(&c, &Selection::new(&c), "#1f2a48");
    assert!(
        check.unavailable.is_empty(),
        "{:?}",
        summary(&check.unavailable)
    );
    let got = summary(&check.available);
    assert_eq!(got.len(), 13);
    // The default finish is Matte: Glam colors move the panel to Glass, Stainless to Metal.
    assert_eq!(got[0], "glam-navy→glass");
    assert!(got.contains(&"stainless→metal".to_owned()), "{got:?}");
    assert!(got.contains(&"charcoal".to_owned()), "{got:?}");
}

#[test]
fn a_chosen_finish_keeps_only_its_colors_and_offers_the_finish_change() {
    let c = support::catalog(support::BESPOKE);
    // (finish the shopper chose, room color, available first three, unavailable with the finish they need)
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "matte",
            "#1f2a48",
            &["charcoal", "morning-blue", "clementine"],
            &["glam-navy→glass", "stainless→metal", "glam-pink→glass"],
        ),
        (
            "metal",
            "#eeece5",
            &["satin-white", "satin-beige", "sky"],
            &["cotta-white→matte", "mint→matte", "rose-pink→matte"],
        ),
        (
            "glass",
            "#a7abae",
            &["morning-blue", "sky", "satin-beige"],
            &["stainless→metal", "cotta-white→matte"],
        ),
    ];
    for &(finish, room, available, unavailable) in cases {
        let s = chose_finish(&c, finish);
        let check = rule_check(&c, &s, room);
        let got = summary(&check.available);
        assert_eq!(
            &got[..available.len()],
            available,
            "{finish} {room}: {got:?}"
        );
        let missing = summary(&check.unavailable);
        assert_eq!(
            &missing[..unavailable.len().min(missing.len())],
            unavailable,
            "{finish} {room}"
        );
        assert!(
            check
                .available
                .iter()
                .all(|o| o.finish.is_none() && o.fix.is_none())
        );
        // Each fix, accepted, gives the panel the suggested color in the named finish.
        for o in &check.unavailable {
            let fix = o.fix.as_ref().expect("a fix");
            let zone = &fix.selection.design().zones[&ZoneId::from(PANEL)];
            assert_eq!(zone.color.as_str(), o.suggestion.color.as_str());
            assert_eq!(
                Some(zone.material.as_str()),
                o.finish.as_ref().map(|f| f.as_str())
            );
        }
    }
}
