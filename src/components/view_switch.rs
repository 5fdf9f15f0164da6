//! The view switch: a segmented radio group (`name="view"`) choosing which view the preview shows.

use yew::prelude::*;

/// Properties of [`ViewSwitch`].
#[derive(Properties, PartialEq)]
pub struct ViewSwitchProps {
    /// The group's legend.
    pub legend: AttrValue,
    /// `(view id, localized name)`, in catalog order.
    pub views: Vec<(AttrValue, AttrValue)>,
    /// The view shown.
    pub selected: Option<AttrValue>,
    /// Another view was chosen.
    pub on_select: Callback<String>,
}

/// Radios styled as a segmented control; hidden when the product has a single view.
#[component]
pub fn ViewSwitch(props: &ViewSwitchProps) -> Html {
    if props.views.len() < 2 {
        return html! {};
    }
    let segments = props.views.iter().map(|(value, name)| {
        let id = format!("view-{value}");
        let checked = props.selected.as_ref() == Some(value);
        let onchange = {
            let (on_select, value) = (props.on_select.clone(), value.to_string());
            Callback::from(move |_: Event| on_select.emit(value.clone()))
        };
        html! {
            <label class="segment" for={id.clone()}>
                <input type="radio" id={id} name="view" value={value.clone()} {checked} {onchange} />
                <span>{ name.clone() }</span>
            </label>
        }
    });
    html! {
        <fieldset class="view-switch">
            <legend class="visually-hidden">{ props.legend.clone() }</legend>
            <div class="segments">{ for segments }</div>
        </fieldset>
    }
}
