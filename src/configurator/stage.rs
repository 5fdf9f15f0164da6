//! The stage: the preview of the current view (with the shop's still over it while the view loads and the
//! design is the default one), the view switch and the PNG download.

use crate::artwork::SharedArtwork;
use crate::components::download_image::DownloadImage;
use crate::components::preview::Preview;
use crate::components::view_switch::ViewSwitch;
use crate::first_paint::FirstPaint;
use crate::i18n::use_i18n;
use crate::state::{Action, Artwork, CatalogHandle, use_app_state};
use atelier_core::Design;
use atelier_core::id::{ViewId, ZoneId};
use yew::prelude::*;

/// Properties of [`Stage`].
#[derive(Properties, PartialEq)]
pub struct StageProps {
    /// Decoded views, shared with the order's proofs.
    pub artwork: SharedArtwork,
    /// The shop's first paint, if the page had one.
    pub first_paint: Option<FirstPaint>,
}

/// The preview with its view switch and download.
#[component]
pub fn Stage(props: &StageProps) -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let design = state.design();

    let on_artwork = {
        let state = state.clone();
        Callback::from(move |(view, artwork): (ViewId, Artwork)| {
            state.dispatch(Action::Artwork(view, artwork))
        })
    };
    let on_canvas_zone = {
        let state = state.clone();
        Callback::from(move |zone: ZoneId| state.dispatch(Action::SelectZone(zone)))
    };
    let on_view = {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(Action::SetView(v.as_str().into())))
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

    let view_id = state.view.clone();
    let preview = view_id.map(|view| {
        let artwork = state.artwork.get(&view).cloned();
        // The shop's still of this view, while its layers load and the design is the one it shows (the
        // default); checked in that order, so a page past its start compares no designs.
        let still = (props.first_paint.as_ref())
            .and_then(|f| f.still(catalog.id().as_str(), &view))
            .filter(|_| artwork != Some(Artwork::Ready))
            .filter(|_| shows_default(design, &catalog));
        html! {
            <Preview view={view} design={design.clone()} {artwork} {still} {on_artwork} on_select_zone={on_canvas_zone}
                fonts={state.fonts.clone()} highlight={state.highlight.clone()} cache={props.artwork.clone()} />
        }
    });

    html! {
        <section class="stage" aria-labelledby="product-name">
            <div class="stage-card">
                { preview.unwrap_or_default() }
                <ViewSwitch
                    legend={i18n.t("views.heading")}
                    views={views}
                    selected={state.view.as_ref().map(|v| AttrValue::from(v.0.clone()))}
                    on_select={on_view} />
                <PreviewDownload />
            </div>
        </section>
    }
}

/// The PNG download of the view on screen: named after the product and the view, offered once the view has been
/// drawn. In the stage, and in easy mode's last step on narrow phones, where the stage keeps only the preview and
/// the view switch (the stylesheet shows one of the two).
#[component]
pub(super) fn PreviewDownload() -> Html {
    let state = use_app_state();
    let catalog = use_context::<CatalogHandle>().expect("the configurator provides its catalog");
    let i18n = use_i18n();
    let view = state.view.as_ref();
    let file_stem = AttrValue::from(format!(
        "{}-{}",
        catalog.id().as_str(),
        view.map_or("", |v| v.as_str())
    ));
    let ready = view.is_some_and(|v| state.artwork.get(v) == Some(&Artwork::Ready));
    html! { <DownloadImage label={i18n.t("preview.download")} {file_stem} {ready} /> }
}

/// Whether `design` draws as the catalog's default design, which the shop's stills show (a size changes no
/// pixel).
fn shows_default(design: &Design, catalog: &CatalogHandle) -> bool {
    let default = catalog.default_design();
    design.zones == default.zones
        && design.choices == default.choices
        && design.text.values().all(String::is_empty)
}
