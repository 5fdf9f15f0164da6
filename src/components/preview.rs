//! The product preview: a `<canvas>` the compositor draws the current view into, with the artwork's loading
//! progress while the layers arrive, and click-to-select of the part under the pointer.
//!
//! It owns the decoded-layer cache and the reusable frame (in a `use_mut_ref`, so renders never re-decode),
//! starts loading a view the first time it is shown, and re-composites whenever the design or view changes.
//! Each composite is bracketed by `performance.mark`/`measure` named `atelier:composite` for the bench, and
//! sets `data-rendered` (a counter) and `data-view` on the canvas for browser tests.

use crate::artwork::{ArtworkCache, load_view};
use crate::i18n::use_i18n;
use crate::state::{Artwork, CatalogHandle, FontsHandle};
use atelier_core::Design;
use atelier_core::id::{ViewId, ZoneId};
use atelier_render::Frame;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};
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
    /// Reports artwork progress for a view.
    pub on_artwork: Callback<(ViewId, Artwork)>,
    /// A part was clicked on the canvas.
    pub on_select_zone: Callback<ZoneId>,
}

const MARK_START: &str = "atelier:composite:start";
const MARK_END: &str = "atelier:composite:end";
const MEASURE: &str = "atelier:composite";

/// Draws the current view of the design.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let i18n = use_i18n();
    let catalog = use_context::<CatalogHandle>();
    let cache = use_mut_ref(ArtworkCache::default);
    let canvas_ref = use_node_ref();
    let retry = use_state(|| 0u32);

    // Load the view's layers the first time it is shown (and again after "Try again").
    {
        let (cache, catalog, on_artwork) =
            (cache.clone(), catalog.clone(), props.on_artwork.clone());
        let locale = i18n.locale();
        use_effect_with((props.view.clone(), *retry), move |(view_id, _)| {
            let mut c = cache.borrow_mut();
            let Some(view) = catalog.as_ref().and_then(|cat| cat.view(view_id.as_str())) else {
                return;
            };
            if c.views.contains_key(view_id) || !c.requested.insert(view_id.clone()) {
                return;
            }
            let (view, view_id, cache) = (view.clone(), view_id.clone(), cache.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let progress = |loaded, total| {
                    on_artwork.emit((view_id.clone(), Artwork::Loading { loaded, total }));
                };
                let decoding = || on_artwork.emit((view_id.clone(), Artwork::Decoding));
                match load_view(&view, locale, progress, decoding).await {
                    Ok(layers) => {
                        cache.borrow_mut().views.insert(view_id.clone(), layers);
                        on_artwork.emit((view_id, Artwork::Ready));
                    }
                    Err(detail) => {
                        cache.borrow_mut().requested.remove(&view_id);
                        on_artwork.emit((view_id, Artwork::Failed(detail)));
                    }
                }
            });
        });
    }

    // Composite whenever the design or view changes, or the view's artwork becomes ready.
    {
        let (cache, catalog, canvas_ref) = (cache.clone(), catalog.clone(), canvas_ref.clone());
        let ready = props.artwork == Some(Artwork::Ready);
        use_effect_with(
            (
                props.view.clone(),
                props.design.clone(),
                ready,
                props.fonts.clone(),
            ),
            move |(view_id, design, _, fonts)| {
                if let (Some(catalog), Some(canvas)) =
                    (catalog, canvas_ref.cast::<HtmlCanvasElement>())
                {
                    draw(
                        &mut cache.borrow_mut(),
                        &catalog,
                        view_id,
                        design,
                        fonts,
                        &canvas,
                    );
                }
            },
        );
    }

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
        let canvas_ref = canvas_ref.clone();
        Callback::from(move |e: MouseEvent| {
            let over = zone_at(&e).is_some();
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                let _ = canvas.set_attribute("data-over-zone", if over { "true" } else { "false" });
            }
        })
    };

    let status = match &props.artwork {
        None => Some(loading_html(&i18n, 0, view.files().len())),
        Some(Artwork::Loading { loaded, total }) => Some(loading_html(&i18n, *loaded, *total)),
        Some(Artwork::Decoding) => Some(html! {
            <>
                <p>{ i18n.t("preview.preparing") }</p>
                <progress></progress>
            </>
        }),
        Some(Artwork::Ready) => None,
        Some(Artwork::Failed(detail)) => {
            let onretry = {
                let retry = retry.clone();
                Callback::from(move |_| retry.set(*retry + 1))
            };
            Some(html! {
                <>
                    <p>{ i18n.f("preview.load_failed", &[("detail", detail.clone())]) }</p>
                    <button type="button" class="button secondary" onclick={onretry}>{ i18n.t("app.retry") }</button>
                </>
            })
        }
    };
    let label = i18n.f(
        "preview.label",
        &[
            ("product", i18n.pick(&catalog.name).to_owned()),
            ("view", i18n.pick(&view.name).to_owned()),
        ],
    );
    let busy = status.is_some();

    html! {
        <div class="preview-stage" aria-busy={busy.to_string()}>
            <canvas
                id="preview"
                ref={canvas_ref}
                width={view.width.to_string()}
                height={view.height.to_string()}
                role="img"
                aria-label={label}
                {onclick}
                {onmousemove}
            />
            <div class="preview-status" role="status" aria-live="polite">
                if let Some(status) = status {
                    <div class="preview-status-box">{ status }</div>
                }
            </div>
        </div>
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

/// Composites `design` in `view_id` into the canvas if that view is decoded; a design that does not validate
/// (it cannot, the controls only offer valid choices) leaves the last frame.
fn draw(
    cache: &mut ArtworkCache,
    catalog: &CatalogHandle,
    view_id: &ViewId,
    design: &Design,
    fonts: &FontsHandle,
    canvas: &HtmlCanvasElement,
) {
    let Ok(valid) = design.validate(catalog) else {
        return;
    };
    let ArtworkCache {
        views,
        frame,
        renders,
        ..
    } = cache;
    let Some(layers) = views.get(view_id) else {
        return;
    };
    let (w, h) = (layers.width(), layers.height());
    let frame = match frame {
        Some(f) if f.width() == w && f.height() == h => f,
        _ => frame.insert(Frame::new(w, h)),
    };
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark(MARK_START);
    }
    layers.render(&valid, frame);
    atelier_render::draw_texts(&valid, view_id.as_str(), fonts, frame);
    if let Some(p) = &performance {
        let _ = p.mark(MARK_END);
        let _ = p.measure_with_start_mark_and_end_mark(MEASURE, MARK_START, MARK_END);
        // Only the measures matter; dropping the marks keeps the timeline from growing twice as fast.
        p.clear_marks_with_mark_name(MARK_START);
        p.clear_marks_with_mark_name(MARK_END);
    }
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let Ok(image) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(frame.rgba()), w, h) else {
        return;
    };
    if ctx.put_image_data(&image, 0.0, 0.0).is_ok() {
        *renders += 1;
        let _ = canvas.set_attribute("data-rendered", &renders.to_string());
        let _ = canvas.set_attribute("data-view", view_id.as_str());
    }
}
