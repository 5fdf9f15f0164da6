//! The order box: size, the price with its breakdown in words (`atelier_core::price_rows`), and the order
//! button with its outcome.

use super::submit::{use_resume, use_submit};
use super::text_section::texts_orderable;
use crate::artwork::SharedArtwork;
use crate::components::price_summary::{PriceRow, PriceSummary};
use crate::components::size_picker::SizePicker;
use crate::components::submit_panel::SubmitPanel;
use crate::i18n::use_i18n;
use crate::state::{Action, CatalogHandle, StateHandle, SubmitStatus, use_app_state};
use atelier_core::price_rows::price_rows;
use atelier_core::pricing::price;
use atelier_core::rules::GroupKey;
use atelier_core::rules::describe::group_name;
use atelier_core::{Locale, messages};
use yew::prelude::*;

/// Properties of [`OrderBox`].
#[derive(Properties, PartialEq)]
pub struct OrderBoxProps {
    /// Decoded views, from which the order's proofs are rendered.
    pub artwork: SharedArtwork,
    /// Easy mode: the order button lives in the easy bar, always in view.
    #[prop_or_default]
    pub easy: bool,
}

/// Whether the design on screen can be ordered as it is: priced, every choice the shopper must make made, and
/// every personal text acceptable.
pub fn orderable(state: &StateHandle, catalog: &CatalogHandle) -> bool {
    let priced = (state.design().validate(catalog)).is_ok();
    priced && state.selection.missing_choices(catalog).is_empty() && texts_orderable(state, catalog)
}

/// "Choose a Sole width to place your order." for the choices the shopper must still make (`None` if none).
fn missing_hint(state: &StateHandle, catalog: &CatalogHandle, locale: Locale) -> Option<AttrValue> {
    let names: Vec<String> = (state.selection.missing_choices(catalog).iter())
        .map(|id| group_name(catalog, &GroupKey::Choice(id.clone()), locale))
        .collect();
    (!names.is_empty()).then(|| {
        AttrValue::from(messages::format(
            locale,
            "submit.need_choice",
            &[("choices", names.join(messages::text(locale, "rule.and")))],
        ))
    })
}

/// Size, price and the order button.
#[component]
pub fn OrderBox(props: &OrderBoxProps) -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let locale = i18n.locale();
    let on_submit = use_submit(&state, &catalog, &props.artwork);
    use_resume(&state, &catalog);
    let design = state.design();

    let sizes: Vec<(AttrValue, AttrValue)> = (catalog.sizes().iter())
        .map(|s| {
            (
                AttrValue::from(s.id.0.clone()),
                AttrValue::from(i18n.pick(&s.name).to_owned()),
            )
        })
        .collect();
    let on_size = {
        let state = state.clone();
        Callback::from(move |s: Option<String>| {
            state.dispatch(Action::SetSize(s.map(|s| s.as_str().into())))
        })
    };
    let size_hint = (state.submit == SubmitStatus::NeedSize && design.size.is_none())
        .then(|| AttrValue::from(i18n.t("submit.need_size")));

    let priced = design.validate(&catalog).ok().map(|valid| price(&valid));
    let (total, rows) = match &priced {
        Some(p) => {
            let rows = (price_rows(&catalog, design, p, locale).into_iter())
                .map(|row| PriceRow {
                    label: row.label.into(),
                    amount: row.amount.into(),
                })
                .collect();
            (AttrValue::from(p.total.format(locale)), rows)
        }
        None => (AttrValue::default(), Vec::new()),
    };
    let ready = orderable(&state, &catalog);
    let need_choice = missing_hint(&state, &catalog, locale);
    let on_reset = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Reset))
    };
    html! {
        <div class="order-box">
            <SizePicker
                label={i18n.t("size.heading")}
                placeholder={i18n.t("size.choose")}
                sizes={sizes}
                selected={design.size.as_ref().map(|s| AttrValue::from(s.0.clone()))}
                hint={size_hint}
                on_change={on_size} />
            <PriceSummary
                heading={i18n.t("price.heading")}
                total_label={i18n.t("price.total")}
                total={total}
                rows={rows} />
            if let Some(hint) = need_choice {
                <p class="notice info need-choice" role="status">{ hint }</p>
            }
            <SubmitPanel status={state.submit.clone()} {ready} {on_submit} {on_reset} button={!props.easy} />
        </div>
    }
}
