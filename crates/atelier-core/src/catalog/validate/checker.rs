//! The [`Checker`] that validation threads through every section of a catalog: it collects problems and holds
//! the small checks every section shares (unknown fields, ids, localized names, prices, list shapes, palette
//! references, layer files), each reporting at its location and returning what could be read.
//!
//! It owns how a problem's path is joined (`zones[2].name`) and which problem each malformed value gets; the
//! sections decide what to check and in which order.

use super::MAX_VIEW_SIDE;
use crate::catalog::asset_path::is_safe_asset_path;
use crate::catalog::problem::{CatalogProblem, CatalogProblemKind as K};
use crate::catalog::raw::{Extra, RawLocalized};
use crate::id::is_valid_id;
use crate::locale::Localized;
use crate::rules::space::MAX_OPTIONS;
use std::collections::HashSet;

/// Collects problems while validation walks the file.
pub(in crate::catalog) struct Checker {
    pub(in crate::catalog) problems: Vec<CatalogProblem>,
}

fn join(at: &str, field: &str) -> String {
    if at.is_empty() {
        field.to_owned()
    } else {
        format!("{at}.{field}")
    }
}

impl Checker {
    /// A checker with no problems yet.
    pub(in crate::catalog) fn new() -> Checker {
        Checker {
            problems: Vec::new(),
        }
    }

    /// Every problem so far as the error, or `Ok` when there is none: the gate between validation's phases,
    /// since a later phase needs everything before it to have been read.
    pub(in crate::catalog) fn gate(&mut self) -> Result<(), Vec<CatalogProblem>> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(std::mem::take(&mut self.problems))
        }
    }

    /// A list longer than a rule domain can hold.
    pub(in crate::catalog) fn too_many(&mut self, at: &str, count: usize) {
        if count > MAX_OPTIONS {
            self.push(
                at,
                K::TooManyOptions {
                    max: MAX_OPTIONS,
                    count,
                },
            );
        }
    }

    pub(in crate::catalog) fn push(&mut self, path: impl Into<String>, kind: K) {
        self.problems.push(CatalogProblem::new(path, kind));
    }

    pub(in crate::catalog) fn extra(&mut self, at: &str, extra: &Extra) {
        for key in extra.keys() {
            self.push(join(at, key), K::UnknownField { field: key.clone() });
        }
    }

    pub(in crate::catalog) fn id(
        &mut self,
        at: &str,
        field: &'static str,
        id: Option<String>,
    ) -> Option<String> {
        match id {
            None => {
                self.push(at, K::MissingField { field });
                None
            }
            Some(id) if !is_valid_id(&id) => {
                self.push(join(at, field), K::InvalidId { id });
                None
            }
            Some(id) => Some(id),
        }
    }

    pub(in crate::catalog) fn unique_id(
        &mut self,
        at: &str,
        id: Option<String>,
        seen: &mut HashSet<String>,
    ) -> Option<String> {
        let id = self.id(at, "id", id)?;
        if !seen.insert(id.clone()) {
            self.push(join(at, "id"), K::DuplicateId { id });
            return None;
        }
        Some(id)
    }

    pub(in crate::catalog) fn localized(
        &mut self,
        at: &str,
        field: &'static str,
        raw: Option<RawLocalized>,
    ) -> Option<Localized> {
        let Some(raw) = raw else {
            self.push(at, K::MissingField { field });
            return None;
        };
        let here = join(at, field);
        self.extra(&here, &raw.extra);
        let mut text = |lang: &'static str, s: Option<String>| match s {
            Some(s) if !s.trim().is_empty() => Some(s),
            _ => {
                self.push(&here, K::MissingField { field: lang });
                None
            }
        };
        let en = text("en", raw.en);
        let ko = text("ko", raw.ko);
        Some(Localized { en: en?, ko: ko? })
    }

    pub(in crate::catalog) fn price(
        &mut self,
        at: &str,
        field: &'static str,
        amount: Option<i64>,
        required: bool,
    ) -> Option<i64> {
        match amount {
            None if required => {
                self.push(at, K::MissingField { field });
                None
            }
            None => Some(0),
            Some(a) if a < 0 => {
                self.push(join(at, field), K::NegativePrice { amount: a });
                None
            }
            // A cap far above any real price keeps sums of deltas from overflowing i64.
            Some(a) if a > 1_000_000_000_000 => {
                self.push(
                    join(at, field),
                    K::OutOfRange {
                        value: a,
                        min: 0,
                        max: 1_000_000_000_000,
                    },
                );
                None
            }
            Some(a) => Some(a),
        }
    }

    pub(in crate::catalog) fn side(
        &mut self,
        at: &str,
        field: &'static str,
        v: Option<i64>,
    ) -> Option<u32> {
        match v {
            None => {
                self.push(at, K::MissingField { field });
                None
            }
            Some(n @ 1..=MAX_VIEW_SIDE) => u32::try_from(n).ok(),
            Some(n) => {
                self.push(
                    join(at, field),
                    K::OutOfRange {
                        value: n,
                        min: 1,
                        max: MAX_VIEW_SIDE,
                    },
                );
                None
            }
        }
    }

    pub(in crate::catalog) fn list<T>(
        &mut self,
        at: &str,
        field: &'static str,
        list: Option<Vec<T>>,
    ) -> Vec<T> {
        match list {
            None => {
                self.push(at, K::MissingField { field });
                Vec::new()
            }
            Some(l) if l.is_empty() => {
                self.push(join(at, field), K::EmptyList);
                l
            }
            Some(l) => l,
        }
    }

    /// A zone's list of option ids: each must exist in the palette and appear once.
    pub(in crate::catalog) fn refs(
        &mut self,
        at: &str,
        field: &'static str,
        list: Option<Vec<String>>,
        known: &HashSet<&str>,
        unknown: impl Fn(String) -> K,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (i, id) in self.list(at, field, list).into_iter().enumerate() {
            let here = format!("{at}.{field}[{i}]");
            if !known.contains(id.as_str()) {
                self.push(here, unknown(id));
            } else if !seen.insert(id.clone()) {
                self.push(here, K::DuplicateId { id });
            } else {
                out.push(id);
            }
        }
        out
    }

    pub(in crate::catalog) fn default_ref(
        &mut self,
        at: &str,
        field: &'static str,
        id: Option<String>,
        offered: &[String],
        known: &HashSet<&str>,
    ) -> Option<String> {
        let id = match id {
            None => {
                self.push(at, K::MissingField { field });
                return None;
            }
            Some(id) => id,
        };
        let here = join(at, field);
        if offered.contains(&id) {
            Some(id)
        } else {
            if known.contains(id.as_str()) {
                self.push(here, K::DefaultNotOffered { option: id });
            } else if field == "material" {
                self.push(here, K::UnknownMaterial { material: id });
            } else {
                self.push(here, K::UnknownColor { color: id });
            }
            None
        }
    }

    pub(in crate::catalog) fn file(
        &mut self,
        at: &str,
        field: &'static str,
        path: Option<String>,
        file_exists: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let Some(path) = path else {
            self.push(at, K::MissingField { field });
            return None;
        };
        let here = join(at, field);
        if !is_safe_asset_path(&path, &[".png"]) {
            self.push(here, K::UnsafePath { path });
            None
        } else if !file_exists(&path) {
            self.push(here, K::MissingFile { path });
            None
        } else {
            Some(path)
        }
    }
}
