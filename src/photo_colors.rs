//! "Colors from your room": a photo chosen, dropped or taken on the device, its palette as a strip with each
//! color's share in text, catalog colors for a chosen palette color under each harmony mode (with the
//! closeness in words and the ΔE), applied to one panel or to every panel as one undo step, an honest note
//! about screens and cameras, and a request for physical swatches.
//!
//! This file lays the section out; its parts are in `photo_colors/`: reading the photo ([`use_photo`]), the
//! strip ([`palette_strip`]), the suggestions ([`harmony_offers`], one row each in [`offer_row`]) and the
//! swatch request ([`swatch_form`]). The photo is read by [`crate::photo`] in this page and never sent: only
//! the swatch request (color ids and the shopper's contact) goes to the shop. Applying goes through the
//! reducer and so through the rules.

mod harmony_offers;
mod offer_row;
mod palette_strip;
mod swatch_form;
mod use_photo;

use crate::i18n::{I18n, use_i18n};
use crate::photo;
use crate::state::CatalogHandle;
use atelier_core::Catalog;
use atelier_core::color_match::swatch_candidates;
use atelier_core::id::{ColorId, ZoneId};
use atelier_core::rules::{GroupKey, Selection};
use harmony_offers::harmony_offers;
use offer_row::OfferActions;
use palette_strip::palette_strip;
use swatch_form::SwatchForm;
use use_photo::{Photo, PhotoStatus, use_photo};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Whether a catalog is a set of panels that all offer the same colors (the appliance set), where matching
/// a room makes sense for every panel at once.
pub fn offered(catalog: &Catalog) -> bool {
    catalog
        .zones
        .first()
        .is_some_and(|first| catalog.zones.iter().all(|z| z.colors == first.colors))
}

/// Properties of [`PhotoColors`].
#[derive(Properties, PartialEq)]
pub struct PhotoColorsProps {
    /// The product.
    pub catalog: CatalogHandle,
    /// The design as it stands (suggestions are checked against its rules).
    pub selection: Selection,
    /// The panel being edited.
    pub zone: Option<ZoneId>,
    /// Choose one option (a panel's color) through the rules.
    pub on_choose: Callback<(GroupKey, String)>,
    /// Choose several as one undo step.
    pub on_choose_all: Callback<Vec<(GroupKey, String)>>,
}

/// The photo section.
#[component]
pub fn PhotoColors(props: &PhotoColorsProps) -> Html {
    let i18n = use_i18n();
    let photo = use_photo();
    let catalog = &props.catalog;
    let color_name = |id: &ColorId| {
        catalog
            .color(id.as_str())
            .map(|c| i18n.pick(&c.name).to_owned())
            .unwrap_or_else(|| id.to_string())
    };

    // The progress line is always in the page (empty when idle) so screen readers hear each stage as it
    // changes; the clustering runs in the worker, so the page stays responsive meanwhile.
    let progress = match &*photo.status {
        PhotoStatus::Working(stage) => i18n.t(stage.message_key()),
        _ => "",
    };
    let status_line = match &*photo.status {
        PhotoStatus::Idle | PhotoStatus::Working(_) => html! {},
        PhotoStatus::Failed(e) => html! {
            <p id="photo-error" class="notice error" role="alert">{ i18n.t(e.message_key()) }</p>
        },
    };
    let results = photo
        .photo
        .as_ref()
        .map(|p| results(p, &photo.chosen, props, &i18n, &color_name));
    // The swatches: the nearest catalog color of each palette color, once each, at most 8.
    let candidates: Vec<ColorId> = photo
        .photo
        .as_ref()
        .map(|p| swatch_candidates(p.palette.iter().map(|c| c.lab), catalog))
        .unwrap_or_default();
    let swatch_form = (!candidates.is_empty()).then(|| {
        html! {
            <SwatchForm product={catalog.id.to_string()}
                colors={candidates.iter().map(ToString::to_string).collect::<Vec<_>>()}
                names={candidates.iter().map(color_name).collect::<Vec<_>>()} />
        }
    });

    html! {
        <section class="photo-colors" aria-labelledby="photo-heading">
            <h2 id="photo-heading" class="section-title">{ i18n.t("photo.heading") }</h2>
            <p class="photo-intro">{ i18n.t("photo.intro") }</p>
            { drop_zone(&photo.take, &i18n) }
            <p id="photo-progress" class="photo-status" role="status" aria-live="polite">{ progress }</p>
            { status_line }
            { results.unwrap_or_default() }
            <p class="notice info honesty">{ i18n.t("photo.honesty") }</p>
            { swatch_form.unwrap_or_default() }
        </section>
    }
}

/// Where a photo comes in: a file input (which can take one with the camera) and a drop zone around it.
fn drop_zone(take: &std::rc::Rc<dyn Fn(web_sys::File)>, i18n: &I18n) -> Html {
    let on_change = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                take(file);
            }
            // The same file chosen again should be read again.
            input.set_value("");
        })
    };
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let take = take.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                take(file);
            }
        })
    };
    html! {
        <div class="drop-zone" ondragover={on_drag_over} ondrop={on_drop}>
            <label for="photo-input" class="button">{ i18n.t("photo.choose") }</label>
            <input id="photo-input" type="file" accept={photo::ACCEPT} capture="environment"
                class="visually-hidden-file" aria-describedby="photo-drop-hint" onchange={on_change} />
            <p id="photo-drop-hint" class="muted">{ i18n.t("photo.drop") }</p>
        </div>
    }
}

/// The photo with its palette strip, then suggestions for the chosen palette color on the panel being
/// edited (the first panel when none is).
fn results(
    p: &Photo,
    chosen: &UseStateHandle<usize>,
    props: &PhotoColorsProps,
    i18n: &I18n,
    color_name: &dyn Fn(&ColorId) -> String,
) -> Html {
    let catalog = &props.catalog;
    let zone = props
        .zone
        .clone()
        .or_else(|| catalog.zones.first().map(|z| z.id.clone()));
    let zone_name = zone
        .as_ref()
        .and_then(|z| catalog.zone(z.as_str()))
        .map(|z| i18n.pick(&z.name).to_owned())
        .unwrap_or_default();
    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |i: usize| chosen.set(i))
    };
    let actions = OfferActions {
        on_choose: props.on_choose.clone(),
        on_choose_all: props.on_choose_all.clone(),
    };
    let target = p.palette.get(**chosen).or(p.palette.first());
    let modes = target.zip(zone.as_ref()).map(|(target, zone)| {
        harmony_offers(
            target.lab,
            zone,
            catalog,
            &props.selection,
            &actions,
            i18n,
            color_name,
        )
    });
    html! {
        <div class="photo-results" data-extractor={if p.in_worker { "worker" } else { "page" }}>
            <figure class="photo-figure">
                <img src={p.url.clone()} alt={i18n.t("photo.alt")} />
                <figcaption>
                    <h3 class="sub-title">{ i18n.t("photo.palette") }</h3>
                    { palette_strip(&p.palette, **chosen, &on_pick, i18n) }
                </figcaption>
            </figure>
            <h3 class="sub-title">{ i18n.f("photo.suggestions", &[("zone", zone_name)]) }</h3>
            { modes.unwrap_or_default() }
        </div>
    }
}
