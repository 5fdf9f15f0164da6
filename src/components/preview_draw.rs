//! Drawing the preview: composites a view of the design into the preview canvas, only the zones whose paint
//! changed when the canvas already shows that view (the compositor guarantees the same bytes as a full
//! render there), the whole view otherwise, crossfading from the previous one. Each composite is bracketed by
//! `performance.mark`/`measure` (`atelier:composite` full, `atelier:composite:zone` changed zones only) for
//! the bench, and sets `data-rendered`, `data-view` and `data-region` on the canvas for browser tests.

use crate::artwork::ArtworkCache;
use crate::components::preview_canvas;
use crate::state::{CatalogHandle, FontsHandle};
use atelier_core::Design;
use atelier_core::id::ViewId;
use atelier_render::{Frame, Rect, Tint};
use web_sys::HtmlCanvasElement;

/// What the frame (and the canvas) shows now: which product's view, with which paint per zone.
pub struct Painted {
    catalog: CatalogHandle,
    view: ViewId,
    tints: Vec<Option<Tint>>,
    /// Whether personal text was drawn on it.
    had_text: bool,
}

const MARK_START: &str = "atelier:composite:start";
const MARK_END: &str = "atelier:composite:end";
const MEASURE: &str = "atelier:composite";
const MEASURE_ZONE: &str = "atelier:composite:zone";

/// The preview canvas and the one its previous view fades out on.
pub struct Canvases {
    /// The preview canvas.
    pub preview: HtmlCanvasElement,
    /// The canvas the previous view fades out on.
    pub fade: Option<HtmlCanvasElement>,
}

/// Composites `design` in `view_id` into the canvas if that view is decoded: only the zones whose paint
/// changed when the canvas already shows this view, the whole view otherwise (crossfading from the previous
/// one). A design that does not validate (it cannot, the controls only offer valid choices) leaves the last
/// frame.
pub fn draw(
    cache: &mut ArtworkCache,
    painted: &mut Option<Painted>,
    catalog: &CatalogHandle,
    view_id: &ViewId,
    design: &Design,
    fonts: &FontsHandle,
    canvases: &Canvases,
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
        _ => {
            // A new frame holds nothing yet: the next paint must be a full one.
            *painted = None;
            frame.insert(Frame::new(w, h))
        }
    };
    let tints = layers.tints(&valid);
    let full = Rect::full(w, h);
    // Personal text is blended onto the encoded pixels after compositing: a region repaint would blend it twice
    // where the text reaches outside the region, and a font arriving changes pixels with no paint changed. So a
    // view that shows (or showed) text is always repainted whole.
    let has_text = valid
        .texts
        .iter()
        .any(|(placement, _)| placement.view == *view_id);
    let (region, measure) = match painted.as_ref() {
        Some(p)
            if p.catalog == *catalog
                && p.view == *view_id
                && p.tints.len() == tints.len()
                && !has_text
                && !p.had_text =>
        {
            let changed = layers
                .zones()
                .zip(p.tints.iter().zip(&tints))
                .filter(|(_, (before, now))| before != now)
                .filter_map(|(zone, _)| layers.zone_bounds(zone.as_str()))
                .fold(Rect::default(), Rect::union);
            (changed, MEASURE_ZONE)
        }
        // The same view with text: whole, without a crossfade.
        Some(p) if p.catalog == *catalog && p.view == *view_id => (full, MEASURE),
        Some(_) => {
            if let Some(fade) = &canvases.fade {
                preview_canvas::crossfade(&canvases.preview, fade);
            }
            (full, MEASURE)
        }
        None => (full, MEASURE),
    };
    if !region.is_empty() {
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark(MARK_START);
        }
        layers.render_tints_region(&tints, frame, region);
        atelier_render::draw_texts(&valid, view_id.as_str(), fonts, frame);
        if let Some(p) = &performance {
            let _ = p.mark(MARK_END);
            let _ = p.measure_with_start_mark_and_end_mark(measure, MARK_START, MARK_END);
            // Only the measures matter; dropping the marks keeps the timeline from growing twice as fast.
            p.clear_marks_with_mark_name(MARK_START);
            p.clear_marks_with_mark_name(MARK_END);
        }
        if !preview_canvas::put_frame(&canvases.preview, frame, region) {
            return;
        }
        if *renders == 0 {
            crate::timing::mark("first_canvas");
        }
    }
    *painted = Some(Painted {
        catalog: catalog.clone(),
        view: view_id.clone(),
        tints,
        had_text: has_text,
    });
    // Counted even when nothing visible changed (a new size, say): the canvas shows this design now.
    *renders += 1;
    let canvas = &canvases.preview;
    let _ = canvas.set_attribute("data-rendered", &renders.to_string());
    let _ = canvas.set_attribute("data-view", view_id.as_str());
    let kind = if region == full { "full" } else { "zone" };
    let _ = canvas.set_attribute("data-region", kind);
}
