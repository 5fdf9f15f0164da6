//! The reducer's behaviour, natively: every action on the sample products, with the rules, history, fixes,
//! submissions and personal text as a shopper meets them.

use super::*;
use crate::api::{OrderError, OrderReceipt};
use atelier_core::Catalog;
use atelier_core::order::ClientPrice;
use atelier_core::rules::Change;

fn load(json: &str) -> Rc<State> {
    let catalog = Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid");
    let selection = Selection::new(&catalog);
    let state = Rc::new(State::new(Locale::En));
    state.reduce(Action::CatalogLoaded(Loaded {
        catalog: CatalogHandle(Rc::new(catalog)),
        version: "0123456789ab".into(),
        selection,
        history: Default::default(),
        notice: None,
    }))
}

fn ready() -> Rc<State> {
    load(include_str!("../../static/catalogs/runner-one.json"))
}

/// Chooses an option that must be applied at once: fails the test unless the design has it afterwards and
/// no fix is pending (an unavailable option is chosen with [`offer`]).
fn choose(state: Rc<State>, group: &str, option: &str) -> Rc<State> {
    let s = state.reduce(Action::Choose(GroupKey::parse(group), option.into()));
    assert!(
        s.pending_fix.is_none(),
        "{group}={option} should apply, a fix was offered"
    );
    assert_eq!(
        crate::rule_text::current(&s.selection, &GroupKey::parse(group)),
        option,
        "{group}={option} was not applied"
    );
    s
}

/// Chooses an unavailable option: fails the test unless a fix for exactly it is pending afterwards.
fn offer(state: Rc<State>, group: &str, option: &str) -> Rc<State> {
    let s = state.reduce(Action::Choose(GroupKey::parse(group), option.into()));
    let pending = s.pending_fix.as_ref().expect("a fix is offered");
    assert_eq!(
        (&pending.group, pending.option.as_str()),
        (&GroupKey::parse(group), option)
    );
    s
}

/// The sole's (material, color).
fn sole(state: &State) -> (&str, &str) {
    let c = &state.design().zones[&ZoneId::from("sole")];
    (c.material.as_str(), c.color.as_str())
}

fn sent(state: Rc<State>, id: &str) -> Rc<State> {
    let design = state.design().clone();
    state.reduce(Action::Sending(Submission {
        id: id.into(),
        design,
    }))
}

#[test]
fn loading_selects_the_first_zone_and_view() {
    let s = ready();
    assert_eq!(s.selected_zone.as_ref().map(ZoneId::as_str), Some("toe"));
    assert_eq!(s.view.as_ref().map(ViewId::as_str), Some("side"));
}

#[test]
fn a_retry_of_the_same_design_reuses_the_submission_id() {
    let s = sent(
        ready().reduce(Action::SetSize(Some("250".into()))),
        "atl-first-attempt-0001",
    );
    let s = s.reduce(Action::SubmitFailed(OrderError::Network));
    assert_eq!(s.retry_submission_id(), Some("atl-first-attempt-0001"));
    // A changed design is a different order and must not be deduplicated against the first one.
    let s = choose(s, "toe.color", "red");
    assert_eq!(s.retry_submission_id(), None);
    assert_eq!(
        s.submit,
        SubmitStatus::Idle,
        "an edit clears the old failure"
    );
}

#[test]
fn a_placed_order_spends_its_submission_id() {
    let s = sent(
        ready().reduce(Action::SetSize(Some("250".into()))),
        "atl-first-attempt-0001",
    );
    let s = s.reduce(Action::Placed(OrderReceipt {
        id: "ATL-AAAA-BBBB".into(),
        price: ClientPrice {
            amount: 149_000,
            currency: "KRW".into(),
        },
    }));
    assert_eq!(s.retry_submission_id(), None);
    assert!(matches!(s.submit, SubmitStatus::Placed(_)));
}

#[test]
fn reset_restores_defaults_but_keeps_the_size_and_can_be_undone() {
    let s = choose(
        ready().reduce(Action::SetSize(Some("250".into()))),
        "toe.material",
        "suede",
    )
    .reduce(Action::SelectZone("sole".into()));
    let edited = s.selection.clone();
    let s = s.reduce(Action::Reset);
    let catalog = s.catalog().cloned().expect("loaded");
    let mut want = catalog.default_design();
    want.size = Some("250".into());
    assert_eq!(s.design(), &want);
    assert!(s.selection.explicit().is_empty());
    assert_eq!(s.selected_zone.as_ref().map(ZoneId::as_str), Some("toe"));
    let s = s.reduce(Action::Undo);
    assert_eq!(s.selection, edited);
}

#[test]
fn an_edit_while_sending_keeps_the_sending_state() {
    let s = sent(
        ready().reduce(Action::SetSize(Some("250".into()))),
        "atl-first-attempt-0001",
    );
    let s = choose(s, "toe.color", "red");
    assert_eq!(s.submit, SubmitStatus::Sending);
}

#[test]
fn an_unavailable_choice_offers_a_fix_and_applies_nothing() {
    // Foam chosen by the shopper themselves (rubber first, so foam is a real change), then gum: gum soles
    // need rubber, which would undo their own choice, so the core offers a fix instead.
    let s = choose(
        choose(ready(), "sole.material", "rubber"),
        "sole.material",
        "foam",
    );
    let before = s.selection.clone();
    let s = offer(s, "sole.color", "gum");
    assert_eq!(
        s.selection, before,
        "nothing applied while the fix is pending"
    );
    let pending = s.pending_fix.clone().expect("a fix is offered");
    assert_eq!(pending.group, GroupKey::parse("sole.color"));
    assert_eq!(pending.option, "gum");
    assert_eq!(pending.fix.given_up, vec![GroupKey::parse("sole.material")]);
    assert_eq!(
        pending.fix.changes,
        vec![Change {
            group: GroupKey::parse("sole.material"),
            from: "foam".into(),
            to: "rubber".into(),
        }]
    );
    let catalog = s.catalog().cloned().expect("loaded");
    let reasons: Vec<String> = pending
        .fix
        .rules
        .iter()
        .map(|&r| atelier_core::rules::describe::reason(&catalog, r, Locale::En))
        .collect();
    assert_eq!(reasons, vec!["Gum soles are only made in rubber."]);

    // Accept applies it as one step; undo restores foam/white; redo re-applies.
    let s = s.reduce(Action::AcceptFix);
    assert!(s.pending_fix.is_none());
    assert_eq!(sole(&s), ("rubber", "gum"));
    let s = s.reduce(Action::Undo);
    assert_eq!(s.selection, before);
    assert_eq!(sole(&s), ("foam", "white"));
    let s = s.reduce(Action::Redo);
    assert_eq!(sole(&s), ("rubber", "gum"));
    assert!(!s.history.can_redo());
}

#[test]
fn declining_a_fix_keeps_the_selection_and_history() {
    let s = choose(
        choose(ready(), "sole.material", "rubber"),
        "sole.material",
        "foam",
    );
    let (before, undo) = (s.selection.clone(), s.history.undo_len());
    let s = offer(s, "sole.color", "gum").reduce(Action::DeclineFix);
    assert!(s.pending_fix.is_none());
    assert_eq!(s.selection, before);
    assert_eq!(s.history.undo_len(), undo);
    // Accepting after declining does nothing: there is no fix any more.
    let s = s.reduce(Action::AcceptFix);
    assert_eq!(s.selection, before);
}

#[test]
fn an_automatic_change_is_announced_with_its_reason() {
    // Foam is only the default here, so gum simply takes rubber along.
    let s = choose(ready(), "sole.color", "gum");
    assert!(s.pending_fix.is_none());
    assert_eq!(sole(&s), ("rubber", "gum"));
    let Some(Notice::AlsoChanged { changes, because }) = &s.notice else {
        panic!("expected a notice, got {:?}", s.notice);
    };
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].group, GroupKey::parse("sole.material"));
    assert_eq!(
        (changes[0].from.as_str(), changes[0].to.as_str()),
        ("foam", "rubber")
    );
    let catalog = s.catalog().cloned().expect("loaded");
    assert_eq!(
        atelier_core::rules::describe::reason(&catalog, because[0], Locale::En),
        "Gum soles are only made in rubber."
    );
    // A plain change says nothing.
    let s = choose(s, "toe.color", "red");
    assert_eq!(s.notice, None);
}

#[test]
fn undo_and_redo_round_trip_over_several_steps() {
    let steps = [
        ("toe.material", "suede"),
        ("toe.color", "navy"),
        ("sole.color", "gum"),
        ("laces.material", "waxed"),
    ];
    let mut s = ready();
    let mut seen = vec![s.selection.clone()];
    for (group, option) in steps {
        s = choose(s, group, option);
        assert!(s.pending_fix.is_none(), "{group}={option} is available");
        seen.push(s.selection.clone());
    }
    assert_eq!(s.history.undo_len(), steps.len());
    for want in seen.iter().rev().skip(1) {
        s = s.reduce(Action::Undo);
        assert_eq!(&s.selection, want);
    }
    // Nothing left to undo: a no-op, not a panic.
    s = s.reduce(Action::Undo);
    assert_eq!(s.selection, seen[0]);
    for want in seen.iter().skip(1) {
        s = s.reduce(Action::Redo);
        assert_eq!(&s.selection, want);
    }
    // A new change after undoing starts a new branch: redo is gone.
    s = s.reduce(Action::Undo).reduce(Action::Undo);
    assert_eq!(s.history.redo_len(), 2);
    s = choose(s, "heel.color", "black");
    assert!(!s.history.can_redo());
}

#[test]
fn undo_keeps_the_size() {
    let s = choose(ready(), "toe.color", "red").reduce(Action::SetSize(Some("250".into())));
    let s = s.reduce(Action::Undo);
    assert_eq!(s.design().size.as_ref().map(SizeId::as_str), Some("250"));
}

#[test]
fn a_loaded_design_is_restored_within_the_rules_as_one_step() {
    let s = ready();
    let before = s.selection.clone();
    let catalog = s.catalog().cloned().expect("loaded");
    let mut design = catalog.default_design();
    design
        .zones
        .get_mut(&ZoneId::from("toe"))
        .expect("toe")
        .color = "red".into();
    // Gum needs rubber: a host cannot smuggle in a design the rules forbid.
    design
        .zones
        .get_mut(&ZoneId::from("sole"))
        .expect("sole")
        .color = "gum".into();
    design
        .zones
        .get_mut(&ZoneId::from("sole"))
        .expect("sole")
        .material = "foam".into();
    let s = s.reduce(Action::LoadDesign(design, Vec::new()));
    assert_eq!(s.design().zones[&ZoneId::from("toe")].color.as_str(), "red");
    assert!(s.design().validate(&catalog).is_ok(), "{:?}", s.design());
    assert!(matches!(s.notice, Some(Notice::Restored(_))));
    assert_eq!(s.reduce(Action::Undo).selection, before);
}

#[test]
fn a_loaded_design_of_another_product_changes_nothing() {
    let s = ready();
    let other = load(include_str!("../../static/catalogs/bespoke-set.json"));
    let design = other.catalog().expect("loaded").default_design();
    let after = s.clone().reduce(Action::LoadDesign(design, Vec::new()));
    assert_eq!(after.selection, s.selection);
    assert!(!after.history.can_undo());
}

#[test]
fn choosing_a_color_for_every_panel_is_one_undo_step_within_the_rules() {
    let s = load(include_str!("../../static/catalogs/bespoke-set.json"));
    // The shopper's own Metal finish on one panel: Mint is not made in Metal, so its fix (another finish)
    // is taken rather than leaving that panel out.
    let s = choose(s, "dishwasher.material", "metal");
    let before = s.selection.clone();
    let zones: Vec<ZoneId> = s.design().zones.keys().cloned().collect();
    let all = zones
        .iter()
        .map(|z| (GroupKey::Color(z.clone()), "mint".to_owned()))
        .collect();
    let s = s.reduce(Action::ChooseAll(all));
    let catalog = s.catalog().cloned().expect("loaded");
    for zone in &zones {
        assert_eq!(s.design().zones[zone].color.as_str(), "mint", "{zone}");
    }
    assert_ne!(
        s.design().zones[&ZoneId::from("dishwasher")]
            .material
            .as_str(),
        "metal"
    );
    assert!(s.design().validate(&catalog).is_ok());
    assert!(s.pending_fix.is_none());
    let s = s.reduce(Action::Undo);
    assert_eq!(s.selection, before, "one step back undoes every panel");
}

#[test]
fn matching_panels_follow_one_choice() {
    let s = load(include_str!("../../static/catalogs/bespoke-set.json"));
    let s = choose(s, "match", "on");
    let s = choose(s, "fridge-top-left.color", "mint");
    assert!(s.pending_fix.is_none());
    for (zone, choice) in &s.design().zones {
        assert_eq!(choice.color.as_str(), "mint", "{zone}");
    }
    assert!(matches!(s.notice, Some(Notice::AlsoChanged { .. })));
}

#[test]
fn personal_text_is_kept_as_typed_and_outlives_undo() {
    let heel = || TextId::from("heel-id");
    let s = ready().reduce(Action::SetText(heel(), "Romeo <b>".into()));
    assert_eq!(s.design().text[&heel()], "Romeo <b>");
    // A placement the product does not have changes nothing.
    let s = s.reduce(Action::SetText("tongue".into(), "x".into()));
    assert!(!s.design().text.contains_key(&TextId::from("tongue")));
    // Undoing a color keeps the text; it is not a history step of its own.
    let s = choose(s, "toe.color", "red").reduce(Action::Undo);
    assert_eq!(s.design().text[&heel()], "Romeo <b>");
    assert_ne!(s.design().zones[&ZoneId::from("toe")].color.as_str(), "red");
    // An empty text removes it, so the design carries no text and no price line for it.
    let s = s.reduce(Action::SetText(heel(), String::new()));
    assert!(s.design().text.is_empty());
}

#[test]
fn a_loaded_font_replaces_the_shared_set() {
    let s = ready();
    let before = s.fonts.clone();
    let s = s.reduce(Action::FontLoaded("fonts/x.ttf".into(), vec![1, 2, 3]));
    assert_ne!(s.fonts, before);
    assert_eq!(s.fonts.get("fonts/x.ttf"), Some(&[1u8, 2, 3][..]));
}

#[test]
fn a_word_list_verdict_counts_only_for_the_text_it_is_about() {
    use atelier_core::text::Category;
    let heel = || TextId::from("heel-id");
    let pending = |s: &State| {
        let placement = s
            .catalog()
            .and_then(|c| c.text("heel-id"))
            .expect("placement");
        let check = s.check_text(placement).expect("a text");
        let keys: Vec<&str> = check.refusals.iter().map(|r| r.key).collect();
        (check.words_pending.clone(), keys, check.ok())
    };
    let s = ready().reduce(Action::SetText(heel(), "SHIT".into()));
    assert_eq!(pending(&s), (Some("SHIT".into()), vec![], false));
    // An answer about a text the shopper has since changed is ignored.
    let s = s.reduce(Action::TextVerdict(heel(), "SHI".into(), Ok(())));
    assert!(s.text_verdicts.is_empty());
    let obscene = Err(Category::Obscenity.refusal());
    let s = s.reduce(Action::TextVerdict(heel(), "SHIT".into(), obscene));
    assert_eq!(pending(&s), (None, vec!["text.refused.obscenity"], false));
    // Typing on: the verdict speaks of the old text only.
    let s = s.reduce(Action::SetText(heel(), "SHITE".into()));
    assert_eq!(pending(&s), (Some("SHITE".into()), vec![], false));
    assert!(!s.text_worker_failed);
    assert!(s.reduce(Action::TextWorkerFailed).text_worker_failed);
}

#[test]
fn a_highlight_or_artwork_progress_copies_no_selection_and_no_history() {
    let s = choose(
        choose(ready(), "toe.material", "suede"),
        "toe.color",
        "navy",
    );
    for action in [
        Action::Highlight(Some("toe".into())),
        Action::Artwork("side".into(), Artwork::Decoding),
        Action::SelectZone("sole".into()),
    ] {
        let after = s.clone().reduce(action);
        assert!(
            Rc::ptr_eq(&after.selection, &s.selection),
            "selection copied"
        );
        assert!(Rc::ptr_eq(&after.history, &s.history), "history copied");
    }
}

#[test]
fn an_unknown_size_or_placement_changes_nothing() {
    let s = ready();
    let after = s.clone().reduce(Action::SetSize(Some("999".into())));
    assert!(Rc::ptr_eq(&after, &s), "an unknown size is refused");
    let after = s
        .clone()
        .reduce(Action::SetText("tongue".into(), "x".into()));
    assert!(Rc::ptr_eq(&after, &s), "an unknown placement is refused");
}
