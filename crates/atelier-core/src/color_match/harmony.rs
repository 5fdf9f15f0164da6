//! Suggestions for one target color under a harmony mode, from every color of a catalog.
//!
//! Hue families need care near the gray axis, where a hue angle means nothing: colors with chroma under
//! [`NEUTRAL_CHROMA`] (whites, grays, stainless, charcoal) form one family of their own. Tone-on-tone then
//! pairs neutrals with neutrals, and contrast for a neutral target means a strong lightness contrast (a navy
//! panel in a white kitchen) instead of an opposite hue.

use super::Closeness;
use crate::catalog::Catalog;
use crate::color::{Lab, ciede2000, srgb8_to_lab};
use crate::id::ColorId;

/// Below this chroma (C*ab) a color counts as neutral: its hue is not shown to the eye.
pub const NEUTRAL_CHROMA: f64 = 8.0;
/// Tone-on-tone: hue angles at most this far apart (degrees) are one family.
pub const SAME_FAMILY_DEGREES: f64 = 30.0;
/// Tone-on-tone: at least this ΔE00 from the target, or it is a match, not another tone.
pub const TONE_MIN_DELTA_E: f64 = 5.0;
/// Contrast: hue angles at least this far apart (degrees, at most 180) are roughly opposite (150–210°).
pub const OPPOSITE_DEGREES: f64 = 150.0;
/// Contrast: at least this ΔE00 from the target (clearly different).
pub const CONTRAST_MIN_DELTA_E: f64 = 10.0;
/// Contrast for a neutral target: at least this difference in lightness L*.
pub const NEUTRAL_CONTRAST_LIGHTNESS: f64 = 40.0;

/// How a suggestion relates to the target color.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Harmony {
    /// The nearest colors.
    Match,
    /// The same hue family, lighter or darker (ΔE00 at least [`TONE_MIN_DELTA_E`]), nearest first.
    ToneOnTone,
    /// A complementary accent: hue roughly opposite and clearly different, the most opposite first.
    Contrast,
}

impl Harmony {
    /// The message key of its name (`color.harmony.*` in `messages/*.json`).
    pub fn message_key(self) -> &'static str {
        match self {
            Harmony::Match => "color.harmony.match",
            Harmony::ToneOnTone => "color.harmony.tone_on_tone",
            Harmony::Contrast => "color.harmony.contrast",
        }
    }
}

/// A catalog color suggested for a target color.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The catalog color.
    pub color: ColorId,
    /// ΔE00 from the target.
    pub delta_e: f64,
    /// The same in words.
    pub closeness: Closeness,
}

/// Hue angles' difference in degrees, 0–180.
fn hue_gap(x: Lab, y: Lab) -> f64 {
    let d = (x.hue_degrees() - y.hue_degrees()).abs();
    if d > 180.0 { 360.0 - d } else { d }
}

fn neutral(c: Lab) -> bool {
    c.chroma() < NEUTRAL_CHROMA
}

/// At most `limit` catalog colors for `target` under `harmony`, best first (ties in catalog order).
pub fn suggest(target: Lab, catalog: &Catalog, harmony: Harmony, limit: usize) -> Vec<Suggestion> {
    // (sort key, catalog index, suggestion): the index keeps ties in the order the retailer wrote.
    let mut found: Vec<(f64, usize, Suggestion)> = catalog
        .colors
        .iter()
        .enumerate()
        .filter_map(|(i, color)| {
            let lab = srgb8_to_lab(color.swatch);
            let delta_e = ciede2000(target, lab);
            let key = match harmony {
                Harmony::Match => delta_e,
                Harmony::ToneOnTone => {
                    let family = match (neutral(target), neutral(lab)) {
                        (true, true) => true,
                        (false, false) => hue_gap(target, lab) <= SAME_FAMILY_DEGREES,
                        _ => false,
                    };
                    if !family || delta_e < TONE_MIN_DELTA_E {
                        return None;
                    }
                    delta_e
                }
                Harmony::Contrast => {
                    if delta_e < CONTRAST_MIN_DELTA_E {
                        return None;
                    }
                    if neutral(target) {
                        let dl = (target.l - lab.l).abs();
                        if dl < NEUTRAL_CONTRAST_LIGHTNESS {
                            return None;
                        }
                        -dl
                    } else {
                        let gap = hue_gap(target, lab);
                        if neutral(lab) || gap < OPPOSITE_DEGREES {
                            return None;
                        }
                        180.0 - gap
                    }
                }
            };
            Some((
                key,
                i,
                Suggestion {
                    color: color.id.clone(),
                    delta_e,
                    closeness: Closeness::of(delta_e),
                },
            ))
        })
        .collect();
    found.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    found.into_iter().take(limit).map(|(_, _, s)| s).collect()
}
