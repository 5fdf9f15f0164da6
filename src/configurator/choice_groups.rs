//! The product-wide choices ("Match all panels"), each a group of labelled radios with its unavailable
//! options explained; a group the shopper must choose shows nothing chosen until they choose.

use crate::components::option_group::{OptionGroup, OptionItem};
use crate::i18n::use_i18n;
use crate::rule_text::Reasons;
use crate::state::{Action, CatalogHandle, use_app_state};
use atelier_core::rules::GroupKey;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ChoiceGroups`].
#[derive(Properties, PartialEq)]
pub struct ChoiceGroupsProps {
    /// Why each unavailable option is unavailable, in the shopper's language.
    pub reasons: Rc<Reasons>,
}

/// Every choice group of the product (nothing for a product without any).
#[component]
pub fn ChoiceGroups(props: &ChoiceGroupsProps) -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let locale = i18n.locale();
    if catalog.choices().is_empty() {
        return html! {};
    }
    // A group the shopper must choose shows no option until they choose one (the design's is a stand-in).
    let missing = state.selection.missing_choices(&catalog);
    let groups = catalog.choices().iter().map(|group| {
        let key = GroupKey::Choice(group.id.clone());
        let reasons = props.reasons.get(&key);
        let items: Vec<OptionItem> = (group.options.iter())
            .map(|o| OptionItem {
                value: o.id.0.clone().into(),
                label: i18n.pick(&o.name).to_owned().into(),
                detail: o.price.format_delta(locale).into(),
                swatch: None,
                unavailable: (reasons.and_then(|r| r.get(o.id.as_str())))
                    .map(|r| AttrValue::from(r.clone())),
            })
            .collect();
        let selected = (state.design().choices.get(&group.id))
            .filter(|_| !missing.contains(&group.id))
            .map(|o| AttrValue::from(o.0.clone()))
            .unwrap_or_default();
        let on_change = {
            let state = state.clone();
            Callback::from(move |option: String| {
                state.dispatch(Action::Choose(key.clone(), option))
            })
        };
        html! {
            <OptionGroup
                name={format!("choice-{}", group.id)}
                legend={i18n.pick(&group.name).to_owned()}
                items={items}
                selected={selected}
                {on_change} />
        }
    });
    html! { <section class="choice-groups">{ for groups }</section> }
}
