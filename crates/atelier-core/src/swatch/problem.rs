//! What can be wrong with a swatch request ([`SwatchProblemKind`]), each with its stable code and the
//! arguments of its message (`problem.<code>` in the message catalogs).

use super::limits::{COLORS, EMAIL_MAX, PHONE};
use crate::problem::{Problem, ProblemKind};

/// A swatch request problem at a path such as `colors[1]` or `contact.address.city`.
pub type SwatchProblem = Problem<SwatchProblemKind>;

/// What can be wrong with a swatch request.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SwatchProblemKind {
    /// A format the shop does not read.
    UnsupportedFormat {
        /// The format sent.
        found: u32,
    },
    /// No product with that id.
    UnknownProduct {
        /// The product id sent.
        product: String,
    },
    /// Too few or too many colors.
    ColorCount {
        /// How many were sent.
        found: usize,
    },
    /// A color the product's catalog does not have.
    UnknownColor {
        /// The color id sent.
        color: String,
        /// The product.
        product: String,
    },
    /// A color sent twice.
    DuplicateColor {
        /// The color id.
        color: String,
    },
    /// A required field is missing or blank.
    Required,
    /// A text longer than allowed.
    TooLong {
        /// The most characters allowed.
        max: usize,
        /// How many were sent (after trimming).
        found: usize,
    },
    /// A control, direction-changing (bidi) or invisible character in a text.
    ForbiddenCharacter {
        /// The character as `U+XXXX`.
        character: String,
    },
    /// Neither an email address nor a phone number.
    NoContactMethod,
    /// Not the shape of an email address.
    InvalidEmail,
    /// Not the shape of a phone number.
    InvalidPhone,
    /// Not an ISO 3166-1 alpha-2 code in upper case.
    InvalidCountry {
        /// The code sent.
        country: String,
    },
    /// A language the shop does not write in.
    UnsupportedLocale {
        /// The locale sent.
        locale: String,
    },
    /// A malformed submission id.
    InvalidSubmission,
}

impl ProblemKind for SwatchProblemKind {
    fn code(&self) -> &'static str {
        match self {
            SwatchProblemKind::UnsupportedFormat { .. } => "swatch_unsupported_format",
            // The same meaning and message as for an order.
            SwatchProblemKind::UnknownProduct { .. } => "unknown_product",
            SwatchProblemKind::ColorCount { .. } => "swatch_color_count",
            SwatchProblemKind::UnknownColor { .. } => "swatch_unknown_color",
            SwatchProblemKind::DuplicateColor { .. } => "swatch_duplicate_color",
            SwatchProblemKind::Required => "swatch_required",
            SwatchProblemKind::TooLong { .. } => "swatch_too_long",
            SwatchProblemKind::ForbiddenCharacter { .. } => "swatch_forbidden_character",
            SwatchProblemKind::NoContactMethod => "swatch_no_contact_method",
            SwatchProblemKind::InvalidEmail => "swatch_invalid_email",
            SwatchProblemKind::InvalidPhone => "swatch_invalid_phone",
            SwatchProblemKind::InvalidCountry { .. } => "swatch_invalid_country",
            SwatchProblemKind::UnsupportedLocale { .. } => "swatch_unsupported_locale",
            SwatchProblemKind::InvalidSubmission => "invalid_submission",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            SwatchProblemKind::UnsupportedFormat { found } => vec![("found", found.to_string())],
            SwatchProblemKind::UnknownProduct { product } => vec![("product", product.clone())],
            SwatchProblemKind::ColorCount { found } => vec![
                ("min", COLORS.start().to_string()),
                ("max", COLORS.end().to_string()),
                ("found", found.to_string()),
            ],
            SwatchProblemKind::UnknownColor { color, product } => {
                vec![("color", color.clone()), ("product", product.clone())]
            }
            SwatchProblemKind::DuplicateColor { color } => vec![("color", color.clone())],
            SwatchProblemKind::TooLong { max, found } => {
                vec![("max", max.to_string()), ("found", found.to_string())]
            }
            SwatchProblemKind::ForbiddenCharacter { character } => {
                vec![("character", character.clone())]
            }
            SwatchProblemKind::InvalidEmail => vec![("max", EMAIL_MAX.to_string())],
            SwatchProblemKind::InvalidPhone => vec![
                ("min", PHONE.start().to_string()),
                ("max", PHONE.end().to_string()),
            ],
            SwatchProblemKind::InvalidCountry { country } => vec![("country", country.clone())],
            SwatchProblemKind::UnsupportedLocale { locale } => vec![("locale", locale.clone())],
            SwatchProblemKind::Required
            | SwatchProblemKind::NoContactMethod
            | SwatchProblemKind::InvalidSubmission => vec![],
        }
    }
}
