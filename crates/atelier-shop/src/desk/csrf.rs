//! The CSRF defence of the desk's state changes. Every form that changes something (logout, a status move)
//! carries the session's token, `HMAC-SHA256(session token, "atelier desk csrf v1")`: a page of another site
//! cannot read it (it never sees the session token, which is HttpOnly and never in a page), and the shop needs
//! no state to check it. [`Checked`] is the extractor every desk POST takes: a session first (else the
//! sign-in page), then the form, then the token (else 403), so no state-changing handler can forget it.
//!
//! The sign-in form has no session to tie a token to, and a forged sign-in (logging a victim into the
//! attacker's account, whose pages then collect what the victim types) is an attack too. It uses a
//! double-submit token instead: `GET /desk/login` sets a random `atelier_desk_login` cookie (HttpOnly,
//! SameSite=Strict) and writes the same value into the form; `POST /desk/login` requires both and equal. A
//! cross-site POST carries neither the Strict cookie nor knowledge of its value. This is chosen over checking
//! `Origin` because some privacy settings and proxies strip that header, which would lock staff out.

use super::error::DeskError;
use super::form::Form;
use super::session::Staff;
use crate::AppState;
use axum::extract::{FromRequest, FromRequestParts, Request};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The pre-session cookie of the sign-in form.
pub const LOGIN_COOKIE: &str = "atelier_desk_login";

/// The form field that carries the token.
pub const FIELD: &str = "csrf";

fn mac(session_token: &str) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(session_token.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(b"atelier desk csrf v1");
    mac
}

/// The CSRF token of the session with `session_token`, hex.
pub fn token_for(session_token: &str) -> String {
    hex::encode(mac(session_token).finalize().into_bytes())
}

/// Whether `given` is the CSRF token of `session_token`, compared in constant time.
pub fn valid(session_token: &str, given: &str) -> bool {
    hex::decode(given).is_ok_and(|bytes| mac(session_token).verify_slice(&bytes).is_ok())
}

/// Whether two secrets are equal, in time that depends on their length only.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A signed-in staff member's form whose CSRF token is this session's.
pub struct Checked {
    /// Who sent it.
    pub staff: Staff,
    /// The form.
    pub form: Form,
}

impl FromRequest<AppState> for Checked {
    type Rejection = DeskError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, DeskError> {
        let (mut parts, body) = request.into_parts();
        let staff = Staff::from_request_parts(&mut parts, state).await?;
        let form = Form::from_request(Request::from_parts(parts, body), state)
            .await
            .unwrap_or_default();
        match form.get(FIELD) {
            Some(token) if valid(&staff.token, token) => Ok(Checked { staff, form }),
            _ => Err(DeskError::Csrf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_valid_for_its_session_only() {
        let t = token_for("session-a");
        assert_eq!(t.len(), 64);
        assert!(valid("session-a", &t));
        for bad in [
            token_for("session-b"),
            String::new(),
            "zz".into(),
            t[..62].to_owned(),
            format!("{t}00"),
        ] {
            assert!(!valid("session-a", &bad), "{bad}");
        }
    }

    #[test]
    fn same_compares_whole_strings() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
        assert!(!same("", "a"));
    }
}
