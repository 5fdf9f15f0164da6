//! `POST /api/swatch-requests` (check and record a request for physical color swatches) and
//! `GET /api/swatch-requests/{id}`.
//!
//! The check is [`atelier_core::swatch::check_swatch_request`]; this file only stores and answers. The
//! shopper's contact details are stored but never served back: the GET is unauthenticated (anyone holding the
//! number may read it), so it answers the product, colors and status only, and the POST's answer carries no
//! more. The contact is not logged either. Like orders, a repeated submission id answers the first request
//! rather than recording a second.

use super::lookup::{self, Record};
use crate::AppState;
use crate::error::{ApiError, internal};
use crate::idempotent::{self, Created, Submitted};
use crate::json::JsonBody;
use crate::openapi::schemas;
use crate::order_id::{is_swatch_request_id, new_swatch_request_id};
use crate::spec;
use crate::store::{Inserted, NewSwatchRequest, Store, StoredSwatchRequest};
use atelier_core::swatch::{SwatchRequest, ValidContact, ValidSwatchRequest, check_swatch_request};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::future::Future;
use std::time::SystemTime;

/// A recorded swatch request as the API shows it: no contact details.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = SwatchRequestRecord)]
pub struct SwatchRequestView {
    /// Request number: `SWR-` and two groups of four Crockford base-32 characters.
    #[schema(example = "SWR-4D2F-8HQ1")]
    id: String,
    /// Product id.
    #[schema(example = "bespoke-set")]
    product: String,
    /// The color ids to send swatches of, in the order sent.
    #[schema(example = json!(["mint", "glam-navy"]))]
    colors: Vec<String>,
    /// `received`: recorded, not yet sent.
    #[schema(example = "received")]
    status: String,
    /// When the shop recorded it, UTC, RFC 3339 with milliseconds.
    #[schema(example = "2026-05-01T09:30:00.123Z")]
    created_at: String,
}

impl SwatchRequestView {
    fn from_stored(r: &StoredSwatchRequest) -> Result<SwatchRequestView, ApiError> {
        Ok(SwatchRequestView {
            id: r.id.clone(),
            product: r.product.clone(),
            colors: serde_json::from_str(&r.colors).map_err(internal("stored colors"))?,
            status: r.status.clone(),
            created_at: r.created_at.clone(),
        })
    }
}

/// Records a request for physical swatches: 201 with the request (and `Location`), or 200 with the earlier
/// request for a repeated submission id. The answer never contains the contact details.
#[utoipa::path(
    post,
    path = "/swatch-requests",
    tag = "swatches",
    params(("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`")),
    request_body(content = schemas::SwatchRequest, content_type = "application/json",
        description = "The colors to send swatches of and where to send them"),
    responses(
        (status = 201, description = "Recorded", body = SwatchRequestView,
            headers(("Location" = String, description = "`/api/swatch-requests/{id}`"))),
        (status = 200, description = "This submission id was recorded before: the same request",
            body = SwatchRequestView),
        (status = 400, description = "Not JSON of this shape (`malformed_json`)", body = schemas::ErrorResponse),
        (status = 409, description = "Submission id reused for a different request (`submission_conflict`)",
            body = schemas::ErrorResponse),
        (status = 413, description = "Body over 64 KiB (`body_too_large`)", body = schemas::ErrorResponse),
        (status = 415, description = "No JSON `Content-Type` (`unsupported_media_type`)", body = schemas::ErrorResponse),
        (status = 422, description = "The request fails the shop's checks (`swatch_request_invalid`, every problem \
            listed with its path)", body = schemas::ErrorResponse),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    JsonBody { value: request, .. }: JsonBody<SwatchRequest>,
) -> Result<Response, ApiError> {
    let catalog = state.catalogs.get(&request.product).map(|l| &l.catalog);
    let valid = check_swatch_request(&request, catalog).map_err(ApiError::InvalidSwatchRequest)?;

    let submission = Some(valid.submission.as_str());
    let same = |earlier: &StoredSwatchRequest| same_request(earlier, &valid);
    if let Some(first) = idempotent::earlier(&state.store, submission, same).await? {
        return answer(Created::Again(first));
    }
    let colors = serde_json::to_string(&valid.colors).map_err(internal("colors serialization"))?;
    let contact =
        serde_json::to_string(&valid.contact).map_err(internal("contact serialization"))?;
    let build = |id: String| {
        Ok(NewSwatchRequest {
            id,
            submission: valid.submission.clone(),
            product: valid.product.clone(),
            colors: colors.clone(),
            contact: contact.clone(),
            locale: valid.locale.tag().to_owned(),
            created_at: spec::timestamp(SystemTime::now()),
        })
    };
    let created = idempotent::create(&state.store, submission, build, same).await?;
    if let Created::New(stored) = &created {
        // Never the contact: logs are not where personal data belongs.
        tracing::info!(swatch_request = %stored.id, product = %valid.product, colors = valid.colors.len(),
            "swatch request recorded");
    }
    answer(created)
}

/// 201 with `Location` for a new request, 200 for the first request of a repeated submission.
fn answer(created: Created<StoredSwatchRequest>) -> Result<Response, ApiError> {
    Ok(match created {
        Created::New(stored) => {
            let location = format!("/api/swatch-requests/{}", stored.id);
            let view = SwatchRequestView::from_stored(&stored)?;
            (
                StatusCode::CREATED,
                [(header::LOCATION, location)],
                Json(view),
            )
                .into_response()
        }
        Created::Again(stored) => (
            StatusCode::OK,
            Json(SwatchRequestView::from_stored(&stored)?),
        )
            .into_response(),
    })
}

/// Whether `earlier`, stored under this request's submission id, asks for the same thing: the same product,
/// colors, language and contact details once trimmed.
fn same_request(earlier: &StoredSwatchRequest, request: &ValidSwatchRequest) -> bool {
    let colors: Option<Vec<String>> = serde_json::from_str(&earlier.colors).ok();
    let contact: Option<ValidContact> = serde_json::from_str(&earlier.contact).ok();
    earlier.product == request.product
        && colors.as_ref() == Some(&request.colors)
        && contact.as_ref() == Some(&request.contact)
        && earlier.locale == request.locale.tag()
}

impl Submitted for StoredSwatchRequest {
    type New = NewSwatchRequest;

    fn new_id() -> Result<String, getrandom::Error> {
        new_swatch_request_id()
    }

    fn insert(
        store: &Store,
        new: &NewSwatchRequest,
    ) -> impl Future<Output = Result<Inserted<StoredSwatchRequest>, sqlx::Error>> + Send {
        store.insert_swatch_request(new)
    }

    fn by_submission(
        store: &Store,
        submission: &str,
    ) -> impl Future<Output = Result<Option<StoredSwatchRequest>, sqlx::Error>> + Send {
        store.swatch_request_by_submission(submission)
    }
}

impl Record for StoredSwatchRequest {
    fn well_formed(id: &str) -> bool {
        is_swatch_request_id(id)
    }

    fn fetch(
        store: &Store,
        id: &str,
    ) -> impl Future<Output = Result<Option<StoredSwatchRequest>, sqlx::Error>> + Send {
        store.swatch_request(id)
    }

    fn not_found(id: String) -> ApiError {
        ApiError::SwatchRequestNotFound(id)
    }
}

/// A recorded swatch request, without the shopper's contact details (personal data is not served over an
/// unauthenticated GET).
#[utoipa::path(
    get,
    path = "/swatch-requests/{id}",
    tag = "swatches",
    params(
        ("id" = String, Path, description = "Swatch request number", example = "SWR-4D2F-8HQ1"),
        ("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`"),
    ),
    responses(
        (status = 200, description = "The request: product, colors and status; never the contact details",
            body = SwatchRequestView),
        (status = 404, description = "No such request (`swatch_request_not_found`)", body = schemas::ErrorResponse),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<SwatchRequestView>, ApiError> {
    let stored: StoredSwatchRequest = lookup::find(&state.store, id).await?;
    Ok(Json(SwatchRequestView::from_stored(&stored)?))
}
