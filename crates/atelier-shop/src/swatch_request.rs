//! A request for physical color swatches ("screens and cameras shift colors: see the real thing"), and the
//! pure check the shop runs on it before storing it.
//!
//! [`SwatchRequest`] is the body as parsed (fields a shopper types may be missing or blank: each becomes a
//! problem with its path); [`check_swatch_request`] reports every problem at once or returns a
//! [`ValidSwatchRequest`], whose texts are trimmed and otherwise exactly as typed. No IO and no clock here:
//! storing is `store.rs`, the HTTP side is `routes/swatch_requests.rs`. The check lives in the shop, not the
//! core, because it is about a shopper's address, not the product, and only the shop stores it.

use atelier_core::catalog::Catalog;
use atelier_core::problem::{Problem, ProblemKind};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The swatch request format version this shop reads.
pub const SWATCH_FORMAT: u32 = 1;
/// Fewest and most colors in one request: a small box of samples, not the whole palette.
pub const COLORS: std::ops::RangeInclusive<usize> = 1..=8;
/// Longest name, in characters.
pub const NAME_MAX: usize = 100;
/// Longest address field, in characters.
pub const ADDRESS_MAX: usize = 200;
/// Longest email address (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;
/// Shortest and longest phone number, in characters.
pub const PHONE: std::ops::RangeInclusive<usize> = 6..=20;

/// A swatch request as submitted. Unknown fields are refused (400).
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SwatchRequest {
    /// Request format version; this shop reads `1`.
    #[schema(example = 1, minimum = 0)]
    pub format: u32,
    /// Product id.
    #[schema(example = "bespoke-set")]
    pub product: String,
    /// Color ids of the product's catalog, 1–8, no duplicates.
    #[schema(example = json!(["mint", "glam-navy"]))]
    pub colors: Vec<String>,
    /// Who to send the swatches to.
    pub contact: Contact,
    /// The language to write to the shopper in: `en` or `ko`.
    #[schema(example = "ko")]
    pub locale: String,
    /// A client-chosen id for this submission, 16–64 of `[A-Za-z0-9-]`: sending the same request again with it
    /// returns the first request (200) instead of recording a second; a different request with it is a 409.
    #[schema(example = "b6f1c2d4-1111-4a2b-9c3d-000000000001")]
    pub submission: String,
}

/// The shopper's contact details as typed. Every text is trimmed; a missing or blank field is a problem if
/// it is required. No control, direction-changing or invisible characters anywhere.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name, 1–100 characters.
    #[schema(example = "김하늘")]
    #[serde(default)]
    pub name: Option<String>,
    /// Email address (one `@`, no spaces, at most 254 characters). An email or a phone number is required.
    #[schema(example = "haneul@example.com")]
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number: 6–20 of digits, spaces, `+`, `-`, `(` and `)`.
    #[schema(example = "+82 10-1234-5678")]
    #[serde(default)]
    pub phone: Option<String>,
    /// Postal address.
    #[serde(default)]
    pub address: Address,
}

/// A postal address as typed; every field at most 200 characters.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// First line (street and number). Required.
    #[schema(example = "세종대로 110")]
    #[serde(default)]
    pub line1: Option<String>,
    /// Second line (building, unit). Optional.
    #[schema(example = "3층")]
    #[serde(default)]
    pub line2: Option<String>,
    /// City. Required.
    #[schema(example = "서울")]
    #[serde(default)]
    pub city: Option<String>,
    /// Postal code. Required.
    #[schema(example = "04524")]
    #[serde(default)]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code, upper case. Required.
    #[schema(example = "KR")]
    #[serde(default)]
    pub country: Option<String>,
}

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
    pub locale: atelier_core::Locale,
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

/// A swatch request problem at a path such as `colors[1]` or `contact.address.city`.
pub type SwatchProblem = Problem<SwatchProblemKind>;

/// What can be wrong with a swatch request.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SwatchProblemKind {
    /// A format this shop does not read.
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

/// Checks a swatch request against the catalog of the product it names (`None` when the product is unknown),
/// reporting every problem at once, at most one per field.
pub fn check_swatch_request(
    request: &SwatchRequest,
    catalog: Option<&Catalog>,
) -> Result<ValidSwatchRequest, Vec<SwatchProblem>> {
    let mut problems = Vec::new();
    let mut problem = |path: &str, kind| problems.push(SwatchProblem::new(path, kind));

    if request.format != SWATCH_FORMAT {
        problem(
            "format",
            SwatchProblemKind::UnsupportedFormat {
                found: request.format,
            },
        );
    }
    if catalog.is_none() {
        problem(
            "product",
            SwatchProblemKind::UnknownProduct {
                product: request.product.clone(),
            },
        );
    }
    if !COLORS.contains(&request.colors.len()) {
        problem(
            "colors",
            SwatchProblemKind::ColorCount {
                found: request.colors.len(),
            },
        );
    }
    for (i, color) in request.colors.iter().enumerate() {
        let path = format!("colors[{i}]");
        if request.colors[..i].contains(color) {
            problem(
                &path,
                SwatchProblemKind::DuplicateColor {
                    color: color.clone(),
                },
            );
        } else if let Some(catalog) = catalog
            && !catalog.colors().iter().any(|c| c.id.0 == *color)
        {
            problem(
                &path,
                SwatchProblemKind::UnknownColor {
                    color: color.clone(),
                    product: request.product.clone(),
                },
            );
        }
    }

    let c = &request.contact;
    let a = &c.address;
    let name = text(&mut problem, "contact.name", &c.name, NAME_MAX, true);
    let email = text(&mut problem, "contact.email", &c.email, usize::MAX, false);
    if let Some(e) = email
        && !is_email(e)
    {
        problem("contact.email", SwatchProblemKind::InvalidEmail);
    }
    let phone = text(&mut problem, "contact.phone", &c.phone, usize::MAX, false);
    if let Some(p) = phone
        && !is_phone(p)
    {
        problem("contact.phone", SwatchProblemKind::InvalidPhone);
    }
    // Only when both are absent or blank: a malformed one is already reported at its own path.
    if c.email.as_deref().is_none_or(|e| e.trim().is_empty())
        && c.phone.as_deref().is_none_or(|p| p.trim().is_empty())
    {
        problem("contact", SwatchProblemKind::NoContactMethod);
    }
    let line1 = text(
        &mut problem,
        "contact.address.line1",
        &a.line1,
        ADDRESS_MAX,
        true,
    );
    let line2 = text(
        &mut problem,
        "contact.address.line2",
        &a.line2,
        ADDRESS_MAX,
        false,
    );
    let city = text(
        &mut problem,
        "contact.address.city",
        &a.city,
        ADDRESS_MAX,
        true,
    );
    let postal_code = text(
        &mut problem,
        "contact.address.postal_code",
        &a.postal_code,
        ADDRESS_MAX,
        true,
    );
    let country = text(
        &mut problem,
        "contact.address.country",
        &a.country,
        ADDRESS_MAX,
        true,
    );
    if let Some(code) = country
        && !is_country(code)
    {
        problem(
            "contact.address.country",
            SwatchProblemKind::InvalidCountry {
                country: code.to_owned(),
            },
        );
    }

    let locale = atelier_core::Locale::ALL
        .into_iter()
        .find(|l| l.tag() == request.locale);
    if locale.is_none() {
        problem(
            "locale",
            SwatchProblemKind::UnsupportedLocale {
                locale: request.locale.clone(),
            },
        );
    }
    let s = &request.submission;
    if !((16..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    {
        problem("submission", SwatchProblemKind::InvalidSubmission);
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let owned = |t: Option<&str>| t.unwrap_or_default().to_owned();
    Ok(ValidSwatchRequest {
        product: request.product.clone(),
        colors: request.colors.clone(),
        contact: ValidContact {
            name: owned(name),
            email: email.map(str::to_owned),
            phone: phone.map(str::to_owned),
            address: ValidAddress {
                line1: owned(line1),
                line2: line2.map(str::to_owned),
                city: owned(city),
                postal_code: owned(postal_code),
                country: owned(country),
            },
        },
        locale: locale.unwrap_or_default(),
        submission: request.submission.clone(),
    })
}

/// Trims a text field and checks its characters and length, reporting at most one problem at `path`. Returns
/// the trimmed text if it is present, clean and not too long; `None` otherwise (blank counts as absent, as a
/// form sends an empty field).
fn text<'a>(
    problem: &mut impl FnMut(&str, SwatchProblemKind),
    path: &str,
    value: &'a Option<String>,
    max: usize,
    required: bool,
) -> Option<&'a str> {
    let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) else {
        if required {
            problem(path, SwatchProblemKind::Required);
        }
        return None;
    };
    if let Some(c) = v.chars().find(|&c| forbidden(c)) {
        let character = format!("U+{:04X}", u32::from(c));
        problem(path, SwatchProblemKind::ForbiddenCharacter { character });
        return None;
    }
    let found = v.chars().count();
    if found > max {
        problem(path, SwatchProblemKind::TooLong { max, found });
        return None;
    }
    Some(v)
}

/// Characters refused in every text: controls and line separators, the bidi embeddings, overrides and isolates
/// that make a text display differently from its logical order (the "Trojan Source" trick), and the invisible
/// zero-width characters and marks that make two texts look the same while differing. A name or address needs
/// none of them. The list is the core's, shared with personal text ([`atelier_core::text::refused`]).
pub fn forbidden(c: char) -> bool {
    atelier_core::text::refused(c).is_some()
}

/// One `@` with text on both sides, no whitespace, at most [`EMAIL_MAX`] characters. Deliberately loose:
/// only a message that arrives proves an address, and a strict pattern refuses real ones.
fn is_email(s: &str) -> bool {
    let (local, domain) = s.split_once('@').unwrap_or_default();
    s.chars().count() <= EMAIL_MAX
        && s.matches('@').count() == 1
        && !local.is_empty()
        && !domain.is_empty()
        && !s.chars().any(char::is_whitespace)
}

/// Digits, spaces, `+`, `-`, `(` and `)`, [`PHONE`] characters long, with at least one digit.
fn is_phone(s: &str) -> bool {
    PHONE.contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        && s.chars().any(|c| c.is_ascii_digit())
}

/// Whether `s` is an officially assigned ISO 3166-1 alpha-2 code, upper case.
fn is_country(s: &str) -> bool {
    s.len() == 2 && COUNTRIES.split(' ').any(|c| c == s)
}

/// The 249 officially assigned ISO 3166-1 alpha-2 codes (as listed in tzdata's `iso3166.tab`).
const COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO \
BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER \
ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN \
IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH \
MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN \
PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ \
TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_list_is_complete_and_well_formed() {
        let codes: Vec<&str> = COUNTRIES.split(' ').collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
        for (code, ok) in [
            ("KR", true),
            ("US", true),
            ("ZW", true),
            ("kr", false),
            ("Kr", false),
            ("XX", false),
            ("KOR", false),
            ("", false),
        ] {
            assert_eq!(is_country(code), ok, "{code}");
        }
    }

    #[test]
    fn emails_and_phones() {
        for (email, ok) in [
            ("a@b", true),
            ("haneul.kim+swatch@example.co.kr", true),
            ("하늘@예시.한국", true),
            ("a@@b", false),
            ("a@b@c", false),
            ("@b", false),
            ("a@", false),
            ("a b@c", false),
            ("ab", false),
        ] {
            assert_eq!(is_email(email), ok, "{email}");
        }
        let long = format!("{}@example.com", "a".repeat(EMAIL_MAX - 11));
        assert!(!is_email(&long) && is_email(&long[1..]));
        for (phone, ok) in [
            ("+82 10-1234-5678", true),
            ("(02) 123 4567", true),
            ("123456", true),
            ("12345", false),
            ("+-()+-", false),
            ("010.1234.5678", false),
            ("010１２３４５６７", false),
            ("123456789012345678901", false),
        ] {
            assert_eq!(is_phone(phone), ok, "{phone}");
        }
    }

    #[test]
    fn invisible_and_direction_characters_are_forbidden_and_letters_are_not() {
        for c in [
            '\0', '\n', '\t', '\u{7F}', '\u{85}', '\u{200B}', '\u{200D}', '\u{200F}', '\u{2028}',
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{FEFF}',
        ] {
            assert!(forbidden(c), "U+{:04X}", u32::from(c));
        }
        for c in ['a', '김', '<', '&', ' ', '\u{3000}', 'é', '-', '\u{2070}'] {
            assert!(!forbidden(c), "U+{:04X}", u32::from(c));
        }
    }
}
