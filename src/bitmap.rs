//! Reading an image's pixels with the browser's own decoder: `createImageBitmap` decodes (off the main thread
//! in Chromium), an `OffscreenCanvas` hands back the RGBA bytes. Used for the layer files
//! ([`crate::artwork`]) and the shopper's photo ([`crate::photo`]); what the pixels mean is theirs.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ImageBitmap, ImageBitmapOptions, OffscreenCanvas, OffscreenCanvasRenderingContext2d,
};

/// Decodes `blob` with `options`; `None` if the browser cannot.
pub async fn decode(blob: &Blob, options: &ImageBitmapOptions) -> Option<ImageBitmap> {
    let promise = web_sys::window()?
        .create_image_bitmap_with_blob_and_image_bitmap_options(blob, options)
        .ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// The RGBA bytes of `bitmap`, row-major, as a 2D canvas holds them: exact for opaque pixels, premultiplied
/// and back (so possibly off by a few levels) for translucent ones.
pub fn pixels(bitmap: &ImageBitmap) -> Option<Vec<u8>> {
    let (w, h) = (bitmap.width(), bitmap.height());
    let canvas = OffscreenCanvas::new(w, h).ok()?;
    let ctx: OffscreenCanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_image_bitmap(bitmap, 0.0, 0.0).ok()?;
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?;
    Some(data.data().0)
}
