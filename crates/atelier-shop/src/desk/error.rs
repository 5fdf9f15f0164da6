//! The order desk's one error type, and how each becomes a response: an HTML page in the request's language
//! (the desk is for people, not for programs), a redirect to the sign-in page when there is no session.
//!
//! The status is chosen in one place ([`DeskError::status`]). A handler returns the error without knowing the
//! language; [`localize`], the desk router's middleware, renders the page in the request's language (as
//! [`crate::locale::localize_errors`] does for the API's JSON). Internal details are logged, never shown.

use super::layout;
use super::messages::{format, t};
use crate::error::{BoxError, DATABASE_RETRY_AFTER_SECS, chain, log_unavailable};
use crate::store::Unavailable;
use atelier_core::Locale;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use std::sync::Arc;

/// Everything a desk request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// No valid session: the browser is sent to the sign-in page.
    #[error("not signed in")]
    SignedOut,
    /// A state change without this session's CSRF token (or a sign-in without the sign-in form's token).
    #[error("missing or wrong CSRF token")]
    Csrf,
    /// A query or form value that does not parse: each problem as a message key and the value it names.
    #[error("bad request")]
    BadInput(Vec<(&'static str, String)>),
    /// No such order (or other record).
    #[error("not found")]
    NotFound,
    /// A desk address asked with a method it does not take (`GET /desk/logout`, a `POST` to a list).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A status move the transition table does not allow.
    #[error("illegal status move {from} → {to}")]
    IllegalMove {
        /// The order's status.
        from: &'static str,
        /// The status asked for.
        to: &'static str,
    },
    /// The order cannot be drawn as it was accepted any more (its product or artwork changed).
    #[error("preview unavailable")]
    PreviewUnavailable,
    /// The order is not in the status the page showed any more: someone else moved it meanwhile.
    #[error("status changed meanwhile")]
    Stale,
    /// Too many sign-in attempts: try again after `retry_after` seconds.
    #[error("rate limited")]
    RateLimited {
        /// Seconds until the next attempt is allowed (the `Retry-After` header).
        retry_after: u64,
    },
    /// The database cannot serve the request now (down, read-only, full, locked): 503, one log line.
    #[error("database unavailable ({why})")]
    DatabaseUnavailable {
        /// Which way it is unavailable.
        why: Unavailable,
        /// The driver's error, for the log.
        #[source]
        source: sqlx::Error,
    },
    /// A fault on the shop's side (logged with its sources, never shown).
    #[error("internal error: {context}")]
    Internal {
        /// What the desk was doing.
        context: &'static str,
        /// Why it failed.
        #[source]
        source: Option<BoxError>,
    },
}

impl DeskError {
    /// An internal error with its source.
    pub fn internal(context: &'static str, source: impl Into<BoxError>) -> DeskError {
        DeskError::Internal {
            context,
            source: Some(source.into()),
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            DeskError::SignedOut => StatusCode::SEE_OTHER,
            DeskError::Csrf => StatusCode::FORBIDDEN,
            DeskError::BadInput(_) => StatusCode::BAD_REQUEST,
            DeskError::NotFound => StatusCode::NOT_FOUND,
            DeskError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            DeskError::IllegalMove { .. } | DeskError::Stale | DeskError::PreviewUnavailable => {
                StatusCode::CONFLICT
            }
            DeskError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            DeskError::DatabaseUnavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            DeskError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The error's page in `locale`.
    pub fn render(&self, locale: Locale) -> Response {
        if let DeskError::SignedOut = self {
            return Redirect::to(super::LOGIN).into_response();
        }
        let (title, lines): (&str, Vec<String>) = match self {
            DeskError::SignedOut => ("desk.error.signed_out", vec![]),
            DeskError::Csrf => ("desk.error.csrf", vec![]),
            DeskError::BadInput(problems) => (
                "desk.error.bad_input",
                problems
                    .iter()
                    .map(|(key, value)| format(locale, key, &[("value", value.clone())]))
                    .collect(),
            ),
            DeskError::NotFound => ("desk.error.not_found", vec![]),
            DeskError::MethodNotAllowed => ("desk.error.method_not_allowed", vec![]),
            DeskError::IllegalMove { from, to } => (
                "desk.error.illegal_move",
                vec![format(
                    locale,
                    "desk.error.illegal_move_detail",
                    &[
                        ("from", t(locale, &format!("desk.status.{from}")).to_owned()),
                        ("to", t(locale, &format!("desk.status.{to}")).to_owned()),
                    ],
                )],
            ),
            DeskError::Stale => ("desk.error.stale", vec![]),
            DeskError::PreviewUnavailable => ("desk.error.preview_unavailable", vec![]),
            DeskError::RateLimited { retry_after } => (
                "desk.error.rate_limited",
                vec![format(
                    locale,
                    "desk.error.retry_after",
                    &[("seconds", retry_after.to_string())],
                )],
            ),
            DeskError::DatabaseUnavailable { .. } => (
                "desk.error.database_unavailable",
                vec![t(locale, "desk.error.database_unavailable_detail").to_owned()],
            ),
            DeskError::Internal { .. } => ("desk.error.internal", vec![]),
        };
        let body = html! {
            h1 { (t(locale, title)) }
            @for line in &lines { p.problem { (line) } }
            p { a href=(super::HOME) { (t(locale, "desk.back_to_orders")) } }
        };
        let mut response = (
            self.status(),
            layout::page(locale, t(locale, title), None, body),
        )
            .into_response();
        let retry_after = match self {
            DeskError::RateLimited { retry_after } => Some(*retry_after),
            DeskError::DatabaseUnavailable { .. } => Some(DATABASE_RETRY_AFTER_SECS),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<sqlx::Error> for DeskError {
    fn from(e: sqlx::Error) -> Self {
        match Unavailable::of(&e) {
            Some(why) => DeskError::DatabaseUnavailable { why, source: e },
            None => DeskError::internal("database", e),
        }
    }
}

/// A desk error response remembers its error, so [`localize`] can render it in the request's language.
#[derive(Clone)]
struct DeskErrorSource(Arc<DeskError>);

impl IntoResponse for DeskError {
    fn into_response(self) -> Response {
        match &self {
            DeskError::Internal { .. } => {
                tracing::error!(error = %chain(&self), "desk request failed");
            }
            DeskError::DatabaseUnavailable { why, source } => log_unavailable(*why, source),
            _ => {}
        }
        let mut response = self.render(Locale::En);
        response
            .extensions_mut()
            .insert(DeskErrorSource(Arc::new(self)));
        response
    }
}

/// Renders every desk error page in the request's language.
pub async fn localize(request: Request, next: Next) -> Response {
    let locale = crate::locale::locale_of(request.headers());
    let response = next.run(request).await;
    match response.extensions().get::<DeskErrorSource>().cloned() {
        Some(DeskErrorSource(error)) if locale != Locale::En => error.render(locale),
        _ => response,
    }
}

/// A desk handler's result.
pub type DeskResult<T> = Result<T, DeskError>;
