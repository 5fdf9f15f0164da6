//! The part being edited: its material and its color as two groups of labelled radios, each unavailable
//! option with its reason. Hovering or focusing the section outlines the part in the preview.

use crate::components::option_group::{OptionGroup, OptionItem};
use crate::i18n::use_i18n;
use crate::rule_text::Reasons;
use crate::state::{Action, CatalogHandle, use_app_state};
use atelier_core::id::ZoneId;
use atelier_core::rules::GroupKey;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ZoneOptions`].
#[derive(Properties, PartialEq)]
pub struct ZoneOptionsProps {
    /// Why each unavailable option is unavailable, in the shopper's language.
    pub reasons: Rc<Reasons>,
}

/// The selected part's materials and colors (nothing when no part is selected).
#[component]
pub fn ZoneOptions(props: &ZoneOptionsProps) -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let locale = i18n.locale();
    let Some(zone) = (state.selected_zone.as_ref()).and_then(|z| catalog.zone(z.as_str())) else {
        return html! {};
    };
    let Some(choice) = state.design().zones.get(&zone.id) else {
        return html! {};
    };
    let why = |key: &GroupKey, option: &str| {
        (props.reasons.get(key))
            .and_then(|r| r.get(option))
            .map(|r| AttrValue::from(r.clone()))
    };
    let choose = |key: GroupKey| {
        let state = state.clone();
        Callback::from(move |option: String| state.dispatch(Action::Choose(key.clone(), option)))
    };
    let zone_name = i18n.pick(&zone.name).to_owned();
    let (material_key, color_key) = (
        GroupKey::Material(zone.id.clone()),
        GroupKey::Color(zone.id.clone()),
    );
    let materials: Vec<OptionItem> = (zone.materials.iter())
        .filter_map(|id| catalog.material(id.as_str()))
        .map(|m| OptionItem {
            value: m.id.0.clone().into(),
            label: i18n.pick(&m.name).to_owned().into(),
            detail: m.price.format_delta(locale).into(),
            swatch: None,
            unavailable: why(&material_key, m.id.as_str()),
        })
        .collect();
    let colors: Vec<OptionItem> = (zone.colors.iter())
        .filter_map(|id| catalog.color(id.as_str()))
        .map(|c| OptionItem {
            value: c.id.0.clone().into(),
            label: i18n.pick(&c.name).to_owned().into(),
            detail: c.price.format_delta(locale).into(),
            swatch: Some(c.swatch.to_string().into()),
            unavailable: why(&color_key, c.id.as_str()),
        })
        .collect();
    let highlight = |zone: Option<ZoneId>| {
        let state = state.clone();
        move || state.dispatch(Action::Highlight(zone.clone()))
    };
    let (enter, leave) = (highlight(Some(zone.id.clone())), highlight(None));
    let (onmouseenter, onfocusin) = {
        let (a, b) = (enter.clone(), enter);
        (
            Callback::from(move |_: MouseEvent| a()),
            Callback::from(move |_: FocusEvent| b()),
        )
    };
    let (onmouseleave, onfocusout) = {
        let (a, b) = (leave.clone(), leave);
        (
            Callback::from(move |_: MouseEvent| a()),
            Callback::from(move |_: FocusEvent| b()),
        )
    };
    html! {
        <section class="zone-options" aria-labelledby="editing-heading"
            {onmouseenter} {onmouseleave} {onfocusin} {onfocusout}>
            <h2 id="editing-heading" class="section-title">
                { i18n.f("zones.editing", &[("zone", zone_name.clone())]) }
            </h2>
            <OptionGroup
                name={format!("material-{}", zone.id)}
                legend={i18n.f("zone.material", &[("zone", zone_name.clone())])}
                items={materials}
                selected={choice.material.0.clone()}
                on_change={choose(material_key)} />
            <OptionGroup
                name={format!("color-{}", zone.id)}
                legend={i18n.f("zone.color", &[("zone", zone_name)])}
                items={colors}
                selected={choice.color.0.clone()}
                on_change={choose(color_key)} />
        </section>
    }
}
