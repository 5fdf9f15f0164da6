//! The page's first paint, written by the shop (`crates/atelier-shop/src/page.rs`): the configurator's frame
//! with a still of the product's default design, on screen before this wasm has even arrived.
//!
//! The app reads what the shop said of it once at start ([`FirstPaint::read`]: the product and each view's still,
//! from the page's `#first-paint-data` JSON), leaves the frame on screen while the product loads (rendering
//! nothing of its own), and retires it in the same task in which it draws its own page ([`retire`]), so the
//! browser never paints the page without a product. The preview then shows the view's still until its layers
//! are ready and the canvas draws the same pixels (the shop drew them with the same renderer; a browser test
//! compares them).

use atelier_core::id::ViewId;
use serde::Deserialize;
use std::collections::HashMap;

/// What the shop's first paint holds.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct FirstPaint {
    /// The product it shows.
    pub product: String,
    /// The preview's width on screen, as `<img sizes>`.
    pub sizes: String,
    /// Each view's stills of the product's default design, by view id.
    pub stills: HashMap<String, Still>,
}

/// One view's stills.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Still {
    /// The still at the view's own size: the canvas's very pixels.
    pub src: String,
    /// Every width of it, as `<img srcset>` (smaller ones for small screens).
    pub srcset: String,
    /// As `<img sizes>`: [`FirstPaint::sizes`].
    #[serde(skip)]
    pub sizes: String,
}

/// The element the shop writes the first paint in.
const FRAME_ID: &str = "first-paint";
/// The still in it.
const STILL_ID: &str = "first-paint-still";
/// Its data, a `<script type="application/json">` (data, never run).
const DATA_ID: &str = "first-paint-data";

impl FirstPaint {
    /// The page's first paint, if the shop wrote one and the frame is still on screen.
    pub fn read() -> Option<FirstPaint> {
        let document = web_sys::window()?.document()?;
        document.get_element_by_id(FRAME_ID)?;
        let text = document.get_element_by_id(DATA_ID)?.text_content()?;
        serde_json::from_str(&text).ok()
    }

    /// The still of `view` of `product`'s default design, if the shop drew one.
    pub fn still(&self, product: &str, view: &ViewId) -> Option<Still> {
        let still = self
            .stills
            .get(view.as_str())
            .filter(|_| self.product == product)?;
        Some(Still {
            sizes: self.sizes.clone(),
            ..still.clone()
        })
    }
}

/// Takes the shop's frame off the page (the app's own page replaces it), all but its still, which stays in the
/// document, invisible and inert, with no ids: the browser counts the still as the page's largest paint, and
/// taking that element out of the document makes the next one that paints count instead (Chrome records it
/// so in the traces Lighthouse reads), which would put the product's first paint after the app's start.
pub fn retire() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(frame) = document.get_element_by_id(FRAME_ID) else {
        return;
    };
    let Some(still) = document.get_element_by_id(STILL_ID) else {
        frame.remove();
        return;
    };
    // Everything but the still and the elements around it goes; those lose their ids (the app's page has the
    // same ones) and the frame is hidden from people, assistive technology and the keyboard alike.
    let mut keep: web_sys::Element = still;
    while let Some(parent) = keep.parent_element() {
        let children = parent.children();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i)
                && child != keep
            {
                child.remove();
            }
        }
        keep.remove_attribute("id").ok();
        if parent == frame {
            break;
        }
        keep = parent;
    }
    frame.remove_attribute("id").ok();
    frame.set_class_name("first-paint-retired");
    frame.set_attribute("aria-hidden", "true").ok();
    frame.set_attribute("inert", "").ok();
}
