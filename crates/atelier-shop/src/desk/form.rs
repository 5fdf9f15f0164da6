//! A desk form's body (`application/x-www-form-urlencoded`) as name/value pairs, read leniently so that a
//! missing or odd field is the handler's clear answer (a 403 for a missing CSRF token, a 400 for a bad value)
//! rather than an extractor's rejection.

use crate::BODY_LIMIT;
use axum::body::Body;
use axum::extract::{FromRequest, Request};
use std::convert::Infallible;

/// A form's fields, in the order sent.
#[derive(Clone, Debug, Default)]
pub struct Form(Vec<(String, String)>);

impl Form {
    /// The first value of field `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The form made of `body`.
    pub fn parse(body: &[u8]) -> Form {
        Form(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }
}

impl<S: Send + Sync> FromRequest<S> for Form {
    type Rejection = Infallible;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Infallible> {
        // A body over the limit, or one that fails to arrive, is an empty form: it then lacks its token.
        let bytes = axum::body::to_bytes(Body::new(request.into_body()), BODY_LIMIT)
            .await
            .unwrap_or_default();
        Ok(Form::parse(&bytes))
    }
}
