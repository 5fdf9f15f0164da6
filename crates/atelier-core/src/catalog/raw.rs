//! The catalog file as written, before any checking: the `LowArgs` of a catalog.
//!
//! Every field is optional and numbers are signed so that a missing base price or a negative delta reaches
//! validation as a value to report rather than a deserialization error that would hide every later problem.
//! Unknown fields are kept in `extra` for the same reason. The JSON Schema beside the sample catalog
//! (`static/catalogs/catalog.schema.json`) describes the same shape for editors.

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Fields a raw object did not expect, reported as `unknown_field`.
pub type Extra = BTreeMap<String, Value>;

/// A localized name as written: `{"en": "...", "ko": "..."}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawLocalized {
    /// English.
    pub en: Option<String>,
    /// Korean.
    pub ko: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The whole file.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawCatalog {
    /// Editor hint, ignored.
    #[serde(rename = "$schema")]
    #[expect(
        dead_code,
        reason = "declared only so that `$schema` is not collected into `extra` and reported as unknown"
    )]
    pub schema: Option<String>,
    /// File format version; `1` today.
    pub format: Option<i64>,
    /// Product id.
    pub id: Option<String>,
    /// Product name.
    pub name: Option<RawLocalized>,
    /// Short product description.
    pub description: Option<RawLocalized>,
    /// ISO 4217 code.
    pub currency: Option<String>,
    /// Base price in minor units.
    pub base_price: Option<i64>,
    /// Sizes on offer.
    pub sizes: Option<Vec<RawSize>>,
    /// Material palette.
    pub materials: Option<Vec<RawMaterial>>,
    /// Color palette.
    pub colors: Option<Vec<RawColor>>,
    /// Customizable parts.
    pub zones: Option<Vec<RawZone>>,
    /// Views and their image layers.
    pub views: Option<Vec<RawView>>,
    /// Product-wide choice groups that are not zones ("match all panels").
    pub choices: Option<Vec<RawChoiceGroup>>,
    /// Rules between choices.
    pub rules: Option<Vec<RawRule>>,
    /// Personal-text placements (none when absent).
    pub texts: Option<Vec<RawText>>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A size.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawSize {
    /// Size id.
    pub id: Option<String>,
    /// Label shown to shoppers.
    pub name: Option<RawLocalized>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A material option.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawMaterial {
    /// Material id.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<RawLocalized>,
    /// Price delta in minor units.
    pub price: Option<i64>,
    /// Glossiness 0–100 (how strongly highlights show).
    pub gloss: Option<i64>,
    /// Surface detail (`leather`, `suede`, …); smooth when absent.
    pub surface: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A color option.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawColor {
    /// Color id.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<RawLocalized>,
    /// `#rrggbb` swatch color.
    pub swatch: Option<String>,
    /// Price delta in minor units.
    pub price: Option<i64>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A zone's default choice.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawChoice {
    /// Material id.
    pub material: Option<String>,
    /// Color id.
    pub color: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A customizable part.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawZone {
    /// Zone id.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<RawLocalized>,
    /// Materials offered here (ids).
    pub materials: Option<Vec<String>>,
    /// Colors offered here (ids).
    pub colors: Option<Vec<String>>,
    /// The choice a new design starts with.
    pub default: Option<RawChoice>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A view of the product.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawView {
    /// View id.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<RawLocalized>,
    /// Pixel width of every layer.
    pub width: Option<i64>,
    /// Pixel height of every layer.
    pub height: Option<i64>,
    /// Background layer (RGB PNG), relative to the static root.
    pub base: Option<String>,
    /// Zone layers, bottom to top.
    pub layers: Option<Vec<RawLayer>>,
    /// Optional top layer (RGBA PNG).
    pub overlay: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A zone's layer in a view.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawLayer {
    /// The zone drawn by this layer.
    pub zone: Option<String>,
    /// The layer file (RGB PNG: shade, gloss, coverage), relative to the static root.
    pub file: Option<String>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A product-wide choice group.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawChoiceGroup {
    /// Group id (not a zone id).
    pub id: Option<String>,
    /// Display name.
    pub name: Option<RawLocalized>,
    /// Its options.
    pub options: Option<Vec<RawChoiceOption>>,
    /// The option a new design starts with.
    pub default: Option<String>,
    /// `true`: no default, the shopper must choose before ordering.
    pub required: Option<bool>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An option of a choice group.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawChoiceOption {
    /// Option id.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<RawLocalized>,
    /// Price delta in minor units.
    pub price: Option<i64>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A condition as written: group key (`sole.color`, `*.material`, `match`) to the options it may take.
pub type RawCondition = BTreeMap<String, RawOptions>;

/// One option id or a list of them.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum RawOptions {
    /// A single option id.
    One(String),
    /// Several option ids.
    Many(Vec<String>),
}

impl RawOptions {
    /// The ids, however they were written.
    pub fn into_vec(self) -> Vec<String> {
        match self {
            RawOptions::One(s) => vec![s],
            RawOptions::Many(v) => v,
        }
    }
}

/// A rule: exactly one of the kinds, an optional guard and an optional message.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawRule {
    /// Rule id.
    pub id: Option<String>,
    /// If `if` holds, `then` must hold.
    pub requires: Option<RawImplication>,
    /// Same logic as `requires`, phrased "only offered with".
    pub only_with: Option<RawImplication>,
    /// Conditions that may not all hold together.
    pub excludes: Option<Vec<RawCondition>>,
    /// Group keys whose choices must be the same option.
    pub equal: Option<Vec<String>>,
    /// A bound on how many groups satisfy a condition.
    pub at_most: Option<RawAtMost>,
    /// A variant table: the combinations of some groups that are made.
    pub allowed: Option<RawAllowed>,
    /// The rule applies only while this holds.
    pub when: Option<RawCondition>,
    /// The reason shown to shoppers.
    pub message: Option<RawLocalized>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"if": {...}, "then": {...}}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawImplication {
    /// The condition.
    #[serde(rename = "if")]
    pub if_: Option<RawCondition>,
    /// What it requires.
    pub then: Option<RawCondition>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"count": 2, "of": {...}}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawAtMost {
    /// The bound.
    pub count: Option<i64>,
    /// What is counted.
    pub of: Option<RawCondition>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"groups": ["engine", "gearbox"], "rows": [["s64", "m9"], ...]}`: the combinations that are made.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawAllowed {
    /// The group keys, one per column.
    pub groups: Option<Vec<String>>,
    /// The allowed combinations, one option id per column.
    pub rows: Option<Vec<Vec<String>>>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A personal-text placement as written; numbers are floats, checked for range in validation.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawText {
    /// Placement id.
    pub id: Option<String>,
    /// Display name ("Heel ID").
    pub name: Option<RawLocalized>,
    /// The view the text is drawn in.
    pub view: Option<String>,
    /// The text box's centre in the view, in pixels.
    pub position: Option<RawPoint>,
    /// Rotation in degrees, clockwise on screen.
    pub rotation: Option<f64>,
    /// The physical box in millimetres.
    pub box_mm: Option<RawBox>,
    /// Pixels per millimetre at the placement, in the view's artwork.
    pub px_per_mm: Option<f64>,
    /// Font files, relative to the static root: the first that can draw the whole text is used.
    pub fonts: Option<Vec<String>>,
    /// The em size in millimetres.
    pub size_mm: Option<f64>,
    /// Character classes allowed: `latin`, `digits`, `space`, `hangul`, `punctuation`.
    pub allowed: Option<Vec<String>>,
    /// Further single characters allowed, written as one string (`".-&"`).
    pub also_allowed: Option<String>,
    /// Most characters.
    pub max_length: Option<i64>,
    /// `as_typed`, `upper` or `lower`.
    pub case: Option<String>,
    /// Ink: a catalog color id or `#rrggbb`.
    pub ink: Option<String>,
    /// Price delta in minor units for using the placement.
    pub price: Option<i64>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"x": 848, "y": 528}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawPoint {
    /// Horizontal pixel.
    pub x: Option<f64>,
    /// Vertical pixel, down.
    pub y: Option<f64>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `{"width": 36, "height": 10}`.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawBox {
    /// Width in millimetres.
    pub width: Option<f64>,
    /// Height in millimetres.
    pub height: Option<f64>,
    /// Anything else.
    #[serde(flatten)]
    pub extra: Extra,
}
