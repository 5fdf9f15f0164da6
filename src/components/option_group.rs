//! A radio group of options: a part's materials as labelled rows with their price delta, a part's colors as
//! round swatches, or a product-wide choice ("Match all panels"). Real `<input type=radio>`s inside a
//! `<fieldset>`, so arrow keys, focus and screen readers work natively; the swatch look is CSS only.
//!
//! An unavailable option stays a real, enabled radio (choosing it opens a fix): it is dimmed, carries a
//! visible mark that is not color alone, and its reason is text linked with `aria-describedby`. Whether an
//! option is available and why is decided by the caller; this component only shows it.

use crate::i18n::use_i18n;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
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
    /// Why the option is unavailable (a whole sentence), `None` when it is available.
    pub unavailable: Option<AttrValue>,
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
    let i18n = use_i18n();
    let swatches = props.items.iter().all(|i| i.swatch.is_some());
    let chosen_label = props
        .items
        .iter()
        .find(|i| i.value == props.selected)
        .map(|i| i.label.clone());
    let radios = props.items.iter().map(|item| {
        let id = format!("{}-{}", props.name, item.value);
        let why_id = format!("{id}-why");
        let checked = item.value == props.selected;
        let onchange = {
            let (on_change, value) = (props.on_change.clone(), item.value.to_string());
            let current = format!("{}-{}", props.name, props.selected);
            Callback::from(move |_: Event| {
                // The state decides what is checked: put the DOM back to it first, so an option that only
                // opens a fix (nothing applied) does not stay checked; an applied one re-renders checked.
                if let Some(input) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&current))
                    .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                {
                    input.set_checked(true);
                }
                on_change.emit(value.clone())
            })
        };
        let unavailable = item.unavailable.is_some();
        let describedby = unavailable.then(|| AttrValue::from(why_id.clone()));
        let why = item.unavailable.as_ref().map(|reason| {
            html! { <span id={why_id.clone()} class="visually-hidden">{ reason.clone() }</span> }
        });
        let class = classes!(
            if swatches { "swatch" } else { "choice" },
            unavailable.then_some("unavailable")
        );
        let body = if let Some(color) = &item.swatch {
            let name = if item.detail.is_empty() {
                item.label.to_string()
            } else {
                format!("{} {}", item.label, item.detail)
            };
            let title = match &item.unavailable {
                Some(reason) => format!("{name} — {reason}"),
                None => name.clone(),
            };
            html! {
                <label class={class} for={id.clone()} title={title}>
                    <input type="radio" id={id} name={props.name.clone()} value={item.value.clone()}
                        aria-describedby={describedby} {checked} {onchange} />
                    <span class="swatch-dot" style={format!("background-color: {color}")} aria-hidden="true"></span>
                    if unavailable {
                        <span class="swatch-badge" aria-hidden="true"></span>
                    }
                    <span class="visually-hidden">{ name }</span>
                </label>
            }
        } else {
            html! {
                <label class={class} for={id.clone()} title={item.unavailable.clone()}>
                    <input type="radio" id={id} name={props.name.clone()} value={item.value.clone()}
                        aria-describedby={describedby} {checked} {onchange} />
                    <span class="choice-label">{ item.label.clone() }</span>
                    if unavailable {
                        // The description already says "Unavailable: …"; the badge is for the eye.
                        <span class="badge" aria-hidden="true">{ i18n.t("rules.badge") }</span>
                    }
                    if !item.detail.is_empty() {
                        <span class="choice-detail">{ item.detail.clone() }</span>
                    }
                </label>
            }
        };
        html! { <>{ body }{ why }</> }
    });
    // The same reasons, visible to every eye (the radios' descriptions are for screen readers): one line per
    // reason, naming the options it rules out, so a palette rule reads once rather than once per color.
    let mut why_lines: Vec<(String, Vec<String>)> = Vec::new();
    for item in &props.items {
        if let Some(reason) = &item.unavailable {
            match why_lines.iter_mut().find(|(r, _)| r == reason.as_str()) {
                Some((_, names)) => names.push(item.label.to_string()),
                None => why_lines.push((reason.to_string(), vec![item.label.to_string()])),
            }
        }
    }
    let separator = i18n.t("rules.list_separator");
    let why_list = (!why_lines.is_empty()).then(|| {
        html! {
            <ul class="why-list" aria-hidden="true">
                { for why_lines.into_iter().map(|(reason, names)| html! {
                    <li>{ i18n.f("rules.why_item", &[("options", names.join(separator)), ("reason", reason)]) }</li>
                }) }
            </ul>
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
            { why_list.unwrap_or_default() }
        </fieldset>
    }
}
