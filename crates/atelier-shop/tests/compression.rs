//! What travels compressed: the app's files, the fonts and the API's JSON go gzip- or Brotli-compressed to a
//! browser that accepts it and decompress to exactly the file; PNG layers (already compressed) and clients
//! that accept no encoding get the bytes as they are.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use std::io::Read;
use tower::ServiceExt;

/// A stand-in for the app's wasm: compressible, like the real one, and well above the smallest size worth it.
fn wasm() -> String {
    (0..2000)
        .map(|i| format!("(func $f{i} (result i32) i32.const {i})\n"))
        .collect()
}

/// A request and what must come back: (path, Accept-Encoding, the encoding expected, the bytes the body must
/// decode to; `None`: not compared).
type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a [u8]>);

#[tokio::test]
async fn files_travel_compressed_when_the_browser_accepts_it() {
    let wasm = wasm();
    let (_shop, router) = common::shop_with_app(&[("app_bg.wasm", &wasm)]).await;
    let font =
        std::fs::read(common::static_dir().join("fonts/AtelierSans-Latin.ttf")).expect("font");
    let png =
        std::fs::read(common::static_dir().join("products/runner-one/side/base.png")).expect("png");
    let catalog =
        std::fs::read(common::static_dir().join("catalogs/runner-one.json")).expect("catalog");
    let cases: [Case; 9] = [
        (
            "/app_bg.wasm",
            Some("gzip"),
            Some("gzip"),
            Some(wasm.as_bytes()),
        ),
        (
            "/app_bg.wasm",
            Some("br, gzip"),
            Some("br"),
            Some(wasm.as_bytes()),
        ),
        (
            "/static/fonts/AtelierSans-Latin.ttf",
            Some("br"),
            Some("br"),
            Some(&font),
        ),
        ("/app_bg.wasm", None, None, Some(wasm.as_bytes())),
        (
            "/app_bg.wasm",
            Some("identity"),
            None,
            Some(wasm.as_bytes()),
        ),
        (
            "/static/fonts/AtelierSans-Latin.ttf",
            Some("gzip"),
            Some("gzip"),
            Some(&font),
        ),
        (
            "/static/catalogs/runner-one.json",
            Some("gzip"),
            Some("gzip"),
            Some(&catalog),
        ),
        (
            "/static/products/runner-one/side/base.png",
            Some("gzip"),
            None,
            Some(&png),
        ),
        ("/api/products/runner-one", Some("gzip"), Some("gzip"), None),
    ];
    for (path, accept, expected, original) in cases {
        let mut req = Request::get(path);
        if let Some(accept) = accept {
            req = req.header(header::ACCEPT_ENCODING, accept);
        }
        let resp = router
            .clone()
            .oneshot(req.body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        assert_eq!(resp.status(), StatusCode::OK, "{path}");
        let encoding = resp
            .headers()
            .get(header::CONTENT_ENCODING)
            .map(|v| v.to_str().expect("ascii").to_owned());
        assert_eq!(encoding.as_deref(), expected, "{path} with {accept:?}");
        let body = resp.into_body().collect().await.expect("body").to_bytes();
        let decoded = match expected {
            Some("gzip") => {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&body[..])
                    .read_to_end(&mut out)
                    .expect("valid gzip");
                assert!(body.len() < out.len(), "{path}: gzip made it smaller");
                out
            }
            Some("br") => {
                let mut out = Vec::new();
                brotli::Decompressor::new(&body[..], 4096)
                    .read_to_end(&mut out)
                    .expect("valid Brotli");
                assert!(body.len() < out.len(), "{path}: Brotli made it smaller");
                if path == "/app_bg.wasm" {
                    assert!(
                        body.len() < wasm.len() / 4,
                        "{path}: Brotli made it much smaller"
                    );
                }
                out
            }
            Some(other) => panic!("{path}: unexpected encoding {other}"),
            None => body.to_vec(),
        };
        if let Some(original) = original {
            assert!(
                decoded == original,
                "{path} with {accept:?}: not the file's bytes"
            );
        }
    }
}
