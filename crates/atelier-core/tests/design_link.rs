//! Design links: every sample design survives the round trip, a link from an older catalog opens and is
//! repaired through the rules with what changed reported, and garbage is a clear error.

use atelier_core::Design;
use atelier_core::catalog::Catalog;
use atelier_core::design_link::{LinkError, catalog_version, decode, encode};
use atelier_core::id::ZoneId;
use atelier_core::rules::{GroupKey, Outcome, Selection};

const RUNNER: &str = include_str!("../../../static/catalogs/runner-one.json");
const BESPOKE: &str = include_str!("../../../static/catalogs/bespoke-set.json");

fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json, &|_: &str| true).expect("sample catalog is valid")
}

/// Sample designs: each product's default, and designs made by choosing through the rules, with sizes and
/// personal texts (Hangul, spaces, markup-like characters).
fn samples() -> Vec<(Catalog, &'static str, Design)> {
    let mut out = Vec::new();
    for json in [RUNNER, BESPOKE] {
        let c = catalog(json);
        out.push((catalog(json), json, c.default_design()));
        let mut s = Selection::new(&c);
        for (group, option) in [
            ("toe.color", "navy"),
            ("sole.color", "gum"),
            ("laces.material", "waxed"),
            ("match", "on"),
            ("dishwasher.material", "glass"),
        ] {
            if let Outcome::Applied { selection, .. } =
                s.choose(&c, &GroupKey::parse(group), option)
            {
                s = selection;
            }
        }
        if let Some(size) = c.sizes.last() {
            s.set_size(&c, Some(size.id.clone()));
        }
        if let Some(p) = c.texts.first() {
            s.set_text(&c, p.id.clone(), "민지 <b>&\"~.".into());
        }
        assert_ne!(
            s.design(),
            &c.default_design(),
            "the choices changed something"
        );
        out.push((c, json, s.design().clone()));
    }
    out
}

#[test]
fn every_sample_design_survives_the_round_trip() {
    for (_, json, design) in samples() {
        let version = catalog_version(json.as_bytes());
        let link = encode(&design, &version);
        assert!(
            link.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)),
            "{link} needs no percent-encoding"
        );
        let back = decode(&link).expect("its own link decodes");
        assert_eq!(back.design, design, "{link}");
        assert_eq!(back.version, version);
    }
}

#[test]
fn the_version_is_the_start_of_the_files_sha256() {
    let v = catalog_version(b"abc");
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223…
    assert_eq!(v, "ba7816bf8f01");
    assert_ne!(
        catalog_version(RUNNER.as_bytes()),
        catalog_version(BESPOKE.as_bytes())
    );
}

#[test]
fn a_link_from_an_older_catalog_opens_and_is_repaired_through_the_rules() {
    // Made with an older catalog that still had a "neon" toe color and a "gel" sole, and a placement "tongue".
    let old = "1.0123456789ab.runner-one.250.toe~leather~neon~sole~gel~gum.\
               .tongue~SGk~heel-id~TUlOSkk";
    let linked = decode(old).expect("the shape is fine");
    assert_eq!(linked.version, "0123456789ab");
    let c = catalog(RUNNER);
    assert_ne!(linked.version, catalog_version(RUNNER.as_bytes()));
    let (selection, changes) = Selection::restore(&c, &linked.design, &linked.named_groups());
    assert!(selection.design().validate(&c).is_ok());
    let changed: Vec<&GroupKey> = changes.iter().map(|ch| &ch.group).collect();
    assert!(
        changed.contains(&&GroupKey::parse("toe.color")),
        "{changed:?}"
    );
    assert!(
        changed.contains(&&GroupKey::parse("sole.material")),
        "{changed:?}"
    );
    // What still exists is kept: the size, the heel text; the dropped placement's text is gone.
    assert_eq!(
        selection.design().size.as_ref().map(|s| s.as_str()),
        Some("250")
    );
    assert_eq!(selection.design().text.len(), 1);
    assert_eq!(
        selection.design().zones[&ZoneId::from("sole")]
            .color
            .as_str(),
        "gum"
    );
}

#[test]
fn garbage_is_a_clear_error() {
    let check = |text: &str, want: LinkError| assert_eq!(decode(text), Err(want), "{text}");
    check("", LinkError::Format);
    check("hello", LinkError::Format);
    check("2.x.runner-one....", LinkError::Format);
    check("1.", LinkError::Shape);
    check("1.0123456789ab.runner-one..", LinkError::Shape);
    check("1.xyz.runner-one....", LinkError::Shape);
    check("1..runner-one..toe~leather..", LinkError::Shape);
    check("1..Runner..", LinkError::Shape);
    check("1..Runner....", LinkError::Id("Runner".into()));
    check(
        "1..runner-one..toe~leather~<b>..",
        LinkError::Id("<b>".into()),
    );
    check("1..runner-one....heel-id~%%%", LinkError::Text);
    check("1..runner-one....heel-id~", LinkError::Text);
    // Invalid UTF-8 (0xff) and an overlong text.
    check("1..runner-one....heel-id~_w", LinkError::Text);
    let long = format!("1..runner-one....heel-id~{}", "QUFB".repeat(100));
    check(&long, LinkError::Text);
    check(&"1.".repeat(5000), LinkError::TooLong);
    assert_eq!(LinkError::Shape.message_key(), "link.damaged");
}
