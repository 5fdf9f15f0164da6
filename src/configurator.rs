//! The configurator screen once the product is loaded: the product's heading, the stage with the preview, and
//! the options panel (history, the rules' notice, choices, the part being edited, room colors, personal text,
//! the order box, my designs, design codes), with the pending fix's dialog and the price said aloud when it
//! moves. In easy mode the options come one step at a time (`easy_steps.rs`) above a bar with the total, the
//! order button and help (`easy_bar.rs`).
//!
//! Each section is a component of its own (in `configurator/`) that reads the screen state and the catalog
//! from the app's contexts and dispatches [`Action`]s; the presentational pieces they are built from are in
//! `components/`. Rule logic is the core's; the wording is [`rule_text`](crate::rule_text)'s.

mod choice_groups;
mod design_codes;
mod easy_bar;
mod easy_steps;
mod fix_prompt;
mod my_designs;
mod order_box;
mod price_announcement;
mod stage;
mod submit;
mod text_section;
mod zone_options;

use crate::artwork::SharedArtwork;
use crate::components::deferred::Deferred;
use crate::components::history_buttons::HistoryButtons;
use crate::components::zone_list::{ZoneItem, ZoneList};
use crate::easy_mode::EasyMode;
use crate::first_paint::FirstPaint;
use crate::i18n::use_i18n;
use crate::photo_colors::PhotoColors;
use crate::rule_text::{self, Reasons};
use crate::state::{Action, CatalogHandle, use_app_state};
use atelier_core::rules::GroupKey;
use choice_groups::ChoiceGroups;
use design_codes::DesignCodes;
use easy_bar::EasyBar;
use easy_steps::EasySteps;
use fix_prompt::FixPrompt;
use my_designs::MyDesigns;
use order_box::OrderBox;
use price_announcement::PriceAnnouncement;
use stage::Stage;
use std::rc::Rc;
use text_section::TextSection;
use yew::prelude::*;
use zone_options::ZoneOptions;

/// Properties of [`Configurator`].
#[derive(Properties, PartialEq)]
pub struct ConfiguratorProps {
    /// Why each unavailable option on screen is unavailable, in the shopper's language.
    pub reasons: Rc<Reasons>,
    /// Decoded views, shared by the preview and the order's proofs.
    pub artwork: SharedArtwork,
    /// The shop's first paint, if the page had one.
    pub first_paint: Option<FirstPaint>,
}

/// The configurator once the product is loaded (inside the app's state and catalog contexts).
#[component]
pub fn Configurator(props: &ConfiguratorProps) -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the app provides the loaded catalog");
    let i18n = use_i18n();
    let easy = use_context::<EasyMode>().is_some_and(|e| e.0);
    let dispatch = |action: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(action()))
    };
    // What just changed by itself, said politely.
    let notice = (state.notice.as_ref())
        .map(|n| rule_text::notice(&catalog, n, i18n.locale()))
        .unwrap_or_default();
    html! {
        <div class="configurator">
            <div class="product-head">
                <h1 id="product-name">{ i18n.pick(catalog.name()) }</h1>
                <p class="product-description">{ i18n.pick(catalog.description()) }</p>
            </div>
            <Stage artwork={props.artwork.clone()} first_paint={props.first_paint.clone()} />
            <section id="options" class="panel" tabindex="-1" aria-label={i18n.t("summary.heading")}>
                <HistoryButtons can_undo={state.history.can_undo()} can_redo={state.history.can_redo()}
                    on_undo={dispatch(|| Action::Undo)} on_redo={dispatch(|| Action::Redo)} />
                <p id="rules-notice" class={classes!("notice", "info", notice.is_empty().then_some("empty"))}
                    role="status" aria-live="polite">{ notice }</p>
                if easy {
                    <EasySteps reasons={props.reasons.clone()} artwork={props.artwork.clone()} />
                } else {
                    <ChoiceGroups reasons={props.reasons.clone()} />
                    <Parts />
                    // The first page in three tasks, none long; each adds below what is drawn.
                    <Deferred>
                        <ZoneOptions reasons={props.reasons.clone()} />
                        <Deferred>
                            <RoomColors />
                            <TextSection />
                            <OrderBox artwork={props.artwork.clone()} />
                            <MyDesigns />
                            <DesignCodes />
                        </Deferred>
                    </Deferred>
                }
            </section>
            <PriceAnnouncement />
            if easy {
                <EasyBar artwork={props.artwork.clone()} />
            }
            <FixPrompt />
        </div>
    }
}

/// The product's parts, each with its current color; choosing one shows its options, hovering one outlines
/// it in the preview.
#[component]
fn Parts() -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the app provides the loaded catalog");
    let i18n = use_i18n();
    let zones: Vec<ZoneItem> = (catalog.zones().iter())
        .map(|z| ZoneItem {
            id: z.id.0.clone().into(),
            name: i18n.pick(&z.name).to_owned().into(),
            swatch: (state.design().zones.get(&z.id))
                .and_then(|c| catalog.color(c.color.as_str()))
                .map(|c| c.swatch.to_string())
                .unwrap_or_default()
                .into(),
        })
        .collect();
    let on_select = {
        let state = state.clone();
        Callback::from(move |z: String| state.dispatch(Action::SelectZone(z.as_str().into())))
    };
    let on_hover = {
        let state = state.clone();
        Callback::from(move |zone: Option<String>| {
            state.dispatch(Action::Highlight(zone.map(|z| z.as_str().into())))
        })
    };
    html! {
        <ZoneList
            legend={i18n.t("zones.heading")}
            zones={zones}
            selected={state.selected_zone.as_ref().map(|z| AttrValue::from(z.0.clone()))}
            {on_select} {on_hover} />
    }
}

/// Colors from the shopper's room, for a set of panels that share their colors (nothing otherwise).
#[component]
fn RoomColors() -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the app provides the loaded catalog");
    if !crate::photo_colors::offered(&catalog) {
        return html! {};
    }
    let on_choose = {
        let state = state.clone();
        Callback::from(move |(g, o): (GroupKey, String)| state.dispatch(Action::Choose(g, o)))
    };
    let on_choose_all = {
        let state = state.clone();
        Callback::from(move |all: Vec<(GroupKey, String)>| state.dispatch(Action::ChooseAll(all)))
    };
    html! {
        <PhotoColors catalog={catalog.clone()} selection={(*state.selection).clone()}
            zone={state.selected_zone.clone()} {on_choose} {on_choose_all} />
    }
}
