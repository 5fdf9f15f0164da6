//! The list of parts ("Part"): a radio group that chooses whose material and color the options below edit.
//! Each part shows a dot of its current color so the whole design reads at a glance; hovering or focusing a
//! part reports it, so the preview can outline it.

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
    /// A part's chip is hovered or focused (`Some`), or no longer (`None`): the preview outlines it.
    #[prop_or_default]
    pub on_hover: Callback<Option<String>>,
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
        let enter = {
            let (on_hover, value) = (props.on_hover.clone(), zone.id.to_string());
            move || on_hover.emit(Some(value.clone()))
        };
        let (onmouseenter, onfocusin) = {
            let (a, b) = (enter.clone(), enter);
            (
                Callback::from(move |_: MouseEvent| a()),
                Callback::from(move |_: FocusEvent| b()),
            )
        };
        let (onmouseleave, onfocusout) = {
            let (a, b) = (props.on_hover.clone(), props.on_hover.clone());
            (
                Callback::from(move |_: MouseEvent| a.emit(None)),
                Callback::from(move |_: FocusEvent| b.emit(None)),
            )
        };
        html! {
            <label class="chip" for={id.clone()} {onmouseenter} {onmouseleave} {onfocusin} {onfocusout}>
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
