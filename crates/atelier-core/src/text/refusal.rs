//! Why a text is refused, as a message key and its values rather than a sentence.
//!
//! The browser and the shop both turn a [`Refusal`] into words with [`crate::messages`], so a shopper reads the
//! same reason before paying and on submit, in Korean or English. It never echoes a listed word back.

use crate::locale::Locale;
use crate::messages;

/// A reason to refuse a text: a `text.*` message key and the values for its `{name}` placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The message key, e.g. `text.refused.obscenity` or `text.bidi_control`.
    pub key: &'static str,
    /// The values the message mentions, by placeholder name.
    pub args: Vec<(&'static str, String)>,
}

impl Refusal {
    /// The reason in `locale`, with its values filled in.
    pub fn message(&self, locale: Locale) -> String {
        messages::format(locale, self.key, &self.args)
    }
}
