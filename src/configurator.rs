//! The configurator screen once the product is loaded: turns catalog data into the components' display props
//! (localized names, formatted prices, which options are unavailable and why), wires their callbacks to
//! [`Action`]s, and sends the order with its proofs ([`proofs`]). Rule logic is the core's; the wording is
//! [`rule_text`]'s.

use crate::api;
use crate::artwork::SharedArtwork;
use crate::components::download_image::DownloadImage;
use crate::components::fix_dialog::FixDialog;
use crate::components::history_buttons::HistoryButtons;
use crate::components::option_group::{OptionGroup, OptionItem};
use crate::components::preview::Preview;
use crate::components::price_summary::{PriceRow, PriceSummary};
use crate::components::size_picker::SizePicker;
use crate::components::submit_panel::SubmitPanel;
use crate::components::text_field::TextField;
use crate::components::view_switch::ViewSwitch;
use crate::components::zone_list::{ZoneItem, ZoneList};
use crate::first_paint::FirstPaint;
use crate::i18n::I18n;
use crate::photo_colors::PhotoColors;
use crate::proofs;
use crate::rule_text::{self, Reasons};
use crate::state::{Action, Artwork, CatalogHandle, State, Submission, SubmitStatus};
use crate::submission;
use crate::text_worker;
use atelier_core::catalog::TextPlacement;
use atelier_core::id::{ViewId, ZoneId};
use atelier_core::order::{ORDER_FORMAT, OrderRequest};
use atelier_core::pricing::{PricedOption, price};
use atelier_core::rules::describe::{group_name, option_name};
use atelier_core::rules::{Change, GroupKey};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The configurator once the product is loaded.
pub fn configurator(
    state: &UseReducerHandle<State>,
    catalog: &CatalogHandle,
    i18n: &I18n,
    in_flight: &Rc<std::cell::RefCell<bool>>,
    reasons: &Reasons,
    artwork: &SharedArtwork,
    first_paint: Option<&FirstPaint>,
) -> Html {
    let locale = i18n.locale();
    let design = state.design();
    let why = |key: &GroupKey, option: &str| {
        reasons
            .get(key)
            .and_then(|r| r.get(option))
            .map(|r| AttrValue::from(r.clone()))
    };
    let choose = |key: GroupKey| {
        let state = state.clone();
        Callback::from(move |option: String| state.dispatch(Action::Choose(key.clone(), option)))
    };
    let dispatch = |f: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(f(v)))
    };

    // Preview.
    let view_id = state.view.clone();
    let on_artwork = {
        let state = state.clone();
        Callback::from(move |(view, artwork): (ViewId, Artwork)| {
            state.dispatch(Action::Artwork(view, artwork))
        })
    };
    // The part whose controls are hovered or focused: the preview outlines it.
    let highlight = |zone: Option<ZoneId>| {
        let state = state.clone();
        move || state.dispatch(Action::Highlight(zone.clone()))
    };
    let on_zone_hover = {
        let state = state.clone();
        Callback::from(move |zone: Option<String>| {
            state.dispatch(Action::Highlight(zone.map(|z| z.as_str().into())))
        })
    };
    let on_canvas_zone = {
        let state = state.clone();
        Callback::from(move |zone: ZoneId| state.dispatch(Action::SelectZone(zone)))
    };
    let views: Vec<(AttrValue, AttrValue)> = catalog
        .views()
        .iter()
        .map(|v| {
            (
                AttrValue::from(v.id.0.clone()),
                AttrValue::from(i18n.pick(&v.name).to_owned()),
            )
        })
        .collect();

    // Parts and the selected part's options.
    let zones: Vec<ZoneItem> = catalog
        .zones()
        .iter()
        .map(|z| ZoneItem {
            id: z.id.0.clone().into(),
            name: i18n.pick(&z.name).to_owned().into(),
            swatch: design
                .zones
                .get(&z.id)
                .and_then(|c| catalog.color(c.color.as_str()))
                .map(|c| c.swatch.to_string())
                .unwrap_or_default()
                .into(),
        })
        .collect();
    let selected = state
        .selected_zone
        .as_ref()
        .and_then(|z| catalog.zone(z.as_str()));
    let zone_options = selected
        .zip(selected.and_then(|z| design.zones.get(&z.id)))
        .map(|(zone, choice)| {
            let zone_name = i18n.pick(&zone.name).to_owned();
            let (material_key, color_key) = (
                GroupKey::Material(zone.id.clone()),
                GroupKey::Color(zone.id.clone()),
            );
            let materials: Vec<OptionItem> = zone
                .materials
                .iter()
                .filter_map(|id| catalog.material(id.as_str()))
                .map(|m| OptionItem {
                    value: m.id.0.clone().into(),
                    label: i18n.pick(&m.name).to_owned().into(),
                    detail: m.price.format_delta(locale).into(),
                    swatch: None,
                    unavailable: why(&material_key, m.id.as_str()),
                })
                .collect();
            let colors: Vec<OptionItem> = zone
                .colors
                .iter()
                .filter_map(|id| catalog.color(id.as_str()))
                .map(|c| OptionItem {
                    value: c.id.0.clone().into(),
                    label: i18n.pick(&c.name).to_owned().into(),
                    detail: c.price.format_delta(locale).into(),
                    swatch: Some(c.swatch.to_string().into()),
                    unavailable: why(&color_key, c.id.as_str()),
                })
                .collect();
            let on_material = choose(material_key);
            let on_color = choose(color_key);
            let (enter, leave) = (highlight(Some(zone.id.clone())), highlight(None));
            let (onmouseenter, onfocusin) = {
                let (a, b) = (enter.clone(), enter);
                (
                    Callback::from(move |_: MouseEvent| a()),
                    Callback::from(move |_: FocusEvent| b()),
                )
            };
            let (onmouseleave, onfocusout) = {
                let (a, b) = (leave.clone(), leave);
                (
                    Callback::from(move |_: MouseEvent| a()),
                    Callback::from(move |_: FocusEvent| b()),
                )
            };
            html! {
                <section class="zone-options" aria-labelledby="editing-heading"
                    {onmouseenter} {onmouseleave} {onfocusin} {onfocusout}>
                    <h2 id="editing-heading" class="section-title">
                        { i18n.f("zones.editing", &[("zone", zone_name.clone())]) }
                    </h2>
                    <OptionGroup
                        name={format!("material-{}", zone.id)}
                        legend={i18n.f("zone.material", &[("zone", zone_name.clone())])}
                        items={materials}
                        selected={choice.material.0.clone()}
                        on_change={on_material} />
                    <OptionGroup
                        name={format!("color-{}", zone.id)}
                        legend={i18n.f("zone.color", &[("zone", zone_name)])}
                        items={colors}
                        selected={choice.color.0.clone()}
                        on_change={on_color} />
                </section>
            }
        });

    // Product-wide choices ("Match all panels").
    let choice_groups = catalog.choices().iter().map(|group| {
        let key = GroupKey::Choice(group.id.clone());
        let items: Vec<OptionItem> = group
            .options
            .iter()
            .map(|o| OptionItem {
                value: o.id.0.clone().into(),
                label: i18n.pick(&o.name).to_owned().into(),
                detail: o.price.format_delta(locale).into(),
                swatch: None,
                unavailable: why(&key, o.id.as_str()),
            })
            .collect();
        let selected = design
            .choices
            .get(&group.id)
            .map(|o| AttrValue::from(o.0.clone()))
            .unwrap_or_default();
        html! {
            <OptionGroup
                name={format!("choice-{}", group.id)}
                legend={i18n.pick(&group.name).to_owned()}
                items={items}
                selected={selected}
                on_change={choose(key.clone())} />
        }
    });
    let choice_groups = (!catalog.choices().is_empty()).then(|| {
        html! { <section class="choice-groups">{ for choice_groups }</section> }
    });

    // Rules: what just changed by itself, and a fix waiting for an answer.
    let notice = state
        .notice
        .as_ref()
        .map(|n| rule_text::notice(catalog, n, locale))
        .unwrap_or_default();
    let fix_dialog = state.pending_fix.as_ref().map(|pending| {
        let chosen = Change {
            group: pending.group.clone(),
            from: rule_text::current(&state.selection, &pending.group).to_owned(),
            to: pending.option.clone(),
        };
        let changes: Vec<AttrValue> = std::iter::once(&chosen)
            .chain(&pending.fix.changes)
            .map(|c| rule_text::change(catalog, c, locale).into())
            .collect();
        let reasons: Vec<AttrValue> = rule_text::reasons(catalog, &pending.fix.rules, locale)
            .into_iter()
            .map(AttrValue::from)
            .collect();
        let option = option_name(catalog, &pending.group, &pending.option, locale);
        let group = group_name(catalog, &pending.group, locale);
        let on_accept = {
            let state = state.clone();
            Callback::from(move |()| state.dispatch(Action::AcceptFix))
        };
        let on_decline = {
            let state = state.clone();
            Callback::from(move |()| state.dispatch(Action::DeclineFix))
        };
        html! {
            <FixDialog
                title={i18n.f("fix.title", &[("option", option), ("group", group)])}
                {reasons} {changes} {on_accept} {on_decline} />
        }
    });
    let on_undo = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Undo))
    };
    let on_redo = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Redo))
    };

    // Size.
    let sizes: Vec<(AttrValue, AttrValue)> = catalog
        .sizes()
        .iter()
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

    // Price.
    let priced = design.validate(catalog).ok().map(|valid| price(&valid));
    let (total, rows) = match &priced {
        Some(p) => {
            let mut rows = vec![PriceRow {
                label: i18n.t("price.base").into(),
                amount: p.base.format(locale).into(),
            }];
            rows.extend(p.lines.iter().map(|line| {
                let zone = match (&line.zone, &line.choice) {
                    (Some(z), _) => catalog.zone(z.as_str()).map(|z| i18n.pick(&z.name)),
                    (None, Some(c)) => catalog.choice(c.as_str()).map(|c| i18n.pick(&c.name)),
                    (None, None) => None,
                }
                .unwrap_or_default();
                let option = match &line.option {
                    PricedOption::Material(id) => {
                        catalog.material(id.as_str()).map(|m| i18n.pick(&m.name))
                    }
                    PricedOption::Color(id) => {
                        catalog.color(id.as_str()).map(|c| i18n.pick(&c.name))
                    }
                    PricedOption::Option(id) => line
                        .choice
                        .as_ref()
                        .and_then(|c| catalog.choice(c.as_str()))
                        .and_then(|c| c.options.iter().find(|o| &o.id == id))
                        .map(|o| i18n.pick(&o.name)),
                    PricedOption::Text(id) => {
                        // The shopper's text goes into the label as a plain string (a text node).
                        let placement = catalog.text(id.as_str());
                        let label = i18n.f(
                            "price.text",
                            &[
                                (
                                    "placement",
                                    placement
                                        .map(|p| i18n.pick(&p.name).to_owned())
                                        .unwrap_or_default(),
                                ),
                                ("text", design.text.get(id).cloned().unwrap_or_default()),
                            ],
                        );
                        return PriceRow {
                            label: label.into(),
                            amount: line.amount.format_delta(locale).into(),
                        };
                    }
                }
                .unwrap_or_default();
                PriceRow {
                    label: i18n
                        .f(
                            "price.line",
                            &[("zone", zone.to_owned()), ("option", option.to_owned())],
                        )
                        .into(),
                    amount: line.amount.format_delta(locale).into(),
                }
            }));
            (AttrValue::from(p.total.format(locale)), rows)
        }
        None => (AttrValue::default(), Vec::new()),
    };

    // Personal text: one field per placement, checked on every keystroke with the shop's own check.
    let mut texts_ok = true;
    let text_fields: Vec<Html> = catalog
        .texts()
        .iter()
        .map(|p| {
            let (field, ok) = text_field(state, i18n, p);
            texts_ok &= ok;
            field
        })
        .collect();
    let text_section = (!text_fields.is_empty()).then(|| {
        html! {
            <fieldset class="texts">
                <legend>{ i18n.t("text.section") }</legend>
                { for text_fields }
            </fieldset>
        }
    });

    // Order.
    let on_submit = {
        let (state, in_flight) = (state.clone(), in_flight.clone());
        let (catalog, artwork) = (catalog.clone(), artwork.clone());
        let total = priced.as_ref().map(|p| p.total);
        Callback::from(move |()| {
            if *in_flight.borrow() {
                return;
            }
            if state.design().size.is_none() {
                state.dispatch(Action::NeedSize);
                focus_by_id("size");
                return;
            }
            let Some(total) = total else { return };
            // Retrying the same design reuses its id, so the shop answers with the first order if it did
            // get the earlier request; a changed design is a new order.
            let id = state
                .retry_submission_id()
                .map_or_else(submission::new_submission_id, str::to_owned);
            let mut request = OrderRequest {
                format: ORDER_FORMAT,
                design: state.design().clone(),
                price: total.into(),
                proof: Default::default(),
                submission: Some(id.clone()),
            };
            *in_flight.borrow_mut() = true;
            state.dispatch(Action::Sending(Submission {
                id,
                design: state.design().clone(),
            }));
            let (dispatcher, in_flight, locale) =
                (state.dispatcher(), in_flight.clone(), state.locale);
            let (catalog, artwork, fonts) = (catalog.clone(), artwork.clone(), state.fonts.clone());
            wasm_bindgen_futures::spawn_local(async move {
                // Rendered from the request's own design, so the proofs are of exactly what is sent.
                match proofs::of_order(&catalog, &request.design, &artwork, &fonts, locale).await {
                    Ok(proofs) => request.proof = proofs,
                    Err(message) => {
                        *in_flight.borrow_mut() = false;
                        dispatcher.dispatch(Action::SubmitFailed(api::OrderError::Rejected {
                            message,
                            problems: Vec::new(),
                        }));
                        return;
                    }
                }
                let result = api::place_order(&request, locale).await;
                *in_flight.borrow_mut() = false;
                match result {
                    Ok(receipt) => dispatcher.dispatch(Action::Placed(receipt)),
                    Err(e) => dispatcher.dispatch(Action::SubmitFailed(e)),
                }
            });
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Reset))
    };

    // Colors from the shopper's room, for a set of panels.
    let photo_colors = crate::photo_colors::offered(catalog).then(|| {
        let on_choose = {
            let state = state.clone();
            Callback::from(move |(g, o): (GroupKey, String)| state.dispatch(Action::Choose(g, o)))
        };
        let on_choose_all = {
            let state = state.clone();
            Callback::from(move |all: Vec<(GroupKey, String)>| {
                state.dispatch(Action::ChooseAll(all))
            })
        };
        html! {
            <PhotoColors catalog={catalog.clone()} selection={state.selection.clone()}
                zone={state.selected_zone.clone()} {on_choose} {on_choose_all} />
        }
    });

    // The PNG download: named after the product and the view, offered once the view has been drawn.
    let download_stem = AttrValue::from(format!(
        "{}-{}",
        catalog.id().as_str(),
        view_id.as_ref().map_or("", |v| v.as_str())
    ));
    let download_ready = view_id
        .as_ref()
        .is_some_and(|v| state.artwork.get(v) == Some(&Artwork::Ready));
    let cache = artwork;
    let preview = view_id.map(|view| {
        let artwork = state.artwork.get(&view).cloned();
        // The shop's still of this view, while its layers load and the design is the one it shows (the
        // default); checked in that order, so a page past its start compares no designs.
        let still = first_paint
            .and_then(|f| f.still(catalog.id().as_str(), &view))
            .filter(|_| artwork != Some(Artwork::Ready))
            .filter(|_| shows_default(design, catalog));
        html! {
            <Preview view={view} design={design.clone()} {artwork} {still} {on_artwork} on_select_zone={on_canvas_zone}
                fonts={state.fonts.clone()} highlight={state.highlight.clone()} cache={cache.clone()} />
        }
    });

    html! {
        <div class="configurator">
            <div class="product-head">
                <h1 id="product-name">{ i18n.pick(catalog.name()) }</h1>
                <p class="product-description">{ i18n.pick(catalog.description()) }</p>
            </div>
            <section class="stage" aria-labelledby="product-name">
                <div class="stage-card">
                    { preview.unwrap_or_default() }
                    <ViewSwitch
                        legend={i18n.t("views.heading")}
                        views={views}
                        selected={state.view.as_ref().map(|v| AttrValue::from(v.0.clone()))}
                        on_select={dispatch(|v| Action::SetView(v.as_str().into()))} />
                    <DownloadImage label={i18n.t("preview.download")} file_stem={download_stem}
                        ready={download_ready} />
                </div>
            </section>
            <section id="options" class="panel" tabindex="-1" aria-label={i18n.t("summary.heading")}>
                <HistoryButtons can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                    {on_undo} {on_redo} />
                <p id="rules-notice" class={classes!("notice", "info", notice.is_empty().then_some("empty"))}
                    role="status" aria-live="polite">{ notice }</p>
                { choice_groups.unwrap_or_default() }
                <ZoneList
                    legend={i18n.t("zones.heading")}
                    zones={zones}
                    selected={state.selected_zone.as_ref().map(|z| AttrValue::from(z.0.clone()))}
                    on_select={dispatch(|z| Action::SelectZone(z.as_str().into()))}
                    on_hover={on_zone_hover} />
                { zone_options.unwrap_or_default() }
                { photo_colors.unwrap_or_default() }
                { text_section.unwrap_or_default() }
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
                    <SubmitPanel status={state.submit.clone()} ready={priced.is_some() && texts_ok} {on_submit} {on_reset} />
                </div>
            </section>
            { fix_dialog.unwrap_or_default() }
        </div>
    }
}

/// The field of one text placement, and whether its text may be ordered as it stands. The check is the
/// shop's own, with the word lists' verdict from the text worker (`text_checks.rs`): until it arrives the
/// text is not acceptable and the field claims nothing about it; if the worker cannot give one, the field says
/// so and the shop's check decides at submit.
fn text_field(state: &UseReducerHandle<State>, i18n: &I18n, p: &TextPlacement) -> (Html, bool) {
    let locale = i18n.locale();
    let value = state.design().text.get(&p.id).cloned().unwrap_or_default();
    let mut ok = true;
    let (mut fit, mut over, mut refusals) = (String::new(), false, Vec::new());
    let (mut checking, mut words_note) = (false, "");
    if let Some(check) = state.check_text(p) {
        let unchecked = check.words_pending.is_some() && state.text_worker_failed;
        ok = check.ok() || (unchecked && check.refusals.is_empty() && check.needs_font.is_none());
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
    let field = html! {
        <TextField id={p.id.0.clone()} label={i18n.pick(&p.name).to_owned()} value={value}
            size={i18n.f("text.box_size", &[("width", format!("{:.1}", p.width_mm)), ("height", format!("{:.1}", p.height_mm))])}
            price={p.price.format_delta(locale)}
            fit={fit} {over} {refusals} {checking} words_note={words_note}
            on_focus={Callback::from(|()| text_worker::warm())} {on_input} />
    };
    (field, ok)
}

/// Whether `design` draws as the catalog's default design, which the shop's stills show (a size changes no
/// pixel).
fn shows_default(design: &atelier_core::Design, catalog: &CatalogHandle) -> bool {
    let default = catalog.default_design();
    design.zones == default.zones
        && design.choices == default.choices
        && design.text.values().all(String::is_empty)
}

/// Moves keyboard focus to the element with `id`, if it is there.
fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
