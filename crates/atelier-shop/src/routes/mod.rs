//! The `/api` routes, one resource family per file, and the JSON 404 for anything else under `/api`.

mod embed;
mod orders;
mod products;

use crate::AppState;
use crate::error::ApiError;
use axum::Router;
use axum::routing::{get, post};

/// The API router (mounted at `/api`).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/products", get(products::list))
        .route("/products/{id}", get(products::one))
        .route("/orders", post(orders::create))
        .route("/orders/{id}", get(orders::one))
        .route("/embed/origins", get(embed::origins))
        .fallback(|| async { ApiError::NotFound })
}
