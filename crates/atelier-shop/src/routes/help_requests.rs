//! `POST /api/help-requests`: "call me about this design". The check is the core's
//! ([`atelier_core::help_request::check_help_request`]); this file adds the one check only the shop can make
//! (a design is stored under the code), stores the request for the staff and answers without the personal
//! data. A repeated submission is answered with the first request ([`crate::idempotent`]).

use crate::AppState;
use crate::error::ApiError;
use crate::idempotent::{self, Created, Submitted};
use crate::json::JsonBody;
use crate::openapi::schemas;
use crate::order_id::new_help_request_id;
use crate::rate_limit::ClientAddr;
use crate::spec;
use crate::store::{Inserted, Store, StoredHelpRequest};
use atelier_core::help_request::{
    HelpProblem, HelpProblemKind, HelpRequest, ValidHelpRequest, check_help_request,
};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::future::Future;
use std::time::SystemTime;

/// A recorded help request as the API shows it: no name, no phone number.
#[derive(Serialize, utoipa::ToSchema)]
pub struct HelpRequestView {
    /// Request number.
    #[schema(example = "HLP-4D2F-8HQ1")]
    id: String,
    /// The design code, canonical.
    #[schema(example = "K7QM-2XR8")]
    code: String,
    /// When to call.
    #[schema(example = "evening")]
    preferred_time: String,
    /// `received`: recorded, not yet called.
    status: String,
    /// When the shop recorded it (UTC, RFC 3339).
    created_at: String,
}

impl HelpRequestView {
    fn of(r: &StoredHelpRequest) -> HelpRequestView {
        HelpRequestView {
            id: r.id.clone(),
            code: r.code.clone(),
            preferred_time: r.preferred_time.clone(),
            status: r.status.clone(),
            created_at: r.created_at.clone(),
        }
    }
}

/// Records a request to be called about a design: 201, or 200 with the earlier request for a repeated
/// submission id. The answer never contains the name or the phone number.
#[utoipa::path(
    post,
    path = "/help-requests",
    tag = "designs",
    params(("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`")),
    request_body(content = schemas::HelpRequest, content_type = "application/json",
        description = "The design code, whom to ask for, the number to call, when, and in which language"),
    responses(
        (status = 201, description = "Recorded", body = HelpRequestView),
        (status = 200, description = "This submission id was recorded before: the same request",
            body = HelpRequestView),
        (status = 400, description = "Not JSON of this shape (`malformed_json`)", body = schemas::ErrorResponse),
        (status = 409, description = "Submission id reused for a different request (`submission_conflict`)",
            body = schemas::ErrorResponse),
        (status = 413, description = "Body over 64 KiB (`body_too_large`)", body = schemas::ErrorResponse),
        (status = 415, description = "No JSON `Content-Type` (`unsupported_media_type`)", body = schemas::ErrorResponse),
        (status = 422, description = "The request fails the shop's checks (`help_request_invalid`, every problem \
            listed with its path; an unknown design code is `help_unknown_code` at `code`)",
            body = schemas::ErrorResponse),
        (status = 429, description = "Too many help requests from this client (`rate_limited`; \
            `ATELIER_HELP_REQUESTS_PER_HOUR`)", body = schemas::ErrorResponse,
            headers(("Retry-After" = u64, description = "Seconds until the next request is allowed"))),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    client: ClientAddr,
    JsonBody { value: request, .. }: JsonBody<HelpRequest>,
) -> Result<Response, ApiError> {
    state.limits.help_requests.check(client)?;
    let valid = check_help_request(&request).map_err(ApiError::InvalidHelpRequest)?;
    if state.store.design(&valid.code).await?.is_none() {
        let code = valid.code.clone();
        let problem = HelpProblem::new("code", HelpProblemKind::UnknownCode { code });
        return Err(ApiError::InvalidHelpRequest(vec![problem]));
    }
    let submission = Some(valid.submission.as_str());
    let same = |earlier: &StoredHelpRequest| same_request(earlier, &valid);
    let build = |id: String| {
        Ok(StoredHelpRequest {
            id,
            submission: valid.submission.clone(),
            code: valid.code.clone(),
            name: valid.name.clone(),
            phone: valid.phone.clone(),
            preferred_time: valid.preferred_time.token().to_owned(),
            locale: valid.locale.tag().to_owned(),
            status: "received".to_owned(),
            created_at: spec::timestamp(SystemTime::now()),
        })
    };
    let created = idempotent::create(&state.store, submission, build, same).await?;
    let (status, stored) = match created {
        Created::New(r) => {
            // Never the name or the number: logs are not where personal data belongs.
            tracing::info!(help_request = %r.id, code = %r.code, "help request recorded");
            (StatusCode::CREATED, r)
        }
        Created::Again(r) => (StatusCode::OK, r),
    };
    Ok((status, Json(HelpRequestView::of(&stored))).into_response())
}

/// Whether `earlier`, stored under this request's submission id, asks for the same call.
fn same_request(earlier: &StoredHelpRequest, request: &ValidHelpRequest) -> bool {
    earlier.code == request.code
        && earlier.name == request.name
        && earlier.phone == request.phone
        && earlier.preferred_time == request.preferred_time.token()
        && earlier.locale == request.locale.tag()
}

impl Submitted for StoredHelpRequest {
    type New = StoredHelpRequest;

    fn new_id() -> Result<String, getrandom::Error> {
        new_help_request_id()
    }

    fn insert(
        store: &Store,
        new: &StoredHelpRequest,
    ) -> impl Future<Output = Result<Inserted<StoredHelpRequest>, sqlx::Error>> + Send {
        store.insert_help_request(new)
    }

    fn by_submission(
        store: &Store,
        submission: &str,
    ) -> impl Future<Output = Result<Option<StoredHelpRequest>, sqlx::Error>> + Send {
        store.help_request_by_submission(submission)
    }
}
