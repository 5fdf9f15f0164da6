//! The app's page (`/` and `/index.html`): trunk's `index.html` with the product's first paint written into it,
//! so a shopper sees the product before the app's wasm has arrived.
//!
//! The first paint ([`shell`]) is the configurator's frame as the app draws it (the same elements and classes:
//! top bar, product name, the preview's place, the view switch) with the product's still ([`crate::still`]) where
//! the canvas will be, and a status where the options will be. The app leaves it on screen while the product
//! loads and removes it in the same task in which it draws its own page (`src/first_paint.rs`), where the
//! preview shows the same still until the canvas has drawn the same pixels. The page's bootstrap script
//! (`Trunk.toml`'s `pattern_script`) starts the app's wasm only once the still has loaded: on a slow connection
//! the two would otherwise share the bandwidth and the product would appear later.
//!
//! Inside a retailer's frame (`?embed=1`) the page is trunk's as built, for now: see [`index`].
//!
//! The language is the one the app will choose (`?lang=`, else the browser's first language, which is the first
//! tag of `Accept-Language`); an unknown product gets the plain page, and the app says what is wrong.

use crate::AppState;
use crate::catalogs::Loaded;
use crate::still::Still;
use atelier_core::{Locale, messages};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, PreEscaped, html};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// The product shown when the address names none (the app's `url::DEFAULT_PRODUCT`).
pub const DEFAULT_PRODUCT: &str = "runner-one";

/// Trunk's `index.html`, read once when the router is built.
#[derive(Clone)]
pub struct AppPage(Option<Arc<str>>);

impl AppPage {
    /// The built app's page in `app_dir`, if there is one (a shop without a built app serves none).
    pub fn read(app_dir: &Path) -> AppPage {
        AppPage(
            std::fs::read_to_string(app_dir.join("index.html"))
                .ok()
                .map(Into::into),
        )
    }
}

/// What the address asks of the page.
#[derive(Debug, Default, PartialEq)]
struct Query {
    product: Option<String>,
    lang: Option<String>,
    embed: bool,
    parent: Option<String>,
}

impl Query {
    fn parse(raw: Option<&str>) -> Query {
        let mut query = Query::default();
        for (key, value) in form_urlencoded(raw.unwrap_or("")) {
            let value = (!value.is_empty()).then_some(value);
            match key.as_str() {
                "product" => query.product = query.product.or(value),
                "lang" => query.lang = query.lang.or(value),
                "embed" => query.embed |= value.as_deref() == Some("1"),
                "parent" => query.parent = query.parent.or(value),
                _ => {}
            }
        }
        query
    }
}

/// `application/x-www-form-urlencoded` pairs, as `URLSearchParams` reads them (the app reads the same address
/// with it).
fn form_urlencoded(raw: &str) -> impl Iterator<Item = (String, String)> + '_ {
    form_urlencoded::parse(raw.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()))
}

/// `GET /` and `GET /index.html`.
pub async fn index(
    State((state, page)): State<(AppState, AppPage)>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let Some(template) = page.0.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let query = Query::parse(raw.as_deref());
    let locale = query
        .lang
        .as_deref()
        .and_then(Locale::from_tag)
        .or_else(|| first_language(&headers))
        .unwrap_or_default();
    let product = query.product.as_deref().unwrap_or(DEFAULT_PRODUCT);
    let embedded = query.embed
        && query
            .parent
            .as_deref()
            .is_some_and(|p| state.embed_origins.iter().any(|o| o == p));
    // Not inside a retailer's frame: the loader sizes the frame to its page, and a frame that first holds the
    // shop's frame and then the app's page resizes on the host page, which Lighthouse measured as a layout
    // shift costing the host 22 performance points (0.61 CLS). Until the embed has a layout of fixed height
    // (issue 16), an embedded page starts as before.
    let shell = match state.catalogs.get(product).filter(|_| !query.embed) {
        Some(loaded) => {
            let stills = stills_of(&state, product).await;
            Some(shell(loaded, &stills, locale))
        }
        None => None,
    };
    let html = fill(template, locale, embedded, shell);
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            // The page names the current still and app files: always asked for again, cheap to revalidate.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::VARY, HeaderValue::from_static("Accept-Language")),
        ],
        html,
    )
        .into_response()
}

/// Every view's stills of `product`, as the page names them.
async fn stills_of(state: &AppState, product: &str) -> Vec<StillRef> {
    match state.catalogs.stills_of(product).await {
        Some(Ok(stills)) => StillRef::per_view(product, &stills),
        // The page works without: the app draws the product once its wasm is here.
        Some(Err(e)) => {
            tracing::error!(%product, error = %e, "no first-paint still");
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// What the page says of one view's stills: the full-size one, and every width for the browser to pick from.
#[derive(Serialize)]
struct StillRef {
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

/// The browser's first language as `navigator.language` gives it to the app: the most wanted language of
/// `Accept-Language` ([`crate::locale::preferences`]), if it is one we speak.
fn first_language(headers: &HeaderMap) -> Option<Locale> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    crate::locale::preferences(value).first().copied().flatten()
}

/// The configurator's frame with the still where the canvas will be: the markup of `src/app.rs`,
/// `configurator.rs`, `preview.rs`, `view_switch.rs` and `download_image.rs` before anything is chosen.
fn shell(loaded: &Loaded, stills: &[StillRef], locale: Locale) -> Markup {
    let catalog = &loaded.catalog;
    let data = FirstPaintData {
        product: catalog.id.as_str(),
        sizes: SIZES,
        stills: stills.iter().map(|s| (s.view.as_str(), s)).collect(),
    };
    let still = stills.first();
    let t = |key: &str| messages::text(locale, key);
    let name = catalog.name.get(locale);
    let first_view = catalog.views.first();
    let label = first_view.map(|v| {
        messages::format(
            locale,
            "preview.label",
            &[
                ("product", name.to_owned()),
                ("view", v.name.get(locale).to_owned()),
            ],
        )
    });
    html! {
        div #first-paint {
            script #first-paint-data type="application/json" { (PreEscaped(script_json(&data))) }
            a.skip-link href="#options" { (t("app.skip_to_options")) }
            header.topbar {
                div.brand {
                    span.brand-mark aria-hidden="true" {}
                    span.brand-name { (t("app.title")) }
                    span.brand-tagline { (t("app.tagline")) }
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
            main.page {
                div.configurator {
                    div.product-head {
                        h1 #product-name { (name) }
                        p.product-description { (catalog.description.get(locale)) }
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
                            @if catalog.views.len() > 1 {
                                fieldset.view-switch disabled {
                                    legend.visually-hidden { (t("views.heading")) }
                                    div.segments {
                                        @for (i, v) in catalog.views.iter().enumerate() {
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

/// `template` with the page's language, the embed flag and the first paint (if any) at the start of the body.
fn fill(template: &str, locale: Locale, embedded: bool, shell: Option<Markup>) -> String {
    let mut root = format!("<html lang=\"{}\"", locale.tag());
    if embedded {
        root.push_str(" data-embed");
    }
    // Trunk keeps `index.html`'s `<html lang="en">`; any other root gets the attributes added.
    let html = if template.contains("<html lang=\"en\"") {
        template.replacen("<html lang=\"en\"", &root, 1)
    } else {
        template.replacen("<html", &root, 1)
    };
    match (shell, html.find("<body>")) {
        (Some(shell), Some(at)) => {
            let at = at + "<body>".len();
            format!("{}{}{}", &html[..at], shell.into_string(), &html[at..])
        }
        _ => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_read_as_the_app_reads_it() {
        for (raw, want) in [
            (None, Query::default()),
            (
                Some("product=bespoke-set&lang=ko"),
                Query {
                    product: Some("bespoke-set".into()),
                    lang: Some("ko".into()),
                    ..Query::default()
                },
            ),
            // The first non-empty value counts, percent-escapes and `+` decoded, unknown keys ignored.
            (
                Some("product=&product=runner%2Done&x=1&embed=1&parent=http%3A%2F%2Fa.example"),
                Query {
                    product: Some("runner-one".into()),
                    embed: true,
                    parent: Some("http://a.example".into()),
                    ..Query::default()
                },
            ),
            (Some("embed=2"), Query::default()),
        ] {
            assert_eq!(Query::parse(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn the_language_is_the_browsers_first() {
        for (header, want) in [
            ("ko-KR,ko;q=0.9,en;q=0.8", Some(Locale::Ko)),
            ("en-US,ko;q=0.9", Some(Locale::En)),
            // `navigator.language` is the first tag: a language we do not speak means English in the app.
            ("fr-FR,ko;q=0.9", None),
            ("", None),
            // `q=0` is "not acceptable": never the first language.
            ("ko;q=0", None),
            ("ko;q=0, en", Some(Locale::En)),
            ("en;q=0, ko", Some(Locale::Ko)),
            ("ko;q=0.5, en;q=0.8", Some(Locale::En)),
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(header));
            assert_eq!(first_language(&headers), want, "{header}");
        }
    }

    #[test]
    fn the_page_gets_its_language_the_embed_flag_and_the_frame() {
        let template = "<!doctype html>\n<html lang=\"en\"><head></head><body><div id=\"app\"></div></body></html>";
        let html = fill(template, Locale::Ko, true, Some(html! { p { "frame" } }));
        assert_eq!(
            html,
            "<!doctype html>\n<html lang=\"ko\" data-embed><head></head><body><p>frame</p><div id=\"app\"></div></body></html>"
        );
        let bare = fill("<html><body></body></html>", Locale::En, false, None);
        assert_eq!(bare, "<html lang=\"en\"><body></body></html>");
    }

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
