//! A selection is changed only through its methods, and each keeps it valid: sizes and personal texts the
//! catalog does not have are refused, and the shopper's own data travels between selections of one product.

use atelier_core::catalog::Catalog;
use atelier_core::id::{SizeId, TextId};
use atelier_core::rules::{GroupKey, Outcome, Selection};

fn runner() -> Catalog {
    Catalog::from_json(
        include_str!("../../../static/catalogs/runner-one.json"),
        &|_: &str| true,
    )
    .expect("sample catalog is valid")
}

#[test]
fn a_size_is_set_only_if_the_catalog_has_it() {
    let c = runner();
    let mut s = Selection::new(&c);
    assert!(s.set_size(&c, Some(SizeId::from("250"))));
    assert_eq!(s.design().size.as_ref().map(SizeId::as_str), Some("250"));
    assert!(!s.set_size(&c, Some(SizeId::from("999"))));
    assert_eq!(s.design().size.as_ref().map(SizeId::as_str), Some("250"));
    assert!(s.set_size(&c, None));
    assert_eq!(s.design().size, None);
    assert!(s.design().validate(&c).is_ok());
}

#[test]
fn a_text_is_set_only_for_a_placement_the_catalog_has_and_empty_removes_it() {
    let c = runner();
    let mut s = Selection::new(&c);
    assert!(s.set_text(&c, TextId::from("heel-id"), "MINJI".into()));
    assert_eq!(s.design().text[&TextId::from("heel-id")], "MINJI");
    assert!(!s.set_text(&c, TextId::from("tongue"), "x".into()));
    assert!(!s.design().text.contains_key(&TextId::from("tongue")));
    assert!(s.set_text(&c, TextId::from("heel-id"), String::new()));
    assert!(s.design().text.is_empty());
}

#[test]
fn personal_data_travels_but_the_design_does_not() {
    let c = runner();
    let mut mine = Selection::new(&c);
    mine.set_size(&c, Some("250".into()));
    mine.set_text(&c, "heel-id".into(), "MINJI".into());
    let Outcome::Applied { selection, .. } =
        Selection::new(&c).choose(&c, &GroupKey::parse("toe.color"), "red")
    else {
        panic!("red toes are available");
    };
    let mut other = selection;
    other.keep_personal(&mine);
    assert_eq!(other.design().size, mine.design().size);
    assert_eq!(other.design().text, mine.design().text);
    assert_ne!(other.design().zones, mine.design().zones);
    // Another product's data is not taken.
    let mut empty = Selection::default();
    empty.keep_personal(&mine);
    assert_eq!(empty.design().size, None);
}
