//! A palette's shares in whole percents: they add up to exactly 100 by largest remainder, with ties and
//! extra points given in palette order. Data-driven.

#![cfg(not(target_arch = "wasm32"))]

use atelier_core::photo_palette::percentages;

fn check(shares: &[f32], expect: &[u32]) {
    let got = percentages(shares.iter().copied());
    assert_eq!(got, expect, "{shares:?}");
    if !shares.is_empty() && shares.iter().sum::<f32>() <= 1.0 + 1e-6 {
        assert_eq!(got.iter().sum::<u32>(), 100, "{shares:?} add up to {got:?}");
    }
}

#[test]
fn empty_and_one_color() {
    check(&[], &[]);
    check(&[1.0], &[100]);
    // A lone share below 1 (a rounding slip upstream) still reads as the whole.
    check(&[0.999], &[100]);
}

#[test]
fn exact_shares_stay_as_they_are() {
    check(&[0.5, 0.5], &[50, 50]);
    check(&[0.25, 0.25, 0.5], &[25, 25, 50]);
    check(&[0.7, 0.2, 0.1], &[70, 20, 10]);
}

#[test]
fn shares_that_floor_to_99_give_the_point_to_the_largest_remainder() {
    check(&[0.506, 0.304, 0.1905], &[51, 30, 19]);
    check(&[0.604, 0.396], &[60, 40]);
    check(&[0.333, 0.333, 0.334], &[33, 33, 34]);
}

#[test]
fn ties_go_in_palette_order() {
    check(&[1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0], &[34, 33, 33]);
    check(&[1.0 / 6.0; 6], &[17, 17, 17, 17, 16, 16]);
    check(&[0.125; 8], &[13, 13, 13, 13, 12, 12, 12, 12]);
}

#[test]
fn rounding_follows_the_remainders_not_the_shares() {
    // The smallest share has the largest remainder, so it gets the point.
    check(&[0.604, 0.301, 0.095], &[60, 30, 10]);
    check(&[0.51, 0.2, 0.149, 0.141], &[51, 20, 15, 14]);
    check(&[0.455, 0.455, 0.09], &[46, 45, 9]);
}

#[test]
fn points_go_around_again_when_more_are_missing_than_colors() {
    check(&[0.0, 0.0], &[50, 50]);
    check(&[0.0, 0.0, 0.0], &[34, 33, 33]);
}

#[test]
fn shares_over_the_whole_are_only_floored() {
    check(&[0.6, 0.6], &[60, 60]);
}
