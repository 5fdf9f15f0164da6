//! `/d/{code}`: the page a design's link opens. It names the design for link previews (Open Graph: the
//! product's name, the code, and the design drawn by the shop as `og:image`), then sends the browser on to the
//! app with the product and the code (`/?product=…&code=…`), which opens the design. An unknown or
//! malformed code goes on to the app too, which says what is wrong in the shopper's language.
//!
//! The page is HTML through `maud`, so nothing from the design or the address can become markup.

use crate::AppState;
use crate::locale::preferences;
use crate::routes::designs;
use atelier_core::messages;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{DOCTYPE, html};

/// The page of a design code.
pub async fn page(
    State((state, _)): State<(AppState, super::AppPage)>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Ok((stored, _)) = designs::find(&state, &code).await else {
        let code: String = code.chars().take(20).collect();
        let query = query(&[("code", &code)]);
        return Redirect::to(&format!("/?{query}")).into_response();
    };
    let locale = (headers.get(header::ACCEPT_LANGUAGE))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| preferences(v).into_iter().flatten().next())
        .unwrap_or_default();
    let name = (state.catalogs.get(&stored.product))
        .map(|l| l.catalog.name().get(locale).to_owned())
        .unwrap_or_else(|| stored.product.clone());
    let app = format!(
        "/?{}",
        query(&[
            ("product", &stored.product),
            ("code", &stored.code),
            ("lang", locale.tag()),
        ])
    );
    let title = messages::format(
        locale,
        "codes.page_title",
        &[("product", name), ("code", stored.code.clone())],
    );
    // Link previews want absolute addresses: this shop as the client reached it.
    let origin = crate::forwarded::origin(&headers);
    let image = format!("{origin}/api/designs/{}/image.png", stored.code);
    let markup = html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                meta property="og:type" content="website";
                meta property="og:title" content=(title);
                meta property="og:description" content=(messages::text(locale, "codes.page_description"));
                meta property="og:image" content=(image);
                meta property="og:url" content=(format!("{origin}/d/{}", stored.code));
                meta http-equiv="refresh" content=(format!("0; url={app}"));
            }
            body {
                p { a href=(app) { (messages::text(locale, "codes.page_open")) } }
            }
        }
    };
    let mut response = axum::response::Html(markup.into_string()).into_response();
    response.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("Accept-Language"),
    );
    response
}

/// `pairs` as a URL query (`a=1&b=2`), each value encoded as the app's `URLSearchParams` reads it.
fn query(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
