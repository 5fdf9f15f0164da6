//! The frame of every desk page: the document head (the desk's style sheet, no script), the navigation with
//! the signed-in user and the logout form (which carries the session's CSRF token), and the page's content.
//! Written with `maud`, so every value is escaped by construction; nothing here is allowed to pass
//! text through unescaped except the charts' SVG, which the shop draws itself (`dashboard.rs`).

use super::messages::t;
use super::session::Staff;
use atelier_core::Locale;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

/// The desk's style sheet, served at `/desk/desk.css` (the CSP allows style sheets from the shop only, not
/// inline `<style>`).
pub const CSS: &str = include_str!("desk.css");

/// A desk page: `title`, the navigation when someone is signed in, then `body`. Sent with `no-store`: desk
/// pages hold personal data and must not stay in shared or back-button caches.
pub fn page(locale: Locale, title: &str, staff: Option<&Staff>, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang=(locale.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex";
                title { (title) " · " (t(locale, "desk.name")) }
                link rel="stylesheet" href="/desk/desk.css";
            }
            body {
                @if let Some(staff) = staff { (nav(locale, staff)) }
                main { (body) }
            }
        }
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::VARY,
                HeaderValue::from_static("Accept-Language, Cookie"),
            ),
        ],
        markup.into_string(),
    )
        .into_response()
}

fn nav(locale: Locale, staff: &Staff) -> Markup {
    html! {
        nav {
            strong { (t(locale, "desk.name")) }
            a href="/desk/orders" { (t(locale, "desk.nav.orders")) }
            a href="/desk/dashboard" { (t(locale, "desk.nav.dashboard")) }
            a href="/desk/swatch-requests" { (t(locale, "desk.nav.swatch_requests")) }
            a href="/desk/help-requests" { (t(locale, "desk.nav.help_requests")) }
            a href="/desk/designs" { (t(locale, "desk.nav.designs")) }
            span.user { (staff.user) }
            form method="post" action="/desk/logout" {
                input type="hidden" name=(super::csrf::FIELD) value=(staff.csrf());
                button type="submit" { (t(locale, "desk.nav.logout")) }
            }
        }
    }
}

/// `GET /desk/desk.css`.
pub async fn css() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        CSS,
    )
        .into_response()
}
