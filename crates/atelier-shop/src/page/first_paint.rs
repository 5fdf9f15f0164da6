//! The product's first paint in the app's page: the configurator's frame as the app draws it, with each view's
//! stills ([`crate::still`]) named for the browser to pick from, and the data the app reads of it
//! (`src/first_paint.rs`). Where it goes in the page, and in which language, is [`super`]'s business.

use crate::AppState;
use crate::catalogs::Loaded;
use crate::still::Still;
use atelier_core::{Locale, messages};
use maud::{Markup, PreEscaped, html};
use serde::Serialize;
use std::collections::BTreeMap;

/// Every view's stills of `product`, as the page names them.
pub(super) async fn stills_of(state: &AppState, product: &str) -> Vec<StillRef> {
    match state.catalogs.stills_of(product).await {
        Some(Ok(stills)) => StillRef::per_view(product, &stills),
        // The page works without: the app draws the product once its wasm is here.
        Some(Err(e)) => {
            tracing::error!(%product, error = %crate::error::chain(&*e), "no first-paint still");
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// What the page says of one view's stills: the full-size one, and every width for the browser to pick from.
#[derive(Serialize)]
pub(super) struct StillRef {
    #[serde(skip)]
    view: String,
    /// The still at the view's own size: the canvas's very pixels.
    src: String,
    /// Every width of it, as an `<img srcset>`.
    srcset: String,
}

impl StillRef {
    /// One per view, in catalog view order (the order [`crate::still::render`] makes them in).
    fn per_view(product: &str, stills: &[Still]) -> Vec<StillRef> {
        let mut views: Vec<StillRef> = Vec::new();
        for still in stills {
            let entry = format!("{} {}w", still.path(product), still.width);
            match views.iter_mut().find(|v| v.view == still.view.as_str()) {
                Some(view) => view.srcset = format!("{entry}, {}", view.srcset),
                // A view's first still is its full-size one.
                None => views.push(StillRef {
                    view: still.view.0.clone(),
                    src: still.path(product),
                    srcset: entry,
                }),
            }
        }
        views
    }
}

/// The preview's width on screen, as `<img sizes>` (the stylesheet's `.preview-stage`): a third of the screen's
/// height on a phone, where the preview stays pinned above the options, and at most 640 px beside the options
/// on a larger screen. (An embedded page has no first paint, so the frame's own layout needs no entry.)
const SIZES: &str = "(max-width: 880px) min(100vw, 34vh), 640px";

/// What the app reads of the first paint (`src/first_paint.rs`): the product and each view's stills.
#[derive(Serialize)]
struct FirstPaintData<'a> {
    product: &'a str,
    sizes: &'a str,
    stills: BTreeMap<&'a str, &'a StillRef>,
}

/// `data` as the text of a `<script type="application/json">`: JSON, with every `<` escaped so no `</script>`
/// (nor `<!--`) inside a string can end the element early.
fn script_json(data: &FirstPaintData<'_>) -> String {
    serde_json::to_string(data)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
}

/// The configurator's frame with the still where the canvas will be: the markup of `src/app.rs`,
/// `configurator.rs`, `preview.rs`, `view_switch.rs` and `download_image.rs` before anything is chosen.
pub(super) fn shell(loaded: &Loaded, stills: &[StillRef], locale: Locale) -> Markup {
    let catalog = &loaded.catalog;
    let data = FirstPaintData {
        product: catalog.id().as_str(),
        sizes: SIZES,
        stills: stills.iter().map(|s| (s.view.as_str(), s)).collect(),
    };
    let still = stills.first();
    let t = |key: &str| messages::text(locale, key);
    let name = catalog.name().get(locale);
    let first_view = catalog.views().first();
    // The still shows the default design: its text alternative is that design in words, as the app's canvas
    // will say it.
    let label = first_view.map(|v| {
        atelier_core::design_words::describe(catalog, &catalog.default_design(), &v.id, locale)
    });
    // `hidden` until the stylesheet applies (`app.css` shows it with `display: block`): a page painted once
    // before its stylesheet (seen inside retailers' frames) would otherwise show the frame unstyled and then
    // move all of it, a layout shift of nearly the whole frame.
    html! {
        div #first-paint hidden {
            script #first-paint-data type="application/json" { (PreEscaped(script_json(&data))) }
            a.skip-link href="#options" { (t("app.skip_to_options")) }
            header.topbar {
                div.brand {
                    span.brand-mark aria-hidden="true" {}
                    span.brand-name { (t("app.title")) }
                    span.brand-tagline { (t("app.tagline")) }
                }
                div.topbar-actions {
                    button.easy-switch type="button" role="switch" aria-checked="false" disabled {
                        span.easy-track aria-hidden="true" { span.easy-thumb {} }
                        span { (t("easy.switch")) }
                    }
                    div.language-switch role="group" aria-label=(t("app.language")) {
                        @for l in Locale::ALL {
                            button.lang-button type="button" data-locale=(l.tag()) lang=(l.tag())
                                aria-pressed=((l == locale).to_string()) disabled {
                                (t(&format!("language.{}", l.tag())))
                            }
                        }
                    }
                }
            }
            main.page {
                div.configurator {
                    div.product-head {
                        h1 #product-name { (name) }
                        p.product-description { (catalog.description().get(locale)) }
                    }
                    section.stage aria-labelledby="product-name" {
                        div.stage-card {
                            div.preview-stage aria-busy="true" {
                                @if let (Some(still), Some(view)) = (still, first_view) {
                                    img #first-paint-still .preview-still src=(still.src) srcset=(still.srcset) sizes=(SIZES)
                                        data-view=(still.view)
                                        width=(view.width) height=(view.height)
                                        alt=(label.clone().unwrap_or_default()) fetchpriority="high";
                                }
                            }
                            @if catalog.views().len() > 1 {
                                fieldset.view-switch disabled {
                                    legend.visually-hidden { (t("views.heading")) }
                                    div.segments {
                                        @for (i, v) in catalog.views().iter().enumerate() {
                                            label.segment for=(format!("view-{}", v.id)) {
                                                input type="radio" id=(format!("view-{}", v.id)) name="view"
                                                    value=(v.id.as_str()) checked[i == 0];
                                                span { (v.name.get(locale)) }
                                            }
                                        }
                                    }
                                }
                            }
                            button.button.secondary.download-image type="button" disabled {
                                (t("preview.download"))
                            }
                        }
                    }
                    section #options .panel tabindex="-1" {
                        div.page-status role="status" aria-live="polite" {
                            div.spinner aria-hidden="true" {}
                            p { (t("app.loading_catalog")) }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_in_the_page_cannot_end_its_script_element() {
        let still = StillRef {
            view: "side".into(),
            src: "/x</script><script>alert(1)</script>".into(),
            srcset: "<!--".into(),
        };
        let data = FirstPaintData {
            product: "p",
            sizes: "100vw",
            stills: [("side", &still)].into_iter().collect(),
        };
        let text = script_json(&data);
        assert!(!text.contains('<'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back["stills"]["side"]["src"], still.src);
    }

    #[test]
    fn a_views_stills_become_one_srcset() {
        let still = |view: &str, width: u32| Still {
            view: view.into(),
            width,
            png: bytes::Bytes::new(),
            hash: format!("h{width}"),
        };
        let refs = StillRef::per_view(
            "p",
            &[still("side", 1024), still("side", 512), still("top", 1024)],
        );
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].src, "/api/products/p/stills/side-1024.h1024.png");
        assert_eq!(
            refs[0].srcset,
            "/api/products/p/stills/side-512.h512.png 512w, /api/products/p/stills/side-1024.h1024.png 1024w"
        );
        assert_eq!(refs[1].view, "top");
    }
}
