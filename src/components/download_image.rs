//! "Download image (PNG)": saves the preview canvas's current pixels as a PNG named after the product and view.
//!
//! It reads the preview canvas itself (`#preview`, `toBlob`), whose pixels are exactly the compositor's frame
//! (the highlight and the crossfade live on other canvases), so the file is the same image the shop's PNG
//! endpoint renders for that design and view.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Blob, HtmlAnchorElement, HtmlCanvasElement, Url};
use yew::prelude::*;

/// Properties of [`DownloadImage`].
#[derive(Properties, PartialEq)]
pub struct DownloadImageProps {
    /// The button's text.
    pub label: AttrValue,
    /// The file name, without `.png`.
    pub file_stem: AttrValue,
    /// Whether the preview shows a finished image yet.
    pub ready: bool,
}

/// A button that downloads the preview as a PNG file.
#[component]
pub fn DownloadImage(props: &DownloadImageProps) -> Html {
    let onclick = {
        let name = format!("{}.png", props.file_stem);
        Callback::from(move |_: MouseEvent| save_preview(&name))
    };
    html! {
        // On narrow phones only "PNG" shows, so the pinned preview's controls fit one row; the full label stays the
        // button's accessible name (and contains the visible "PNG", WCAG 2.5.3).
        <button type="button" class="button secondary download-image" disabled={!props.ready} {onclick}>
            <span class="label-long">{ props.label.clone() }</span>
            <span class="label-short" aria-hidden="true">{ "PNG ↓" }</span>
        </button>
    }
}

/// Encodes the preview canvas as PNG and hands it to the browser as a download called `name`.
fn save_preview(name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(canvas) = document
        .get_element_by_id("preview")
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    let name = name.to_owned();
    let on_blob = Closure::once_into_js(move |blob: Option<Blob>| {
        let Some(blob) = blob else { return };
        let Ok(url) = Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let link = document
            .create_element("a")
            .ok()
            .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok());
        if let Some(link) = link {
            link.set_href(&url);
            link.set_download(&name);
            link.click();
        }
        // The download reads the URL after this task: free it a minute later, not now.
        let revoke = Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                60_000,
            );
        }
    });
    let _ = canvas.to_blob(on_blob.unchecked_ref());
}
