//! Atelier's shop: an axum server that serves the configurator app and the catalogs, and receives finished
//! designs. It re-checks every order with the same `atelier-core` code the browser ran, prices it itself and
//! stores it in SQLite or PostgreSQL through sqlx.
//!
//! [`app`] builds the whole router from an [`AppState`], so tests drive it with `oneshot` and no socket;
//! `main.rs` only reads the [`config::Config`] and serves. The same binary checks catalog files for retailers
//! ([`catalog_check`]). Every accepted order is also signed and delivered to the retailer's webhook
//! ([`spec`], [`signature`], [`webhook`]), after the shop drew every view of it and found the pixels the
//! shopper saw ([`proof`], with the layers of [`artwork`]); the same drawing serves an order's production
//! preview as a PNG. Shoppers can also ask for physical color swatches
//! ([`atelier_core::swatch`]), recorded with their contact details, which the API never serves back: only the
//! staff's order desk ([`desk`], server-rendered HTML behind a session) shows them, until [`retention`]
//! erases them.

pub mod artwork;
pub mod catalog_check;
pub mod catalogs;
pub mod cli;
pub mod config;
pub mod desk;
pub mod error;
pub mod forwarded;
pub mod idempotency_key;
pub mod idempotent;
pub mod json;
pub mod locale;
pub mod locate;
pub mod openapi;
pub mod order_id;
pub mod page;
pub mod proof;
pub mod rate_limit;
pub mod retention;
pub mod routes;
pub mod security;
pub mod signature;
pub mod spec;
pub mod spec_text;
pub mod still;
pub mod store;
pub mod webhook;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::{Extension, Router};
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

/// Largest request body accepted. A design is a few KB; anything near this is not one.
pub const BODY_LIMIT: usize = 64 * 1024;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The validated catalogs.
    pub catalogs: Arc<catalogs::Catalogs>,
    /// Order storage.
    pub store: store::Store,
    /// Retailer origins allowed to embed the configurator (see [`config::Config::embed_origins`]).
    pub embed_origins: Arc<[String]>,
    /// Per-client rate limits ([`rate_limit`]).
    pub limits: Arc<rate_limit::Limits>,
    /// Days shoppers' contact details are kept ([`retention`]), which the desk's pages say.
    pub contact_retention_days: u32,
    /// The shop's help line for easy mode ([`config::Config::help_phone`]), named in the app's page.
    pub help_phone: Option<Arc<str>>,
}

/// Where the router serves files from.
#[derive(Clone, Debug)]
pub struct Dirs {
    /// The catalogs' static root (catalog files and layers), served at `/static`.
    pub static_dir: PathBuf,
    /// The built app (trunk's `dist/`), served at `/`.
    pub app_dir: PathBuf,
}

/// The whole HTTP surface: the API under `/api`, the catalogs' files under `/static`, the order desk under
/// `/desk` ([`desk`]), the app at `/`.
pub fn app(state: AppState, dirs: &Dirs) -> Router {
    // Layer order: the body limit must wrap the API so oversized bodies fail before buffering; error
    // localization sits outside the routes so it also sees fallback and rejection errors (and their bodies
    // uncompressed); panics are caught outside that so even a bug answers with JSON rather than a dropped
    // connection; compression wraps every body the shop makes, the panic's too; the security headers wrap
    // even that, so every response carries them. CORS is the API's alone: files and the app get no grant.
    let (api, api_doc) = routes::router().split_for_parts();
    let doc = openapi::assemble(api_doc).to_json().unwrap_or_default();
    let embed_origins = state.embed_origins.clone();
    let desk = desk::router(state.clone());
    // The app's page carries the product's first paint; every other file of the app is served as built.
    let page = Router::new()
        .route("/", get(page::index))
        .route("/index.html", get(page::index))
        .route("/d/{code}", get(page::shared_design::page))
        .with_state((state.clone(), page::AppPage::read(&dirs.app_dir)));
    let api = api
        .layer(Extension(routes::docs::OpenApiJson(doc.into())))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(security::api_cors(&embed_origins))
        .with_state(state);
    let router = Router::new()
        .nest("/api", api)
        .nest_service("/static", ServeDir::new(&dirs.static_dir))
        .merge(page)
        .merge(desk)
        .fallback_service(ServeDir::new(&dirs.app_dir))
        .layer(axum::middleware::from_fn(locale::localize_errors))
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(CompressionLayer::new());
    security::with_headers(router, &embed_origins, &dirs.app_dir).layer(TraceLayer::new_for_http())
}
