//! The one error type at the HTTP boundary, and how each becomes a JSON response.
//!
//! The status is chosen in one place ([`ApiError::status`]); internal details (database errors, panics) are
//! logged and never sent. A database that cannot serve the shop right now (down, read-only, full: see
//! [`Unavailable`]) is a 503 `database_unavailable` with `Retry-After`, not a 500: nothing is wrong with the
//! request or the shop, and the same request will work once the database is back. Bodies are `{"error": {"code", "message", "problems": [...]}}` with messages from the
//! core's message catalogs in the request's language (see [`crate::locale::localize_errors`]).

use crate::store::Unavailable;
use atelier_core::design::DesignProblem;
use atelier_core::design_code::CodeError;
use atelier_core::help_request::HelpProblem;
use atelier_core::order::OrderProblem;
use atelier_core::problem::ProblemReport;
use atelier_core::swatch::SwatchProblem;
use atelier_core::{Locale, messages};
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::sync::Arc;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not JSON of the endpoint's shape.
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// The body exceeds [`crate::BODY_LIMIT`].
    #[error("body too large")]
    BodyTooLarge,
    /// The body is not declared as JSON.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// No such route.
    #[error("not found")]
    NotFound,
    /// The route exists, not with this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// No such product.
    #[error("product {0} not found")]
    ProductNotFound(String),
    /// No such order.
    #[error("order {0} not found")]
    OrderNotFound(String),
    /// The order failed the core's checks.
    #[error("invalid order")]
    InvalidOrder(Vec<OrderProblem>),
    /// The swatch request failed the shop's checks.
    #[error("invalid swatch request")]
    InvalidSwatchRequest(Vec<SwatchProblem>),
    /// No such swatch request.
    #[error("swatch request {0} not found")]
    SwatchRequestNotFound(String),
    /// A preview scale other than 1 or 2.
    #[error("invalid preview scale")]
    InvalidPreviewScale,
    /// The order's product has no such view.
    #[error("order {order} has no view {view}")]
    PreviewViewNotFound {
        /// The order number.
        order: String,
        /// The view asked for.
        view: String,
    },
    /// The product has no still of that name (an old page's link after the catalog or its artwork changed).
    #[error("product {product} has no still {file}")]
    StillNotFound {
        /// The product id.
        product: String,
        /// The file name asked for.
        file: String,
    },
    /// The order cannot be drawn as it was accepted any more (its product changed, or it predates proofs).
    #[error("preview of order {0} unavailable")]
    PreviewUnavailable(String),
    /// A design that does not fit its product (every problem listed).
    #[error("invalid design")]
    InvalidDesign(Vec<DesignProblem>),
    /// Text that is not a design code, and why (the text as given, at most a code's length or so).
    #[error("not a design code")]
    InvalidDesignCode(CodeError, String),
    /// A help request failing the checks (every problem listed).
    #[error("invalid help request")]
    InvalidHelpRequest(Vec<HelpProblem>),
    /// No design under this code.
    #[error("design {0} not found")]
    DesignNotFound(String),
    /// Over the client's rate limit: try again after `retry_after` seconds.
    #[error("rate limited")]
    RateLimited {
        /// Seconds until the next request is allowed (the `Retry-After` header).
        retry_after: u64,
    },
    /// An `Idempotency-Key` header that is not a submission id.
    #[error("malformed Idempotency-Key header")]
    InvalidIdempotencyKey,
    /// An `Idempotency-Key` header that names another submission than the body.
    #[error("Idempotency-Key header and body submission differ")]
    IdempotencyKeyMismatch,
    /// A submission id already used for a different order (or swatch request).
    #[error("submission id reused for a different order")]
    SubmissionConflict,
    /// The database cannot serve the request now (down, read-only, full, locked): 503, logged as one line
    /// saying which; the source is kept for that line, never sent.
    #[error("database unavailable ({why})")]
    DatabaseUnavailable {
        /// Which way it is unavailable.
        why: Unavailable,
        /// The driver's error.
        #[source]
        source: sqlx::Error,
    },
    /// The order writer's queue is full ([`crate::store::Writes::queue`]): nothing was stored, try again soon.
    #[error("too many orders waiting to be stored")]
    Busy,
    /// A fault on the shop's side: what the shop was doing and, when there is one, the error that stopped it.
    /// Logged with its whole chain of sources where the response is made, never sent to the client.
    #[error("internal error: {context}")]
    Internal {
        /// What the shop was doing (`"spec serialization"`, `"database"`).
        context: &'static str,
        /// Why it failed; `None` when the fault is a broken expectation rather than a failed call.
        #[source]
        source: Option<BoxError>,
    },
}

/// Any error, as an [`ApiError::Internal`] source keeps it.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl ApiError {
    /// An internal error with its source: `.map_err(|e| ApiError::internal("png", e))`.
    pub fn internal(context: &'static str, source: impl Into<BoxError>) -> ApiError {
        ApiError::Internal {
            context,
            source: Some(source.into()),
        }
    }

    /// An internal error with no source: an expectation the shop's own code broke (`"order vanished"`).
    pub fn bug(context: &'static str) -> ApiError {
        ApiError::Internal {
            context,
            source: None,
        }
    }
}

/// `ApiError::internal(context, _)` as a function, for `map_err`: `.map_err(internal("randomness"))?`.
pub fn internal<E: Into<BoxError>>(context: &'static str) -> impl FnOnce(E) -> ApiError {
    move |e| ApiError::internal(context, e)
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        match Unavailable::of(&e) {
            Some(why) => ApiError::DatabaseUnavailable { why, source: e },
            None => ApiError::internal("database", e),
        }
    }
}

/// How long a client is asked to wait before trying again after a `database_unavailable` answer: long enough
/// for a restarting server, short enough that nobody gives up.
pub const DATABASE_RETRY_AFTER_SECS: u64 = 5;

/// `error` and every source under it, `: `-separated, as the log shows them.
pub fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(e) = next {
        text.push_str(": ");
        text.push_str(&e.to_string());
        next = e.source();
    }
    text
}

#[derive(Serialize)]
struct Body<'a> {
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    problems: Vec<ProblemReport>,
}

impl ApiError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::MalformedJson(_) => StatusCode::BAD_REQUEST,
            ApiError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::NotFound
            | ApiError::ProductNotFound(_)
            | ApiError::OrderNotFound(_)
            | ApiError::SwatchRequestNotFound(_)
            | ApiError::PreviewViewNotFound { .. }
            | ApiError::StillNotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::InvalidPreviewScale | ApiError::InvalidIdempotencyKey => {
                StatusCode::BAD_REQUEST
            }
            ApiError::IdempotencyKeyMismatch
            | ApiError::InvalidDesign(_)
            | ApiError::InvalidHelpRequest(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::InvalidDesignCode(..) => StatusCode::BAD_REQUEST,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::DesignNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::PreviewUnavailable(_) => StatusCode::CONFLICT,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::InvalidOrder(_) | ApiError::InvalidSwatchRequest(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::SubmissionConflict => StatusCode::CONFLICT,
            ApiError::DatabaseUnavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            ApiError::MalformedJson(_) => "malformed_json",
            ApiError::BodyTooLarge => "body_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::ProductNotFound(_) => "product_not_found",
            ApiError::OrderNotFound(_) => "order_not_found",
            ApiError::InvalidOrder(_) => "invalid_order",
            ApiError::InvalidSwatchRequest(_) => "swatch_request_invalid",
            ApiError::SwatchRequestNotFound(_) => "swatch_request_not_found",
            ApiError::SubmissionConflict => "submission_conflict",
            ApiError::InvalidIdempotencyKey => "invalid_idempotency_key",
            ApiError::IdempotencyKeyMismatch => "idempotency_key_mismatch",
            ApiError::InvalidDesign(_) => "invalid_design",
            ApiError::RateLimited { .. } => "rate_limited",
            ApiError::InvalidHelpRequest(_) => "help_request_invalid",
            ApiError::InvalidDesignCode(..) => "invalid_design_code",
            ApiError::DesignNotFound(_) => "design_not_found",
            ApiError::InvalidPreviewScale => "invalid_preview_scale",
            ApiError::PreviewViewNotFound { .. } => "preview_view_not_found",
            ApiError::PreviewUnavailable(_) => "preview_unavailable",
            ApiError::StillNotFound { .. } => "still_not_found",
            ApiError::DatabaseUnavailable { .. } => "database_unavailable",
            ApiError::Busy => "busy",
            ApiError::Internal { .. } => "internal",
        }
    }

    /// The JSON response in `locale`.
    pub fn render(&self, locale: Locale) -> Response {
        let args: Vec<(&str, String)> = match self {
            ApiError::MalformedJson(detail) => vec![("detail", detail.clone())],
            ApiError::BodyTooLarge => vec![("limit", crate::BODY_LIMIT.to_string())],
            ApiError::ProductNotFound(p) => vec![("product", p.clone())],
            ApiError::OrderNotFound(o) => vec![("order", o.clone())],
            ApiError::SwatchRequestNotFound(r) => vec![("request", r.clone())],
            ApiError::PreviewViewNotFound { order, view } => {
                vec![("order", order.clone()), ("view", view.clone())]
            }
            ApiError::PreviewUnavailable(o) => vec![("order", o.clone())],
            ApiError::DesignNotFound(code) => vec![("code", code.clone())],
            ApiError::RateLimited { retry_after } => vec![("seconds", retry_after.to_string())],
            ApiError::InvalidDesignCode(e, code) => vec![
                ("code", code.chars().take(20).collect()),
                ("reason", e.message(locale)),
            ],
            // The name is the client's: echoed only as far as a real one reaches.
            ApiError::StillNotFound { product, file } => vec![
                ("product", product.clone()),
                ("file", file.chars().take(80).collect()),
            ],
            _ => vec![],
        };
        let problems = match self {
            ApiError::InvalidOrder(ps) => ps.iter().map(|p| p.report(locale)).collect(),
            ApiError::InvalidSwatchRequest(ps) => ps.iter().map(|p| p.report(locale)).collect(),
            ApiError::InvalidDesign(ps) => ps.iter().map(|p| p.report(locale)).collect(),
            ApiError::InvalidHelpRequest(ps) => ps.iter().map(|p| p.report(locale)).collect(),
            _ => Vec::new(),
        };
        let message = messages::format(locale, &format!("error.{}", self.code()), &args);
        let body = Body {
            error: ErrorBody {
                code: self.code(),
                message,
                problems,
            },
        };
        let mut response = (self.status(), Json(body)).into_response();
        let retry_after = match self {
            ApiError::RateLimited { retry_after } => Some(*retry_after),
            ApiError::DatabaseUnavailable { .. } => Some(DATABASE_RETRY_AFTER_SECS),
            // A full order queue drains within a few flushes: a second is plenty.
            ApiError::Busy => Some(1),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

/// The one log line of a request the database could not serve: which way it is unavailable, what that means,
/// and the driver's error.
pub fn log_unavailable(why: Unavailable, source: &sqlx::Error) {
    tracing::error!(
        database = %why,
        error = %chain(source),
        "database unavailable, answered 503: {}",
        why.explain()
    );
}

/// A rendered error remembers what it was, so the localization middleware can re-render it.
#[derive(Clone)]
pub struct ErrorSource(pub Arc<ApiError>);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match &self {
            // The whole chain, for the log only: the client gets the plain `internal` body.
            ApiError::Internal { .. } => tracing::error!(error = %chain(&self), "request failed"),
            ApiError::DatabaseUnavailable { why, source } => {
                log_unavailable(*why, source);
            }
            _ => {}
        }
        let mut response = self.render(Locale::En);
        response
            .extensions_mut()
            .insert(ErrorSource(Arc::new(self)));
        response
    }
}

/// What a caught panic answers: a JSON 500, the panic logged. A panic is a bug; it must not drop the
/// connection or leak its message.
pub fn panic_response(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default();
    ApiError::internal("panic", detail).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(error: &ApiError, log: &str) {
        assert_eq!(chain(error), log);
        assert_eq!(error.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(error.code(), "internal");
    }

    #[test]
    fn an_internal_error_keeps_its_sources_for_the_log() {
        let io = || std::io::Error::other("disk on fire");
        check(
            &ApiError::internal("spec serialization", io()),
            "internal error: spec serialization: disk on fire",
        );
        check(
            &internal("randomness")(io()),
            "internal error: randomness: disk on fire",
        );
        check(
            &ApiError::bug("order vanished"),
            "internal error: order vanished",
        );
        check(
            &ApiError::from(sqlx::Error::RowNotFound),
            &format!("internal error: database: {}", sqlx::Error::RowNotFound),
        );
        // Nested: every level is kept.
        let nested = ApiError::internal("drawing an order", ApiError::internal("png", io()));
        check(
            &nested,
            "internal error: drawing an order: internal error: png: disk on fire",
        );
    }

    /// A full order queue is a 503 the client can act on: a code, a localized message, when to retry.
    #[test]
    fn a_full_order_queue_is_a_503_with_retry_after() {
        for locale in [Locale::En, Locale::Ko] {
            let response = ApiError::Busy.render(locale);
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(response.headers()[axum::http::header::RETRY_AFTER], "1");
            let message = messages::format(locale, "error.busy", &[]);
            assert!(!message.is_empty() && message != "error.busy", "{message}");
        }
    }

    #[tokio::test]
    async fn the_client_never_sees_the_sources() {
        use http_body_util::BodyExt;
        let response = ApiError::internal("secret context", std::io::Error::other("secret source"))
            .into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        let text = String::from_utf8_lossy(&body);
        assert!(text.contains("\"code\":\"internal\""), "{text}");
        assert!(!text.contains("secret"), "{text}");
    }
}
