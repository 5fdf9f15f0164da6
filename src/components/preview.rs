//! The product preview: a `<canvas>` the compositor draws the current view into, with the artwork's loading
//! progress while the layers arrive, click-to-select of the part under the pointer, the highlight of the part
//! being edited, and a crossfade between views.
//!
//! It fills the app's decoded-layer cache (shared with the order's proofs, so renders never re-decode),
//! starts loading a view the first time it is shown, and re-composites whenever the design or view changes:
//! when only some zones' paint changed in the view already shown, only those zones' rectangle is
//! recomposited and put (the compositor guarantees the same bytes as a full render), otherwise the whole view.
//! Each composite is bracketed by `performance.mark`/`measure` named `atelier:composite` (full) or
//! `atelier:composite:zone` (changed zones only) for the bench, and sets `data-rendered` (a counter),
//! `data-view` and `data-region` (`full` or `zone`) on the canvas for browser tests.
//!
//! The highlight (an outline of the part being edited, or hovered on the canvas) is drawn on a separate
//! transparent canvas above the preview, so the preview's pixels, which a download or the shop's proof shows,
//! never contain it.

use crate::artwork::SharedArtwork;
use crate::components::preview_canvas;
use crate::components::preview_draw::{Canvases, Painted, draw};
use crate::components::preview_load::use_view_load;
use crate::first_paint::Still;
use crate::i18n::use_i18n;
use crate::state::{Artwork, CatalogHandle, FontsHandle};
use atelier_core::Design;
use atelier_core::design_words::describe;
use atelier_core::id::{ViewId, ZoneId};
use atelier_render::outline::Outline;
use std::collections::HashMap;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Properties of [`Preview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The view to show.
    pub view: ViewId,
    /// The design to draw.
    pub design: Design,
    /// The fonts loaded for its personal text (a text is drawn once its font is here).
    pub fonts: FontsHandle,
    /// How far this view's artwork has loaded, if asked for yet.
    pub artwork: Option<Artwork>,
    /// The shop's still of this view of the design, shown until the canvas draws the same pixels.
    #[prop_or_default]
    pub still: Option<Still>,
    /// Reports artwork progress for a view.
    pub on_artwork: Callback<(ViewId, Artwork)>,
    /// A part was clicked on the canvas.
    pub on_select_zone: Callback<ZoneId>,
    /// The part whose controls are hovered or focused, to highlight.
    #[prop_or_default]
    pub highlight: Option<ZoneId>,
    /// The decoded views and the reusable frame.
    pub cache: SharedArtwork,
}

/// The highlight's line color (amber: it shows on white and on black products; the halo is dark).
const HIGHLIGHT: [u8; 3] = [255, 176, 32];

/// Draws the current view of the design.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let i18n = use_i18n();
    let catalog = use_context::<CatalogHandle>();
    let cache = props.cache.0.clone();
    let painted = use_mut_ref(|| None::<Painted>);
    let canvas_ref = use_node_ref();
    let fade_ref = use_node_ref();
    let highlight_ref = use_node_ref();
    let hovered = use_state(|| None::<ZoneId>);
    let retry = use_state(|| 0u32);

    // Load the view's layers the first time it is shown (and again after "Try again").
    use_view_load(
        &props.view,
        &props.design,
        &props.cache,
        &props.on_artwork,
        &retry,
    );

    // Composite whenever the design or view changes, or the view's artwork becomes ready.
    let ready = props.artwork == Some(Artwork::Ready);
    use_composite(props, ready, &painted, &canvas_ref, &fade_ref);
    // Outline the part being edited (its controls hovered or focused, or hovered on the canvas).
    let zone = props.highlight.clone().or_else(|| (*hovered).clone());
    use_highlight(&props.view, zone, ready, &props.cache, &highlight_ref);

    let Some(catalog) = catalog else {
        return html! {};
    };
    let Some(view) = catalog.view(props.view.as_str()) else {
        return html! {};
    };

    let zone_at = {
        let (cache, canvas_ref, view_id) = (cache.clone(), canvas_ref.clone(), props.view.clone());
        move |e: &MouseEvent| -> Option<ZoneId> {
            let canvas = canvas_ref.cast::<HtmlCanvasElement>()?;
            let rect = canvas.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return None;
            }
            // The canvas is CSS-scaled: map CSS pixels to backing-store pixels.
            let x =
                (f64::from(e.client_x()) - rect.left()) * f64::from(canvas.width()) / rect.width();
            let y =
                (f64::from(e.client_y()) - rect.top()) * f64::from(canvas.height()) / rect.height();
            if x < 0.0 || y < 0.0 {
                return None;
            }
            let c = cache.borrow();
            c.views.get(&view_id)?.zone_at(x as u32, y as u32).cloned()
        }
    };
    let onclick = {
        let (zone_at, on_select) = (zone_at.clone(), props.on_select_zone.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(zone) = zone_at(&e) {
                on_select.emit(zone);
            }
        })
    };
    let onmousemove = {
        let (canvas_ref, hovered) = (canvas_ref.clone(), hovered.clone());
        Callback::from(move |e: MouseEvent| {
            let zone = zone_at(&e);
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                let over = if zone.is_some() { "true" } else { "false" };
                let _ = canvas.set_attribute("data-over-zone", over);
            }
            if *hovered != zone {
                hovered.set(zone);
            }
        })
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(None))
    };

    let status = status_html(&i18n, props.artwork.as_ref(), view.files().len(), &retry);
    // The design in words is the canvas's text alternative, and is said politely after each change.
    let label = describe(&catalog, &props.design, &props.view, i18n.locale());
    let busy = status.is_some();
    // Until the layers are ready the shop's still stands in for the canvas: the product is on screen, so the
    // progress is only announced, not drawn over it. The canvas draws the same pixels in the task that
    // removes it (effects run before the browser paints).
    let loading = matches!(
        props.artwork,
        None | Some(Artwork::Loading { .. } | Artwork::Decoding)
    );
    let still = props.still.clone().filter(|_| loading);
    let status_class = classes!(
        "preview-status-box",
        still.is_some().then_some("visually-hidden")
    );

    html! {
        <div class="preview-stage" aria-busy={busy.to_string()}>
            <canvas
                id="preview"
                ref={canvas_ref}
                width={view.width.to_string()}
                height={view.height.to_string()}
                role="img"
                aria-label={label.clone()}
                {onclick}
                {onmousemove}
                {onmouseleave}
            />
            if let Some(Still { src, srcset, sizes }) = still {
                <img class="preview-still over" src={src} srcset={srcset} sizes={sizes} alt="" aria-hidden="true"
                    width={view.width.to_string()} height={view.height.to_string()} />
            }
            <canvas class="preview-fade" ref={fade_ref} aria-hidden="true" />
            <canvas
                class="preview-highlight"
                ref={highlight_ref}
                width={view.width.to_string()}
                height={view.height.to_string()}
                aria-hidden="true"
            />
            <p id="design-description" class="visually-hidden" aria-live="polite">{ label.clone() }</p>
            <div class="preview-status" role="status" aria-live="polite">
                if let Some(status) = status {
                    <div class={status_class}>{ status }</div>
                }
            </div>
        </div>
    }
}

/// Composites the view whenever the design or view changes, or the view's artwork becomes ready.
#[hook]
fn use_composite(
    props: &PreviewProps,
    ready: bool,
    painted: &std::rc::Rc<std::cell::RefCell<Option<Painted>>>,
    canvas_ref: &NodeRef,
    fade_ref: &NodeRef,
) {
    let catalog = use_context::<CatalogHandle>();
    let (cache, painted) = (props.cache.0.clone(), painted.clone());
    let (canvas_ref, fade_ref) = (canvas_ref.clone(), fade_ref.clone());
    use_effect_with(
        (
            props.view.clone(),
            props.design.clone(),
            ready,
            props.fonts.clone(),
        ),
        move |(view_id, design, _, fonts)| {
            if let (Some(catalog), Some(canvas)) = (catalog, canvas_ref.cast::<HtmlCanvasElement>())
            {
                let canvases = Canvases {
                    preview: canvas,
                    fade: fade_ref.cast::<HtmlCanvasElement>(),
                };
                draw(
                    &mut cache.borrow_mut(),
                    &mut painted.borrow_mut(),
                    &catalog,
                    view_id,
                    design,
                    fonts,
                    &canvases,
                );
            }
        },
    );
}

/// Outlines `zone` of the view on the highlight canvas (or clears it), its outline made once per view and
/// zone.
#[hook]
fn use_highlight(
    view: &ViewId,
    zone: Option<ZoneId>,
    ready: bool,
    cache: &SharedArtwork,
    highlight_ref: &NodeRef,
) {
    let outlines = use_mut_ref(HashMap::<(ViewId, ZoneId), Option<Outline>>::new);
    let (cache, highlight_ref) = (cache.0.clone(), highlight_ref.clone());
    use_effect_with((view.clone(), zone, ready), move |(view_id, zone, _)| {
        let Some(canvas) = highlight_ref.cast::<HtmlCanvasElement>() else {
            return;
        };
        let cache = cache.borrow();
        let mut outlines = outlines.borrow_mut();
        let outline = zone.as_ref().and_then(|zone| {
            let layers = cache.views.get(view_id)?;
            outlines
                .entry((view_id.clone(), zone.clone()))
                .or_insert_with(|| layers.zone_outline(zone.as_str(), HIGHLIGHT))
                .as_ref()
        });
        preview_canvas::highlight(&canvas, outline);
    });
}

/// What the status line says while the view's artwork is not ready (`None` once it is).
fn status_html(
    i18n: &crate::i18n::I18n,
    artwork: Option<&Artwork>,
    files: usize,
    retry: &UseStateHandle<u32>,
) -> Option<Html> {
    match artwork {
        None => Some(loading_html(i18n, 0, files)),
        Some(Artwork::Loading { loaded, total }) => Some(loading_html(i18n, *loaded, *total)),
        Some(Artwork::Decoding) => Some(html! {
            <>
                <p>{ i18n.t("preview.preparing") }</p>
                <progress></progress>
            </>
        }),
        Some(Artwork::Ready) => None,
        Some(Artwork::Failed(e)) => {
            let onretry = {
                let retry = retry.clone();
                Callback::from(move |_| retry.set(*retry + 1))
            };
            Some(html! {
                <>
                    <p>{ i18n.f("preview.load_failed", &[("detail", e.describe(i18n.locale()))]) }</p>
                    <button type="button" class="button secondary" onclick={onretry}>{ i18n.t("app.retry") }</button>
                </>
            })
        }
    }
}

fn loading_html(i18n: &crate::i18n::I18n, loaded: usize, total: usize) -> Html {
    html! {
        <>
            <p>{ i18n.f("app.loading_artwork", &[("loaded", loaded.to_string()), ("total", total.to_string())]) }</p>
            <progress max={total.to_string()} value={loaded.to_string()}></progress>
        </>
    }
}
