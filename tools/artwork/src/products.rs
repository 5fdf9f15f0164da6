//! The table of sample products the tool renders: each product's id (its folder under
//! `static/products/`), its views, their SVG sources and zone ids in paint order. It
//! holds data only; rendering is in `layers.rs`, the command line in `main.rs`.

/// One view of a product: its SVG source (next to this crate's manifest) and the zone
/// ids it defines, in paint order from bottom to top.
pub struct View {
    /// Directory name of the view under the product's static folder.
    pub name: &'static str,
    /// File name of the SVG source, relative to this crate's directory.
    pub source: &'static str,
    /// Zone ids in paint order (bottom first); each needs `zone-<id>-shade` and
    /// `zone-<id>-gloss` groups in the source.
    pub zones: &'static [&'static str],
}

/// A sample product: the catalog id and the views drawn for it.
pub struct Product {
    /// Catalog id, also the folder name under `static/products/`.
    pub id: &'static str,
    /// Every view, in the order the catalog lists them.
    pub views: &'static [View],
}

/// Every sample product. All views of a product use the same zones, so a shopper's
/// choice maps onto every view.
pub const PRODUCTS: &[Product] = &[
    Product {
        id: "runner-one",
        views: &[
            View {
                name: "side",
                source: "sneaker-side.svg",
                zones: SNEAKER_ZONES,
            },
            View {
                name: "top",
                source: "sneaker-top.svg",
                zones: SNEAKER_ZONES,
            },
        ],
    },
    Product {
        id: "bespoke-set",
        views: &[
            View {
                name: "front",
                source: "appliance-front.svg",
                zones: APPLIANCE_ZONES,
            },
            View {
                name: "closeup",
                source: "appliance-closeup.svg",
                zones: APPLIANCE_ZONES,
            },
        ],
    },
];

const SNEAKER_ZONES: &[&str] = &["sole", "heel", "quarter", "toe", "logo", "laces"];

/// The panels do not overlap, so their order only matters for anti-aliased edges.
const APPLIANCE_ZONES: &[&str] = &[
    "fridge-top-left",
    "fridge-top-right",
    "fridge-bottom-left",
    "fridge-bottom-right",
    "dishwasher",
];

/// The product with catalog id `id`.
pub fn find(id: &str) -> Option<&'static Product> {
    PRODUCTS.iter().find(|p| p.id == id)
}
