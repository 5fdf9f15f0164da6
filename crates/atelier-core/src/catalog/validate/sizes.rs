//! The `sizes` section of a catalog file: each size's id (unique) and name.

use super::checker::Checker;
use crate::catalog::model::Size;
use crate::catalog::raw::RawSize;
use crate::id::SizeId;
use std::collections::HashSet;

/// Checks every size; returns those without problems.
pub(super) fn check(c: &mut Checker, raw: Option<Vec<RawSize>>) -> Vec<Size> {
    let mut sizes = Vec::new();
    let mut seen = HashSet::new();
    for (i, s) in c.list("", "sizes", raw).into_iter().enumerate() {
        let at = format!("sizes[{i}]");
        c.extra(&at, &s.extra);
        let id = c.unique_id(&at, s.id, &mut seen);
        let name = c.localized(&at, "name", s.name);
        if let (Some(id), Some(name)) = (id, name) {
            sizes.push(Size {
                id: SizeId(id),
                name,
            });
        }
    }
    sizes
}
