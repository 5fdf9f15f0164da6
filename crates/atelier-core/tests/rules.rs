//! The rules at their boundaries: catalog problems in rules (table), reasons and one-click fixes on the
//! sample products (table), and property tests: random click sequences never reach a dead end, every
//! option shown available extends to a valid design and every one shown unavailable does not (brute force
//! over generated catalogs, against an independent reading of the rules), fixes are minimal.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use atelier_core::rules::describe::reason;
use atelier_core::rules::{GroupKey, Outcome, Selection};
use atelier_core::synthetic::catalog_json;
use atelier_core::{Catalog, Locale};
use proptest::prelude::*;
use serde_json::{Value, json};
use support::{BESPOKE, RUNNER, catalog, every_design, keeps, option, valid};

fn key(k: &str) -> GroupKey {
    GroupKey::parse(k)
}

/// Choose `k = option` and expect it to apply.
fn pick(c: &Catalog, s: &Selection, k: &str, o: &str) -> Selection {
    match s.choose(c, &key(k), o) {
        Outcome::Applied { selection, .. } => selection,
        other => panic!("{k}={o} did not apply: {other:?}"),
    }
}

fn rule_ids(c: &Catalog, rules: &[usize]) -> Vec<String> {
    rules.iter().map(|&r| c.rules()[r].id.0.clone()).collect()
}

// ---- catalog problems ------------------------------------------------------------------------------------

fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v: Value = serde_json::from_str(RUNNER).expect("sample parses");
    edit(&mut v);
    match Catalog::from_json(&v.to_string(), &|_: &str| true) {
        Ok(_) => Vec::new(),
        Err(ps) => ps
            .iter()
            .map(|p| {
                format!(
                    "{}@{}",
                    atelier_core::problem::ProblemKind::code(&p.kind),
                    p.path
                )
            })
            .collect(),
    }
}

fn add_rule(rule: Value) -> impl FnOnce(&mut Value) {
    move |v: &mut Value| v["rules"].as_array_mut().expect("rules").push(rule)
}

/// A change to the sample catalog.
type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn broken_rules_are_reported_at_their_place() {
    let all_colors = json!([
        "white", "bone", "black", "navy", "royal", "red", "burgundy", "forest", "sage", "sand",
        "tan", "gray", "pink", "yellow", "orange"
    ]);
    let cases: Vec<(&str, Edit, Vec<&str>)> = vec![
        (
            "unknown group",
            Box::new(add_rule(
                json!({"id": "x", "requires": {"if": {"sole.colour": ["gum"]}, "then": {"sole.material": ["rubber"]}}}),
            )),
            vec!["unknown_group@rules[5].requires.if[\"sole.colour\"]"],
        ),
        (
            "unknown option",
            Box::new(add_rule(
                json!({"id": "x", "requires": {"if": {"sole.color": ["gumm"]}, "then": {"sole.material": ["rubber"]}}}),
            )),
            vec!["unknown_option@rules[5].requires.if[\"sole.color\"][0]"],
        ),
        (
            "option not offered by the zone",
            Box::new(add_rule(
                json!({"id": "x", "excludes": [{"toe.color": ["gum"]}, {"toe.material": ["mesh"]}]}),
            )),
            vec!["option_not_offered@rules[5].excludes[0][\"toe.color\"][0]"],
        ),
        (
            "two kinds",
            Box::new(add_rule(
                json!({"id": "x", "equal": ["toe.color", "heel.color"], "at_most": {"count": 1, "of": {"*.material": ["suede"]}}}),
            )),
            vec!["rule_kind@rules[5]"],
        ),
        (
            "no kind",
            Box::new(add_rule(json!({"id": "x"}))),
            vec!["rule_kind@rules[5]"],
        ),
        (
            "excludes one thing",
            Box::new(add_rule(
                json!({"id": "x", "excludes": [{"toe.color": ["red"]}]}),
            )),
            vec!["too_few@rules[5].excludes"],
        ),
        (
            "equal across kinds",
            Box::new(add_rule(
                json!({"id": "x", "equal": ["toe.material", "toe.color"]}),
            )),
            vec!["equal_mismatch@rules[5].equal[1]"],
        ),
        (
            "at_most two keys",
            Box::new(add_rule(
                json!({"id": "x", "at_most": {"count": 1, "of": {"toe.material": ["suede"], "heel.material": ["suede"]}}}),
            )),
            vec!["at_most_one_key@rules[5].at_most.of"],
        ),
        (
            "at_most negative",
            Box::new(add_rule(
                json!({"id": "x", "at_most": {"count": -1, "of": {"*.material": ["suede"]}}}),
            )),
            vec!["out_of_range@rules[5].at_most.count"],
        ),
        (
            "duplicate id",
            Box::new(add_rule(
                json!({"id": "gum-sole-rubber", "excludes": [{"toe.color": ["red"]}, {"heel.color": ["red"]}]}),
            )),
            vec!["duplicate_id@rules[5].id"],
        ),
        (
            "a typo in a rule",
            Box::new(add_rule(json!({"id": "x", "exclude": []}))),
            vec!["unknown_field@rules[5].exclude", "rule_kind@rules[5]"],
        ),
        (
            "impossible product",
            Box::new(add_rule(
                json!({"id": "x", "excludes": [{"toe.material": ["leather", "suede", "mesh", "patent"]}, {"toe.color": all_colors.clone()}]}),
            )),
            vec!["no_valid_design@rules[5]"],
        ),
        (
            "default design breaks a rule",
            Box::new(add_rule(
                json!({"id": "x", "requires": {"if": {"toe.material": ["leather"]}, "then": {"toe.color": ["black", "navy"]}}}),
            )),
            vec!["default_breaks_rule@rules[5]"],
        ),
        (
            "an option no design can have",
            Box::new(add_rule(
                json!({"id": "x", "excludes": [{"toe.material": ["mesh"]}, {"toe.color": all_colors}]}),
            )),
            vec!["unreachable_option@rules[5]"],
        ),
        (
            "a choice group named like a zone",
            Box::new(
                |v: &mut Value| v["choices"] = json!([{"id": "toe", "name": {"en": "T", "ko": "T"}, "options": [{"id": "a", "name": {"en": "A", "ko": "A"}}], "default": "a"}]),
            ),
            vec!["choice_is_zone@choices[0].id"],
        ),
        (
            "a choice default not offered",
            Box::new(
                |v: &mut Value| v["choices"] = json!([{"id": "box", "name": {"en": "B", "ko": "B"}, "options": [{"id": "a", "name": {"en": "A", "ko": "A"}}], "default": "b"}]),
            ),
            vec!["unknown_option@choices[0].default"],
        ),
    ];
    for (name, edit, expect) in cases {
        assert_eq!(problems_after(edit), expect, "{name}");
    }
}

#[test]
fn broken_tables_are_reported_at_their_column_row_and_cell() {
    let cases: Vec<(&str, Edit, Vec<&str>)> = vec![
        (
            "a table: unknown group, a group twice, a star key",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["sole.colour", "sole.material", "sole.material", "*.color"], "rows": [["a", "b", "c", "d"]]}}),
            )),
            vec![
                "unknown_group@rules[5].allowed.groups[0]",
                "duplicate_group@rules[5].allowed.groups[2]",
                "star_not_allowed@rules[5].allowed.groups[3]",
            ],
        ),
        (
            "a table of one group",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["sole.material"], "rows": [["foam"]]}}),
            )),
            vec!["too_few@rules[5].allowed.groups"],
        ),
        (
            "a table's rows: unknown, not offered, wrong length, repeated",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["sole.material", "sole.color"], "rows": [
                    ["foam", "white"], ["rubber", "gumm"], ["rubber"], ["foam", "white"],
                    ["leather", "gum"], ["rubber", "gum", "white"]
                ]}}),
            )),
            vec![
                "unknown_option@rules[5].allowed.rows[1][1]",
                "row_length@rules[5].allowed.rows[2]",
                "duplicate_row@rules[5].allowed.rows[3]",
                "option_not_offered@rules[5].allowed.rows[4][0]",
                "row_length@rules[5].allowed.rows[5]",
            ],
        ),
        (
            "a table without rows",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["sole.material", "sole.color"], "rows": []}}),
            )),
            vec!["empty_list@rules[5].allowed.rows"],
        ),
        (
            "a table missing its fields, with a typo",
            Box::new(add_rule(json!({"id": "x", "allowed": {"group": []}}))),
            vec![
                "unknown_field@rules[5].allowed.group",
                "missing_field@rules[5].allowed",
                "missing_field@rules[5].allowed",
            ],
        ),
        (
            "a table and another kind",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["sole.material", "sole.color"], "rows": [["foam", "white"]]}, "equal": ["toe.color", "heel.color"]}),
            )),
            vec!["rule_kind@rules[5]"],
        ),
        (
            "a table with a starred guard",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["sole.material", "sole.color"], "rows": [["foam", "white"], ["rubber", "gum"]]}, "when": {"*.material": ["patent"]}}),
            )),
            vec!["star_not_allowed@rules[5].when"],
        ),
        (
            "a table the default design breaks",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["sole.material", "sole.color"], "rows": [["rubber", "white"], ["foam", "black"], ["rubber", "gum"]]}}),
            )),
            // The table also leaves the sole's other three colors out, and says so at once.
            vec![
                "default_breaks_rule@rules[5]",
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
            ],
        ),
        (
            "a table that leaves an option out",
            Box::new(add_rule(
                json!({"id": "x", "allowed": {"groups": ["laces.material", "laces.color"], "rows": [["cotton", "white"], ["waxed", "white"]]}}),
            )),
            vec![
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
                "unreachable_option@rules[5]",
            ],
        ),
    ];
    for (name, edit, expect) in cases {
        assert_eq!(problems_after(edit), expect, "{name}");
    }
}

#[test]
fn an_unreachable_option_names_the_rules_responsible() {
    let mut v: Value = serde_json::from_str(RUNNER).expect("sample parses");
    v["rules"].as_array_mut().expect("rules").push(json!(
        {"id": "no-royal-leather", "excludes": [{"toe.material": ["leather", "mesh", "patent"]}, {"toe.color": ["royal"]}]}));
    let ps =
        Catalog::from_json(&v.to_string(), &|_: &str| true).expect_err("royal toe is unreachable");
    // Royal is outside the suede palette too, so both rules together make it impossible.
    assert_eq!(ps.len(), 1);
    let message = ps[0].message(Locale::En);
    assert!(message.contains("\"royal\""), "{message}");
    assert!(
        message.contains("\"suede-palette\", \"no-royal-leather\""),
        "{message}"
    );
    assert_eq!(ps[0].path, "rules[1]");
}

// ---- reasons and fixes -------------------------------------------------------------------------------------

#[test]
fn choosing_an_option_that_conflicts_offers_the_smallest_fix() {
    let c = catalog(RUNNER);
    // (explicit choices in order, the option chosen, what is given up, rules named, changes "group:from>to")
    type Case = (
        &'static [(&'static str, &'static str)],
        (&'static str, &'static str),
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
    );
    let cases: &[Case] = &[
        (
            &[("sole.material", "foam")],
            ("sole.color", "gum"),
            &["sole.material"],
            &["gum-sole-rubber"],
            &["sole.material:foam>rubber"],
        ),
        (
            &[("toe.material", "patent"), ("heel.material", "patent")],
            ("logo.material", "patent"),
            &["heel.material"],
            &["patent-at-most-two"],
            &["heel.material:patent>suede"],
        ),
        (
            &[("heel.color", "red")],
            ("heel.material", "suede"),
            &["heel.color"],
            &["suede-palette"],
            &["heel.color:red>navy"],
        ),
        (
            &[("laces.color", "pink")],
            ("laces.material", "waxed"),
            &["laces.color"],
            &["waxed-laces-no-pink"],
            &["laces.color:pink>white"],
        ),
        (
            &[("quarter.material", "suede"), ("toe.color", "red")],
            ("logo.material", "patent"),
            &["quarter.material"],
            &["patent-logo-smooth-side"],
            &["quarter.material:suede>leather"],
        ),
    ];
    for (chosen, (k, o), given_up, rules, changes) in cases {
        let mut s = Selection::new(&c);
        for (ck, co) in *chosen {
            s = pick(&c, &s, ck, co);
        }
        assert!(
            !s.availability(&c).offers(c.space(), &key(k), o),
            "{k}={o} should be unavailable"
        );
        let Outcome::Conflict(fix) = s.choose(&c, &key(k), o) else {
            panic!("{k}={o} should conflict");
        };
        let got: Vec<String> = fix.given_up.iter().map(GroupKey::as_key).collect();
        assert_eq!(got, *given_up, "{k}={o}: given up");
        assert_eq!(rule_ids(&c, &fix.rules), *rules, "{k}={o}: rules");
        let got: Vec<String> = fix
            .changes
            .iter()
            .map(|ch| format!("{}:{}>{}", ch.group.as_key(), ch.from, ch.to))
            .collect();
        assert_eq!(got, *changes, "{k}={o}: changes");
        assert_eq!(option(fix.selection.design(), &key(k)), *o);
        assert!(valid(&c, fix.selection.design()));
        let why = s
            .explain(&c, &key(k), o)
            .expect("an unavailable option has a reason");
        assert_eq!(rule_ids(&c, &why.rules), *rules, "{k}={o}: explained by");
    }
}

#[test]
fn a_free_part_follows_and_the_shopper_is_told_why() {
    let c = catalog(RUNNER);
    let s = Selection::new(&c);
    let Outcome::Applied {
        selection,
        changes,
        because,
    } = s.choose(&c, &key("sole.color"), "gum")
    else {
        panic!("gum is available while the sole material is not chosen");
    };
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (
            changes[0].group.as_key(),
            changes[0].from.as_str(),
            changes[0].to.as_str()
        ),
        ("sole.material".to_owned(), "foam", "rubber")
    );
    assert_eq!(rule_ids(&c, &because), ["gum-sole-rubber"]);
    assert_eq!(
        reason(&c, because[0], Locale::En),
        "Gum soles are only made in rubber."
    );
    assert_eq!(
        reason(&c, because[0], Locale::Ko),
        "검 밑창은 고무로만 만듭니다."
    );
    assert_eq!(selection.explicit(), vec![key("sole.color")]);
}

#[test]
fn rules_without_a_message_are_explained_from_their_structure() {
    let mut v: Value = serde_json::from_str(RUNNER).expect("sample parses");
    for r in v["rules"].as_array_mut().expect("rules") {
        r.as_object_mut().expect("rule").remove("message");
    }
    let c = catalog(&v.to_string());
    let said: Vec<String> = (0..c.rules().len())
        .map(|r| reason(&c, r, Locale::En))
        .collect();
    assert_eq!(
        said[0],
        "Color of the Sole Gum requires Material of the Sole Natural rubber."
    );
    assert!(
        said[1].starts_with(
            "the material of any part Suede requires the color of any part Bone or Black"
        ),
        "{}",
        said[1]
    );
    assert_eq!(
        said[2],
        "At most 2 of: the material of any part Patent leather."
    );
    assert_eq!(
        said[3],
        "Material of the Laces Waxed cotton and Color of the Laces Blush pink cannot be combined."
    );
    assert!(reason(&c, 0, Locale::Ko).contains("필요합니다"));
}

/// The sneaker with a variant table: which lace colors each lace material is made in (waxed laces only in
/// the plain colors), with the retailer's message.
fn runner_with_lace_table() -> Catalog {
    let mut v: Value = serde_json::from_str(RUNNER).expect("sample parses");
    let mut rows = Vec::new();
    for color in [
        "white", "bone", "black", "navy", "red", "yellow", "gray", "pink",
    ] {
        rows.push(json!(["cotton", color]));
    }
    for color in ["white", "bone", "black", "navy", "gray"] {
        rows.push(json!(["waxed", color]));
    }
    v["rules"].as_array_mut().expect("rules").push(json!({
        "id": "lace-colors",
        "allowed": { "groups": ["laces.material", "laces.color"], "rows": rows },
        "message": { "en": "Waxed laces are made in white, bone, black, navy and gray only.",
                     "ko": "왁스 끈은 흰색, 본, 검정, 네이비, 회색으로만 만듭니다." }
    }));
    catalog(&v.to_string())
}

#[test]
fn an_option_a_table_rules_out_names_the_table_and_the_choice() {
    let c = runner_with_lace_table();
    let s = pick(&c, &Selection::new(&c), "laces.material", "waxed");
    let a = s.availability(&c);
    for (color, available) in [
        ("white", true),
        ("gray", true),
        ("red", false),
        ("yellow", false),
    ] {
        assert_eq!(
            a.offers(c.space(), &key("laces.color"), color),
            available,
            "{color}"
        );
    }
    let why = s
        .explain(&c, &key("laces.color"), "red")
        .expect("red waxed laces are not made");
    assert_eq!(rule_ids(&c, &why.rules), ["lace-colors"]);
    assert_eq!(why.choices, [key("laces.material")]);
    assert_eq!(
        reason(&c, why.rules[0], Locale::En),
        "Waxed laces are made in white, bone, black, navy and gray only."
    );
    assert_eq!(
        reason(&c, why.rules[0], Locale::Ko),
        "왁스 끈은 흰색, 본, 검정, 네이비, 회색으로만 만듭니다."
    );
    // Pink is ruled out by both the table and the older rule; either alone is a minimal reason.
    let why = s
        .explain(&c, &key("laces.color"), "pink")
        .expect("pink is out");
    assert_eq!(why.rules.len(), 1, "{:?}", rule_ids(&c, &why.rules));
    // The one-click fix gives up only the lace material.
    let Outcome::Conflict(fix) = s.choose(&c, &key("laces.color"), "red") else {
        panic!("red should conflict with waxed laces");
    };
    let given_up: Vec<String> = fix.given_up.iter().map(GroupKey::as_key).collect();
    assert_eq!(given_up, ["laces.material"]);
    assert_eq!(rule_ids(&c, &fix.rules), ["lace-colors"]);
    assert_eq!(
        option(fix.selection.design(), &key("laces.material")),
        "cotton"
    );
    assert!(valid(&c, fix.selection.design()));
}

#[test]
fn a_table_without_a_message_is_described_from_its_groups() {
    let mut v: Value = serde_json::from_str(RUNNER).expect("sample parses");
    v["rules"].as_array_mut().expect("rules").push(json!({
        "id": "lace-colors",
        "allowed": { "groups": ["laces.material", "laces.color"], "rows": [
            ["cotton", "white"], ["cotton", "bone"], ["cotton", "black"], ["cotton", "navy"], ["cotton", "red"],
            ["cotton", "yellow"], ["cotton", "gray"], ["cotton", "pink"], ["waxed", "white"]
        ] }
    }));
    let c = catalog(&v.to_string());
    assert_eq!(
        reason(&c, 5, Locale::En),
        "Material of the Laces and Color of the Laces are only made in the listed combinations."
    );
    assert!(reason(&c, 5, Locale::Ko).contains("정해진 조합으로만"));
}

/// The sneaker with a sole width the shopper must choose (no default), and a table of the sole builds made:
/// the written defaults (a white foam sole) are in no row, so only the choice of width makes a valid design.
fn runner_with_required_width(required: bool) -> Value {
    let mut v: Value = serde_json::from_str(RUNNER).expect("sample parses");
    let mut width = json!({"id": "width", "name": {"en": "Sole width", "ko": "밑창 폭"}, "options": [
        {"id": "regular", "name": {"en": "Regular", "ko": "보통"}},
        {"id": "wide", "name": {"en": "Wide", "ko": "넓게"}, "price": 5000}
    ]});
    if required {
        width["required"] = json!(true);
    } else {
        width["default"] = json!("regular");
    }
    v["choices"] = json!([width]);
    v["rules"].as_array_mut().expect("rules").push(json!({
        "id": "sole-builds",
        "allowed": { "groups": ["width", "sole.material", "sole.color"], "rows": [
            ["regular", "foam", "black"], ["wide", "rubber", "white"], ["regular", "rubber", "gum"],
            ["regular", "rubber", "bone"], ["wide", "rubber", "gray"], ["regular", "foam", "navy"]
        ] }
    }));
    v
}

#[test]
fn a_group_without_a_default_needs_only_some_valid_design() {
    let with_default = runner_with_required_width(false);
    assert_eq!(
        problems_after(|v| *v = with_default),
        ["default_breaks_rule@rules[5]"]
    );
    let mut both = runner_with_required_width(true);
    both["choices"][0]["default"] = json!("regular");
    assert_eq!(
        problems_after(|v| *v = both),
        ["default_with_required@choices[0].default"]
    );
    let c = catalog(&runner_with_required_width(true).to_string());
    assert!(c.choices()[0].required);
    let s = Selection::new(&c);
    assert!(
        valid(&c, s.design()),
        "the starting design keeps every rule"
    );
    assert_eq!(
        s.missing_choices(&c),
        [atelier_core::id::ChoiceId::from("width")]
    );
    assert!(!s.design_to_order(&c).choices.contains_key(&"width".into()));
    // Untouched parts keep their written defaults where the rules allow.
    assert_eq!(option(s.design(), &key("toe.material")), "leather");
    let s = pick(&c, &s, "width", "wide");
    assert!(s.missing_choices(&c).is_empty());
    assert_eq!(option(&s.design_to_order(&c), &key("width")), "wide");
    assert!(valid(&c, s.design()));
}

#[test]
fn matching_panels_follow_the_panel_chosen() {
    let c = catalog(BESPOKE);
    let s = pick(&c, &Selection::new(&c), "match", "on");
    let s = pick(&c, &s, "fridge-top-left.color", "morning-blue");
    for z in [
        "fridge-top-left",
        "fridge-top-right",
        "fridge-bottom-left",
        "fridge-bottom-right",
        "dishwasher",
    ] {
        assert_eq!(
            option(s.design(), &key(&format!("{z}.color"))),
            "morning-blue",
            "{z}"
        );
    }
    // With matching on, a panel's finish must suit the color every panel shares.
    let s = pick(&c, &s, "dishwasher.material", "glass");
    for z in ["fridge-top-left", "fridge-bottom-right"] {
        assert_eq!(
            option(s.design(), &key(&format!("{z}.material"))),
            "glass",
            "{z}"
        );
    }
    assert!(valid(&c, s.design()));
}

#[test]
fn an_order_that_breaks_a_rule_is_refused_naming_it() {
    use atelier_core::order::{ClientPrice, ORDER_FORMAT, OrderRequest, check_order};
    let c = catalog(RUNNER);
    let mut design = c.default_design();
    design.size = Some("250".into());
    design.zones.get_mut(&"sole".into()).expect("sole").color = "gum".into();
    let request = OrderRequest {
        format: ORDER_FORMAT,
        design,
        price: ClientPrice {
            amount: 139_000,
            currency: "KRW".into(),
        },
        proof: c
            .views()
            .iter()
            .map(|v| (v.id.clone(), "0".repeat(64)))
            .collect(),
        submission: None,
    };
    let ps = check_order(&request, Some(&c)).expect_err("gum on foam breaks a rule");
    let rule: Vec<String> = ps
        .iter()
        .filter(|p| atelier_core::problem::ProblemKind::code(&p.kind) == "rule_broken")
        .map(|p| p.message(Locale::Ko))
        .collect();
    assert_eq!(
        rule,
        ["이 디자인은 규칙 \"gum-sole-rubber\"을(를) 어깁니다: 검 밑창은 고무로만 만듭니다."]
    );
}

// ---- properties ------------------------------------------------------------------------------------------

/// A click: which group (index modulo the group count), which option (index modulo its offers), and whether
/// an offered fix is accepted.
fn clicks() -> impl Strategy<Value = Vec<(usize, usize, bool)>> {
    prop::collection::vec((0usize..64, 0usize..64, any::<bool>()), 1..25)
}

/// Walks `clicks` over `c`, checking the invariants at every step; `brute` also compares availability with
/// brute force over every design.
#[allow(
    clippy::too_many_lines,
    reason = "a test: one walk states every invariant checked at each click, read top to bottom"
)]
fn walk(c: &Catalog, clicks: &[(usize, usize, bool)], brute: bool) -> Result<(), TestCaseError> {
    let designs = if brute { every_design(c) } else { Vec::new() };
    let valid_designs: Vec<_> = designs.iter().filter(|d| valid(c, d)).collect();
    let groups = &c.space().groups;
    let mut s = Selection::new(c);
    for &(g, o, accept) in clicks {
        let a = s.availability(c);
        prop_assert!(valid(c, s.design()), "the selection is always valid");
        for (gi, group) in groups.iter().enumerate() {
            let current = option(s.design(), &group.key);
            prop_assert!(
                a.offers(c.space(), &group.key, &current),
                "{} has its own option available",
                group.key.as_key()
            );
            if brute {
                for (b, name) in group.options.iter().enumerate() {
                    if group.domain >> b & 1 == 0 {
                        continue;
                    }
                    // Available: some valid design takes it and keeps every other explicit choice.
                    let exists = valid_designs.iter().any(|d| {
                        option(d, &group.key) == *name
                            && s.explicit()
                                .iter()
                                .filter(|k| **k != group.key)
                                .all(|k| option(d, k) == option(s.design(), k))
                    });
                    prop_assert_eq!(
                        a.is_available(gi, b as u8),
                        exists,
                        "{}={}",
                        group.key.as_key(),
                        name
                    );
                }
            }
        }
        // Every unavailable option is explained, and (with brute force) the explanation is a minimal conflict:
        // no valid design has the option with those choices, and each of them is needed.
        for group in groups {
            for (name, why) in s.explain_group(c, &a, &group.key) {
                prop_assert!(!a.offers(c.space(), &group.key, &name));
                prop_assert!(
                    !why.rules.is_empty(),
                    "{}={} names a rule",
                    group.key.as_key(),
                    name
                );
                prop_assert!(why.choices.iter().all(|k| s.explicit().contains(k)));
                if brute {
                    let possible_without = |skip: Option<usize>| {
                        valid_designs.iter().any(|d| {
                            option(d, &group.key) == name
                                && why.choices.iter().enumerate().all(|(i, k)| {
                                    Some(i) == skip || option(d, k) == option(s.design(), k)
                                })
                        })
                    };
                    prop_assert!(
                        !possible_without(None),
                        "{}={}: the choices rule it out",
                        group.key.as_key(),
                        name
                    );
                    for i in 0..why.choices.len() {
                        prop_assert!(
                            possible_without(Some(i)),
                            "{}={}: every choice is needed",
                            group.key.as_key(),
                            name
                        );
                    }
                    // The rules named rule it out on their own, and each of them is needed.
                    let possible_under = |rules: &[usize]| {
                        designs.iter().any(|d| {
                            option(d, &group.key) == name
                                && why
                                    .choices
                                    .iter()
                                    .all(|k| option(d, k) == option(s.design(), k))
                                && rules.iter().all(|&r| keeps(c, &c.rules()[r], d))
                        })
                    };
                    prop_assert!(
                        !possible_under(&why.rules),
                        "{}={}: the rules rule it out",
                        group.key.as_key(),
                        name
                    );
                    for skip in &why.rules {
                        let rest: Vec<usize> =
                            why.rules.iter().copied().filter(|r| r != skip).collect();
                        prop_assert!(
                            possible_under(&rest),
                            "{}={}: every rule is needed",
                            group.key.as_key(),
                            name
                        );
                    }
                }
            }
        }
        let group = &groups[g % groups.len()];
        let offered: Vec<&String> = (0..group.options.len())
            .filter(|&b| group.domain >> b & 1 == 1)
            .map(|b| &group.options[b])
            .collect();
        let name = offered[o % offered.len()];
        let available = a.offers(c.space(), &group.key, name);
        match s.choose(c, &group.key, name) {
            Outcome::Applied { selection, .. } => {
                prop_assert!(available, "only available options apply directly");
                for k in s.explicit() {
                    if *k != group.key {
                        prop_assert_eq!(
                            option(selection.design(), k),
                            option(s.design(), k),
                            "explicit choices are kept"
                        );
                    }
                }
                s = selection;
            }
            Outcome::Conflict(fix) => {
                prop_assert!(!available, "only unavailable options need a fix");
                prop_assert!(!fix.given_up.is_empty());
                prop_assert!(
                    s.explain(c, &group.key, name).is_some(),
                    "an unavailable option says why"
                );
                prop_assert!(!fix.rules.is_empty(), "a fix names its rules");
                prop_assert!(valid(c, fix.selection.design()));
                prop_assert_eq!(option(fix.selection.design(), &group.key), name.clone());
                if brute {
                    // No smaller set of explicit choices to give up would do.
                    let others: Vec<&GroupKey> =
                        s.explicit().iter().filter(|k| **k != group.key).collect();
                    let smaller_works = valid_designs.iter().any(|d| {
                        option(d, &group.key) == *name
                            && others
                                .iter()
                                .filter(|k| option(d, k) != option(s.design(), k))
                                .count()
                                < fix.given_up.len()
                    });
                    prop_assert!(!smaller_works, "the fix is minimal");
                }
                if accept {
                    s = fix.selection;
                }
            }
            Outcome::Unknown => prop_assert!(false, "a known option"),
        }
        for r in c.rules() {
            prop_assert!(keeps(c, r, s.design()), "rule {} kept", r.id);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_sneaker_has_no_dead_ends(cs in clicks()) {
        walk(&catalog(RUNNER), &cs, false)?;
    }

    #[test]
    fn the_appliance_set_has_no_dead_ends(cs in clicks()) {
        walk(&catalog(BESPOKE), &cs, false)?;
    }

    #[test]
    fn availability_is_exact_on_generated_catalogs(
        zones in 1usize..=3, options in 2usize..=4, rules in 1usize..=10, seed in any::<u64>(), cs in clicks()
    ) {
        let json = catalog_json(zones, options, rules, seed);
        let Ok(c) = Catalog::from_json(&json, &|_: &str| true) else {
            // The generator gives up on a few hopeless seeds; they say nothing about the solver.
            return Ok(());
        };
        walk(&c, &cs, true)?;
    }

    #[test]
    fn availability_is_exact_with_variant_tables(
        zones in 1usize..=3, options in 2usize..=4, rules in 0usize..=6, tables in 1usize..=4,
        seed in any::<u64>(), cs in clicks()
    ) {
        let json = atelier_core::synthetic::catalog_json_with_tables(zones, options, rules, tables, seed);
        let Ok(c) = Catalog::from_json(&json, &|_: &str| true) else {
            return Ok(());
        };
        prop_assert!(
            c.rules().iter().any(|r| matches!(r.kind, atelier_core::catalog::RuleKind::Allowed { .. })),
            "the catalog has a table"
        );
        walk(&c, &cs, true)?;
    }
}

#[test]
fn the_industrial_model_has_the_benchmarks_shape_and_is_valid() {
    let c = catalog(&atelier_core::synthetic::industrial_json(1));
    let rows: Vec<usize> = c
        .rules()
        .iter()
        .map(|r| match &r.kind {
            atelier_core::catalog::RuleKind::Allowed { rows, .. } => rows.len(),
            _ => 0,
        })
        .collect();
    assert_eq!(c.choices().len(), 100);
    assert_eq!(rows.len(), 110);
    let total: usize = rows.iter().sum();
    assert!((100_000..=130_000).contains(&total), "{total} rows");
    assert!(
        rows.iter().filter(|&&n| n > 30_000).count() >= 3,
        "{rows:?}"
    );
    assert!(c.space().groups.iter().all(|g| g.domain.count_ones() <= 42));
    assert!(valid(&c, Selection::new(&c).design()));
}

#[test]
fn tables_agree_with_brute_force_on_fixed_catalogs() {
    for &(zones, options, rules, tables, seed) in support::TABLE_CASES {
        let json =
            atelier_core::synthetic::catalog_json_with_tables(zones, options, rules, tables, seed);
        let c = catalog(&json);
        assert!(
            support::brute_force_agrees(&c, 30, seed).is_ok(),
            "{zones}x{options}x{rules}+{tables}: {:?}",
            support::brute_force_agrees(&c, 30, seed)
        );
    }
}
