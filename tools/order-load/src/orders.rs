//! The orders the clients send: valid designs of the sample products, varied (each zone in turn takes each
//! of its other colors, keeping the designs the core's order check accepts, rules included), each with its price from the core and its proofs drawn by `atelier-render`, once,
//! before the load starts, exactly as the app computes them in the browser. Also the proof check's CPU cost
//! per order, measured with that same drawing ([`proof_cpu_ms_per_order`]).

use anyhow::{Context, Result};
use atelier_core::Catalog;
use atelier_core::order::{ClientPrice, ORDER_FORMAT, OrderRequest};
use atelier_core::text::Fonts;
use atelier_render::ViewLayers;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

/// Order bodies ready to send (JSON without a submission id).
pub struct Orders {
    bodies: Vec<serde_json::Value>,
}

/// The product the orders are for, and the shipped fonts the proofs draw text with.
struct Product {
    catalog: Catalog,
    layers: Vec<ViewLayers>,
    fonts: Fonts,
}

impl Product {
    fn load(static_dir: &Path, product: &str) -> Result<Product> {
        let path = static_dir.join(format!("catalogs/{product}.json"));
        let json = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let catalog = Catalog::from_json(&json, &|p: &str| static_dir.join(p).exists())
            .map_err(|_| anyhow::anyhow!("{} is not a valid catalog", path.display()))?;
        let mut layers = Vec::new();
        for view in catalog.views() {
            let decoded = ViewLayers::decode(view, |p| std::fs::read(static_dir.join(p)).ok())
                .map_err(|e| anyhow::anyhow!("cannot decode view {}: {e:?}", view.id.as_str()))?;
            layers.push(decoded);
        }
        let mut fonts = Fonts::new();
        for file in [
            "fonts/AtelierSans-Latin.ttf",
            "fonts/AtelierSans-Hangul.ttf",
        ] {
            let bytes = std::fs::read(static_dir.join(file))
                .with_context(|| format!("cannot read {file}"))?;
            fonts.insert(file, bytes);
        }
        Ok(Product {
            catalog,
            layers,
            fonts,
        })
    }

    /// Up to `count` valid designs: the default (with a size), then each zone in turn with each other color.
    fn designs(&self, count: usize) -> Vec<atelier_core::Design> {
        let mut base = self.catalog.default_design();
        base.size = self.catalog.sizes().first().map(|s| s.id.clone());
        let mut designs = vec![base.clone()];
        for zone in self.catalog.zones() {
            for color in &zone.colors {
                if designs.len() >= count {
                    return designs;
                }
                let mut design = base.clone();
                if let Some(choice) = design.zones.get_mut(&zone.id) {
                    if &choice.color == color {
                        continue;
                    }
                    choice.color = color.clone();
                }
                if design.validate(&self.catalog).is_ok() {
                    designs.push(design);
                }
            }
        }
        designs
    }

    /// The order the app would send for `design`: price and proofs of every view.
    fn order(&self, design: atelier_core::Design) -> Result<OrderRequest> {
        let valid = design
            .validate(&self.catalog)
            .map_err(|_| anyhow::anyhow!("a generated design does not validate"))?;
        let price = atelier_core::pricing::price(&valid).total;
        let proof = self
            .catalog
            .views()
            .iter()
            .zip(&self.layers)
            .map(|(view, layers)| {
                let hash =
                    atelier_render::proof::render(layers, view.id.as_str(), &valid, &self.fonts);
                (view.id.clone(), hash)
            })
            .collect::<BTreeMap<_, _>>();
        drop(valid);
        Ok(OrderRequest {
            format: ORDER_FORMAT,
            proof,
            design,
            price: ClientPrice::from(price),
            submission: None,
        })
    }
}

impl Orders {
    /// `count` different orders for `product` (fewer if the product has fewer color variations).
    pub fn make(static_dir: &Path, product: &str, count: usize) -> Result<Orders> {
        let product = Product::load(static_dir, product)?;
        let mut bodies = Vec::new();
        // Twice as many candidates: a color a zone offers may still break one of the product's rules, which
        // the core's order check (the shop's) finds; those are left out.
        for design in product.designs(count.saturating_mul(2)) {
            if bodies.len() >= count {
                break;
            }
            let order = product.order(design)?;
            if atelier_core::order::check_order(&order, Some(&product.catalog)).is_ok() {
                bodies.push(serde_json::to_value(&order).context("order serialization")?);
            }
        }
        anyhow::ensure!(!bodies.is_empty() && count > 0, "no orders to send");
        Ok(Orders { bodies })
    }

    /// The `n`th order's body (round robin), without a submission id.
    pub fn body(&self, n: usize) -> &serde_json::Value {
        &self.bodies[n % self.bodies.len()]
    }

    /// How many different orders there are.
    pub fn len(&self) -> usize {
        self.bodies.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
    }
}

/// What the shop's proof check costs per order, in CPU milliseconds on one core: every view of `rounds`
/// varied designs drawn and hashed with the shop's own drawing, as [`Orders::make`] does (the shop does the
/// same per order, plus the JSON and the checks, which are small beside it).
pub fn proof_cpu_ms_per_order(static_dir: &Path, product: &str, rounds: usize) -> Result<f64> {
    let product = Product::load(static_dir, product)?;
    let designs = product.designs(rounds.max(1));
    // One untimed pass: first-touch costs (lookup tables, page faults) are not a steady shop's.
    product.order(designs[0].clone())?;
    let start = Instant::now();
    for design in &designs {
        product.order(design.clone())?;
    }
    Ok(start.elapsed().as_secs_f64() * 1000.0 / designs.len() as f64)
}
