//! How the desk writes stored values for people: money in its currency, stored timestamps as UTC minutes,
//! unix milliseconds likewise, and a product id as its catalog name. Only formatting; no lookups besides the
//! catalogs already in memory.

use crate::AppState;
use atelier_core::Locale;
use atelier_core::money::{Currency, Money};
use std::time::{Duration, UNIX_EPOCH};

/// `amount` minor units of the currency `code` (`₩159,000`); an unknown code is written as `159000 XYZ`.
pub fn money(amount: i64, code: &str, locale: Locale) -> String {
    match Currency::from_code(code) {
        Some(currency) => Money::new(amount, currency).format(locale),
        None => format!("{amount} {code}"),
    }
}

/// A stored RFC 3339 timestamp (`2026-05-01T09:30:00.123Z`) as `2026-05-01 09:30 UTC`; anything else as is.
pub fn timestamp(stored: &str) -> String {
    match (stored.get(..10), stored.get(11..16)) {
        (Some(day), Some(time)) if stored.len() >= 20 => format!("{day} {time} UTC"),
        _ => stored.to_owned(),
    }
}

/// Unix milliseconds as [`timestamp`] writes them.
pub fn unix_ms(ms: i64) -> String {
    let t = UNIX_EPOCH + Duration::from_millis(u64::try_from(ms).unwrap_or(0));
    timestamp(&crate::spec::timestamp(t))
}

/// The product's name in `locale`, or its id when the shop no longer has its catalog.
pub fn product(state: &AppState, id: &str, locale: Locale) -> String {
    state.catalogs.get(id).map_or_else(
        || id.to_owned(),
        |l| l.catalog.name().get(locale).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_for_people() {
        assert_eq!(money(159_000, "KRW", Locale::En), "₩159,000");
        assert_eq!(money(5, "XYZ", Locale::En), "5 XYZ");
        assert_eq!(
            timestamp("2026-05-01T09:30:00.123Z"),
            "2026-05-01 09:30 UTC"
        );
        assert_eq!(timestamp("yesterday"), "yesterday");
        assert_eq!(unix_ms(0), "1970-01-01 00:00 UTC");
    }
}
