//! The order desk at `/desk`: server-rendered HTML (`maud`, no script) for the shop's staff and factory. Staff
//! sign in ([`login`], accounts made by `atelier-shop desk add-user`, [`add_user`]); every other page needs a
//! session ([`session::Staff`], else a 303 to the sign-in page) and every state change the session's CSRF token
//! ([`csrf::Checked`], else 403). The pages: the order list with filters and paging ([`orders`], CSV export
//! in [`export`]), one order with its production previews, spec, price, personal text and status moves
//! ([`order`], [`preview`], [`status_move`], the transition table in [`status`]), the swatch requests, help
//! requests and design codes with the contact details only staff see ([`contacts`]), and the dashboard
//! ([`dashboard`], [`charts`]). Pages follow `Accept-Language` (Korean or English, [`messages`]); errors are
//! pages too ([`error`]).
//!
//! The desk is not part of the JSON API and not in the OpenAPI document: it is mounted beside `/api`, not in
//! it, and its routes are plain `.route(...)`s.

pub mod add_user;
mod charts;
mod contacts;
pub mod csrf;
mod dashboard;
mod error;
mod export;
mod filter;
mod form;
mod layout;
mod login;
mod messages;
mod order;
mod orders;
pub mod password;
mod preview;
pub mod session;
mod show;
pub mod status;
mod status_move;

use crate::AppState;
use axum::Router;
use axum::routing::{get, post};

/// The desk's home: the order list.
pub const HOME: &str = "/desk/orders";

/// The sign-in page.
pub const LOGIN: &str = "/desk/login";

/// The desk's routes (mounted at the root: every path starts with `/desk`).
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/desk", get(orders::list))
        .route("/desk/", get(orders::list))
        .route("/desk/orders", get(orders::list))
        .route("/desk/orders.csv", get(export::csv))
        .route("/desk/orders/{file}", get(order::page))
        .route("/desk/orders/{id}/status", post(status_move::post))
        .route("/desk/orders/{id}/preview/{file}", get(preview::png))
        .route("/desk/swatch-requests", get(contacts::swatch_requests))
        .route("/desk/help-requests", get(contacts::help_requests))
        .route("/desk/designs", get(contacts::designs))
        .route("/desk/dashboard", get(dashboard::page))
        .route("/desk/login", get(login::page).post(login::submit))
        .route("/desk/logout", post(login::logout))
        .route("/desk/desk.css", get(layout::css))
        // A desk address asked with the wrong method gets a desk page, like every other desk error (not the
        // JSON API's error).
        .method_not_allowed_fallback(|| async { error::DeskError::MethodNotAllowed })
        .layer(axum::middleware::from_fn(error::localize))
        .with_state(state)
}
