//! Proofs at the shop: an order is accepted only if the shop's own render of every view hashes to the proof
//! the app sent, the spec keeps the verified proofs, and `GET /api/orders/{id}/preview/{view}.png` draws the
//! stored order again (at proof scale its pixels hash to the stored proof). Bad requests get localized JSON.

mod common;

use atelier_core::design::Choice;
use atelier_core::id::ViewId;
use atelier_core::order::OrderRequest;
use atelier_shop::store::NewOrder;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{TestShop, call, get, order, send, shop};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tower::ServiceExt;

fn post(request: &OrderRequest, lang: &str) -> Request<Body> {
    Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, lang)
        .body(Body::from(serde_json::to_string(request).expect("json")))
        .expect("request")
}

fn navy_toe() -> OrderRequest {
    order(|d| {
        d.zones.insert(
            "toe".into(),
            Choice {
                material: "suede".into(),
                color: "navy".into(),
            },
        );
    })
}

/// Places `request` and answers the new order's id.
async fn place(s: &TestShop, request: &OrderRequest) -> String {
    let (status, body) = call(&s.router, post(request, "en")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().expect("id").to_owned()
}

/// A GET with headers; answers the status, headers and raw body.
async fn fetch(
    s: &TestShop,
    uri: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = s
        .router
        .clone()
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    let (status, headers) = (resp.status(), resp.headers().clone());
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, headers, bytes.to_vec())
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_wrong_proof_is_refused_naming_the_view_in_english_and_korean() {
    let s = shop().await;
    let mut request = navy_toe();
    // The proof of another design: well-formed, one per view, but not these pixels.
    let other = common::proofs(&order(|_| {}).design);
    request
        .proof
        .insert("side".into(), other[&ViewId::from("side")].clone());
    for (lang, view_name, reload) in [("en", "Side", "reload"), ("ko", "옆모습", "새로 고친")]
    {
        let (status, body) = call(&s.router, post(&request, lang)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["code"], "invalid_order");
        let problems = body["error"]["problems"].as_array().expect("problems");
        assert_eq!(problems.len(), 1, "only the side view differs: {body}");
        assert_eq!(problems[0]["code"], "proof_mismatch");
        assert_eq!(problems[0]["path"], "proof.side");
        let message = problems[0]["message"].as_str().expect("message");
        assert!(message.contains(view_name), "{lang}: {message}");
        assert!(message.contains(reload), "{lang}: {message}");
    }
    // Nothing was stored: the right proofs are accepted as a first order.
    let id = place(&s, &navy_toe()).await;
    assert!(id.starts_with("ATL-"));
}

#[tokio::test]
async fn every_view_whose_proof_differs_is_reported() {
    let s = shop().await;
    let mut request = navy_toe();
    for proof in request.proof.values_mut() {
        *proof = "0".repeat(64);
    }
    let (status, body) = call(&s.router, post(&request, "en")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let paths: Vec<&str> = body["error"]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["path"].as_str())
        .collect();
    assert_eq!(paths, ["proof.side", "proof.top"]);
}

#[tokio::test]
async fn an_accepted_order_keeps_its_verified_proofs_and_its_preview_hashes_to_them() {
    let s = shop().await;
    let request = navy_toe();
    let id = place(&s, &request).await;
    let (status, stored) = call(&s.router, get(&format!("/api/orders/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    let expected: Value = serde_json::to_value(&request.proof).expect("json");
    assert_eq!(stored["spec"]["proofs"], expected);
    assert_eq!(stored["request"]["proof"], expected);

    for view in ["side", "top"] {
        let (status, headers, png) = fetch(
            &s,
            &format!("/api/orders/{id}/preview/{view}.png?scale=1"),
            &[],
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&png));
        assert_eq!(headers[header::CONTENT_TYPE], "image/png");
        assert_eq!(
            headers[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let image = image::load_from_memory_with_format(&png, image::ImageFormat::Png)
            .expect("a PNG")
            .into_rgba8();
        assert_eq!((image.width(), image.height()), (1024, 1024));
        assert_eq!(
            sha256_hex(image.as_raw()),
            request.proof[&ViewId::from(view)],
            "{view}: the preview's pixels are the proof's"
        );
        // The tag names the proof; asking again with it costs no render.
        let etag = headers[header::ETAG].to_str().expect("ascii").to_owned();
        assert_eq!(
            etag,
            format!("\"{}-1\"", request.proof[&ViewId::from(view)])
        );
        let (status, again, body) = fetch(
            &s,
            &format!("/api/orders/{id}/preview/{view}.png?scale=1"),
            &[("if-none-match", &etag)],
        )
        .await;
        assert_eq!(status, StatusCode::NOT_MODIFIED);
        assert!(body.is_empty());
        assert_eq!(again[header::ETAG], etag.as_str());
    }
}

#[tokio::test]
async fn the_default_preview_is_production_scale() {
    let s = shop().await;
    let id = place(&s, &navy_toe()).await;
    let (status, headers, body) =
        fetch(&s, &format!("/api/orders/{id}/preview/side.png"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/png");
    let production = image::load_from_memory(&body).expect("png").into_rgba8();
    let (_, _, small) = fetch(
        &s,
        &format!("/api/orders/{id}/preview/side.png?scale=1"),
        &[],
    )
    .await;
    let proof_size = image::load_from_memory(&small).expect("png").into_rgba8();
    assert!(production.width() >= 2048, "{} px wide", production.width());
    assert_eq!(
        (production.width(), production.height()),
        (2 * proof_size.width(), 2 * proof_size.height())
    );
    // `?scale=2` is the same image, and it is drawn the same way every time.
    let (status, _, twice) = fetch(
        &s,
        &format!("/api/orders/{id}/preview/side.png?scale=2"),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(twice == body, "scale=2 differs from the default");
}

#[tokio::test]
async fn bad_preview_requests_get_localized_json_errors() {
    let s = shop().await;
    let id = place(&s, &navy_toe()).await;
    let cases: Vec<(String, StatusCode, &str)> = vec![
        (
            format!("/api/orders/{id}/preview/side.png?scale=3"),
            StatusCode::BAD_REQUEST,
            "invalid_preview_scale",
        ),
        (
            format!("/api/orders/{id}/preview/side.png?scale=0"),
            StatusCode::BAD_REQUEST,
            "invalid_preview_scale",
        ),
        (
            format!("/api/orders/{id}/preview/side.png?scale=1.5"),
            StatusCode::BAD_REQUEST,
            "invalid_preview_scale",
        ),
        (
            format!("/api/orders/{id}/preview/side.png?scale=1&scale=2"),
            StatusCode::BAD_REQUEST,
            "invalid_preview_scale",
        ),
        (
            format!("/api/orders/{id}/preview/side.png?scale=4096"),
            StatusCode::BAD_REQUEST,
            "invalid_preview_scale",
        ),
        (
            format!("/api/orders/{id}/preview/back.png?scale=1"),
            StatusCode::NOT_FOUND,
            "preview_view_not_found",
        ),
        (
            format!("/api/orders/{id}/preview/side?scale=1"),
            StatusCode::NOT_FOUND,
            "preview_view_not_found",
        ),
        (
            format!("/api/orders/{id}/preview/side.jpg?scale=1"),
            StatusCode::NOT_FOUND,
            "preview_view_not_found",
        ),
        (
            format!("/api/orders/{id}/preview/.png?scale=1"),
            StatusCode::NOT_FOUND,
            "preview_view_not_found",
        ),
        (
            "/api/orders/ATL-7K3M-9QX2/preview/side.png?scale=1".into(),
            StatusCode::NOT_FOUND,
            "order_not_found",
        ),
        (
            "/api/orders/nope/preview/side.png?scale=1".into(),
            StatusCode::NOT_FOUND,
            "order_not_found",
        ),
    ];
    for (uri, status, code) in cases {
        for lang in ["en", "ko"] {
            let (got, body) = call(
                &s.router,
                Request::get(&uri)
                    .header(header::ACCEPT_LANGUAGE, lang)
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
            assert_eq!(
                (got, body["error"]["code"].as_str()),
                (status, Some(code)),
                "{uri}: {body}"
            );
            let message = body["error"]["message"].as_str().unwrap_or("");
            let korean = message.chars().any(|c| ('가'..='힣').contains(&c));
            assert_eq!(korean, lang == "ko", "{uri} in {lang}: {message}");
        }
    }
}

#[tokio::test]
async fn an_order_the_shop_can_no_longer_draw_as_accepted_is_a_conflict() {
    let s = shop().await;
    let id = place(&s, &navy_toe()).await;
    let stored = s.state.store.get(&id).await.expect("db").expect("stored");
    let spec = stored.spec.clone().expect("spec");
    // As if the catalog's artwork changed since: the stored proof is not what the shop draws now.
    let mut changed: Value = serde_json::from_str(&spec).expect("json");
    changed["proofs"]["side"] = json!("ab".repeat(32));
    // And an order from before proofs and specs existed.
    for (order_id, spec) in [
        ("ATL-0000-0001", Some(changed.to_string())),
        ("ATL-0000-0002", None),
    ] {
        let new = NewOrder {
            id: order_id.to_owned(),
            submission: None,
            product: stored.product.clone(),
            request: stored.request.clone(),
            amount: stored.amount,
            currency: stored.currency.clone(),
            breakdown: stored.breakdown.clone(),
            created_at: stored.created_at.clone(),
            spec: spec.unwrap_or_else(|| "null".to_owned()),
        };
        s.state.store.insert(&new).await.expect("insert");
        let (status, _, body) = send(
            &s.router,
            get(&format!("/api/orders/{order_id}/preview/side.png?scale=1")),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{order_id}: {body}");
        assert_eq!(body["error"]["code"], "preview_unavailable");
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains(order_id)),
            "{body}"
        );
    }
}

#[test]
fn a_broken_layer_file_stops_the_shop_at_start_up_naming_the_view() {
    use atelier_shop::catalogs::Catalogs;
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&common::static_dir(), dir.path());
    let catalogs = Catalogs::load(dir.path()).expect("the files exist");
    catalogs.decode_artwork().expect("the sample layers decode");

    let broken = dir.path().join("products/runner-one/top/base.png");
    std::fs::write(&broken, b"not a png").expect("write");
    let catalogs =
        Catalogs::load(dir.path()).expect("the catalog check only sees that files exist");
    let err = catalogs
        .decode_artwork()
        .expect_err("a layer is broken")
        .to_string();
    assert!(
        err.contains("view top") && err.contains("base.png"),
        "{err}"
    );
    assert!(!err.contains("view side"), "only the broken view: {err}");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
