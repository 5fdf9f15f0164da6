//! Suggestions under the catalog's rules, for one panel's color as the design stands.
//!
//! A suggestion the panel can take now is kept as is, noting the finish it would switch the panel to when
//! the shopper has not chosen one themselves (the rules engine moves it along). One that conflicts with the
//! shopper's own choices (Glam Navy on a panel they set to Matte) comes with the fix the rules engine proposes
//! ([`Selection::choose`]'s [`Outcome::Conflict`]) and the finish that fix gives the panel. Colors the panel
//! does not offer at all are dropped.

use super::Suggestion;
use crate::catalog::Catalog;
use crate::id::{MaterialId, ZoneId};
use crate::rules::{Change, Fix, GroupKey, Outcome, Selection};

/// A suggestion checked against the rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// The suggestion.
    pub suggestion: Suggestion,
    /// The finish the panel would move to if the suggestion is applied; `None` if it keeps its own.
    pub finish: Option<MaterialId>,
    /// For an unavailable suggestion, the change to the shopper's own choices that allows it.
    pub fix: Option<Fix>,
}

/// Suggestions sorted by what the rules say, each list in the order given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RuleCheck {
    /// Colors the panel can take as the design stands.
    pub available: Vec<Offer>,
    /// Colors that need a change to the shopper's own choices, usually the panel's finish.
    pub unavailable: Vec<Offer>,
}

fn finish_of(changes: &[Change], zone: &ZoneId) -> Option<MaterialId> {
    changes
        .iter()
        .find(|c| c.group == GroupKey::Material(zone.clone()))
        .map(|c| c.to.as_str().into())
}

/// Checks `suggestions` for the color of panel `zone` in `selection`.
pub fn within_rules(
    catalog: &Catalog,
    selection: &Selection,
    zone: &ZoneId,
    suggestions: &[Suggestion],
) -> RuleCheck {
    let key = GroupKey::Color(zone.clone());
    let mut out = RuleCheck::default();
    for s in suggestions {
        let color = s.color.as_str();
        match selection.choose(catalog, &key, color) {
            Outcome::Applied { changes, .. } => out.available.push(Offer {
                suggestion: s.clone(),
                finish: finish_of(&changes, zone),
                fix: None,
            }),
            // `choose` answers exactly what availability would (a conflict is an unavailable option), so the
            // outcome alone sorts the suggestion; no availability pass is needed on this per-render path.
            Outcome::Conflict(fix) => out.unavailable.push(Offer {
                suggestion: s.clone(),
                finish: finish_of(&fix.changes, zone),
                fix: Some(fix),
            }),
            Outcome::Unknown => {}
        }
    }
    out
}
