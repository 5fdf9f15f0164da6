//! `POST /api/swatch-requests` (check and record a request for physical color swatches) and
//! `GET /api/swatch-requests/{id}`.
//!
//! The check is [`atelier_core::swatch::check_swatch_request`]; this file only stores and answers. The
//! shopper's contact details are stored but never served back: the GET is unauthenticated (anyone holding the
//! number may read it), so it answers the product, colors and status only, and the POST's answer carries no
//! more. The contact is not logged either. Like orders, a repeated submission id answers the first request
//! rather than recording a second.

use crate::AppState;
use crate::error::ApiError;
use crate::json::JsonBody;
use crate::openapi::schemas;
use crate::order_id::{is_swatch_request_id, new_swatch_request_id};
use crate::spec;
use crate::store::{InsertError, NewSwatchRequest, StoredSwatchRequest};
use atelier_core::swatch::{SwatchRequest, ValidContact, ValidSwatchRequest, check_swatch_request};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
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
            colors: serde_json::from_str(&r.colors)
                .map_err(|e| ApiError::Internal(format!("stored colors: {e}")))?,
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

    if let Some(existing) = state
        .store
        .swatch_request_by_submission(&valid.submission)
        .await?
    {
        return repeat(&existing, &valid);
    }
    let colors = serde_json::to_string(&valid.colors)
        .map_err(|e| ApiError::Internal(format!("colors serialization: {e}")))?;
    let contact = serde_json::to_string(&valid.contact)
        .map_err(|e| ApiError::Internal(format!("contact serialization: {e}")))?;
    // 40 random bits make a clash rare; a few retries make it practically impossible to fail.
    for _ in 0..5 {
        let id =
            new_swatch_request_id().map_err(|e| ApiError::Internal(format!("randomness: {e}")))?;
        let new = NewSwatchRequest {
            id: &id,
            submission: &valid.submission,
            product: &valid.product,
            colors: &colors,
            contact: &contact,
            locale: valid.locale.tag(),
            created_at: &spec::timestamp(SystemTime::now()),
        };
        match state.store.insert_swatch_request(&new).await {
            Ok(()) => {
                let stored = state
                    .store
                    .swatch_request(&id)
                    .await?
                    .ok_or_else(|| ApiError::Internal("swatch request vanished".into()))?;
                // Never the contact: logs are not where personal data belongs.
                tracing::info!(swatch_request = %id, product = %valid.product, colors = valid.colors.len(),
                    "swatch request recorded");
                let location = format!("/api/swatch-requests/{id}");
                let view = SwatchRequestView::from_stored(&stored)?;
                return Ok((
                    StatusCode::CREATED,
                    [(header::LOCATION, location)],
                    Json(view),
                )
                    .into_response());
            }
            Err(InsertError::IdTaken) => continue,
            Err(InsertError::SubmissionTaken) => {
                // A concurrent retry of the same submission won the race: answer with its request.
                let existing = state
                    .store
                    .swatch_request_by_submission(&valid.submission)
                    .await?
                    .ok_or_else(|| ApiError::Internal("submission vanished".into()))?;
                return repeat(&existing, &valid);
            }
            Err(InsertError::Database(e)) => return Err(e.into()),
        }
    }
    Err(ApiError::Internal(
        "no free swatch request id after 5 tries".into(),
    ))
}

/// The answer to a submission id seen before: the same request if it asks for the same thing (the same
/// product, colors, language and contact details once trimmed), else a conflict.
fn repeat(
    existing: &StoredSwatchRequest,
    request: &ValidSwatchRequest,
) -> Result<Response, ApiError> {
    let colors: Option<Vec<String>> = serde_json::from_str(&existing.colors).ok();
    let contact: Option<ValidContact> = serde_json::from_str(&existing.contact).ok();
    let same = existing.product == request.product
        && colors.as_ref() == Some(&request.colors)
        && contact.as_ref() == Some(&request.contact)
        && existing.locale == request.locale.tag();
    if !same {
        return Err(ApiError::SubmissionConflict);
    }
    Ok((
        StatusCode::OK,
        Json(SwatchRequestView::from_stored(existing)?),
    )
        .into_response())
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
    if !is_swatch_request_id(&id) {
        return Err(ApiError::SwatchRequestNotFound(id));
    }
    let stored = state
        .store
        .swatch_request(&id)
        .await?
        .ok_or(ApiError::SwatchRequestNotFound(id))?;
    Ok(Json(SwatchRequestView::from_stored(&stored)?))
}
