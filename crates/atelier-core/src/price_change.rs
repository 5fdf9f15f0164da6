//! A change of the total in words, for the sentence a screen reader says after the shopper's choice moved the
//! price ("Total now ₩154,000, ₩5,000 more."): the new total first, then by how much and which way, so the
//! shopper hears the price without looking for it. Nothing is said when the total did not move or the
//! currency changed (another product: its price is read with the product).

use crate::Locale;
use crate::messages;
use crate::money::Money;

/// The sentence announcing the move from `before` to `after`, or `None` when there is nothing to say.
pub fn announce(before: Money, after: Money, locale: Locale) -> Option<String> {
    if before.currency != after.currency || before.amount == after.amount {
        return None;
    }
    let delta = Money::new((after.amount - before.amount).abs(), after.currency);
    let key = if after.amount > before.amount {
        "price.changed_up"
    } else {
        "price.changed_down"
    };
    Some(messages::format(
        locale,
        key,
        &[
            ("total", after.format(locale)),
            ("delta", delta.format(locale)),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    #[test]
    fn moves_are_said_with_the_new_total_first() {
        let krw = |a| Money::new(a, Currency::Krw);
        let usd = |a| Money::new(a, Currency::Usd);
        let cases = [
            (
                krw(149_000),
                krw(154_000),
                Locale::En,
                Some("Total now ₩154,000, ₩5,000 more."),
            ),
            (
                krw(154_000),
                krw(149_000),
                Locale::En,
                Some("Total now ₩149,000, ₩5,000 less."),
            ),
            (
                krw(149_000),
                krw(159_000),
                Locale::Ko,
                Some("합계 ₩159,000: ₩10,000 올랐습니다."),
            ),
            (
                krw(159_000),
                krw(149_000),
                Locale::Ko,
                Some("합계 ₩149,000: ₩10,000 내렸습니다."),
            ),
            (
                usd(8_950),
                usd(9_950),
                Locale::En,
                Some("Total now $99.50, $10.00 more."),
            ),
            (krw(149_000), krw(149_000), Locale::En, None),
            (krw(149_000), usd(8_950), Locale::En, None),
        ];
        for (before, after, locale, want) in cases {
            assert_eq!(
                announce(before, after, locale).as_deref(),
                want,
                "{before:?} → {after:?} in {locale:?}"
            );
        }
    }
}
