//! Identifier newtypes, so a zone id cannot be passed where a color id is expected.
//!
//! Ids are the retailer's own short strings from the catalog file; their syntax is checked by
//! [`is_valid_id`] during catalog validation, not by these types.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the catalog.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    )*};
}

id_type!(
    /// A product's id, e.g. `runner-one`.
    ProductId,
    /// A zone (part) of a product, e.g. `toe`.
    ZoneId,
    /// A material option, e.g. `suede`.
    MaterialId,
    /// A color option, e.g. `navy`.
    ColorId,
    /// A size, e.g. `265`.
    SizeId,
    /// A view of the product, e.g. `side`.
    ViewId,
    /// A product-wide choice group that is not a zone, e.g. `match` ("match all panels").
    ChoiceId,
    /// An option of a choice group, e.g. `on`.
    OptionId,
    /// A catalog rule, e.g. `gum-sole-rubber`.
    RuleId,
    /// A personal-text placement, e.g. `heel-id`.
    TextId,
);

/// Whether `s` is a well-formed id: 1–40 characters of lowercase ASCII letters, digits, `-` and `_`, starting
/// with a letter or digit. Ids travel in URLs, file names and order specs, so they stay this plain.
pub fn is_valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The length of a client-chosen submission id (orders, swatch requests, and the `Idempotency-Key` header
/// that may carry one).
pub const SUBMISSION_ID_LEN: std::ops::RangeInclusive<usize> = 16..=64;

/// Whether `s` is a submission id: [`SUBMISSION_ID_LEN`] ASCII letters, digits and `-` (what the app makes
/// from 128 random bits, and room for a UUID).
pub fn is_submission_id(s: &str) -> bool {
    SUBMISSION_ID_LEN.contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_valid_id;

    #[test]
    fn id_syntax() {
        for ok in ["toe", "runner-one", "250", "a_b"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "Toe", "-x", "a b", "a/b", "ü", &"x".repeat(41)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
