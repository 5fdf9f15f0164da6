//! The shop's HTTP API as the app uses it, same-origin: load a product's catalog, load a layer file, place an
//! order, request swatches. Each call turns every failure into a value ([`ApiError`], [`OrderError`],
//! [`SwatchError`]) the screen can explain.
//!
//! What the shop accepts is defined by `atelier_core::order` and `atelier_core::swatch`; this module only
//! carries it. It holds no state and knows nothing about components.

use crate::timing;
use atelier_core::catalog::CatalogProblem;
use atelier_core::order::{ClientPrice, OrderRequest};
use atelier_core::swatch::SwatchRequest;
use atelier_core::{Catalog, Locale, Money};
use atelier_core::{design_link, messages};
use gloo_net::http::{Request, Response};
use serde::Deserialize;
use wasm_bindgen::JsCast;

/// Why loading the product or its artwork failed.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The shop could not be reached.
    Network,
    /// The shop answered with an error status, perhaps with its own (already localized) message.
    Status {
        /// HTTP status.
        status: u16,
        /// The shop's message, if the body had one.
        message: Option<String>,
    },
    /// The product file is not a valid catalog.
    Catalog(Vec<CatalogProblem>),
}

impl ApiError {
    /// A sentence for the shopper in `locale`.
    pub fn describe(&self, locale: Locale) -> String {
        match self {
            ApiError::Network => messages::text(locale, "app.network_error").to_owned(),
            ApiError::Status {
                message: Some(m), ..
            } => m.clone(),
            ApiError::Status {
                status,
                message: None,
            } => messages::format(locale, "app.http_error", &[("status", status.to_string())]),
            ApiError::Catalog(problems) => problems
                .iter()
                .map(|p| p.message(locale))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

/// Why an order was not placed.
#[derive(Clone, Debug, PartialEq)]
pub enum OrderError {
    /// The shop refused the order: its message and one message per problem, in the language asked for.
    Rejected {
        /// The summary.
        message: String,
        /// Each problem.
        problems: Vec<String>,
    },
    /// The request never got an answer; the order may or may not exist, so a retry reuses the submission id.
    Network,
    /// It was never sent: a view's artwork, needed for the order's proofs, could not be loaded.
    Unproven(crate::proofs::ProofError),
}

/// The shop's answer to a placed order.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct OrderReceipt {
    /// The order number, e.g. `ATL-7KQ2-M9XD`.
    pub id: String,
    /// What the shop charged.
    pub price: ClientPrice,
}

impl OrderReceipt {
    /// The charged price formatted for `locale`; the raw amount and code if the currency is unknown here.
    pub fn price_text(&self, locale: Locale) -> String {
        match atelier_core::Currency::from_code(&self.price.currency) {
            Some(c) => Money::new(self.price.amount, c).format(locale),
            None => format!("{} {}", self.price.amount, self.price.currency),
        }
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    #[serde(default)]
    message: String,
    #[serde(default)]
    problems: Vec<ProblemBody>,
}

#[derive(Deserialize)]
struct ProblemBody {
    #[serde(default)]
    message: String,
}

/// The shop's error body, if the response has one.
async fn error_detail(response: &Response) -> Option<ErrorDetail> {
    response
        .json::<ErrorBody>()
        .await
        .ok()
        .map(|body| body.error)
}

/// The response if it is a 2xx, else its status with the shop's message (when the body carries one).
async fn ok_or_status(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    Err(ApiError::Status {
        status: response.status(),
        message: error_detail(&response).await.map(|e| e.message),
    })
}

/// Fetches and validates the catalog of `product`, asking for error messages in `locale`, with its version (what
/// design links name: the start of the SHA-256 of the file as served).
pub async fn fetch_catalog(product: &str, locale: Locale) -> Result<(Catalog, String), ApiError> {
    let url = format!(
        "/api/products/{}",
        String::from(js_sys::encode_uri_component(product))
    );
    let fetching = timing::Span::start("catalog_fetch");
    let response = Request::get(&url)
        .header("Accept-Language", locale.tag())
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let response = ok_or_status(response).await?;
    let json = response.text().await.map_err(|_| ApiError::Network)?;
    fetching.end();
    // Layer files are checked when they are fetched; asking the shop about each one here would double the
    // requests before the shopper sees anything.
    let catalog = timing::measure("catalog_validate", || {
        Catalog::from_json(&json, &|_path: &str| true).map_err(ApiError::Catalog)
    })?;
    Ok((catalog, design_link::catalog_version(json.as_bytes())))
}

/// Fetches a layer file by its catalog path (relative to the static root), as a `Blob` for the browser's image
/// decoder (its bytes never need to enter wasm memory).
pub async fn fetch_layer(path: &str) -> Result<web_sys::Blob, ApiError> {
    let response = Request::get(&format!("/static/{path}"))
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let response = ok_or_status(response).await?;
    let blob = web_sys::Response::from(response)
        .blob()
        .map_err(|_| ApiError::Network)?;
    wasm_bindgen_futures::JsFuture::from(blob)
        .await
        .map_err(|_| ApiError::Network)?
        .dyn_into()
        .map_err(|_| ApiError::Network)
}

/// Fetches a static file's bytes (a font) from the shop, by its path relative to `/static`.
pub async fn fetch_static_bytes(path: &str) -> Result<Vec<u8>, ApiError> {
    let response = Request::get(&format!("/static/{path}"))
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    ok_or_status(response)
        .await?
        .binary()
        .await
        .map_err(|_| ApiError::Network)
}

/// POSTs `body` as JSON to `url`, asking for messages in `locale`; `None` if no answer came (the caller's
/// network error).
async fn post_json(url: &str, body: &impl serde::Serialize, locale: Locale) -> Option<Response> {
    Request::post(url)
        .header("Accept-Language", locale.tag())
        .json(body)
        .ok()?
        .send()
        .await
        .ok()
}

/// Places an order, asking for messages in `locale`.
pub async fn place_order(
    request: &OrderRequest,
    locale: Locale,
) -> Result<OrderReceipt, OrderError> {
    let response = (post_json("/api/orders", request, locale).await).ok_or(OrderError::Network)?;
    if response.ok() {
        return response.json().await.map_err(|_| OrderError::Network);
    }
    let status = response.status();
    match error_detail(&response).await {
        Some(detail) => Err(OrderError::Rejected {
            message: detail.message,
            problems: detail
                .problems
                .into_iter()
                .map(|p| p.message)
                .filter(|m| !m.is_empty())
                .collect(),
        }),
        // A proxy's error page or a crash without a body: the order may not exist, so treat it like a
        // dropped connection and let the shopper retry with the same id.
        None if status >= 500 => Err(OrderError::Network),
        None => Err(OrderError::Rejected {
            message: messages::format(locale, "app.http_error", &[("status", status.to_string())]),
            problems: Vec::new(),
        }),
    }
}

/// Why a swatch request was not recorded: the shop's summary and its problems by path
/// (`contact.address.city`), or no answer at all.
#[derive(Clone, Debug, PartialEq)]
pub enum SwatchError {
    /// The shop refused it.
    Rejected {
        /// The summary.
        message: String,
        /// `(path, message)` per problem.
        problems: Vec<(String, String)>,
    },
    /// No answer; a retry reuses the submission id.
    Network,
}

#[derive(Deserialize)]
struct SwatchErrorBody {
    error: SwatchErrorDetail,
}

#[derive(Deserialize)]
struct SwatchErrorDetail {
    #[serde(default)]
    message: String,
    #[serde(default)]
    problems: Vec<PathProblem>,
}

#[derive(Deserialize)]
struct PathProblem {
    #[serde(default)]
    path: String,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct SwatchReceipt {
    id: String,
}

/// Sends a swatch request; the request number (`SWR-…`) on success.
pub async fn request_swatches(
    request: &SwatchRequest,
    locale: Locale,
) -> Result<String, SwatchError> {
    let response =
        (post_json("/api/swatch-requests", request, locale).await).ok_or(SwatchError::Network)?;
    if response.ok() {
        return response
            .json::<SwatchReceipt>()
            .await
            .map(|r| r.id)
            .map_err(|_| SwatchError::Network);
    }
    let status = response.status();
    match response.json::<SwatchErrorBody>().await {
        Ok(body) => Err(SwatchError::Rejected {
            message: body.error.message,
            problems: body
                .error
                .problems
                .into_iter()
                .map(|p| (p.path, p.message))
                .collect(),
        }),
        Err(_) if status >= 500 => Err(SwatchError::Network),
        Err(_) => Err(SwatchError::Rejected {
            message: messages::format(locale, "app.http_error", &[("status", status.to_string())]),
            problems: Vec::new(),
        }),
    }
}

#[derive(Deserialize)]
struct CodeAnswer {
    code: String,
}

#[derive(Deserialize)]
struct DesignAnswer {
    design: atelier_core::Design,
}

/// Stores `design` at the shop under a design code and answers the code (`K7QM-2XR8`); the same design asked
/// again gets the same code.
pub async fn design_code(
    design: &atelier_core::Design,
    locale: Locale,
) -> Result<String, ApiError> {
    let response = (post_json("/api/designs", design, locale).await).ok_or(ApiError::Network)?;
    let response = ok_or_status(response).await?;
    let answer: CodeAnswer = response.json().await.map_err(|_| ApiError::Network)?;
    Ok(answer.code)
}

/// The design stored under `code` (already checked well-formed by the caller).
pub async fn design_by_code(code: &str, locale: Locale) -> Result<atelier_core::Design, ApiError> {
    let url = format!(
        "/api/designs/{}",
        String::from(js_sys::encode_uri_component(code))
    );
    let response = Request::get(&url)
        .header("Accept-Language", locale.tag())
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let response = ok_or_status(response).await?;
    let answer: DesignAnswer = response.json().await.map_err(|_| ApiError::Network)?;
    Ok(answer.design)
}
