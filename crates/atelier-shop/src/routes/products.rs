//! `GET /api/products` (a summary per product) and `GET /api/products/{id}` (the catalog file itself).

use crate::AppState;
use crate::error::ApiError;
use crate::openapi::schemas;
use atelier_core::{Localized, Money};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A product in the list.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ProductSummary {
    /// Product id, for `GET /api/products/{id}`.
    #[schema(example = "runner-one")]
    id: String,
    /// Name.
    #[schema(value_type = schemas::Localized)]
    name: Localized,
    /// One-line description.
    #[schema(value_type = schemas::Localized)]
    description: Localized,
    /// Price of the default design before surcharges.
    #[schema(value_type = schemas::Money)]
    base_price: Money,
    /// The product's view ids (each has its layers under `/static`).
    views: Vec<String>,
}

/// Every product the shop sells.
#[utoipa::path(
    get,
    path = "/products",
    tag = "products",
    responses((status = 200, description = "A summary per product", body = Vec<ProductSummary>))
)]
pub async fn list(State(state): State<AppState>) -> Json<Vec<ProductSummary>> {
    Json(
        state
            .catalogs
            .iter()
            .map(|l| ProductSummary {
                id: l.catalog.id().0.clone(),
                name: l.catalog.name().clone(),
                description: l.catalog.description().clone(),
                base_price: l.catalog.base_price(),
                views: l.catalog.views().iter().map(|v| v.id.0.clone()).collect(),
            })
            .collect(),
    )
}

/// One product's catalog, as the retailer wrote it (the app validates it with the same core code).
#[utoipa::path(
    get,
    path = "/products/{id}",
    tag = "products",
    params(
        ("id" = String, Path, description = "Product id", example = "runner-one"),
        ("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`"),
    ),
    responses(
        (status = 200, description = "The catalog file (format described in the README's Catalogs section and \
            `static/catalogs/catalog.schema.json`): zones, materials, colors, sizes, views, choices and rules",
            body = Object),
        (status = 404, description = "No such product (`product_not_found`)", body = schemas::ErrorResponse),
    )
)]
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
