//! Schemas for the JSON bodies whose Rust types live in `atelier-core`: shop-side mirrors that exist only to
//! describe them in the OpenAPI document.
//!
//! The core stays free of `utoipa` (it is compiled into the browser's wasm bundle, where every dependency
//! costs bytes), so its types cannot derive `ToSchema`. Each mirror names the core type it describes; the
//! OpenAPI tests check that real requests and responses validate against these schemas, so a drift fails a test.

use serde::Deserialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A text in every language the shop speaks (`atelier_core::Localized`).
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct Localized {
    /// English.
    #[schema(example = "Runner One")]
    en: String,
    /// Korean.
    #[schema(example = "러너 원")]
    ko: String,
}

/// An amount of money in integer minor units with its currency (`atelier_core::Money`): never a float.
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct Money {
    /// Minor units (won for KRW, cents for USD and EUR, yen for JPY); negative only for discounts.
    #[schema(example = 139000)]
    amount: i64,
    /// ISO 4217 code.
    currency: Currency,
}

/// The currencies the shop prices in (`atelier_core::Currency`).
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
#[allow(
    clippy::upper_case_acronyms,
    reason = "the variants are the currency codes exactly as they appear on the wire"
)]
pub enum Currency {
    /// South Korean won (no minor unit).
    KRW,
    /// US dollar.
    USD,
    /// Euro.
    EUR,
    /// Japanese yen (no minor unit).
    JPY,
}

/// A submitted order (`atelier_core::order::OrderRequest`). Unknown fields are refused (400).
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct OrderRequest {
    /// Order format version; this shop reads `2` (a format-1 order is refused with `unsupported_order_format`,
    /// asking the shopper to reload).
    #[schema(example = 2, minimum = 0)]
    format: u32,
    /// The shopper's design.
    design: Design,
    /// The price the shopper was shown. The shop prices the design itself and refuses the order (422,
    /// `price_mismatch`) if this differs.
    price: ClientPrice,
    /// One proof per view id of the product: the lowercase hex SHA-256 (64 digits) of the view's preview as the
    /// shopper saw it, its RGBA pixels (row-major, 8 bits per channel, opaque) at the view's catalog size. The
    /// shop draws each view itself and refuses a difference (422 `proof_mismatch`); a missing, malformed or
    /// unknown-view proof is a 422 problem too (`missing_proof`, `malformed_proof`, `unknown_proof_view`).
    #[schema(example = json!({"side": "f47f28ff8a144630b1c1a5d0d43482615ec1af09f8acf3b5c3e1ef4c7003c055",
        "top": "041d65ebbd6c1b81e9895647525ad7f47ac4cee93d56c2020a87023d497c104f"}))]
    proof: BTreeMap<String, String>,
    /// A client-chosen id for this submission, 16–64 of `[A-Za-z0-9-]`: sending the same order again with it
    /// returns the first order (200) instead of creating a second; a different order with it is a 409.
    #[schema(required = false, example = "b6f1c2d4-1111-4a2b-9c3d-000000000001")]
    submission: Option<String>,
}

// Mirrors `atelier_core::swatch::SwatchRequest`; the doc lines are the published descriptions, kept as they were.
/// A swatch request as submitted. Unknown fields are refused (400).
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "read only by utoipa's derive, to describe the core type"
)]
pub struct SwatchRequest {
    /// Request format version; this shop reads `1`.
    #[schema(example = 1, minimum = 0)]
    format: u32,
    /// Product id.
    #[schema(example = "bespoke-set")]
    product: String,
    /// Color ids of the product's catalog, 1–8, no duplicates.
    #[schema(example = json!(["mint", "glam-navy"]))]
    colors: Vec<String>,
    /// Who to send the swatches to.
    contact: Contact,
    /// The language to write to the shopper in: `en` or `ko`.
    #[schema(example = "ko")]
    locale: String,
    /// A client-chosen id for this submission, 16–64 of `[A-Za-z0-9-]`: sending the same request again with it
    /// returns the first request (200) instead of recording a second; a different request with it is a 409.
    #[schema(example = "b6f1c2d4-1111-4a2b-9c3d-000000000001")]
    submission: String,
}

// Mirrors `atelier_core::swatch::Contact`.
/// The shopper's contact details as typed. Every text is trimmed; a missing or blank field is a problem if
/// it is required. No control, direction-changing or invisible characters anywhere.
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "read only by utoipa's derive, to describe the core type"
)]
pub struct Contact {
    /// Name, 1–100 characters.
    #[schema(example = "김하늘")]
    #[serde(default)]
    name: Option<String>,
    /// Email address (one `@`, no spaces, at most 254 characters). An email or a phone number is required.
    #[schema(example = "haneul@example.com")]
    #[serde(default)]
    email: Option<String>,
    /// Phone number: 6–20 of digits, spaces, `+`, `-`, `(` and `)`.
    #[schema(example = "+82 10-1234-5678")]
    #[serde(default)]
    phone: Option<String>,
    /// Postal address.
    #[serde(default)]
    address: Address,
}

// Mirrors `atelier_core::swatch::Address`.
/// A postal address as typed; every field at most 200 characters.
#[derive(ToSchema, Deserialize, Default)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "read only by utoipa's derive, to describe the core type"
)]
pub struct Address {
    /// First line (street and number). Required.
    #[schema(example = "세종대로 110")]
    #[serde(default)]
    line1: Option<String>,
    /// Second line (building, unit). Optional.
    #[schema(example = "3층")]
    #[serde(default)]
    line2: Option<String>,
    /// City. Required.
    #[schema(example = "서울")]
    #[serde(default)]
    city: Option<String>,
    /// Postal code. Required.
    #[schema(example = "04524")]
    #[serde(default)]
    postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code, upper case. Required.
    #[schema(example = "KR")]
    #[serde(default)]
    country: Option<String>,
}

/// A price as the client states it (`atelier_core::order::ClientPrice`); an unknown currency is a 422 problem,
/// not a 400, so it is any string here.
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct ClientPrice {
    /// Minor units.
    #[schema(example = 139000)]
    amount: i64,
    /// ISO 4217 code, e.g. `KRW`.
    #[schema(example = "KRW")]
    currency: String,
}

/// A design (`atelier_core::Design`): a product, a size and a material and color per zone, all ids from the
/// product's catalog (`GET /api/products/{id}`).
#[derive(ToSchema, Deserialize)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct Design {
    /// Product id.
    #[schema(example = "runner-one")]
    product: String,
    /// Size id; `null` until the shopper picks one (an order without a size is refused).
    #[schema(example = "265")]
    size: Option<String>,
    /// The choice per zone id; every zone of the product must be present.
    zones: BTreeMap<String, Choice>,
    /// The option id per product-wide choice group id (absent for products without any).
    #[schema(required = false)]
    choices: Option<BTreeMap<String, String>>,
    /// Personal text per text placement id, exactly as typed (absent when none). The shop runs the same
    /// check as the app (characters, length, word lists, fit) and refuses with `text_refused`.
    #[schema(required = false, example = json!({"heel-id": "ROMEO"}))]
    text: Option<BTreeMap<String, String>>,
}

/// The material and color chosen for one zone (`atelier_core::design::Choice`).
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct Choice {
    /// Material id.
    #[schema(example = "suede")]
    material: String,
    /// Color id.
    #[schema(example = "navy")]
    color: String,
}

/// How the shop priced a design (`atelier_core::pricing::PriceBreakdown`): base plus surcharges equals total.
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct PriceBreakdown {
    /// The product's base price.
    base: Money,
    /// One line per non-zero surcharge, in zone order.
    lines: Vec<PriceLine>,
    /// Base plus every line.
    total: Money,
}

/// One surcharge (`atelier_core::pricing::PriceLine`).
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct PriceLine {
    /// The zone, for a material or color line.
    #[schema(required = false)]
    zone: Option<String>,
    /// The choice group, for a choice option line.
    #[schema(required = false)]
    choice: Option<String>,
    /// The text placement, for a personal-text line.
    #[schema(required = false)]
    text: Option<String>,
    /// What costs extra.
    option: PricedOption,
    /// The surcharge.
    amount: Money,
}

/// Which option a price line is for (`atelier_core::pricing::PricedOption`).
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct PricedOption {
    /// `material`, `color`, `option` or `text`.
    kind: PricedOptionKind,
    /// The material, color, option or text placement id.
    #[schema(example = "suede")]
    id: String,
}

/// The kind of a priced option.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub enum PricedOptionKind {
    /// A zone's material.
    Material,
    /// A zone's color.
    Color,
    /// An option of a choice group.
    Option,
    /// Personal text in a placement.
    Text,
}

/// One problem with the input (`atelier_core::problem::ProblemReport`).
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct Problem {
    /// Machine-readable code, stable across releases.
    #[schema(example = "unknown_size")]
    code: String,
    /// Where in the input, e.g. `design.zones.toe.color`.
    #[schema(example = "design.size")]
    path: String,
    /// The message in the request's language (`Accept-Language`: `en` or `ko`).
    message: String,
}

/// Every error the API answers: `{"error": {...}}` (see `crate::error::ApiError`).
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct ErrorResponse {
    /// What went wrong.
    error: ErrorDetail,
}

/// The error itself.
#[derive(ToSchema)]
#[allow(
    dead_code,
    reason = "a mirror for the OpenAPI document only: never built or read"
)]
pub struct ErrorDetail {
    /// Machine-readable: `malformed_json`, `body_too_large`, `unsupported_media_type`, `not_found`,
    /// `method_not_allowed`, `product_not_found`, `order_not_found`, `invalid_order`, `swatch_request_invalid`,
    /// `swatch_request_not_found`, `submission_conflict`, `invalid_preview_scale`, `preview_view_not_found`,
    /// `preview_unavailable`, `still_not_found`, `internal`.
    #[schema(example = "invalid_order")]
    code: String,
    /// A sentence in the request's language.
    message: String,
    /// Every problem found, for `invalid_order` and `swatch_request_invalid` (absent otherwise).
    #[schema(required = false)]
    problems: Option<Vec<Problem>>,
}

// Mirrors `atelier_core::help_request::HelpRequest`.
/// "Call me about this design": the design code, whom to ask for, the number to call, when, and the language
/// to speak. The name and number are stored for the shop's staff and never served back.
#[derive(ToSchema, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "read only by utoipa's derive, to describe the core type"
)]
pub struct HelpRequest {
    /// The design code, as typed (any case; hyphens and spaces ignored).
    #[schema(example = "K7QM-2XR8")]
    code: String,
    /// Whom to ask for; at most 100 characters.
    #[schema(example = "김민지")]
    name: String,
    /// The number to call: 6–20 digits, spaces, `+`, `-`, `(` and `)`.
    #[schema(example = "+82 10-1234-5678")]
    phone: String,
    /// When to call: `morning`, `afternoon`, `evening` or `anytime`.
    #[schema(example = "evening")]
    preferred_time: String,
    /// The language to speak: `en` or `ko`.
    #[schema(example = "ko")]
    locale: String,
    /// The client's submission id (16–64 letters, digits and `-`): a repeat is the same request.
    #[schema(example = "atl-0123456789abcdef")]
    submission: String,
}
