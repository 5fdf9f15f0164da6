//! Signed-in staff: the session cookie and the [`Staff`] extractor every desk page but the sign-in page asks
//! for.
//!
//! A session is a random 256-bit token in the `atelier_desk` cookie (`HttpOnly`: no script reads it;
//! `SameSite=Strict`: no other site's page sends it; `Path=/desk`; `Secure` when the request came over TLS,
//! [`crate::forwarded::is_https`]). The database keeps only the token's SHA-256, with the user and the expiry,
//! so logging out deletes the row and the cookie is worthless from then on, wherever a copy of it is.
//! Without a live session a desk request is sent to the sign-in page ([`DeskError::SignedOut`]).

use super::error::DeskError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use sha2::{Digest, Sha256};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The session cookie's name.
pub const COOKIE: &str = "atelier_desk";

/// How long a session lasts after signing in: a working day and then some, never overnight twice.
pub const LIFETIME: Duration = Duration::from_secs(12 * 3600);

/// Now, as unix milliseconds (the desk tables' time).
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// A fresh random token: 32 bytes from the OS, as 64 hex digits.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(hex::encode(bytes))
}

/// What the database keeps of a token: its SHA-256, hex.
pub fn token_sha256(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A `Set-Cookie` value for `name=value` under `/desk`, HttpOnly and SameSite=Strict, living `max_age`
/// seconds (0 deletes it), `Secure` when the request came over TLS.
pub fn set_cookie(name: &str, value: &str, max_age: u64, headers: &HeaderMap) -> HeaderValue {
    let secure = if crate::forwarded::is_https(headers) {
        "; Secure"
    } else {
        ""
    };
    let text =
        format!("{name}={value}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}");
    // Names are constants and values hex digits, so the text is always a valid header value.
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("invalid=; Max-Age=0"))
}

/// The value of cookie `name` in the request, if sent.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_owned())
}

/// Starts a session for `user`: stores its hash and returns the cookie to set.
pub async fn start(
    state: &AppState,
    user: &str,
    headers: &HeaderMap,
) -> Result<HeaderValue, DeskError> {
    let token = new_token().map_err(|e| DeskError::internal("randomness", e))?;
    let now = now_ms();
    let lifetime = i64::try_from(LIFETIME.as_millis()).unwrap_or(i64::MAX);
    state
        .store
        .insert_desk_session(
            &token_sha256(&token),
            user,
            now,
            now.saturating_add(lifetime),
        )
        .await?;
    Ok(set_cookie(COOKIE, &token, LIFETIME.as_secs(), headers))
}

/// A signed-in staff member: the session's user and its token (for the CSRF token, [`super::csrf`]).
#[derive(Clone, Debug)]
pub struct Staff {
    /// The user's name.
    pub user: String,
    /// The session token from the cookie.
    pub(super) token: String,
}

impl Staff {
    /// This session's CSRF token, for the forms on its pages.
    pub fn csrf(&self) -> String {
        super::csrf::token_for(&self.token)
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = DeskError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, DeskError> {
        let Some(token) = cookie(&parts.headers, COOKIE) else {
            return Err(DeskError::SignedOut);
        };
        let user = state
            .store
            .desk_session_user(&token_sha256(&token), now_ms())
            .await?
            .ok_or(DeskError::SignedOut)?;
        Ok(Staff { user, token })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("x_atelier_desk=no; atelier_desk=abc; atelier_desk_login=def"),
        );
        assert_eq!(cookie(&headers, COOKIE).as_deref(), Some("abc"));
        assert_eq!(
            cookie(&headers, "atelier_desk_login").as_deref(),
            Some("def")
        );
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn the_cookie_is_secure_only_behind_tls() {
        let mut headers = HeaderMap::new();
        let plain = set_cookie(COOKIE, "ab12", 60, &headers);
        assert_eq!(
            plain,
            "atelier_desk=ab12; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=60"
        );
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        let secure = set_cookie(COOKIE, "ab12", 60, &headers);
        assert!(
            secure.to_str().is_ok_and(|s| s.ends_with("; Secure")),
            "{secure:?}"
        );
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token().expect("random"), new_token().expect("random"));
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(token_sha256(&a), a);
        assert_eq!(token_sha256(&a), token_sha256(&a));
    }
}
