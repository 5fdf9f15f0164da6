//! The size picker: a labelled `<select id="size">`. The submit panel focuses it when an order needs a size.

use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`SizePicker`].
#[derive(Properties, PartialEq)]
pub struct SizePickerProps {
    /// The label ("Size").
    pub label: AttrValue,
    /// The empty choice's text ("Choose a size").
    pub placeholder: AttrValue,
    /// `(size id, localized name)`, in catalog order.
    pub sizes: Vec<(AttrValue, AttrValue)>,
    /// The chosen size.
    pub selected: Option<AttrValue>,
    /// A hint shown under the select and tied to it with `aria-describedby` (e.g. a size is required).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The size changed (`None` for the empty choice).
    pub on_change: Callback<Option<String>>,
}

/// A native select: the most familiar and accessible control for a long list.
#[component]
pub fn SizePicker(props: &SizePickerProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
                .filter(|v| !v.is_empty());
            on_change.emit(value);
        })
    };
    let options = props.sizes.iter().map(|(value, name)| {
        let selected = props.selected.as_ref() == Some(value);
        html! { <option value={value.clone()} {selected}>{ name.clone() }</option> }
    });
    html! {
        <div class={classes!("size-picker", props.hint.is_some().then_some("needs-attention"))}>
            <label for="size">{ props.label.clone() }</label>
            <select id="size" {onchange}
                aria-describedby={props.hint.as_ref().map(|_| "size-hint")}
                aria-invalid={props.hint.as_ref().map(|_| "true")}>
                <option value="" selected={props.selected.is_none()}>{ props.placeholder.clone() }</option>
                { for options }
            </select>
            if let Some(hint) = &props.hint {
                <p id="size-hint" class="field-hint">{ hint.clone() }</p>
            }
        </div>
    }
}
