//! The validated catalog: the `HiArgs` of a product. Holding a [`Catalog`] means every reference in it
//! resolves, every id is unique, every price is non-negative, every layer file was there when it was checked, and
//! the rules allow the default design and every option in some valid design.

use super::text::TextPlacement;
use crate::color::Srgb8;
use crate::design::{Choice, Design};
use crate::id::{
    ChoiceId, ColorId, MaterialId, OptionId, ProductId, RuleId, SizeId, ViewId, ZoneId,
};
use crate::locale::Localized;
use crate::money::{Currency, Money};
use crate::rules::Space;
use std::collections::BTreeMap;

/// A product that can be configured.
///
/// The only way to get one is [`Catalog::from_json`], which validates the file, and nothing outside this
/// crate can change one afterwards: its fields are private and read through the accessors below, so the
/// guarantees above hold for every `Catalog` there is.
///
/// ```compile_fail,E0616
/// # use atelier_core::catalog::Catalog;
/// let json = include_str!("../../../../static/catalogs/runner-one.json");
/// let mut catalog = Catalog::from_json(json, &|_path: &str| true).expect("the sample catalog is valid");
/// // Rejected: the zones are read-only outside the crate (error[E0616]: field `zones` is private).
/// catalog.zones.clear();
/// ```
///
/// ```compile_fail,E0451
/// # use atelier_core::catalog::Catalog;
/// let json = include_str!("../../../../static/catalogs/runner-one.json");
/// let catalog = Catalog::from_json(json, &|_path: &str| true).expect("the sample catalog is valid");
/// // Rejected: a catalog cannot be built field by field, so it cannot skip validation
/// // (error[E0451]: fields are private).
/// let copy = Catalog { zones: Vec::new(), ..catalog };
/// ```
///
/// Reading works through the accessors:
///
/// ```
/// # use atelier_core::catalog::Catalog;
/// let json = include_str!("../../../../static/catalogs/runner-one.json");
/// let catalog = Catalog::from_json(json, &|_path: &str| true).expect("the sample catalog is valid");
/// assert!(!catalog.zones().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    /// Product id.
    pub(crate) id: ProductId,
    /// Product name.
    pub(crate) name: Localized,
    /// Short description.
    pub(crate) description: Localized,
    /// The currency of every price in the catalog.
    pub(crate) currency: Currency,
    /// Price of the product before option deltas.
    pub(crate) base_price: Money,
    /// Sizes, in the order shown.
    pub(crate) sizes: Vec<Size>,
    /// Material palette.
    pub(crate) materials: Vec<Material>,
    /// Color palette.
    pub(crate) colors: Vec<Color>,
    /// Zones, in the order shown.
    pub(crate) zones: Vec<Zone>,
    /// Views, the first shown first.
    pub(crate) views: Vec<View>,
    /// Product-wide choice groups, in the order shown.
    pub(crate) choices: Vec<ChoiceGroup>,
    /// Rules between choices, in file order.
    pub(crate) rules: Vec<Rule>,
    /// The rules compiled for the solver; group order: per zone its material then color, then choices.
    pub(crate) space: Space,
    /// Personal-text placements, in the order shown (empty for products without any).
    pub(crate) texts: Vec<TextPlacement>,
}

/// A product-wide choice group that is not a zone, such as "match all panels".
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceGroup {
    /// Group id.
    pub id: ChoiceId,
    /// Display name.
    pub name: Localized,
    /// Options, in the order shown.
    pub options: Vec<ChoiceOption>,
    /// The option a new design starts with. For a group the shopper must choose ([`ChoiceGroup::required`])
    /// it is only the solver's stand-in, an option some valid design has, never shown as chosen.
    pub default: OptionId,
    /// The catalog gives no default: the shopper must choose an option before ordering.
    pub required: bool,
}

/// An option of a [`ChoiceGroup`].
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceOption {
    /// Option id.
    pub id: OptionId,
    /// Display name.
    pub name: Localized,
    /// Price delta.
    pub price: Money,
}

/// A rule as the retailer wrote it, kept for explaining it to shoppers; its logic lives in [`Catalog::space()`].
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// Rule id.
    pub id: RuleId,
    /// What it says.
    pub kind: RuleKind,
    /// It applies only while these hold.
    pub when: Vec<Cond>,
    /// The retailer's reason, if given; otherwise one is generated from `kind`.
    pub message: Option<Localized>,
    /// Where it is in the catalog file (`rules[3]`).
    pub path: String,
}

/// The kinds of rule.
#[derive(Clone, Debug, PartialEq)]
pub enum RuleKind {
    /// If `if_` holds, `then` must (worded "requires").
    Requires {
        /// Condition.
        if_: Vec<Cond>,
        /// Requirement.
        then: Vec<Cond>,
    },
    /// If `if_` holds, `then` must (worded "is only offered with").
    OnlyWith {
        /// Condition.
        if_: Vec<Cond>,
        /// Requirement.
        then: Vec<Cond>,
    },
    /// These conditions may not all hold.
    Excludes(Vec<Vec<Cond>>),
    /// These group keys take the same option.
    Equal(Vec<String>),
    /// At most `count` groups satisfy `of`.
    AtMost {
        /// Bound.
        count: u32,
        /// What is counted.
        of: Vec<Cond>,
    },
    /// A variant table: the groups take one of the listed combinations.
    Allowed {
        /// The group keys, one per column.
        groups: Vec<String>,
        /// The allowed combinations, one option id per column.
        rows: Vec<Vec<String>>,
    },
}

/// "Group `key` is one of `options`", as written (the key may be `*.material`).
#[derive(Clone, Debug, PartialEq)]
pub struct Cond {
    /// Group key.
    pub key: String,
    /// Option ids.
    pub options: Vec<String>,
}

/// A size on offer.
#[derive(Clone, Debug, PartialEq)]
pub struct Size {
    /// Size id (also the value sent in orders).
    pub id: SizeId,
    /// Label.
    pub name: Localized,
}

/// A material option.
#[derive(Clone, Debug, PartialEq)]
pub struct Material {
    /// Material id.
    pub id: MaterialId,
    /// Display name.
    pub name: Localized,
    /// Price delta per zone it is chosen for.
    pub price: Money,
    /// Glossiness 0–100: how strongly the artwork's highlights show.
    pub gloss: u8,
    /// The surface detail the preview draws over the artwork's shading.
    pub surface: Surface,
}

/// What a material's surface looks like up close: the preview draws each as its own procedural detail, so
/// materials differ at a glance even in the same color. The list is closed (a catalog naming another is a
/// validation problem) because each kind needs its own drawing code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Surface {
    /// No detail: rubber, lacquer.
    Smooth,
    /// A fine, dull speckle with damped highlights: powder coat, foam.
    Matte,
    /// Pebbled grain: rounded bumps with creases between them.
    Leather,
    /// A soft, velvety nap: fine fibres, patchy brushing, almost no highlights.
    Suede,
    /// Knit mesh: rows of interlocking loops with open holes.
    Mesh,
    /// A mirror-like coat: sharpened, stronger highlights and deeper color.
    Patent,
    /// A woven cord or canvas: a diagonal twill of threads.
    Woven,
    /// Brushed metal: fine horizontal streaks in both shade and highlights.
    Brushed,
    /// Glass over color: smooth with broad diagonal reflections.
    Glass,
}

impl Surface {
    /// Every surface, in the order of the catalog schema's list.
    pub const ALL: [Surface; 9] = [
        Surface::Smooth,
        Surface::Matte,
        Surface::Leather,
        Surface::Suede,
        Surface::Mesh,
        Surface::Patent,
        Surface::Woven,
        Surface::Brushed,
        Surface::Glass,
    ];

    /// The name a catalog file uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Smooth => "smooth",
            Surface::Matte => "matte",
            Surface::Leather => "leather",
            Surface::Suede => "suede",
            Surface::Mesh => "mesh",
            Surface::Patent => "patent",
            Surface::Woven => "woven",
            Surface::Brushed => "brushed",
            Surface::Glass => "glass",
        }
    }

    /// The surface a catalog file names, if it is one of [`Surface::ALL`].
    pub fn parse(name: &str) -> Option<Surface> {
        Surface::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// A color option.
#[derive(Clone, Debug, PartialEq)]
pub struct Color {
    /// Color id.
    pub id: ColorId,
    /// Display name.
    pub name: Localized,
    /// Swatch color in sRGB.
    pub swatch: Srgb8,
    /// Price delta per zone it is chosen for.
    pub price: Money,
}

/// A customizable part of the product.
#[derive(Clone, Debug, PartialEq)]
pub struct Zone {
    /// Zone id.
    pub id: ZoneId,
    /// Display name.
    pub name: Localized,
    /// Materials offered here, in the order shown.
    pub materials: Vec<MaterialId>,
    /// Colors offered here, in the order shown.
    pub colors: Vec<ColorId>,
    /// The choice a new design starts with.
    pub default: Choice,
}

/// A view of the product and its image layers.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// View id.
    pub id: ViewId,
    /// Display name.
    pub name: Localized,
    /// Pixel width of every layer.
    pub width: u32,
    /// Pixel height of every layer.
    pub height: u32,
    /// Background layer, relative to the static root.
    pub base: String,
    /// Zone layers, bottom to top.
    pub layers: Vec<Layer>,
    /// Top layer, if any.
    pub overlay: Option<String>,
}

/// One zone's layer in a view.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// The zone it draws.
    pub zone: ZoneId,
    /// The file, relative to the static root.
    pub file: String,
}

impl View {
    /// Every file this view needs (base, zone layers, overlay), each once.
    pub fn files(&self) -> Vec<&str> {
        let mut files = vec![self.base.as_str()];
        for f in self
            .layers
            .iter()
            .map(|l| l.file.as_str())
            .chain(self.overlay.as_deref())
        {
            if !files.contains(&f) {
                files.push(f);
            }
        }
        files
    }
}

impl Catalog {
    /// Product id.
    pub fn id(&self) -> &ProductId {
        &self.id
    }

    /// Product name.
    pub fn name(&self) -> &Localized {
        &self.name
    }

    /// Short description (empty in both languages when the file has none).
    pub fn description(&self) -> &Localized {
        &self.description
    }

    /// The currency of every price in the catalog.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Price of the product before option deltas.
    pub fn base_price(&self) -> Money {
        self.base_price
    }

    /// Sizes, in the order shown.
    pub fn sizes(&self) -> &[Size] {
        &self.sizes
    }

    /// Material palette.
    pub fn materials(&self) -> &[Material] {
        &self.materials
    }

    /// Color palette.
    pub fn colors(&self) -> &[Color] {
        &self.colors
    }

    /// Zones, in the order shown.
    pub fn zones(&self) -> &[Zone] {
        &self.zones
    }

    /// Views, the first shown first.
    pub fn views(&self) -> &[View] {
        &self.views
    }

    /// Product-wide choice groups, in the order shown.
    pub fn choices(&self) -> &[ChoiceGroup] {
        &self.choices
    }

    /// Rules between choices, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rules compiled for the solver; group order: per zone its material then color, then choices.
    pub fn space(&self) -> &Space {
        &self.space
    }

    /// Personal-text placements, in the order shown (empty for products without any).
    pub fn texts(&self) -> &[TextPlacement] {
        &self.texts
    }

    /// The zone with `id`.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id.as_str() == id)
    }

    /// The material with `id`.
    pub fn material(&self, id: &str) -> Option<&Material> {
        self.materials.iter().find(|m| m.id.as_str() == id)
    }

    /// The color with `id`.
    pub fn color(&self, id: &str) -> Option<&Color> {
        self.colors.iter().find(|c| c.id.as_str() == id)
    }

    /// The size with `id`.
    pub fn size(&self, id: &str) -> Option<&Size> {
        self.sizes.iter().find(|s| s.id.as_str() == id)
    }

    /// The choice group with `id`.
    pub fn choice(&self, id: &str) -> Option<&ChoiceGroup> {
        self.choices.iter().find(|c| c.id.as_str() == id)
    }

    /// The view with `id`.
    pub fn view(&self, id: &str) -> Option<&View> {
        self.views.iter().find(|v| v.id.as_str() == id)
    }

    /// The text placement with `id`.
    pub fn text(&self, id: &str) -> Option<&TextPlacement> {
        self.texts.iter().find(|t| t.id.as_str() == id)
    }

    /// A new design: every zone at its default, no size chosen yet. A group the shopper must choose holds
    /// the stand-in option of the starting design (see [`ChoiceGroup::required`]).
    pub fn default_design(&self) -> Design {
        let written = Design {
            product: self.id.clone(),
            size: None,
            zones: self
                .zones
                .iter()
                .map(|z| (z.id.clone(), z.default.clone()))
                .collect::<BTreeMap<_, _>>(),
            choices: self
                .choices
                .iter()
                .map(|c| (c.id.clone(), c.default.clone()))
                .collect(),
            text: BTreeMap::new(),
        };
        // The rules' starting design: the written defaults, unless a group the shopper must choose made
        // validation start nearer a valid design.
        crate::rules::design_values::design_with(self, &written, &self.space.defaults)
    }
}
