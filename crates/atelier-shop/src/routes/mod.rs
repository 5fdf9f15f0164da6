//! The `/api` routes, one resource family per file, and the JSON 404 for anything else under `/api`.
//!
//! Every route is registered with `routes!`, which takes its path and method from the handler's
//! `#[utoipa::path]` and documents it in the OpenAPI document at the same time: the router and the document
//! cannot disagree. Register nothing here with plain `.route(...)` (the OpenAPI test rejects it).

pub(crate) mod designs;
pub mod docs;
mod embed;
mod help_requests;
mod lookup;
mod orders;
mod previews;
mod products;
mod stills;
mod swatch_requests;

use crate::AppState;
use crate::error::ApiError;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// `Cache-Control` for a response that never changes under its address (an accepted order's image, a still
/// named after its bytes): a client may keep it as long as it likes.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The API router (mounted at `/api`) together with its operations' OpenAPI paths.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(products::list))
        .routes(routes!(products::one))
        .routes(routes!(stills::png))
        .routes(routes!(orders::create))
        .routes(routes!(orders::one))
        .routes(routes!(previews::png))
        .routes(routes!(swatch_requests::create))
        .routes(routes!(swatch_requests::one))
        .routes(routes!(designs::create))
        .routes(routes!(designs::one))
        .routes(routes!(designs::image))
        .routes(routes!(help_requests::create))
        .routes(routes!(docs::openapi_json))
        .routes(routes!(docs::page))
        .routes(routes!(docs::script))
        .routes(routes!(embed::origins))
        .fallback(|| async { ApiError::NotFound })
}
