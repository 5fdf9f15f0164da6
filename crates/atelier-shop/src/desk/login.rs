//! Signing in and out: `GET /desk/login` (the form, with its pre-session CSRF cookie, see [`super::csrf`]),
//! `POST /desk/login` and `POST /desk/logout`.
//!
//! Every sign-in attempt spends one from two budgets before the password is checked: its client address's
//! and its user name's (`ATELIER_DESK_LOGINS_PER_MINUTE` each, [`crate::rate_limit`]), so guessing is slow
//! from one address and from many, and an attempt over budget costs the shop no hashing. Honest staff sign in
//! once a day and never notice. An unknown name is checked against a dummy hash ([`super::password`]), and
//! the answer is the same as for a wrong password.

use super::csrf::{self, Checked, LOGIN_COOKIE};
use super::error::{DeskError, DeskResult};
use super::form::Form;
use super::messages::t;
use super::session::{self, COOKIE, set_cookie};
use super::{HOME, layout};
use crate::AppState;
use crate::locale::RequestLocale;
use crate::rate_limit::ClientAddr;
use atelier_core::Locale;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

/// The longest user name looked up (longer ones cannot exist: `desk add-user` refuses them).
const NAME_MAX: usize = 64;

/// The sign-in page with a fresh form token (and its cookie), `status` and an optional problem line.
fn form_page(
    locale: Locale,
    headers: &HeaderMap,
    status: StatusCode,
    problem: Option<&str>,
) -> DeskResult<Response> {
    let token = session::new_token().map_err(|e| DeskError::internal("randomness", e))?;
    let body = html! {
        form.login method="post" action="/desk/login" {
            h1 { (t(locale, "desk.login.title")) }
            @if let Some(problem) = problem { p.problem role="alert" { (problem) } }
            input type="hidden" name=(csrf::FIELD) value=(token);
            label { (t(locale, "desk.login.name"))
                input type="text" name="name" autocomplete="username" required autofocus; }
            label { (t(locale, "desk.login.password"))
                input type="password" name="password" autocomplete="current-password" required; }
            button type="submit" { (t(locale, "desk.login.submit")) }
        }
    };
    let mut response = layout::page(locale, t(locale, "desk.login.title"), None, body);
    *response.status_mut() = status;
    // Ten minutes to fill in the form; a later attempt gets a fresh form.
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LOGIN_COOKIE, &token, 600, headers),
    );
    Ok(response)
}

/// `GET /desk/login`.
pub async fn page(
    RequestLocale(locale): RequestLocale,
    headers: HeaderMap,
) -> DeskResult<Response> {
    form_page(locale, &headers, StatusCode::OK, None)
}

/// `POST /desk/login`: 303 to the orders with a session cookie, the form again (401) for a wrong name or
/// password, 403 without the form's token, 429 over budget.
pub async fn submit(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    client: ClientAddr,
    headers: HeaderMap,
    form: Form,
) -> DeskResult<Response> {
    let cookie = session::cookie(&headers, LOGIN_COOKIE);
    let field = form.get(csrf::FIELD);
    if !matches!((cookie.as_deref(), field), (Some(c), Some(f)) if !c.is_empty() && csrf::same(c, f))
    {
        return Err(DeskError::Csrf);
    }
    let name = form.get("name").unwrap_or_default().trim();
    let password = form.get("password").unwrap_or_default();
    let name_key: String = name.chars().take(NAME_MAX + 1).collect();
    for spent in [
        state.limits.desk_logins_by_addr.spend(&client.0),
        state.limits.desk_logins_by_name.spend(&name_key),
    ] {
        if let Err(retry_after) = spent {
            tracing::warn!(addr = %client.0, "desk sign-in attempts over budget");
            return Err(DeskError::RateLimited { retry_after });
        }
    }
    let stored = if name.is_empty() || name.chars().count() > NAME_MAX {
        None
    } else {
        state.store.desk_password(name).await?
    };
    if !super::password::verify_off_runtime(stored, password.to_owned()).await {
        tracing::info!(addr = %client.0, "desk sign-in refused");
        let problem = t(locale, "desk.login.wrong");
        return form_page(locale, &headers, StatusCode::UNAUTHORIZED, Some(problem));
    }
    let cookie = session::start(&state, name, &headers).await?;
    tracing::info!(user = %name, "desk sign-in");
    let mut response = Redirect::to(HOME).into_response();
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LOGIN_COOKIE, "", 0, &headers),
    );
    Ok(response)
}

/// `POST /desk/logout`: ends the session in the database (the cookie is worthless from now on, wherever it
/// is), clears the cookie and goes to the sign-in page.
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    Checked { staff, .. }: Checked,
) -> DeskResult<Response> {
    state
        .store
        .delete_desk_session(&session::token_sha256(&staff.token))
        .await?;
    let mut response = Redirect::to(super::LOGIN).into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, set_cookie(COOKIE, "", 0, &headers));
    Ok(response)
}
