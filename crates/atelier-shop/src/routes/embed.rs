//! `GET /api/embed/origins`: the retailer origins allowed to embed the configurator (`ATELIER_EMBED_ORIGINS`),
//! as `{"origins": [...]}`.
//!
//! The app reads it when it is opened in embedded mode (`?embed=1&parent=<origin>`) and talks to its parent
//! page only if that origin is listed. The list is no secret: the same origins are in every response's
//! `frame-ancestors`. Enforcing them on framing and CORS is the headers' job, not this route's.

use crate::AppState;
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;

/// The allow-list as the app reads it.
#[derive(Serialize, ToSchema)]
pub struct EmbedOrigins {
    /// Exact origins (`scheme://host[:port]`) allowed to embed the configurator.
    #[schema(example = json!(["https://shop.example"]))]
    origins: Vec<String>,
}

/// The configured embed origins, exactly as configured (browsers compare origins as exact strings).
#[utoipa::path(
    get,
    path = "/embed/origins",
    tag = "embed",
    responses((status = 200, description = "The retailer origins allowed to embed the configurator", body = EmbedOrigins))
)]
pub async fn origins(State(state): State<AppState>) -> Json<EmbedOrigins> {
    Json(EmbedOrigins {
        origins: state.embed_origins.to_vec(),
    })
}
