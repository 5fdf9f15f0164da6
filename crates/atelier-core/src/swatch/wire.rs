//! The swatch request as it travels: what the app serializes and the shop parses. Fields a shopper types may
//! be missing or blank (each becomes a problem with its path in [`super::check_swatch_request`]); unknown
//! fields are refused. The OpenAPI schemas of these types are the shop's mirrors (`openapi/schemas.rs`),
//! as the core does not depend on `utoipa`.

use serde::{Deserialize, Serialize};

/// A swatch request as submitted. Unknown fields are refused (400).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SwatchRequest {
    /// Request format version; the shop reads `1` ([`super::limits::SWATCH_FORMAT`]).
    pub format: u32,
    /// Product id.
    pub product: String,
    /// Color ids of the product's catalog, 1–8, no duplicates.
    pub colors: Vec<String>,
    /// Who to send the swatches to.
    pub contact: Contact,
    /// The language to write to the shopper in: `en` or `ko`.
    pub locale: String,
    /// A client-chosen id for this submission, 16–64 of `[A-Za-z0-9-]`: sending the same request again with it
    /// returns the first request instead of recording a second; a different request with it is a conflict.
    pub submission: String,
}

/// The shopper's contact details as typed. Every text is trimmed by the check; a missing or blank field is a
/// problem if it is required. Blank optional fields travel as `null`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name, 1–100 characters.
    #[serde(default)]
    pub name: Option<String>,
    /// Email address. An email or a phone number is required.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Address,
}

/// A postal address as typed; every field at most 200 characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// First line (street and number). Required.
    #[serde(default)]
    pub line1: Option<String>,
    /// Second line (building, unit). Optional.
    #[serde(default)]
    pub line2: Option<String>,
    /// City. Required.
    #[serde(default)]
    pub city: Option<String>,
    /// Postal code. Required.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code, upper case. Required.
    #[serde(default)]
    pub country: Option<String>,
}
