//! The `views` section of a catalog file: each view's id, name, size, base and overlay files and its zone
//! layers (known zones, each drawn at most once per view, files present and safe); then, over all views, that
//! every zone is drawn somewhere.

use super::checker::Checker;
use crate::catalog::model::{Layer, View, Zone};
use crate::catalog::problem::CatalogProblemKind as K;
use crate::catalog::raw::{RawLayer, RawView};
use crate::id::{ViewId, ZoneId};
use std::collections::HashSet;

/// What the views section established.
pub(super) struct Views {
    /// The views without problems.
    pub views: Vec<View>,
    /// Every declared view id, including views with problems of their own.
    pub declared: HashSet<String>,
    /// Every zone some view draws.
    pub drawn: HashSet<String>,
}

/// Checks every view against the declared zones; `file_exists` answers for the layer files.
pub(super) fn check(
    c: &mut Checker,
    raw: Option<Vec<RawView>>,
    zone_ids: &HashSet<&str>,
    file_exists: &dyn Fn(&str) -> bool,
) -> Views {
    let mut out = Views {
        views: Vec::new(),
        declared: HashSet::new(),
        drawn: HashSet::new(),
    };
    for (i, v) in c.list("", "views", raw).into_iter().enumerate() {
        let at = format!("views[{i}]");
        c.extra(&at, &v.extra);
        let id = c.unique_id(&at, v.id, &mut out.declared);
        let name = c.localized(&at, "name", v.name);
        let width = c.side(&at, "width", v.width);
        let height = c.side(&at, "height", v.height);
        let base = c.file(&at, "base", v.base, file_exists);
        let overlay = v
            .overlay
            .and_then(|o| c.file(&at, "overlay", Some(o), file_exists));
        let raw_layers = c.list(&at, "layers", v.layers);
        let layers = layers(c, &at, raw_layers, zone_ids, &mut out.drawn, file_exists);
        if let (Some(id), Some(name), Some(width), Some(height), Some(base)) =
            (id, name, width, height, base)
        {
            out.views.push(View {
                id: ViewId(id),
                name,
                width,
                height,
                base,
                layers,
                overlay,
            });
        }
    }
    out
}

/// Checks one view's layers (at `at`); records each zone drawn in `drawn`.
fn layers(
    c: &mut Checker,
    at: &str,
    raw: Vec<RawLayer>,
    zone_ids: &HashSet<&str>,
    drawn: &mut HashSet<String>,
    file_exists: &dyn Fn(&str) -> bool,
) -> Vec<Layer> {
    let mut layers = Vec::new();
    let mut in_view = HashSet::new();
    for (j, l) in raw.into_iter().enumerate() {
        let lat = format!("{at}.layers[{j}]");
        c.extra(&lat, &l.extra);
        let zone = match l.zone {
            None => {
                c.push(&lat, K::MissingField { field: "zone" });
                None
            }
            Some(z) if !zone_ids.contains(z.as_str()) => {
                c.push(format!("{lat}.zone"), K::UnknownZone { zone: z });
                None
            }
            Some(z) => {
                drawn.insert(z.clone());
                if !in_view.insert(z.clone()) {
                    c.push(format!("{lat}.zone"), K::ZoneDrawnTwice { zone: z.clone() });
                }
                Some(z)
            }
        };
        let file = c.file(&lat, "file", l.file, file_exists);
        if let (Some(zone), Some(file)) = (zone, file) {
            layers.push(Layer {
                zone: ZoneId(zone),
                file,
            });
        }
    }
    layers
}

/// Reports every zone (without problems of its own) that no view draws.
pub(super) fn check_drawn(c: &mut Checker, zones: &[Zone], drawn: &HashSet<String>) {
    for (i, z) in zones.iter().enumerate() {
        if !drawn.contains(z.id.as_str()) {
            c.push(
                format!("zones[{i}]"),
                K::ZoneNotDrawn {
                    zone: z.id.0.clone(),
                },
            );
        }
    }
}
