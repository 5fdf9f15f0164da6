//! Money in integer minor units with its currency, and price formatting per locale.
//!
//! Amounts never touch floating point: a price is `i64` minor units (won for KRW, cents for USD). Formatting is
//! written here by hand because the full CLDR machinery (ICU4X) costs far more wasm than the handful of
//! currencies a catalog may name; the supported set is [`Currency`].

use crate::locale::Locale;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A currency a catalog may price in (ISO 4217 code in files and JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    /// South Korean won, no minor unit.
    #[serde(rename = "KRW")]
    Krw,
    /// US dollar, 2 decimals.
    #[serde(rename = "USD")]
    Usd,
    /// Euro, 2 decimals.
    #[serde(rename = "EUR")]
    Eur,
    /// Japanese yen, no minor unit.
    #[serde(rename = "JPY")]
    Jpy,
}

impl Currency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Krw => "KRW",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Jpy => "JPY",
        }
    }

    /// The currency for an ISO 4217 code, if supported.
    pub fn from_code(code: &str) -> Option<Currency> {
        [Currency::Krw, Currency::Usd, Currency::Eur, Currency::Jpy]
            .into_iter()
            .find(|c| c.code() == code)
    }

    /// Digits after the decimal point (ISO 4217 minor unit).
    pub fn decimals(self) -> u32 {
        match self {
            Currency::Krw | Currency::Jpy => 0,
            Currency::Usd | Currency::Eur => 2,
        }
    }

    fn symbol(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Currency::Krw, _) => "₩",
            (Currency::Usd, Locale::En) => "$",
            (Currency::Usd, Locale::Ko) => "US$",
            (Currency::Eur, _) => "€",
            (Currency::Jpy, Locale::En) => "¥",
            (Currency::Jpy, Locale::Ko) => "JP¥",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money: integer minor units and their currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// Minor units (won, cents); may be negative for discounts in a breakdown.
    pub amount: i64,
    /// The currency the amount is in.
    pub currency: Currency,
}

impl Money {
    /// `amount` minor units of `currency`.
    pub fn new(amount: i64, currency: Currency) -> Money {
        Money { amount, currency }
    }

    /// The amount formatted for `locale` as shoppers expect it: `₩139,000`, `$89.50`, `-$5.00`.
    ///
    /// Both supported locales group thousands with `,` and use `.` as the decimal mark, as CLDR does for
    /// `en` and `ko`.
    pub fn format(&self, locale: Locale) -> String {
        let decimals = self.currency.decimals();
        let unit = 10u64.pow(decimals);
        let abs = self.amount.unsigned_abs();
        let (whole, frac) = (abs / unit, abs % unit);
        let digits = whole.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let sign = if self.amount < 0 { "-" } else { "" };
        let symbol = self.currency.symbol(locale);
        if decimals == 0 {
            format!("{sign}{symbol}{grouped}")
        } else {
            format!(
                "{sign}{symbol}{grouped}.{frac:0width$}",
                width = decimals as usize
            )
        }
    }

    /// The delta formatted with an explicit sign for option lists: `+₩10,000`; empty for zero.
    pub fn format_delta(&self, locale: Locale) -> String {
        match self.amount {
            0 => String::new(),
            a if a > 0 => format!("+{}", self.format(locale)),
            _ => self.format(locale),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let check =
            |amount, cur, loc, want: &str| assert_eq!(Money::new(amount, cur).format(loc), want);
        check(139_000, Currency::Krw, Locale::Ko, "₩139,000");
        check(139_000, Currency::Krw, Locale::En, "₩139,000");
        check(0, Currency::Krw, Locale::En, "₩0");
        check(1_234_567, Currency::Krw, Locale::En, "₩1,234,567");
        check(8950, Currency::Usd, Locale::En, "$89.50");
        check(8950, Currency::Usd, Locale::Ko, "US$89.50");
        check(-500, Currency::Usd, Locale::En, "-$5.00");
        check(5, Currency::Eur, Locale::En, "€0.05");
        check(100, Currency::Krw, Locale::En, "₩100");
        check(
            i64::MIN,
            Currency::Krw,
            Locale::En,
            "-₩9,223,372,036,854,775,808",
        );
    }

    #[test]
    fn deltas() {
        assert_eq!(
            Money::new(10_000, Currency::Krw).format_delta(Locale::En),
            "+₩10,000"
        );
        assert_eq!(Money::new(0, Currency::Krw).format_delta(Locale::En), "");
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in [Currency::Krw, Currency::Usd, Currency::Eur, Currency::Jpy] {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
        assert_eq!(Currency::from_code("XXX"), None);
    }
}
