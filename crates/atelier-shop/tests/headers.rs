//! The security headers on every kind of response (a table of routes: API JSON, API errors, files, the app,
//! misses, the docs), and CORS granted to the configured origin only, on the API only.

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use base64::Engine;
use sha2::{Digest, Sha256};

const ALLOWED: &str = "http://127.0.0.2:9000";
const BOOTSTRAP: &str = "import init from '/app.js';\nawait init();\n";

/// The test shop, serving a stand-in for trunk's `dist/` whose page starts the app with an inline module script.
async fn shop_with_app() -> (common::TestShop, Router) {
    let index = format!(
        "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/app.css\">\
         <script type=\"module\">{BOOTSTRAP}</script></head><body></body></html>"
    );
    common::shop_with_app(&[
        ("index.html", &index),
        ("app.js", "export default async function init() {}"),
    ])
    .await
}

async fn send(router: &Router, req: Request<Body>) -> (StatusCode, HeaderMap) {
    let (status, headers, _) = common::send(router, req).await;
    (status, headers)
}

fn request(method: Method, uri: &str) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .expect("request")
}

#[tokio::test]
#[allow(
    clippy::too_many_lines,
    reason = "one walk over every kind of response, each checked in place"
)]
async fn every_response_has_the_csp_and_the_other_security_headers() {
    let (_shop, router) = shop_with_app().await;
    let bad_order = Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"format\": 1,"))
        .expect("request");
    let no_type = Request::post("/api/orders")
        .body(Body::from("{}"))
        .expect("request");
    let bad_swatches = Request::post("/api/swatch-requests")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            "{\"format\": 1, \"product\": \"bespoke-set\", \"colors\": [], \"contact\": {}, \
             \"locale\": \"ko\", \"submission\": \"c3a1f0e2-2222-4b3c-8d4e-000000000001\"}",
        ))
        .expect("request");
    let cases: Vec<(&str, Request<Body>, StatusCode)> = vec![
        (
            "product list",
            request(Method::GET, "/api/products"),
            StatusCode::OK,
        ),
        (
            "product",
            request(Method::GET, "/api/products/runner-one"),
            StatusCode::OK,
        ),
        (
            "unknown product",
            request(Method::GET, "/api/products/nope"),
            StatusCode::NOT_FOUND,
        ),
        ("malformed order", bad_order, StatusCode::BAD_REQUEST),
        (
            "order without JSON type",
            no_type,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "unknown order",
            request(Method::GET, "/api/orders/NOPE"),
            StatusCode::NOT_FOUND,
        ),
        (
            "invalid swatch request",
            bad_swatches,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "unknown swatch request",
            request(Method::GET, "/api/swatch-requests/SWR-0000-0000"),
            StatusCode::NOT_FOUND,
        ),
        (
            "unknown API route",
            request(Method::GET, "/api/nothing"),
            StatusCode::NOT_FOUND,
        ),
        (
            "wrong method",
            request(Method::DELETE, "/api/orders"),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        (
            "catalog file",
            request(Method::GET, "/static/catalogs/runner-one.json"),
            StatusCode::OK,
        ),
        (
            "layer PNG",
            request(Method::GET, "/static/products/runner-one/side/base.png"),
            StatusCode::OK,
        ),
        (
            "missing static file",
            request(Method::GET, "/static/nope.png"),
            StatusCode::NOT_FOUND,
        ),
        ("app page", request(Method::GET, "/"), StatusCode::OK),
        (
            "app index.html",
            request(Method::GET, "/index.html"),
            StatusCode::OK,
        ),
        ("app asset", request(Method::GET, "/app.js"), StatusCode::OK),
        (
            "missing app file",
            request(Method::GET, "/missing.js"),
            StatusCode::NOT_FOUND,
        ),
        (
            "OpenAPI document",
            request(Method::GET, "/api/openapi.json"),
            StatusCode::OK,
        ),
        (
            "docs page",
            request(Method::GET, "/api/docs"),
            StatusCode::OK,
        ),
        (
            "docs script",
            request(Method::GET, "/api/docs.js"),
            StatusCode::OK,
        ),
    ];
    let bootstrap_hash = format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(BOOTSTRAP.as_bytes()))
    );
    for (name, req, want) in cases {
        let (status, headers) = send(&router, req).await;
        assert_eq!(status, want, "{name}");
        let csp = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{name}: no Content-Security-Policy"));
        let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
        for want in [
            format!("frame-ancestors 'self' {ALLOWED}").as_str(),
            "object-src 'none'",
            "base-uri 'none'",
            "default-src 'self'",
            "connect-src 'self'",
            format!("script-src 'self' 'wasm-unsafe-eval' {bootstrap_hash}").as_str(),
        ] {
            assert!(directives.contains(&want), "{name}: {want:?} not in {csp}");
        }
        assert!(
            !csp.contains("'unsafe-eval'") && !csp.contains("script-src 'unsafe-inline'"),
            "{name}: {csp}"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{name}");
        assert_eq!(
            headers[header::REFERRER_POLICY],
            "strict-origin-when-cross-origin",
            "{name}"
        );
    }
}

/// Whether a response grants `origin` cross-origin access.
fn grant(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .and_then(|v| v.to_str().ok())
}

fn preflight(uri: &str, origin: &str) -> Request<Body> {
    Request::builder()
        .method(Method::OPTIONS)
        .uri(uri)
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
        .body(Body::empty())
        .expect("request")
}

fn simple(uri: &str, origin: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::ORIGIN, origin)
        .body(Body::empty())
        .expect("request")
}

#[tokio::test]
async fn cors_grants_the_api_to_the_configured_origin_only() {
    let (_shop, router) = shop_with_app().await;

    let (status, h) = send(&router, preflight("/api/orders", ALLOWED)).await;
    assert!(status.is_success(), "preflight: {status}");
    assert_eq!(grant(&h), Some(ALLOWED));
    let methods = h[header::ACCESS_CONTROL_ALLOW_METHODS]
        .to_str()
        .expect("ascii");
    assert!(
        methods.contains("POST") && methods.contains("GET"),
        "{methods}"
    );
    let allowed_headers = h[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .expect("ascii");
    assert!(
        allowed_headers.contains("content-type") && allowed_headers.contains("accept-language"),
        "{allowed_headers}"
    );
    assert!(h.get(header::ACCESS_CONTROL_ALLOW_CREDENTIALS).is_none());

    for uri in [
        "/api/products",
        "/api/products/runner-one",
        "/api/orders/ATL-0000-0000",
        "/api/swatch-requests/SWR-0000-0000",
    ] {
        let (_, h) = send(&router, simple(uri, ALLOWED)).await;
        assert_eq!(grant(&h), Some(ALLOWED), "{uri}");
        let vary: Vec<&str> = h
            .get_all(header::VARY)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert!(
            vary.iter().any(|v| v.contains("origin")),
            "{uri}: Vary {vary:?}"
        );
    }

    // Exact match: another host, another port of the allowed host, and `null` (a sandboxed frame) get nothing.
    for origin in [
        "http://evil.example",
        "http://127.0.0.2:9001",
        "http://127.0.0.2",
        "null",
    ] {
        let (_, h) = send(&router, preflight("/api/orders", origin)).await;
        assert_eq!(grant(&h), None, "preflight from {origin}");
        let (status, h) = send(&router, simple("/api/products", origin)).await;
        assert_eq!(status, StatusCode::OK, "{origin}");
        assert_eq!(grant(&h), None, "GET from {origin}");
    }

    // Files and the app are not granted to anyone, the allowed origin included.
    for uri in [
        "/static/catalogs/runner-one.json",
        "/static/products/runner-one/side/base.png",
        "/",
        "/index.html",
    ] {
        let (status, h) = send(&router, simple(uri, ALLOWED)).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(grant(&h), None, "GET {uri}");
        let (_, h) = send(&router, preflight(uri, ALLOWED)).await;
        assert_eq!(grant(&h), None, "preflight {uri}");
    }
}
