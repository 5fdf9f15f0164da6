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
