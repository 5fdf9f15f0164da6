//! The word lists' verdict as one optional string, for handing it from the text worker that runs
//! [`WordList::check`](crate::text::WordList::check) to the page that shows it (`src/bin/text_worker.rs` and
//! `src/text_worker.rs`): `None` for a text that passes, the refusal's message key for one that does not.
//!
//! A word-list refusal is its category's reason and nothing else (it never echoes the word), so the key says
//! all of it. Reading a verdict back needs no word list and no [`crate::text::normalize`]: the page's wasm
//! links neither, and this module must not make it. How the string travels is the app's business.

use crate::text::{Category, Refusal};

/// The verdict as it travels: `None` when the text passes, else the refusal's message key.
pub fn to_wire(verdict: &Result<(), Refusal>) -> Option<&'static str> {
    verdict.as_ref().err().map(|r| r.key)
}

/// The verdict back from [`to_wire`]'s output; `None` if `key` is not a reason the word lists give.
pub fn from_wire(key: Option<&str>) -> Option<Result<(), Refusal>> {
    match key {
        None => Some(Ok(())),
        Some(key) => Category::from_message_key(key).map(|c| Err(c.refusal())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_round_trips_and_nothing_else_is_a_verdict() {
        for category in [Category::Obscenity, Category::Slur, Category::Insult] {
            let verdict = Err(category.refusal());
            assert_eq!(from_wire(to_wire(&verdict)), Some(verdict));
        }
        assert_eq!(from_wire(to_wire(&Ok(()))), Some(Ok(())));
        for key in ["text.too_long", "text.refused", "", "obscenity"] {
            assert_eq!(from_wire(Some(key)), None, "{key:?}");
        }
    }
}
