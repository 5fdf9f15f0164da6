//! The colors to offer as physical swatches for a photo: the nearest catalog color of each palette color,
//! once each, in palette order, at most as many as a swatch request takes.

use super::{Harmony, suggest};
use crate::catalog::Catalog;
use crate::color::Lab;
use crate::id::ColorId;
use crate::swatch::limits::COLORS;

/// The nearest catalog color (by [`Harmony::Match`]) of each of `colors`, a repeat skipped, in the order
/// given, at most [`COLORS`]`.end()`.
pub fn swatch_candidates(colors: impl IntoIterator<Item = Lab>, catalog: &Catalog) -> Vec<ColorId> {
    let mut ids: Vec<ColorId> = Vec::new();
    for lab in colors {
        if let Some(best) = suggest(lab, catalog, Harmony::Match, 1).into_iter().next()
            && !ids.contains(&best.color)
        {
            ids.push(best.color);
        }
    }
    ids.truncate(*COLORS.end());
    ids
}
