//! The JSON body extractor of the API: axum's `Json` with every rejection mapped to an [`ApiError`] (400 for
//! malformed or mis-shaped JSON, 413 over the size limit, 415 without a JSON content type), and the body's
//! text kept so the shop can store a request exactly as it was sent.

use crate::error::ApiError;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use bytes::Bytes;
use serde::de::DeserializeOwned;

/// A JSON body: the parsed value and the text it was parsed from.
pub struct JsonBody<T> {
    /// The parsed value.
    pub value: T,
    /// The body as received.
    pub text: String,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| {
                let mime = mime.trim().to_ascii_lowercase();
                mime == "application/json"
                    || (mime.starts_with("application/") && mime.ends_with("+json"))
            });
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::BodyTooLarge
            } else {
                ApiError::MalformedJson(rejection.body_text())
            }
        })?;
        let text = String::from_utf8(bytes.to_vec())
            .map_err(|_| ApiError::MalformedJson("the body is not UTF-8".into()))?;
        let value =
            serde_json::from_str(&text).map_err(|e| ApiError::MalformedJson(e.to_string()))?;
        Ok(JsonBody { value, text })
    }
}
