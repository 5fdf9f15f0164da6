//! `GET /api/products` (a summary per product) and `GET /api/products/{id}` (the catalog file itself).

use crate::AppState;
use crate::error::ApiError;
use atelier_core::{Localized, Money};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A product in the list.
#[derive(Serialize)]
pub struct ProductSummary {
    id: String,
    name: Localized,
    description: Localized,
    base_price: Money,
    views: Vec<String>,
}

/// Every product the shop sells.
pub async fn list(State(state): State<AppState>) -> Json<Vec<ProductSummary>> {
    Json(
        state
            .catalogs
            .iter()
            .map(|l| ProductSummary {
                id: l.catalog.id.0.clone(),
                name: l.catalog.name.clone(),
                description: l.catalog.description.clone(),
                base_price: l.catalog.base_price,
                views: l.catalog.views.iter().map(|v| v.id.0.clone()).collect(),
            })
            .collect(),
    )
}

/// One product's catalog, as the retailer wrote it (the app validates it with the same core code).
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let loaded = state
        .catalogs
        .get(&id)
        .ok_or(ApiError::ProductNotFound(id))?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        loaded.json.to_string(),
    )
        .into_response())
}
