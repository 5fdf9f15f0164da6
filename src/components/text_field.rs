//! One personal-text placement's field: a labelled input, the box's physical size, and a live status that
//! says at once whether the text fits (or by how many millimetres it is too wide) and every reason it is
//! refused, in the shopper's language; while the word lists' verdict is on its way it claims nothing about
//! them (a quiet "checking" note appears only if the wait is noticeable), and if they cannot be checked on
//! the device it says so. Everything the shopper typed is shown as text nodes only (Yew escapes
//! them); nothing here ever sets markup.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The placement id, used for element ids (`text-<id>`).
    pub id: AttrValue,
    /// The placement's name ("Heel ID").
    pub label: AttrValue,
    /// The text as typed.
    pub value: AttrValue,
    /// The box's physical size ("Space: 30.0 mm × 7.0 mm").
    pub size: AttrValue,
    /// What using the placement costs ("+₩5,000").
    pub price: AttrValue,
    /// "Fits: 21.4 mm wide." or "3.2 mm too wide." or "Loading the font…"; empty for no text.
    pub fit: AttrValue,
    /// Whether the text is too wide.
    pub over: bool,
    /// Every reason the text is refused.
    pub refusals: Vec<AttrValue>,
    /// The word lists' verdict is on its way (the note then says so, quietly and only if it takes a while).
    pub checking: bool,
    /// A note on the word lists' check: "Checking the wording…", or that it cannot be checked here; empty
    /// when their verdict is known.
    pub words_note: AttrValue,
    /// The field got focus (the app starts the text worker then).
    pub on_focus: Callback<()>,
    /// The shopper typed.
    pub on_input: Callback<String>,
}

/// A text input with its live status.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                on_input.emit(input.value());
            }
        })
    };
    let onfocus = {
        let on_focus = props.on_focus.clone();
        Callback::from(move |_: FocusEvent| on_focus.emit(()))
    };
    let input_id = format!("text-{}", props.id);
    let size_id = format!("text-{}-size", props.id);
    let status_id = format!("text-{}-status", props.id);
    let invalid = props.over || !props.refusals.is_empty();
    html! {
        <div class={classes!("text-field", invalid.then_some("needs-attention"))} data-placement={props.id.clone()}>
            <label for={input_id.clone()}>{ props.label.clone() }</label>
            <input id={input_id} type="text" value={props.value.clone()} {oninput} {onfocus}
                autocomplete="off" spellcheck="false"
                aria-describedby={format!("{size_id} {status_id}")}
                aria-invalid={invalid.then_some("true")} />
            <p id={size_id} class="text-box-size">
                { props.size.clone() }{ " · " }{ props.price.clone() }
            </p>
            <div id={status_id} class="text-status" role="status" aria-live="polite"
                aria-busy={props.checking.then_some("true")}>
                if !props.fit.is_empty() {
                    <p class={classes!("text-fit", props.over.then_some("over"))}>{ props.fit.clone() }</p>
                }
                if !props.words_note.is_empty() {
                    <p class={if props.checking { "text-checking" } else { "text-unchecked" }}>
                        { props.words_note.clone() }
                    </p>
                }
                if !props.refusals.is_empty() {
                    <ul class="text-refusals">
                        { for props.refusals.iter().map(|r| html! { <li class="text-refusal">{ r.clone() }</li> }) }
                    </ul>
                }
            </div>
        </div>
    }
}
