//! `GET /api/openapi.json` (the OpenAPI document), `GET /api/docs` (a page that renders it) and
//! `GET /api/docs.js` (that page's script).
//!
//! The page is plain HTML with no inline script and no third-party code, so it works under the shop's CSP
//! (`script-src 'self'`) and offline; its script builds the list of operations with `textContent` only, so
//! nothing in the document is ever parsed as HTML. The document itself is assembled in [`crate::openapi`].

use axum::Extension;
use axum::http::header;
use axum::response::IntoResponse;
use std::sync::Arc;

/// The OpenAPI document as JSON, rendered once when the router is built.
#[derive(Clone)]
pub struct OpenApiJson(pub Arc<str>);

/// The OpenAPI 3.1 document of this shop.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "docs",
    responses((status = 200, description = "This document", content_type = "application/json", body = Object))
)]
pub async fn openapi_json(
    Extension(OpenApiJson(json)): Extension<OpenApiJson>,
) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        json.to_string(),
    )
}

/// A readable page of the document's operations.
#[utoipa::path(
    get,
    path = "/docs",
    tag = "docs",
    responses((status = 200, description = "The API documentation page", content_type = "text/html", body = String))
)]
pub async fn page() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        include_str!("../../assets/api-docs.html"),
    )
}

/// The docs page's script.
#[utoipa::path(
    get,
    path = "/docs.js",
    tag = "docs",
    responses((status = 200, description = "The docs page's script", content_type = "text/javascript", body = String))
)]
pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../assets/api-docs.js"),
    )
}
