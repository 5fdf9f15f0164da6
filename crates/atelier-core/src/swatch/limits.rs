//! The limits of a swatch request: its format version, how many colors, and how long each text may be.
//! Used by the check, by the problems' messages (their `min`/`max`) and by the app (the color cap).

use std::ops::RangeInclusive;

/// The swatch request format version the shop reads and the app sends.
pub const SWATCH_FORMAT: u32 = 1;
/// Fewest and most colors in one request: a small box of samples, not the whole palette.
pub const COLORS: RangeInclusive<usize> = 1..=8;
/// Longest name, in characters.
pub const NAME_MAX: usize = 100;
/// Longest address field, in characters.
pub const ADDRESS_MAX: usize = 200;
/// Longest email address (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;
/// Shortest and longest phone number, in characters.
pub const PHONE: RangeInclusive<usize> = 6..=20;
/// Shortest and longest submission id, in bytes (all ASCII).
pub const SUBMISSION: RangeInclusive<usize> = crate::id::SUBMISSION_ID_LEN;
