//! The order spec: the canonical description of an accepted order that the shop signs and hands to the
//! retailer (see [`crate::signature`] and [`crate::webhook`]), and returns as `"spec"` from
//! `GET /api/orders/{id}`.
//!
//! It is built once, when the order is accepted, and stored as canonical bytes next to the order, so what the
//! retailer receives never changes afterwards (a catalog edited later does not rewrite an old order's
//! `catalog_sha256`). `proofs` holds the verified proof of every view (see [`crate::proof`]), so the spec alone
//! is enough to draw the order again ([`drawing`], the production preview). `text` is `null` without personal
//! text, else what the factory needs per placement ([`crate::spec_text`]).
//!
//! ```json
//! {"catalog_sha256":"9f2c…","created_at":"2026-11-23T09:30:00.000Z",
//!  "design":{"choices":{},"size":"265","text":{},"zones":{"toe":{"color":"navy","material":"suede"}}},
//!  "order":"ATL-7K3M-9QX2","price":{"breakdown":{…},"total":{"amount":159000,"currency":"KRW"}},
//!  "product":"runner-one","proofs":{"side":"f47f…","top":"041d…"},"spec_format":1,"text":null}
//! ```

use atelier_core::design::{Choice, Design};
use atelier_core::id::{ChoiceId, OptionId, ProductId, SizeId, TextId, ViewId, ZoneId};
use atelier_core::pricing::PriceBreakdown;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

/// The spec format version this shop writes.
pub const SPEC_FORMAT: u32 = 1;

/// What an order spec is made of.
pub struct SpecInput<'a> {
    /// Public order number.
    pub order: &'a str,
    /// When the shop accepted it ([`timestamp`]).
    pub created_at: &'a str,
    /// Hex SHA-256 of the product's catalog file as the shop loaded it.
    pub catalog_sha256: &'a str,
    /// The checked design.
    pub design: &'a Design,
    /// The shop's own price.
    pub price: &'a PriceBreakdown,
    /// The verified proof of every view.
    pub proofs: &'a BTreeMap<ViewId, String>,
    /// The personal-text section ([`crate::spec_text::section`]): `null` or an object by placement id.
    pub text: Value,
}

/// The spec as a JSON value (serialize it with [`canonical`]).
pub fn build(input: &SpecInput<'_>) -> Result<Value, serde_json::Error> {
    let d = input.design;
    Ok(json!({
        "spec_format": SPEC_FORMAT,
        "order": input.order,
        "created_at": input.created_at,
        "product": d.product,
        "catalog_sha256": input.catalog_sha256,
        "design": {
            "size": d.size,
            "zones": serde_json::to_value(&d.zones)?,
            // Always present (empty for products without choice groups) so a receiver need not branch.
            "choices": serde_json::to_value(&d.choices)?,
            // The personal text as typed, per placement (empty without): part of the design, so the spec
            // alone draws the order again; the factory's details of it are in `text` below.
            "text": serde_json::to_value(&d.text)?,
        },
        "text": input.text.clone(),
        "price": {
            "breakdown": serde_json::to_value(input.price)?,
            "total": serde_json::to_value(input.price.total)?,
        },
        "proofs": serde_json::to_value(input.proofs)?,
    }))
}

/// What the shop needs to draw a stored order again: its design and the proofs it was accepted with.
#[derive(Clone, Debug)]
pub struct Drawing {
    /// The design, as the spec records it.
    pub design: Design,
    /// The verified proof per view.
    pub proofs: BTreeMap<ViewId, String>,
}

#[derive(Deserialize)]
struct StoredSpec {
    product: ProductId,
    design: StoredDesign,
    proofs: BTreeMap<ViewId, String>,
}

#[derive(Deserialize)]
struct StoredDesign {
    size: Option<SizeId>,
    zones: BTreeMap<ZoneId, Choice>,
    choices: BTreeMap<ChoiceId, OptionId>,
    /// Absent in specs of designs without personal text.
    #[serde(default)]
    text: BTreeMap<TextId, String>,
}

/// Reads the drawing back from a stored spec's text; `None` if the text is not a spec of this shape.
pub fn drawing(spec: &str) -> Option<Drawing> {
    let s: StoredSpec = serde_json::from_str(spec).ok()?;
    Some(Drawing {
        design: Design {
            product: s.product,
            size: s.design.size,
            zones: s.design.zones,
            choices: s.design.choices,
            text: s.design.text,
        },
        proofs: s.proofs,
    })
}

/// Canonical bytes: compact JSON (no whitespace) with every object's keys sorted by their UTF-8 bytes, so the
/// same spec always gives the same bytes and the same signature.
///
/// serde_json's default `Map` is a `BTreeMap`, so `serde_json::to_string(&value)` already sorts keys. But the
/// `preserve_order` feature turns it into insertion order, and Cargo unifies features across the whole build:
/// any dependency enabling it would silently change signed bytes. So keys are sorted here explicitly, and a
/// test checks the result.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        // Scalars: serde_json's compact form (strings escaped, integers as written).
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// `t` as the shop writes timestamps: UTC, RFC 3339 with milliseconds (`2026-11-23T09:30:00.000Z`), the same
/// shape SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ')` gives. A clock set before 1970 gives the epoch (humantime
/// formats no earlier time).
pub fn timestamp(t: SystemTime) -> String {
    humantime::format_rfc3339_millis(t.max(UNIX_EPOCH)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn canonical_sorts_keys_at_every_depth_and_has_no_whitespace() {
        // Built by parsing text in a non-sorted order, so the test also fails if the map keeps insertion order
        // and `canonical` stops sorting.
        let value: Value = serde_json::from_str(
            r#"{ "zeta": 1, "alpha": { "y": [ {"b": 2, "a": 1} ], "x": "a \"q\" é" },
                 "Beta": null, "_": true, "10": -3 }"#,
        )
        .expect("json");
        assert_eq!(
            canonical(&value),
            r#"{"10":-3,"Beta":null,"_":true,"alpha":{"x":"a \"q\" é","y":[{"a":1,"b":2}]},"zeta":1}"#
        );
        assert_eq!(canonical(&json!([])), "[]");
        assert_eq!(canonical(&json!({})), "{}");
        // Canonical JSON is stable: parse and write again, same bytes.
        let text = canonical(&value);
        let again: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(canonical(&again), text);
    }

    #[test]
    fn timestamps_are_rfc3339_utc_with_millis() {
        for (secs, millis, expect) in [
            (0, 0, "1970-01-01T00:00:00.000Z"),
            (951_782_400, 5, "2000-02-29T00:00:00.005Z"),
            (1_795_426_200, 999, "2026-11-23T09:30:00.999Z"),
            (4_107_542_399, 0, "2100-02-28T23:59:59.000Z"),
            // Leap days and the days around them; 2100 is no leap year, 2000 and 2400 are.
            (951_868_799, 999, "2000-02-29T23:59:59.999Z"),
            (951_868_800, 0, "2000-03-01T00:00:00.000Z"),
            (1_709_164_800, 1, "2024-02-29T00:00:00.001Z"),
            (4_107_542_400, 0, "2100-03-01T00:00:00.000Z"),
            (13_574_563_200, 0, "2400-02-29T00:00:00.000Z"),
            // Year boundaries.
            (946_684_799, 999, "1999-12-31T23:59:59.999Z"),
            (946_684_800, 0, "2000-01-01T00:00:00.000Z"),
            (1_798_761_599, 500, "2026-12-31T23:59:59.500Z"),
            (1_798_761_600, 0, "2027-01-01T00:00:00.000Z"),
            (4_102_444_800, 0, "2100-01-01T00:00:00.000Z"),
        ] {
            let t = UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_millis(millis);
            assert_eq!(timestamp(t), expect);
        }
        // Below a millisecond is cut, not rounded; before the epoch is the epoch.
        let t = UNIX_EPOCH + Duration::from_nanos(1_795_426_200_999_999_999);
        assert_eq!(timestamp(t), "2026-11-23T09:30:00.999Z");
        let before = UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(timestamp(before), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn a_stored_spec_gives_back_the_design_and_proofs_it_was_built_from() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/");
        let json =
            std::fs::read_to_string(format!("{root}catalogs/bespoke-set.json")).expect("file");
        let catalog = atelier_core::Catalog::from_json(&json, &|_: &str| true).expect("valid");
        let mut design = catalog.default_design();
        design.size = catalog.sizes().first().map(|s| s.id.clone());
        // Personal text is part of the drawing too.
        if let Some(placement) = catalog.texts().first() {
            design.text.insert(placement.id.clone(), "Ab 7".into());
        }
        let price = atelier_core::pricing::price(&design.validate(&catalog).expect("valid"));
        let proofs: BTreeMap<ViewId, String> = catalog
            .views()
            .iter()
            .map(|v| (v.id.clone(), "ab".repeat(32)))
            .collect();
        let spec = build(&SpecInput {
            order: "ATL-0000-0000",
            created_at: "2026-11-23T09:30:00.000Z",
            catalog_sha256: "00",
            design: &design,
            price: &price,
            proofs: &proofs,
            text: Value::Null,
        })
        .expect("spec");
        let back = drawing(&canonical(&spec)).expect("readable");
        assert_eq!(back.design, design);
        assert!(
            !back.design.choices.is_empty(),
            "the sample set has a choice group"
        );
        assert_eq!(back.proofs, proofs);
        assert!(drawing("{}").is_none());
        assert!(drawing("not json").is_none());
    }
}
