//! The request's language (from `Accept-Language`) and the middleware that renders error bodies in it.
//!
//! [`preferences`] is the one reading of `Accept-Language` in the shop: the API's error language
//! ([`negotiate`]) and the app page's first language (`crate::page`) both come from it.

use crate::error::{ApiError, ErrorSource};
use atelier_core::Locale;
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;

/// The locale a request asked for; English when it asked for none we speak.
#[derive(Clone, Copy, Debug)]
pub struct RequestLocale(pub Locale);

/// The languages an `Accept-Language` value names, most wanted first (by weight; the header's order among
/// equal weights), each `None` when it is one we do not speak. A language weighted `q=0` is "not acceptable"
/// (RFC 9110, 12.5.4) and left out, as is a weight that is not a number.
pub fn preferences(header: &str) -> Vec<Option<Locale>> {
    let mut weighted: Vec<(f32, Option<Locale>)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let locale = pieces.next().and_then(Locale::from_tag);
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            // `NaN > 0.0` is false too: an unreadable weight accepts nothing.
            (q > 0.0).then_some((q, locale))
        })
        .collect();
    // Stable: among equal weights the header's order stands.
    weighted.sort_by(|a, b| b.0.total_cmp(&a.0));
    weighted.into_iter().map(|(_, locale)| locale).collect()
}

/// The language we speak that `header` wants most; English when it accepts neither.
pub fn negotiate(header: &str) -> Locale {
    preferences(header)
        .into_iter()
        .flatten()
        .next()
        .unwrap_or_default()
}

/// The language a request's headers ask for ([`negotiate`] of its `Accept-Language`); English without one.
pub fn locale_of(headers: &axum::http::HeaderMap) -> Locale {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(negotiate)
        .unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for RequestLocale {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLocale(locale_of(&parts.headers)))
    }
}

/// Re-renders every [`ApiError`] response in the request's language, and turns axum's bare 405s into the
/// same JSON shape, so every error a client sees is JSON with a localized message.
pub async fn localize_errors(request: Request, next: Next) -> Response {
    let locale = locale_of(request.headers());
    let response = next.run(request).await;
    if let Some(ErrorSource(error)) = response.extensions().get::<ErrorSource>().cloned() {
        if locale != Locale::En {
            let mut localized = error.render(locale);
            localized.extensions_mut().insert(ErrorSource(error));
            return localized;
        }
        return response;
    }
    // Axum's own 405 has no body and so no content type; a 405 that already has one (the desk's page) stays.
    if response.status() == StatusCode::METHOD_NOT_ALLOWED
        && !response.headers().contains_key(header::CONTENT_TYPE)
    {
        let mut r = ApiError::MethodNotAllowed.render(locale);
        if let Some(allow) = response.headers().get(header::ALLOW) {
            r.headers_mut().insert(header::ALLOW, allow.clone());
        }
        return r.into_response();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, expect: Locale) {
        assert_eq!(negotiate(header), expect, "{header:?}");
    }

    #[test]
    fn the_most_wanted_language_we_speak_wins() {
        check("ko-KR,ko;q=0.9,en-US;q=0.8", Locale::Ko);
        check("en-US,en;q=0.9,ko;q=0.8", Locale::En);
        check("fr-FR, ko;q=0.5, en;q=0.4", Locale::Ko);
        check("fr", Locale::En);
        check("", Locale::En);
        check("ko", Locale::Ko);
        check("en", Locale::En);
        check("KO-kr", Locale::Ko);
        check("ko_KR", Locale::Ko);
    }

    #[test]
    fn weights_order_the_languages() {
        check("en;q=0.1, ko;q=0.9", Locale::Ko);
        check("en;q=0.5, ko", Locale::Ko);
        check("ko;q=0.5, en;q=0.8", Locale::En);
        check("ko;q=0.8, en;q=0.8", Locale::Ko);
        check("en;q=0.8, ko;q=0.8", Locale::En);
        check("ko;q=1, en;q=1.0", Locale::Ko);
        check("ko; q=0.9, en;q=0.3", Locale::Ko);
        check("en;q=0.001, ko;q=0.002", Locale::Ko);
        // An unreadable weight is the default, 1.
        check("en;q=abc, ko;q=0.9", Locale::En);
    }

    #[test]
    fn q_0_means_not_acceptable() {
        check("ko;q=0", Locale::En);
        check("ko;q=0.0", Locale::En);
        check("ko;q=0.000", Locale::En);
        check("ko;q=0, en", Locale::En);
        check("en;q=0, ko", Locale::Ko);
        check("ko-KR;q=0, fr", Locale::En);
        check("ko;q=NaN", Locale::En);
    }

    #[test]
    fn preferences_keep_languages_we_do_not_speak_in_their_place() {
        for (header, expect) in [
            ("fr-FR,ko;q=0.9", vec![None, Some(Locale::Ko)]),
            ("ko;q=0.5, fr, en;q=0", vec![None, Some(Locale::Ko)]),
            ("ko;q=0", vec![]),
            ("", vec![None]),
        ] {
            assert_eq!(preferences(header), expect, "{header:?}");
        }
    }
}
