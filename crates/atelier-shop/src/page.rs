//! The app's page (`/` and `/index.html`): trunk's `index.html` with the product's first paint written into it,
//! so a shopper sees the product before the app's wasm has arrived.
//!
//! The first paint ([`first_paint::shell`]) is the configurator's frame as the app draws it (the same elements and classes:
//! top bar, product name, the preview's place, the view switch) with the product's still ([`crate::still`]) where
//! the canvas will be, and a status where the options will be. The app leaves it on screen while the product
//! loads and removes it in the same task in which it draws its own page (`src/first_paint.rs`), where the
//! preview shows the same still until the canvas has drawn the same pixels. The page's bootstrap script
//! (`Trunk.toml`'s `pattern_script`) starts the app's wasm only once the still has loaded: on a slow connection
//! the two would otherwise share the bandwidth and the product would appear later.
//!
//! Inside a retailer's frame (`?embed=1`) the page carries the same first paint.
//!
//! The language is the one the app will choose (`?lang=`, else the browser's first language: the most wanted
//! tag of `Accept-Language`, never one marked `q=0`, read by [`crate::locale::preferences`]); an unknown product
//! gets the plain page, and the app says what is wrong.

mod first_paint;
pub mod shared_design;

use crate::AppState;
use atelier_core::Locale;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::Markup;
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
    // Inside a retailer's frame too: the loader keeps the frame at the host window's height until the app is
    // ready, so the swap does not resize it, and the frame is `hidden` until the stylesheet applies, so a
    // frame painted once before it (Lighthouse saw a shift of nearly the whole frame) shows nothing that moves.
    let shell = match state.catalogs.get(product) {
        Some(loaded) => {
            let stills = first_paint::stills_of(&state, product).await;
            Some(first_paint::shell(loaded, &stills, locale))
        }
        None => None,
    };
    let html = fill(
        template,
        locale,
        embedded,
        state.help_phone.as_deref(),
        shell,
    );
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

/// The browser's first language as `navigator.language` gives it to the app: the most wanted language of
/// `Accept-Language` ([`crate::locale::preferences`]), if it is one we speak.
fn first_language(headers: &HeaderMap) -> Option<Locale> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    crate::locale::preferences(value).first().copied().flatten()
}

/// `template` with the page's language, the embed flag, the shop's help line (as `<meta
/// name="atelier-help-phone">`, read by easy mode's help) and the first paint (if any) right after the app's
/// mount point.
fn fill(
    template: &str,
    locale: Locale,
    embedded: bool,
    help_phone: Option<&str>,
    shell: Option<Markup>,
) -> String {
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
    let html = match (help_phone, html.find("</head>")) {
        (Some(phone), Some(at)) => {
            let meta = maud::html! { meta name="atelier-help-phone" content=(phone); };
            format!("{}{}{}", &html[..at], meta.into_string(), &html[at..])
        }
        _ => html,
    };
    // After the app's (empty) mount point, not before it: when the app draws its page there and retires the
    // first paint in the same task, the mount point does not move, so the swap is no layout shift. (Before
    // it, the mount point jumped from below the first paint to the top: a layout shift of 1, the worst there
    // is, in every browser's count and Lighthouse's.)
    let at = (html.find(APP_MOUNT).map(|at| at + APP_MOUNT.len()))
        .or_else(|| html.find("<body>").map(|at| at + "<body>".len()));
    match (shell, at) {
        (Some(shell), Some(at)) => format!("{}{}{}", &html[..at], shell.into_string(), &html[at..]),
        _ => html,
    }
}

/// The element the app mounts in (`index.html`).
const APP_MOUNT: &str = "<div id=\"app\"></div>";

#[cfg(test)]
mod tests {
    use super::*;
    use maud::html;

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
        let html = fill(
            template,
            Locale::Ko,
            true,
            None,
            Some(html! { p { "frame" } }),
        );
        assert_eq!(
            html,
            "<!doctype html>\n<html lang=\"ko\" data-embed><head></head><body><div id=\"app\"></div><p>frame</p></body></html>"
        );
        let bare = fill("<html><body></body></html>", Locale::En, false, None, None);
        assert_eq!(bare, "<html lang=\"en\"><body></body></html>");
    }

    #[test]
    fn the_help_line_is_named_in_the_head_as_data() {
        let template = "<html lang=\"en\"><head><title>t</title></head><body></body></html>";
        let html = fill(template, Locale::En, false, Some("+82 2-123-4567"), None);
        assert_eq!(
            html,
            "<html lang=\"en\"><head><title>t</title><meta name=\"atelier-help-phone\" content=\"+82 2-123-4567\"></head><body></body></html>"
        );
    }
}
