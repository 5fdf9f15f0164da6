//! The request's language (from `Accept-Language`) and the middleware that renders error bodies in it.

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

fn locale_of(headers: &axum::http::HeaderMap) -> Locale {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::from_accept_language)
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
    if response.status() == StatusCode::METHOD_NOT_ALLOWED {
        let mut r = ApiError::MethodNotAllowed.render(locale);
        if let Some(allow) = response.headers().get(header::ALLOW) {
            r.headers_mut().insert(header::ALLOW, allow.clone());
        }
        return r.into_response();
    }
    response
}
