//! `POST /api/orders` (check, price, store) and `GET /api/orders/{id}`.
//!
//! The shop never trusts the client: the design is validated and priced by `atelier_core::order::check_order`,
//! the same code the app ran, and the client's price must equal the shop's. The shop then draws every view of
//! the design itself and refuses the order unless each matches the proof the shopper's browser sent
//! ([`crate::proof::verify`]), so every accepted order carries verified proofs. A repeated submission id returns
//! the order stored the first time, so retrying a submit never creates a second order (nor a second
//! delivery to the retailer: the order spec and its outbox row are written once, with the order).

use crate::AppState;
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::openapi::schemas;
use crate::order_id::{is_order_id, new_order_id};
use crate::store::{InsertError, NewOrder, StoredOrder};
use crate::{proof, spec, spec_text};
use atelier_core::order::{OrderRequest, check_order_with_text};
use atelier_core::text::WordList;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use std::time::SystemTime;

/// What the shop answers to an accepted order, and returns for a stored one.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Order)]
pub struct OrderView {
    /// Order number: `ATL-` and two groups of four Crockford base-32 characters.
    #[schema(example = "ATL-7K3M-9QX2")]
    id: String,
    /// Product id.
    #[schema(example = "runner-one")]
    product: String,
    /// The total the shop computed.
    #[schema(value_type = schemas::Money)]
    price: PriceView,
    /// How the shop priced it.
    #[schema(value_type = schemas::PriceBreakdown)]
    breakdown: Value,
    /// The request exactly as submitted.
    #[schema(value_type = schemas::OrderRequest)]
    request: Value,
    /// When the shop accepted it, UTC, RFC 3339 with milliseconds.
    #[schema(example = "2026-05-01T09:30:00.123Z")]
    created_at: String,
    /// The signed order spec (see [`crate::spec`]); `null` for orders stored before specs existed.
    spec: Option<Value>,
}

#[derive(Serialize)]
struct PriceView {
    amount: i64,
    currency: String,
}

impl OrderView {
    fn from_stored(o: StoredOrder) -> Result<OrderView, ApiError> {
        let parse = |s: &str| {
            serde_json::from_str(s).map_err(|e| ApiError::Internal(format!("stored JSON: {e}")))
        };
        Ok(OrderView {
            breakdown: parse(&o.breakdown)?,
            request: parse(&o.request)?,
            id: o.id,
            product: o.product,
            price: PriceView {
                amount: o.amount,
                currency: o.currency,
            },
            created_at: o.created_at,
            spec: o.spec.as_deref().map(parse).transpose()?,
        })
    }
}

/// Accepts an order: 201 with the order (and `Location`), or 200 with the earlier order for a repeated
/// submission id.
#[utoipa::path(
    post,
    path = "/orders",
    tag = "orders",
    params(("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`")),
    request_body(content = schemas::OrderRequest, content_type = "application/json",
        description = "The design and the price the shopper saw; the shop checks and prices it itself"),
    responses(
        (status = 201, description = "Accepted and stored", body = OrderView,
            headers(("Location" = String, description = "`/api/orders/{id}`"))),
        (status = 200, description = "This submission id was accepted before: the same order", body = OrderView),
        (status = 400, description = "Not JSON of this shape (`malformed_json`)", body = schemas::ErrorResponse),
        (status = 409, description = "Submission id reused for a different order (`submission_conflict`)",
            body = schemas::ErrorResponse),
        (status = 413, description = "Body over 64 KiB (`body_too_large`)", body = schemas::ErrorResponse),
        (status = 415, description = "No JSON `Content-Type` (`unsupported_media_type`)", body = schemas::ErrorResponse),
        (status = 422, description = "The design, price or proofs fail the shop's checks (`invalid_order`, every \
            problem listed; `proof_mismatch` when the shop's render of a view differs from its proof)",
            body = schemas::ErrorResponse),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    JsonBody {
        value: request,
        text,
    }: JsonBody<OrderRequest>,
) -> Result<Response, ApiError> {
    let loaded = state.catalogs.get(request.design.product.as_str());
    // The same checks the app ran, personal text included (word lists, characters, fit with the same fonts).
    let fonts = state.catalogs.fonts();
    let checked = check_order_with_text(
        &request,
        loaded.map(|l| &l.catalog),
        fonts,
        WordList::shared(),
    )
    .map_err(ApiError::InvalidOrder)?;
    let catalog_sha256 = loaded.map(|l| l.sha256.as_str()).unwrap_or_default();

    if let Some(submission) = &request.submission
        && let Some(existing) = state.store.by_submission(submission).await?
    {
        return repeat(existing, &request);
    }
    let proofs = proof::verify(
        state.catalogs.clone(),
        request.design.clone(),
        request.proof.clone(),
    )
    .await?;
    let breakdown = serde_json::to_string(&checked.price)
        .map_err(|e| ApiError::Internal(format!("breakdown serialization: {e}")))?;
    // 40 random bits make a clash rare; a few retries make it practically impossible to fail.
    for _ in 0..5 {
        let id = new_order_id().map_err(|e| ApiError::Internal(format!("randomness: {e}")))?;
        let created_at = spec::timestamp(SystemTime::now());
        let spec = spec::build(&spec::SpecInput {
            order: &id,
            created_at: &created_at,
            catalog_sha256,
            design: &request.design,
            price: &checked.price,
            proofs: &proofs,
            text: spec_text::section(&checked.design, fonts),
        })
        .map_err(|e| ApiError::Internal(format!("spec serialization: {e}")))?;
        let spec = spec::canonical(&spec);
        let new = NewOrder {
            id: &id,
            submission: request.submission.as_deref(),
            product: request.design.product.as_str(),
            request: &text,
            amount: checked.price.total.amount,
            currency: checked.price.total.currency.code(),
            breakdown: &breakdown,
            created_at: &created_at,
            spec: &spec,
        };
        match state.store.insert(&new).await {
            Ok(()) => {
                let stored = state
                    .store
                    .get(&id)
                    .await?
                    .ok_or_else(|| ApiError::Internal("order vanished".into()))?;
                tracing::info!(order = %id, product = %new.product, amount = new.amount, "order accepted");
                let location = format!("/api/orders/{id}");
                let view = OrderView::from_stored(stored)?;
                return Ok((
                    StatusCode::CREATED,
                    [(header::LOCATION, location)],
                    Json(view),
                )
                    .into_response());
            }
            Err(InsertError::IdTaken) => continue,
            Err(InsertError::SubmissionTaken) => {
                // A concurrent retry of the same submission won the race: answer with its order.
                let submission = request.submission.as_deref().unwrap_or_default();
                let existing = state
                    .store
                    .by_submission(submission)
                    .await?
                    .ok_or_else(|| ApiError::Internal("submission vanished".into()))?;
                return repeat(existing, &request);
            }
            Err(InsertError::Database(e)) => return Err(e.into()),
        }
    }
    Err(ApiError::Internal("no free order id after 5 tries".into()))
}

/// The answer to a submission id seen before: the same order if it is the same request, else a conflict.
fn repeat(existing: StoredOrder, request: &OrderRequest) -> Result<Response, ApiError> {
    let earlier: Option<OrderRequest> = serde_json::from_str(&existing.request).ok();
    if earlier.as_ref() != Some(request) {
        return Err(ApiError::SubmissionConflict);
    }
    Ok((StatusCode::OK, Json(OrderView::from_stored(existing)?)).into_response())
}

/// A stored order.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    tag = "orders",
    params(
        ("id" = String, Path, description = "Order number", example = "ATL-7K3M-9QX2"),
        ("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`"),
    ),
    responses(
        (status = 200, description = "The order", body = OrderView),
        (status = 404, description = "No such order (`order_not_found`)", body = schemas::ErrorResponse),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<OrderView>, ApiError> {
    if !is_order_id(&id) {
        return Err(ApiError::OrderNotFound(id));
    }
    let order = state
        .store
        .get(&id)
        .await?
        .ok_or(ApiError::OrderNotFound(id))?;
    Ok(Json(OrderView::from_stored(order)?))
}
