//! The shapes a shopper's contact details must have: no forbidden characters in any text, an email address
//! with one `@`, a phone number of digits and punctuation, a submission id of `[A-Za-z0-9-]`. Lengths of
//! names and addresses and the country are checked elsewhere ([`super::limits`], [`super::countries`]).

use super::limits::{EMAIL_MAX, PHONE};

/// Characters refused in every text: controls and line separators, the bidi embeddings, overrides and isolates
/// that make a text display differently from its logical order (the "Trojan Source" trick), and the invisible
/// zero-width characters and marks that make two texts look the same while differing. A name or address needs
/// none of them. The list is the one personal text uses ([`crate::text::refused`]).
pub fn forbidden(c: char) -> bool {
    crate::text::refused(c).is_some()
}

/// One `@` with text on both sides, no whitespace, at most [`EMAIL_MAX`] characters. Deliberately loose:
/// only a message that arrives proves an address, and a strict pattern refuses real ones.
pub fn is_email(s: &str) -> bool {
    let (local, domain) = s.split_once('@').unwrap_or_default();
    s.chars().count() <= EMAIL_MAX
        && s.matches('@').count() == 1
        && !local.is_empty()
        && !domain.is_empty()
        && !s.chars().any(char::is_whitespace)
}

/// Digits, spaces, `+`, `-`, `(` and `)`, [`PHONE`] characters long, with at least one digit.
pub fn is_phone(s: &str) -> bool {
    PHONE.contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        && s.chars().any(|c| c.is_ascii_digit())
}

/// A submission id: [`SUBMISSION`](super::limits::SUBMISSION) of ASCII letters, digits and `-` (the same as an order's).
pub use crate::id::is_submission_id as is_submission;
