//! `ViewLayers::from_pixels`, the path the browser app takes (it decodes the PNGs itself): what it accepts, what
//! it refuses and where, and how it reads the stacked overlay (color on top, alpha below). With the `png`
//! feature, what `decode_png` refuses (a deeper-than-8-bit file the browser would round its own way).

mod support;

use atelier_core::catalog::View;
use atelier_render::{Frame, Pixels, RenderError, ViewLayers};
use std::collections::HashMap;

/// A 2×1 view with one zone layer (`z`, of the sample's first zone) and an overlay (`o`).
fn tiny_view() -> View {
    let catalog = support::catalog();
    let mut view = catalog.views()[0].clone();
    view.width = 2;
    view.height = 1;
    view.base = "b".into();
    view.layers.truncate(1);
    view.layers[0].file = "z".into();
    view.overlay = Some("o".into());
    view
}

fn px(width: u32, height: u32, rgba: &[[u8; 4]]) -> Pixels {
    Pixels::from_rgba(width, height, rgba.concat()).expect("sizes match")
}

/// Base: a red pixel and a green one; the zone covers nothing; the overlay paints pixel 0 opaque blue and
/// leaves pixel 1 alone.
fn good_files() -> HashMap<&'static str, Pixels> {
    HashMap::from([
        ("b", px(2, 1, &[[255, 0, 0, 255], [0, 255, 0, 255]])),
        ("z", px(2, 1, &[[200, 10, 0, 255], [200, 10, 0, 255]])),
        (
            "o",
            px(
                2,
                2,
                &[
                    [0, 0, 255, 255],
                    [9, 9, 9, 255],
                    [255, 255, 255, 255],
                    [0, 0, 0, 255],
                ],
            ),
        ),
    ])
}

fn build(files: &HashMap<&'static str, Pixels>) -> Result<ViewLayers, RenderError> {
    ViewLayers::from_pixels(&tiny_view(), |path| files.get(path))
}

#[test]
fn stacked_overlay_draws_its_color_where_its_alpha_is() {
    let layers = build(&good_files()).expect("valid layers");
    let catalog = support::catalog();
    let design = catalog.default_design();
    let valid = design.validate(&catalog).expect("default design is valid");
    let mut frame = Frame::new(2, 1);
    layers.render(&valid, &mut frame);
    assert_eq!(frame.rgba(), &[0, 0, 255, 255, 0, 255, 0, 255]);
    assert_eq!(layers.zone_at(0, 0), None, "the zone covers nothing");
}

#[test]
fn bad_files_are_refused_with_the_file_and_the_reason() {
    #[track_caller]
    fn check(change: impl FnOnce(&mut HashMap<&'static str, Pixels>), expect: &str) {
        let mut files = good_files();
        change(&mut files);
        let err = build(&files).err().expect("refused");
        assert_eq!(err.to_string(), expect);
    }
    check(
        |f| {
            f.remove("o");
        },
        "layer file o is missing",
    );
    check(
        |f| {
            f.insert("b", px(1, 1, &[[0, 0, 0, 255]]));
        },
        "layer file b is 1×1, the view is 2×1",
    );
    check(
        |f| {
            f.insert("o", px(2, 1, &[[0, 0, 0, 255], [0, 0, 0, 255]]));
        },
        "layer file o is 2×1, the view is 2×2",
    );
    check(
        |f| {
            f.insert("z", px(2, 1, &[[0, 0, 0, 255], [0, 0, 0, 254]]));
        },
        "layer file z is not opaque at pixel (1, 0)",
    );
    check(
        |f| {
            f.insert("b", px(2, 1, &[[0, 0, 0, 0], [0, 0, 0, 255]]));
        },
        "layer file b is not opaque at pixel (0, 0)",
    );
}

#[test]
fn pixels_need_four_bytes_for_every_pixel() {
    assert!(Pixels::from_rgba(2, 1, vec![0; 8]).is_some());
    assert!(Pixels::from_rgba(2, 1, vec![0; 7]).is_none());
    assert!(Pixels::from_rgba(2, 1, vec![0; 9]).is_none());
    assert!(Pixels::from_rgba(u32::MAX, u32::MAX, Vec::new()).is_none());
}

#[cfg(feature = "png")]
#[test]
fn decode_png_refuses_sixteen_bit_files_and_reads_eight_bit_ones() {
    use image::{ExtendedColorType, ImageEncoder, codecs::png::PngEncoder};
    let encode = |data: &[u8], color| {
        let mut out = Vec::new();
        PngEncoder::new(&mut out)
            .write_image(data, 1, 1, color)
            .expect("encodes");
        out
    };
    let rgb8 = encode(&[1, 2, 3], ExtendedColorType::Rgb8);
    let decoded = atelier_render::decode_png("a.png", &rgb8).expect("8-bit RGB decodes");
    assert_eq!(decoded.rgba(), &[1, 2, 3, 255]);
    let rgb16 = encode(&[0, 1, 0, 2, 0, 3], ExtendedColorType::Rgb16);
    let err = atelier_render::decode_png("b.png", &rgb16).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "layer file b.png could not be decoded: not 8 bits per channel"
    );
    let err = atelier_render::decode_png("c.png", b"not a png").expect_err("refused");
    assert_eq!(err.path(), Some("c.png"));
}

/// A view taller than one band of rows (the builder converts 64 rows a step): coverage found in any band
/// counts, and a translucent pixel in any band, of either half of the overlay, is refused where it is.
#[test]
fn tall_views_are_read_band_by_band_and_checked_everywhere() {
    const H: u32 = 150;
    let view = View {
        height: H,
        width: 3,
        ..tiny_view()
    };
    let opaque = |h: u32| px(3, h, &vec![[0, 0, 0, 255]; 3 * h as usize]);
    let files = || {
        let mut zone = opaque(H);
        // Covered: (2, 70) in the second band and (1, 140) in the third.
        let mut rgba = zone.rgba().to_vec();
        for (x, y) in [(2, 70), (1, 140)] {
            rgba[(y * 3 + x) * 4 + 2] = 255;
        }
        zone = Pixels::from_rgba(3, H, rgba).expect("sizes match");
        HashMap::from([("b", opaque(H)), ("z", zone), ("o", opaque(2 * H))])
    };
    let good = files();
    let layers = ViewLayers::from_pixels(&view, |p| good.get(p)).expect("valid layers");
    let zone = view.layers[0].zone.clone();
    for y in 0..H {
        for x in 0..3 {
            let covered = (x, y) == (2, 70) || (x, y) == (1, 140);
            assert_eq!(
                layers.zone_at(x, y),
                covered.then_some(&zone),
                "at ({x}, {y})"
            );
        }
    }
    let bounds = layers
        .zone_bounds(zone.as_str())
        .expect("the view draws the zone");
    assert_eq!(
        (bounds.x0, bounds.y0, bounds.x1, bounds.y1),
        (1, 70, 3, 141)
    );

    #[track_caller]
    fn refused(view: &View, file: &'static str, x: u32, y: u32, expect: &str) {
        let mut files = HashMap::from([
            (
                "b",
                px(
                    3,
                    view.height,
                    &vec![[0, 0, 0, 255]; 3 * view.height as usize],
                ),
            ),
            (
                "z",
                px(
                    3,
                    view.height,
                    &vec![[0, 0, 0, 255]; 3 * view.height as usize],
                ),
            ),
            (
                "o",
                px(
                    3,
                    2 * view.height,
                    &vec![[0, 0, 0, 255]; 6 * view.height as usize],
                ),
            ),
        ]);
        let p = files.get_mut(file).expect("a file of the view");
        let mut rgba = p.rgba().to_vec();
        rgba[((y * 3 + x) * 4 + 3) as usize] = 7;
        *p = Pixels::from_rgba(p.width(), p.height(), rgba).expect("sizes match");
        let err = ViewLayers::from_pixels(view, |path| files.get(path))
            .err()
            .expect("refused");
        assert_eq!(err.to_string(), expect);
    }
    refused(
        &view,
        "b",
        2,
        149,
        "layer file b is not opaque at pixel (2, 149)",
    );
    refused(
        &view,
        "z",
        0,
        64,
        "layer file z is not opaque at pixel (0, 64)",
    );
    refused(
        &view,
        "o",
        1,
        100,
        "layer file o is not opaque at pixel (1, 100)",
    );
    refused(
        &view,
        "o",
        1,
        250,
        "layer file o is not opaque at pixel (1, 250)",
    );
}
