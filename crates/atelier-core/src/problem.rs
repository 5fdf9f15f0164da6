//! A problem found in input (a catalog file, a design, an order), with where it is and a localized message.
//!
//! Each boundary has its own kind enum (`CatalogProblemKind`, `DesignProblemKind`); this module gives them one
//! shape: a location path, a machine-readable code, and a message from the message catalogs. Validators
//! collect every problem they find into a `Vec<Problem<_>>` instead of stopping at the first.

use crate::locale::Locale;
use crate::messages;
use serde::Serialize;

/// What a problem kind tells about itself so it can be reported.
pub trait ProblemKind {
    /// A stable machine-readable code such as `unknown_zone`; the message key is `problem.<code>`.
    fn code(&self) -> &'static str;
    /// The values the message mentions, as `{name}` placeholders.
    fn args(&self) -> Vec<(&'static str, String)>;
    /// The values for a message in `locale`; differs from [`ProblemKind::args`] only for values that are
    /// themselves text in the shopper's language (a rule's reason).
    fn args_in(&self, _locale: Locale) -> Vec<(&'static str, String)> {
        self.args()
    }
}

/// One problem: where (`path`, e.g. `zones[2].colors[0]` or `zones.toe.color`) and what (`kind`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem<K> {
    /// Location in the input, in a JSON-path-like notation.
    pub path: String,
    /// What is wrong.
    pub kind: K,
}

impl<K: ProblemKind> Problem<K> {
    /// A problem of `kind` at `path`.
    pub fn new(path: impl Into<String>, kind: K) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }

    /// The message in `locale`, with the location's values filled in.
    pub fn message(&self, locale: Locale) -> String {
        messages::format(
            locale,
            &format!("problem.{}", self.kind.code()),
            &self.kind.args_in(locale),
        )
    }

    /// The problem as the shop reports it in JSON.
    pub fn report(&self, locale: Locale) -> ProblemReport {
        ProblemReport {
            code: self.kind.code(),
            path: self.path.clone(),
            message: self.message(locale),
        }
    }
}

/// A problem as sent to clients: `{"code": "...", "path": "...", "message": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProblemReport {
    /// Machine-readable code, stable across releases.
    pub code: &'static str,
    /// Location in the input.
    pub path: String,
    /// Human message in the requested language.
    pub message: String,
}
