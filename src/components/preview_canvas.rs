//! Painting the preview's canvases: the composited frame straight from wasm memory (only the changed
//! rectangle), the crossfade snapshot of the previous view, and the zone highlight on its own transparent
//! canvas above the preview.
//!
//! The frame is handed to `putImageData` as a `Uint8ClampedArray` view over wasm memory, made anew for each
//! paint because memory can grow (which detaches older views), so a paint copies the pixels once, into the
//! canvas, and never through an intermediate JS array. Compositing and deciding what to paint are the
//! preview component's job.

use atelier_render::outline::Outline;
use atelier_render::{Frame, Rect};
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// The canvas's 2D context.
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}

/// Puts `dirty` of `frame` into the canvas, reading the pixels where the compositor wrote them.
pub fn put_frame(canvas: &HtmlCanvasElement, frame: &Frame, dirty: Rect) -> bool {
    let Some(ctx) = context(canvas) else {
        return false;
    };
    let rgba = frame.rgba();
    let Ok(memory) = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>() else {
        return false;
    };
    // wasm32 addresses are 32-bit: the pointer is the byte offset into memory.
    let offset = rgba.as_ptr() as usize as u32;
    let view = js_sys::Uint8ClampedArray::new_with_byte_offset_and_length(
        &memory.buffer(),
        offset,
        rgba.len() as u32,
    );
    let Ok(image) =
        ImageData::new_with_js_u8_clamped_array_and_sh(&view, frame.width(), frame.height())
    else {
        return false;
    };
    ctx.put_image_data_with_dirty_x_and_dirty_y_and_dirty_width_and_dirty_height(
        &image,
        0.0,
        0.0,
        f64::from(dirty.x0),
        f64::from(dirty.y0),
        f64::from(dirty.width()),
        f64::from(dirty.height()),
    )
    .is_ok()
}

/// Shows a copy of `from` on `fade` (stacked above it) and lets it fade out: the previous view dissolving into
/// the next. The fade is CSS (`.preview-fade`), so `prefers-reduced-motion` turns it into a cut.
pub fn crossfade(from: &HtmlCanvasElement, fade: &HtmlCanvasElement) {
    let Some(ctx) = context(fade) else {
        return;
    };
    fade.set_width(from.width());
    fade.set_height(from.height());
    if ctx
        .draw_image_with_html_canvas_element(from, 0.0, 0.0)
        .is_err()
    {
        return;
    }
    let list = fade.class_list();
    let _ = list.add_1("shown");
    // Reading layout applies the "shown" state before it is removed, so the transition runs from it.
    let _ = fade.get_bounding_client_rect();
    let _ = list.remove_1("shown");
}

/// Clears the highlight canvas and draws `outline` on it, if any.
pub fn highlight(canvas: &HtmlCanvasElement, outline: Option<&Outline>) {
    let Some(ctx) = context(canvas) else {
        return;
    };
    ctx.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    let Some(outline) = outline else {
        return;
    };
    let r = outline.rect;
    if let Ok(image) =
        ImageData::new_with_u8_clamped_array_and_sh(Clamped(&outline.rgba), r.width(), r.height())
    {
        let _ = ctx.put_image_data(&image, f64::from(r.x0), f64::from(r.y0));
    }
}
