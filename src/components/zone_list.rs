//! The list of parts ("Part"): a radio group that chooses whose material and color the options below edit.
//! Each part shows a dot of its current color so the whole design reads at a glance.

use yew::prelude::*;

/// One part in the [`ZoneList`].
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneItem {
    /// Zone id (the radio's value).
    pub id: AttrValue,
    /// Localized name.
    pub name: AttrValue,
    /// The part's current color (`#rrggbb`).
    pub swatch: AttrValue,
}

/// Properties of [`ZoneList`].
#[derive(Properties, PartialEq)]
pub struct ZoneListProps {
    /// The group's legend.
    pub legend: AttrValue,
    /// The parts, in catalog order.
    pub zones: Vec<ZoneItem>,
    /// The part being edited.
    pub selected: Option<AttrValue>,
    /// Another part was chosen.
    pub on_select: Callback<String>,
}

/// Radios `name="zone"`, styled as chips.
#[component]
pub fn ZoneList(props: &ZoneListProps) -> Html {
    let chips = props.zones.iter().map(|zone| {
        let id = format!("zone-{}", zone.id);
        let checked = props.selected.as_ref() == Some(&zone.id);
        let onchange = {
            let (on_select, value) = (props.on_select.clone(), zone.id.to_string());
            Callback::from(move |_: Event| on_select.emit(value.clone()))
        };
        html! {
            <label class="chip" for={id.clone()}>
                <input type="radio" id={id} name="zone" value={zone.id.clone()} {checked} {onchange} />
                <span class="chip-dot" style={format!("background-color: {}", zone.swatch)} aria-hidden="true"></span>
                <span>{ zone.name.clone() }</span>
            </label>
        }
    });
    html! {
        <fieldset class="zone-list">
            <legend>{ props.legend.clone() }</legend>
            <div class="chip-list">{ for chips }</div>
        </fieldset>
    }
}
