//! The product header of a catalog file: its format version, id, name, description, currency and base price.
//! The palettes' prices are checked in their own sections, and priced in the currency read here only once
//! every section is clean.

use super::FORMAT;
use super::checker::Checker;
use crate::catalog::problem::CatalogProblemKind as K;
use crate::catalog::raw::RawLocalized;
use crate::locale::Localized;
use crate::money::Currency;

/// The header as written, taken out of the raw file.
pub(super) struct RawHeader {
    pub format: Option<i64>,
    pub id: Option<String>,
    pub name: Option<RawLocalized>,
    pub description: Option<RawLocalized>,
    pub currency: Option<String>,
    pub base_price: Option<i64>,
}

/// What could be read of the header; `None` where the field has a problem (reported).
pub(super) struct Header {
    pub id: Option<String>,
    pub name: Option<Localized>,
    pub description: Option<Localized>,
    pub currency: Option<Currency>,
    /// In minor units of `currency`, which may itself be missing.
    pub base_price: Option<i64>,
}

/// Checks the header.
pub(super) fn check(c: &mut Checker, raw: RawHeader) -> Header {
    match raw.format {
        None => c.push("", K::MissingField { field: "format" }),
        Some(FORMAT) => {}
        Some(other) => c.push(
            "format",
            K::UnsupportedFormat {
                found: other.to_string(),
            },
        ),
    }
    let id = c.id("", "id", raw.id);
    let name = c.localized("", "name", raw.name);
    let description = match raw.description {
        Some(d) => c.localized("", "description", Some(d)),
        None => Some(Localized::default()),
    };
    let currency = match raw.currency {
        None => {
            c.push("", K::MissingField { field: "currency" });
            None
        }
        Some(code) => Currency::from_code(&code).or_else(|| {
            c.push("currency", K::UnknownCurrency { code });
            None
        }),
    };
    // Prices are checked even without a currency so their problems show too; the currency is filled in later.
    let base_price = c.price("", "base_price", raw.base_price, true);
    Header {
        id,
        name,
        description,
        currency,
        base_price,
    }
}
