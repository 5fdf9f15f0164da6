//! `POST /api/orders` (check, price, store) and `GET /api/orders/{id}`.
//!
//! The shop never trusts the client: the design is validated and priced by `atelier_core::order::check_order`,
//! the same code the app ran, and the client's price must equal the shop's. The shop then draws every view of
//! the design itself and refuses the order unless each matches the proof the shopper's browser sent
//! ([`crate::proof::verify`]), so every accepted order carries verified proofs. A repeated submission id returns
//! the order stored the first time, so retrying a submit never creates a second order (nor a second
//! delivery to the retailer: the order spec and its outbox row are written once, with the order).

use super::lookup::{self, Record};
use crate::AppState;
use crate::error::{ApiError, internal};
use crate::idempotent::{self, Created, Submitted};
use crate::json::JsonBody;
use crate::openapi::schemas;
use crate::order_id::{is_order_id, new_order_id};
use crate::store::{Inserted, NewOrder, Store, StoredOrder};
use crate::{idempotency_key, proof, spec, spec_text};
use atelier_core::order::{OrderRequest, check_order_with_text};
use atelier_core::text::WordList;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use std::future::Future;
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
        let parse = |s: &str| serde_json::from_str(s).map_err(internal("stored JSON"));
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
    params(
        ("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`"),
        ("Idempotency-Key" = Option<String>, Header, description = "The submission id (16–64 letters, digits \
            and `-`, optionally quoted), as the body's `submission` field: a repeat is answered with the first \
            order. If both are sent they must agree."),
    ),
    request_body(content = schemas::OrderRequest, content_type = "application/json",
        description = "The design and the price the shopper saw; the shop checks and prices it itself"),
    responses(
        (status = 201, description = "Accepted and stored", body = OrderView,
            headers(("Location" = String, description = "`/api/orders/{id}`"))),
        (status = 200, description = "This submission id was accepted before: the same order", body = OrderView),
        (status = 400, description = "Not JSON of this shape (`malformed_json`), or a malformed `Idempotency-Key` \
            (`invalid_idempotency_key`)", body = schemas::ErrorResponse),
        (status = 409, description = "Submission id reused for a different order (`submission_conflict`)",
            body = schemas::ErrorResponse),
        (status = 413, description = "Body over 64 KiB (`body_too_large`)", body = schemas::ErrorResponse),
        (status = 415, description = "No JSON `Content-Type` (`unsupported_media_type`)", body = schemas::ErrorResponse),
        (status = 422, description = "The design, price or proofs fail the shop's checks (`invalid_order`, every \
            problem listed; `proof_mismatch` when the shop's render of a view differs from its proof), or the \
            `Idempotency-Key` names another submission than the body (`idempotency_key_mismatch`)",
            body = schemas::ErrorResponse),
        (status = 503, description = "Nothing was stored, retry with the same submission id after `Retry-After`: \
            too many orders waiting to be stored (`busy`, 1 s), or the database cannot serve now: down, read-only, \
            full or locked (`database_unavailable`, 5 s)", body = schemas::ErrorResponse,
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody {
        value: mut request,
        text,
    }: JsonBody<OrderRequest>,
) -> Result<Response, ApiError> {
    request.submission = idempotency_key::submission(&headers, request.submission.take())?;
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
    let submission = request.submission.as_deref();
    let same = |earlier: &StoredOrder| same_request(earlier, &request);

    // Before drawing the proofs: a retry is answered at once.
    if let Some(first) = idempotent::earlier(&state.store, submission, same).await? {
        return answer(Created::Again(first));
    }
    let proofs = proof::verify(
        state.catalogs.clone(),
        request.design.clone(),
        request.proof.clone(),
    )
    .await?;
    let breakdown =
        serde_json::to_string(&checked.price).map_err(internal("breakdown serialization"))?;
    let text_section = spec_text::section(&checked.design, fonts);
    let build = |id: String| {
        let created_at = spec::timestamp(SystemTime::now());
        let spec = spec::build(&spec::SpecInput {
            order: &id,
            created_at: &created_at,
            catalog_sha256,
            design: &request.design,
            price: &checked.price,
            proofs: &proofs,
            text: text_section.clone(),
        })
        .map_err(internal("spec serialization"))?;
        Ok(NewOrder {
            spec: spec::canonical(&spec),
            id,
            submission: request.submission.clone(),
            product: request.design.product.as_str().to_owned(),
            request: text.clone(),
            amount: checked.price.total.amount,
            currency: checked.price.total.currency.code().to_owned(),
            breakdown: breakdown.clone(),
            created_at,
        })
    };
    let created = idempotent::create(&state.store, submission, build, same).await?;
    if let Created::New(order) = &created {
        tracing::info!(order = %order.id, product = %order.product, amount = order.amount, "order accepted");
    }
    answer(created)
}

/// 201 with `Location` for a new order, 200 for the first order of a repeated submission.
fn answer(created: Created<StoredOrder>) -> Result<Response, ApiError> {
    Ok(match created {
        Created::New(order) => {
            let location = format!("/api/orders/{}", order.id);
            let view = OrderView::from_stored(order)?;
            (
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(view),
            )
                .into_response()
        }
        Created::Again(order) => {
            (StatusCode::OK, Json(OrderView::from_stored(order)?)).into_response()
        }
    })
}

/// Whether `earlier`, stored under this request's submission id, was made from the same request.
fn same_request(earlier: &StoredOrder, request: &OrderRequest) -> bool {
    serde_json::from_str::<OrderRequest>(&earlier.request)
        .ok()
        .as_ref()
        == Some(request)
}

impl Submitted for StoredOrder {
    type New = NewOrder;

    fn new_id() -> Result<String, getrandom::Error> {
        new_order_id()
    }

    fn insert(
        store: &Store,
        new: &NewOrder,
    ) -> impl Future<Output = Result<Inserted<StoredOrder>, sqlx::Error>> + Send {
        store.insert(new)
    }

    fn by_submission(
        store: &Store,
        submission: &str,
    ) -> impl Future<Output = Result<Option<StoredOrder>, sqlx::Error>> + Send {
        store.by_submission(submission)
    }
}

impl Record for StoredOrder {
    fn well_formed(id: &str) -> bool {
        is_order_id(id)
    }

    fn fetch(
        store: &Store,
        id: &str,
    ) -> impl Future<Output = Result<Option<StoredOrder>, sqlx::Error>> + Send {
        store.get(id)
    }

    fn not_found(id: String) -> ApiError {
        ApiError::OrderNotFound(id)
    }
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
    let order: StoredOrder = lookup::find(&state.store, id).await?;
    Ok(Json(OrderView::from_stored(order)?))
}
