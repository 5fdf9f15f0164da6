//! The fix waiting for the shopper's answer, as a dialog: the option they chose, what accepting would change,
//! and the rules behind it.

use crate::components::fix_dialog::FixDialog;
use crate::i18n::use_i18n;
use crate::rule_text;
use crate::state::{Action, CatalogHandle, use_app_state};
use atelier_core::rules::Change;
use atelier_core::rules::describe::{group_name, option_name};
use yew::prelude::*;

/// The pending fix's dialog (nothing when no fix is pending).
#[component]
pub fn FixPrompt() -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let locale = i18n.locale();
    let Some(pending) = state.pending_fix.as_ref() else {
        return html! {};
    };
    let chosen = Change {
        group: pending.group.clone(),
        from: rule_text::current(&state.selection, &pending.group).to_owned(),
        to: pending.option.clone(),
    };
    let changes: Vec<AttrValue> = std::iter::once(&chosen)
        .chain(&pending.fix.changes)
        .map(|c| rule_text::change(&catalog, c, locale).into())
        .collect();
    let reasons: Vec<AttrValue> = rule_text::reasons(&catalog, &pending.fix.rules, locale)
        .into_iter()
        .map(AttrValue::from)
        .collect();
    let option = option_name(&catalog, &pending.group, &pending.option, locale);
    let group = group_name(&catalog, &pending.group, locale);
    let on_accept = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::AcceptFix))
    };
    let on_decline = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::DeclineFix))
    };
    html! {
        <FixDialog
            title={i18n.f("fix.title", &[("option", option), ("group", group)])}
            {reasons} {changes} {on_accept} {on_decline} />
    }
}
