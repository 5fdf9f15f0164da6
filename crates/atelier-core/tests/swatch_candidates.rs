//! The colors offered as physical swatches for a photo, on the appliance set: the nearest catalog color of
//! each palette color, a repeat collapsed, palette order kept, at most 8. Data-driven.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use atelier_core::color::{Srgb8, srgb8_to_lab};
use atelier_core::color_match::swatch_candidates;

fn check(palette: &[&str], expect: &[&str]) {
    let catalog = support::catalog(support::BESPOKE);
    let labs = palette
        .iter()
        .map(|h| srgb8_to_lab(Srgb8::from_hex(h).expect("hex")));
    let got: Vec<String> = swatch_candidates(labs, &catalog)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(got, expect, "{palette:?}");
}

#[test]
fn empty_and_one_color() {
    check(&[], &[]);
    check(&["#8ea7bc"], &["morning-blue"]);
}

#[test]
fn each_palette_color_gets_its_nearest_in_palette_order() {
    check(&["#1f2a48", "#a9d4c3"], &["glam-navy", "mint"]);
    check(&["#a9d4c3", "#1f2a48"], &["mint", "glam-navy"]);
}

#[test]
fn duplicates_collapse_to_the_first() {
    check(
        &["#8ea7bc", "#a9d4c3", "#8fa6bd"],
        &["morning-blue", "mint"],
    );
    check(&["#eeece6", "#eeece5", "#eeece7"], &["satin-white"]);
}

#[test]
fn at_most_eight() {
    check(
        &[
            "#eeece6", "#e6e1d7", "#d8ccb8", "#b9cfe0", "#8fa6bd", "#a9d4c3", "#f0cf6e", "#e9865a",
            "#e3b3b4", "#1f2a48",
        ],
        &[
            "satin-white",
            "cotta-white",
            "satin-beige",
            "sky",
            "morning-blue",
            "mint",
            "sunrise-yellow",
            "clementine",
        ],
    );
}
