//! A radio group of options for one part: materials as labelled rows with their price delta, or colors as
//! round swatches. Real `<input type=radio>`s inside a `<fieldset>`, so arrow keys, focus and screen readers
//! work natively; the swatch look is CSS only.

use yew::prelude::*;

/// One choice in an [`OptionGroup`].
#[derive(Clone, Debug, PartialEq)]
pub struct OptionItem {
    /// The radio's value (the option id).
    pub value: AttrValue,
    /// The option's name in the shopper's language.
    pub label: AttrValue,
    /// A price delta such as `+₩10,000`, empty when free.
    pub detail: AttrValue,
    /// The swatch color (`#rrggbb`) for color options.
    pub swatch: Option<AttrValue>,
}

/// Properties of [`OptionGroup`].
#[derive(Properties, PartialEq)]
pub struct OptionGroupProps {
    /// The radios' `name`, unique on the page (e.g. `color-toe`).
    pub name: AttrValue,
    /// The group's legend (e.g. "Material of the Toe box").
    pub legend: AttrValue,
    /// The choices, in catalog order.
    pub items: Vec<OptionItem>,
    /// The chosen value.
    pub selected: AttrValue,
    /// A choice was made.
    pub on_change: Callback<String>,
}

/// A fieldset of radios; swatches when the items carry colors.
#[component]
pub fn OptionGroup(props: &OptionGroupProps) -> Html {
    let swatches = props.items.iter().all(|i| i.swatch.is_some());
    let chosen_label = props
        .items
        .iter()
        .find(|i| i.value == props.selected)
        .map(|i| i.label.clone());
    let radios = props.items.iter().map(|item| {
        let id = format!("{}-{}", props.name, item.value);
        let checked = item.value == props.selected;
        let onchange = {
            let (on_change, value) = (props.on_change.clone(), item.value.to_string());
            Callback::from(move |_: Event| on_change.emit(value.clone()))
        };
        if let Some(color) = &item.swatch {
            let title = if item.detail.is_empty() {
                item.label.to_string()
            } else {
                format!("{} {}", item.label, item.detail)
            };
            html! {
                <label class="swatch" for={id.clone()} title={title.clone()}>
                    <input type="radio" id={id} name={props.name.clone()} value={item.value.clone()}
                        {checked} {onchange} />
                    <span class="swatch-dot" style={format!("background-color: {color}")} aria-hidden="true"></span>
                    <span class="visually-hidden">{ title }</span>
                </label>
            }
        } else {
            html! {
                <label class="choice" for={id.clone()}>
                    <input type="radio" id={id} name={props.name.clone()} value={item.value.clone()}
                        {checked} {onchange} />
                    <span class="choice-label">{ item.label.clone() }</span>
                    if !item.detail.is_empty() {
                        <span class="choice-detail">{ item.detail.clone() }</span>
                    }
                </label>
            }
        }
    });
    html! {
        <fieldset class={classes!("option-group", swatches.then_some("swatches"))}>
            <legend>
                { props.legend.clone() }
                if swatches {
                    if let Some(label) = chosen_label {
                        <span class="legend-value">{ label }</span>
                    }
                }
            </legend>
            <div class="option-list">{ for radios }</div>
        </fieldset>
    }
}
