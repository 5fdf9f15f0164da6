//! Personal text: one field per placement of the product, each checked on every keystroke with the shop's own
//! check (`atelier_core::text`), and whether the texts as they stand may be ordered.

use crate::components::text_field::TextField;
use crate::i18n::{I18n, use_i18n};
use crate::state::{Action, CatalogHandle, State, StateHandle, use_app_state};
use crate::text_worker;
use atelier_core::catalog::TextPlacement;
use atelier_core::text::TextCheck;
use yew::prelude::*;

/// The personal-text fields (nothing for a product without placements).
#[component]
pub fn TextSection() -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    if catalog.texts().is_empty() {
        return html! {};
    }
    html! {
        <fieldset class="texts">
            <legend>{ i18n.t("text.section") }</legend>
            { for catalog.texts().iter().map(|p| placement_field(&state, &i18n, p)) }
        </fieldset>
    }
}

/// Whether every personal text may be ordered as it stands.
pub fn texts_orderable(state: &State, catalog: &CatalogHandle) -> bool {
    catalog.texts().iter().all(|p| match state.check_text(p) {
        None => true,
        Some(check) => orderable(state, &check),
    })
}

/// Whether a text may be ordered: the check passes, or only the word lists' verdict is missing because the
/// text worker cannot give one (the shop's check decides at submit) and nothing else is wrong.
fn orderable(state: &State, check: &TextCheck) -> bool {
    let unchecked = check.words_pending.is_some() && state.text_worker_failed;
    check.ok() || (unchecked && check.refusals.is_empty() && check.needs_font.is_none())
}

/// The field of one text placement. The check is the shop's own, with the word lists' verdict from the text
/// worker (`text_checks.rs`): until it arrives the text is not acceptable and the field claims nothing about
/// it; if the worker cannot give one, the field says so and the shop's check decides at submit.
fn placement_field(state: &StateHandle, i18n: &I18n, p: &TextPlacement) -> Html {
    let locale = i18n.locale();
    let value = state.design().text.get(&p.id).cloned().unwrap_or_default();
    let (mut fit, mut over, mut refusals) = (String::new(), false, Vec::new());
    let (mut checking, mut words_note) = (false, "");
    if let Some(check) = state.check_text(p) {
        let unchecked = check.words_pending.is_some() && state.text_worker_failed;
        if check.words_pending.is_some() {
            checking = !unchecked;
            words_note = i18n.t(if unchecked {
                "text.check_unavailable"
            } else {
                "text.checking"
            });
        }
        over = check.width.is_some_and(|w| !w.fits());
        fit = match (&check.needs_font, check.width) {
            (Some(_), _) => i18n.t("text.loading_font").to_owned(),
            (None, Some(w)) => match w.too_wide_by_mm {
                None => i18n.f("text.fits", &[("width", format!("{:.1}", w.mm))]),
                Some(o) => i18n.f("text.over", &[("over", format!("{o:.1}"))]),
            },
            (None, None) => String::new(),
        };
        refusals = (check.refusals.iter())
            .map(|r| AttrValue::from(r.message(locale)))
            .collect();
    }
    let on_input = {
        let (state, id) = (state.clone(), p.id.clone());
        Callback::from(move |t: String| state.dispatch(Action::SetText(id.clone(), t)))
    };
    let size = i18n.f(
        "text.box_size",
        &[
            ("width", format!("{:.1}", p.width_mm)),
            ("height", format!("{:.1}", p.height_mm)),
        ],
    );
    html! {
        <TextField id={p.id.0.clone()} label={i18n.pick(&p.name).to_owned()} value={value}
            size={size}
            price={p.price.format_delta(locale)}
            fit={fit} {over} {refusals} {checking} words_note={words_note}
            on_focus={Callback::from(|()| text_worker::warm())} {on_input} />
    }
}
