//! The request for physical swatches of the colors found in a photo: the shopper's contact and address, sent
//! to the shop, then the request number or each problem next to its input.
//!
//! The request's shape, format, the countries offered and which input a problem path belongs to are the
//! core's ([`atelier_core::swatch`]); this form only maps its fields to input ids and draws them. It keeps
//! its own state: where sending stands and the submission id, reused by a retry after a network failure.

use crate::api::{self, SwatchError};
use crate::i18n::{I18n, use_i18n};
use crate::submission;
use atelier_core::swatch::countries::OFFERED;
use atelier_core::swatch::limits::SWATCH_FORMAT;
use atelier_core::swatch::{Address, Contact, SwatchField, SwatchRequest};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`SwatchForm`].
#[derive(Properties, PartialEq)]
pub struct SwatchFormProps {
    /// The product id.
    pub product: String,
    /// The catalog color ids to request, 1–8.
    pub colors: Vec<String>,
    /// Their names in the current language, in the same order.
    pub names: Vec<String>,
}

#[derive(Clone, PartialEq)]
enum SwatchStatus {
    Idle,
    Sending,
    Sent(String),
    Failed(SwatchError),
}

/// The input of each field of the request.
fn input_id(field: SwatchField) -> &'static str {
    match field {
        SwatchField::Name => "swatch-name",
        SwatchField::Email => "swatch-email",
        SwatchField::Phone => "swatch-phone",
        SwatchField::Line1 => "swatch-line1",
        SwatchField::Line2 => "swatch-line2",
        SwatchField::City => "swatch-city",
        SwatchField::PostalCode => "swatch-postal",
        SwatchField::Country => "swatch-country",
    }
}

/// The input a problem path belongs to, `""` for none (shown in the summary instead).
fn input_of(path: &str) -> &'static str {
    SwatchField::of_problem(path).map_or("", input_id)
}

/// The trimmed value of an input or select, `None` when blank.
fn value_of(field: SwatchField) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let el = doc.get_element_by_id(input_id(field))?;
    let v = if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else {
        el.dyn_ref::<HtmlSelectElement>()?.value()
    };
    let v = v.trim().to_owned();
    (!v.is_empty()).then_some(v)
}

/// The request as the form stands.
fn request_from_form(
    product: &str,
    colors: &[String],
    locale: &str,
    submission: String,
) -> SwatchRequest {
    SwatchRequest {
        format: SWATCH_FORMAT,
        product: product.to_owned(),
        colors: colors.to_vec(),
        contact: Contact {
            name: value_of(SwatchField::Name),
            email: value_of(SwatchField::Email),
            phone: value_of(SwatchField::Phone),
            address: Address {
                line1: value_of(SwatchField::Line1),
                line2: value_of(SwatchField::Line2),
                city: value_of(SwatchField::City),
                postal_code: value_of(SwatchField::PostalCode),
                country: value_of(SwatchField::Country),
            },
        },
        locale: locale.to_owned(),
        submission,
    }
}

/// Sends the form unless it is already on its way; the submission id is kept for a retry after a network
/// failure and dropped once the shop answered.
fn on_submit(
    props: &SwatchFormProps,
    swatch: &UseStateHandle<SwatchStatus>,
    swatch_id: &Rc<RefCell<Option<String>>>,
    i18n: &I18n,
) -> Callback<SubmitEvent> {
    let (swatch, swatch_id, locale) = (swatch.clone(), swatch_id.clone(), i18n.locale());
    let (product, colors) = (props.product.clone(), props.colors.clone());
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        if *swatch == SwatchStatus::Sending {
            return;
        }
        let id = swatch_id
            .borrow_mut()
            .get_or_insert_with(submission::new_submission_id)
            .clone();
        let request = request_from_form(&product, &colors, locale.tag(), id);
        swatch.set(SwatchStatus::Sending);
        let (swatch, swatch_id) = (swatch.clone(), swatch_id.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match api::request_swatches(&request, locale).await {
                Ok(number) => {
                    // Spent: another request is a new one, not a retry of this.
                    *swatch_id.borrow_mut() = None;
                    swatch.set(SwatchStatus::Sent(number));
                }
                Err(SwatchError::Rejected { message, problems }) => {
                    // A refused request may be corrected and sent as a new one.
                    *swatch_id.borrow_mut() = None;
                    swatch.set(SwatchStatus::Failed(SwatchError::Rejected {
                        message,
                        problems,
                    }));
                }
                Err(e) => swatch.set(SwatchStatus::Failed(e)),
            }
        });
    })
}

/// A labelled text input with the messages of its problems.
fn text_input(
    field: SwatchField,
    label: &str,
    kind: &'static str,
    autocomplete: &'static str,
    errors: &[String],
) -> Html {
    let id = input_id(field);
    let err_id = format!("{id}-error");
    let invalid = !errors.is_empty();
    html! {
        <div class="field">
            <label for={id}>{ label.to_owned() }</label>
            <input id={id} type={kind} autocomplete={autocomplete}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then(|| err_id.clone())} />
            if invalid {
                <p id={err_id} class="field-error">{ errors.join(" ") }</p>
            }
        </div>
    }
}

/// The country select: the core's offered countries by name, the first chosen.
fn country_select(i18n: &I18n, errors: &[String]) -> Html {
    html! {
        <div class="field">
            <label for="swatch-country">{ i18n.t("swatch.country") }</label>
            <select id="swatch-country" autocomplete="country"
                aria-invalid={(!errors.is_empty()).then_some("true")}>
                { for OFFERED.iter().map(|c| html! {
                    // Marked explicitly: Yew builds the options one by one, and without it the browser
                    // ends up on the last one rather than the first (the shop's home market).
                    <option value={*c} selected={*c == OFFERED[0]}>{ i18n.t(&format!("swatch.country.{c}")) }</option>
                }) }
            </select>
            if !errors.is_empty() {
                <p class="field-error">{ errors.join(" ") }</p>
            }
        </div>
    }
}

/// Where sending stands, under the button: the request number, or why it was not recorded (problems that
/// belong to no input listed here).
fn outcome(status: &SwatchStatus, i18n: &I18n) -> Html {
    match status {
        SwatchStatus::Idle => html! {},
        SwatchStatus::Sending => html! { <p role="status">{ i18n.t("swatch.sending") }</p> },
        SwatchStatus::Sent(id) => html! {
            <p id="swatch-result" class="notice success" role="status" data-request={id.clone()}>
                { i18n.f("swatch.sent", &[("id", id.clone())]) }
            </p>
        },
        SwatchStatus::Failed(SwatchError::Network) => html! {
            <p id="swatch-result" class="notice error" role="alert">{ i18n.t("swatch.network") }</p>
        },
        SwatchStatus::Failed(SwatchError::Rejected { message, problems }) => {
            let unplaced: Vec<String> = problems
                .iter()
                .filter(|(p, _)| input_of(p).is_empty())
                .map(|(_, m)| m.clone())
                .collect();
            html! {
                <div id="swatch-result" class="notice error" role="alert">
                    <p>{ message.clone() }</p>
                    { for unplaced.into_iter().map(|m| html! { <p>{ m }</p> }) }
                </div>
            }
        }
    }
}

/// The swatch request form.
#[component]
pub fn SwatchForm(props: &SwatchFormProps) -> Html {
    let i18n = use_i18n();
    let swatch = use_state(|| SwatchStatus::Idle);
    let swatch_id = use_mut_ref(|| None::<String>);
    let on_submit = on_submit(props, &swatch, &swatch_id, &i18n);

    let problems: Vec<(String, String)> = match &*swatch {
        SwatchStatus::Failed(SwatchError::Rejected { problems, .. }) => problems.clone(),
        _ => Vec::new(),
    };
    let errors = |field: SwatchField| -> Vec<String> {
        problems
            .iter()
            .filter(|(p, _)| input_of(p) == input_id(field))
            .map(|(_, m)| m.clone())
            .collect()
    };
    let field = |field: SwatchField, label: &str, kind, autocomplete| {
        text_input(field, label, kind, autocomplete, &errors(field))
    };
    let sep = i18n.t("rules.list_separator");
    html! {
        <form class="swatch-form" aria-labelledby="swatch-heading" novalidate=true onsubmit={on_submit}>
            <h3 id="swatch-heading" class="sub-title">{ i18n.t("swatch.heading") }</h3>
            <p id="swatch-colors">{ i18n.f("swatch.colors", &[("colors", props.names.join(sep))]) }</p>
            { field(SwatchField::Name, i18n.t("swatch.name"), "text", "name") }
            <p class="muted">{ i18n.t("swatch.contact_hint") }</p>
            { field(SwatchField::Email, i18n.t("swatch.email"), "email", "email") }
            { field(SwatchField::Phone, i18n.t("swatch.phone"), "tel", "tel") }
            { field(SwatchField::Line1, i18n.t("swatch.line1"), "text", "address-line1") }
            { field(SwatchField::Line2, i18n.t("swatch.line2"), "text", "address-line2") }
            { field(SwatchField::City, i18n.t("swatch.city"), "text", "address-level2") }
            { field(SwatchField::PostalCode, i18n.t("swatch.postal_code"), "text", "postal-code") }
            { country_select(&i18n, &errors(SwatchField::Country)) }
            <button type="submit" class="button primary" disabled={*swatch == SwatchStatus::Sending}>
                { i18n.t("swatch.send") }
            </button>
            { outcome(&swatch, &i18n) }
        </form>
    }
}
