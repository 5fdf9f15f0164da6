//! The `Idempotency-Key` request header (IETF httpapi draft "The Idempotency-Key HTTP Header Field"): a
//! client may name its submission with the standard header instead of, or as well as, the body's
//! `submission` field, with the same meaning (a repeat gets the first record, a different body 409).
//!
//! The draft makes the value a structured-field string (`"…"`); bare values are accepted too, since many
//! clients send them so. Either way it must be a submission id (16–64 letters, digits and `-`).

use crate::error::ApiError;
use atelier_core::id::is_submission_id;
use axum::http::HeaderMap;

/// The header's name.
pub const HEADER: &str = "idempotency-key";

/// The submission id a request names: the body's, the header's, or both when they agree. `None` when neither
/// names one; an error for a malformed header or a header that contradicts the body.
pub fn submission(headers: &HeaderMap, body: Option<String>) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(body);
    };
    let key = value
        .to_str()
        .ok()
        .map(str::trim)
        .map(|v| {
            v.strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(v)
        })
        .filter(|v| is_submission_id(v))
        .ok_or(ApiError::InvalidIdempotencyKey)?;
    match body {
        Some(b) if b != key => Err(ApiError::IdempotencyKeyMismatch),
        _ => Ok(Some(key.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn check(header: Option<&[u8]>, body: Option<&str>, want: Result<Option<&str>, &str>) {
        let mut headers = HeaderMap::new();
        if let Some(h) = header {
            headers.insert(HEADER, HeaderValue::from_bytes(h).expect("a header value"));
        }
        let got = submission(&headers, body.map(str::to_owned));
        let got = got.as_ref().map(|s| s.as_deref()).map_err(|e| match e {
            ApiError::InvalidIdempotencyKey => "invalid",
            ApiError::IdempotencyKeyMismatch => "mismatch",
            _ => "other",
        });
        assert_eq!(
            got,
            want,
            "{:?} {body:?}",
            header.map(String::from_utf8_lossy)
        );
    }

    #[test]
    fn the_header_names_the_submission() {
        let id = "atl-0123456789abcdef";
        check(None, None, Ok(None));
        check(None, Some(id), Ok(Some(id)));
        check(Some(id.as_bytes()), None, Ok(Some(id)));
        check(Some(b"\"atl-0123456789abcdef\""), None, Ok(Some(id)));
        check(Some(b"  atl-0123456789abcdef "), None, Ok(Some(id)));
        check(Some(id.as_bytes()), Some(id), Ok(Some(id)));
        check(
            Some(b"8e03978e-40d5-43e8-bc93-6894a57f9324"),
            None,
            Ok(Some("8e03978e-40d5-43e8-bc93-6894a57f9324")),
        );
        check(
            Some(id.as_bytes()),
            Some("atl-ffffffffffffffff"),
            Err("mismatch"),
        );
        check(Some(b"short"), None, Err("invalid"));
        check(Some(b""), None, Err("invalid"));
        check(Some(b"\"\""), None, Err("invalid"));
        check(Some(b"atl_0123456789abcdef"), None, Err("invalid"));
        check(Some(&[b'a'; 65]), None, Err("invalid"));
        check(Some(b"\xffatl-0123456789abcdef"), None, Err("invalid"));
    }
}
