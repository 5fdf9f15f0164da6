//! A swatch request that passed every check: texts trimmed and otherwise exactly as typed, blank optional
//! fields as `None`. The shop stores [`ValidContact`] as JSON and compares it when a submission is repeated.

use crate::Locale;
use serde::{Deserialize, Serialize};

/// A request that passed every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSwatchRequest {
    /// Product id, of a product the shop sells.
    pub product: String,
    /// Color ids of that product, distinct, in the order sent.
    pub colors: Vec<String>,
    /// Contact details, trimmed.
    pub contact: ValidContact,
    /// The language to write to the shopper in.
    pub locale: Locale,
    /// The submission id.
    pub submission: String,
}

/// Contact details that passed the checks: trimmed, blank optional fields as `None`. Stored as this JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidContact {
    /// Name.
    pub name: String,
    /// Email address, if given.
    pub email: Option<String>,
    /// Phone number, if given.
    pub phone: Option<String>,
    /// Postal address.
    pub address: ValidAddress,
}

/// A postal address that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidAddress {
    /// First line.
    pub line1: String,
    /// Second line, if given.
    pub line2: Option<String>,
    /// City.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}
