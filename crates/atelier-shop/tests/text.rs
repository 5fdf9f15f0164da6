//! Personal text at the shop: an order with a heel ID is accepted, priced and carried in the signed spec as
//! typed plus what the factory needs; a moderated, too wide or bidi-laced text is refused with
//! `text_refused@design.text.<placement>` and exactly the message the core's live check gives, in the
//! shopper's language; markup in a text is stored and echoed as plain JSON string data.

mod common;

use atelier_core::Locale;
use atelier_core::text::{WordList, check_placement};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{call, get, order, sample_catalog, shop};
use http_body_util::BodyExt;
use serde_json::json;
use sha2::{Digest, Sha256};
use tower::ServiceExt;

fn post(body: String, lang: &str) -> Request<Body> {
    Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, lang)
        .body(Body::from(body))
        .expect("request")
}

#[tokio::test]
async fn an_order_with_a_heel_id_is_priced_and_specified() {
    let s = shop().await;
    let req = order(|d| {
        d.text.insert("heel-id".into(), "Romeo 07".into());
    });
    let (status, body) = call(
        &s.router,
        post(serde_json::to_string(&req).expect("json"), "en"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // 139,000 base, 10,000 for the suede heel, 5,000 for the heel ID.
    assert_eq!(body["price"]["amount"], 154_000);
    let lines = body["breakdown"]["lines"].as_array().expect("lines");
    assert!(
        lines
            .iter()
            .any(|l| l["text"] == "heel-id" && l["amount"]["amount"] == 5000)
    );
    let spec = &body["spec"]["text"]["heel-id"];
    assert_eq!(spec["text"], "Romeo 07");
    assert_eq!(spec["printed"], "ROMEO 07");
    assert_eq!(spec["font"], "fonts/AtelierSans-Latin.ttf");
    assert_eq!(spec["view"], "side");
    assert_eq!(spec["size_mm"], 5.0);
    assert_eq!(spec["box_mm"], json!({"width": 30.0, "height": 7.0}));
    let width = spec["width_mm"].as_f64().expect("width");
    assert!(width > 5.0 && width <= 30.0, "{width}");

    // The proofs were of the design with its text, and the shop draws the stored order with it again: the
    // side view's preview hashes to the side proof, which differs from the same design without text.
    let id = body["id"].as_str().expect("id");
    let side_proof = body["spec"]["proofs"]["side"].as_str().expect("proof");
    let without = order(|_| {});
    let proof_of = |view: &str| without.proof[&atelier_core::id::ViewId::from(view)].clone();
    assert_ne!(proof_of("side"), side_proof);
    assert_eq!(proof_of("top"), body["spec"]["proofs"]["top"]);
    for (scale, width) in [(1, 1024), (2, 2048)] {
        let resp = s
            .router
            .clone()
            .oneshot(get(&format!(
                "/api/orders/{id}/preview/side.png?scale={scale}"
            )))
            .await
            .expect("infallible");
        assert_eq!(resp.status(), StatusCode::OK);
        let png = resp.into_body().collect().await.expect("body").to_bytes();
        let pixels = image::load_from_memory(&png).expect("png").into_rgba8();
        assert_eq!(pixels.width(), width);
        if scale == 1 {
            assert_eq!(hex(&Sha256::digest(pixels.as_raw())), side_proof);
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn a_refused_text_gets_the_live_checks_reason() {
    let s = shop().await;
    let catalog = sample_catalog();
    let placement = catalog.text("heel-id").expect("placement");
    let mut fonts = atelier_core::text::Fonts::new();
    fonts.insert(
        "fonts/AtelierSans-Latin.ttf",
        std::fs::read(common::static_dir().join("fonts/AtelierSans-Latin.ttf")).expect("font"),
    );
    for (text, lang, locale) in [
        ("sh1t", "en", Locale::En),
        ("S H I T", "ko", Locale::Ko),
        ("WWWWWWWW", "en", Locale::En),
        ("WWWWWWWW", "ko", Locale::Ko),
        ("AB\u{202E}CD", "en", Locale::En),
        ("<img src=x>", "en", Locale::En),
    ] {
        let req = order(|d| {
            d.text.insert("heel-id".into(), text.into());
        });
        let (status, body) = call(
            &s.router,
            post(serde_json::to_string(&req).expect("json"), lang),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text:?}: {body}");
        let live = check_placement(placement, text, &fonts, WordList::shared());
        let problems = body["error"]["problems"].as_array().expect("problems");
        assert_eq!(problems.len(), live.refusals.len(), "{text:?}: {body}");
        for (p, r) in problems.iter().zip(&live.refusals) {
            assert_eq!(p["code"], "text_refused");
            assert_eq!(p["path"], "design.text.heel-id");
            assert_eq!(p["message"], r.message(locale), "{text:?}");
        }
    }
}

#[tokio::test]
async fn markup_in_an_accepted_text_stays_string_data() {
    let s = shop().await;
    // The monogram takes Latin letters and spaces only, so markup is refused; but stored requests echo the text
    // as a JSON string whatever it is: no field of the response is ever markup.
    let req = order(|d| {
        d.text.insert("heel-id".into(), "J&K".into());
    });
    let (status, body) = call(
        &s.router,
        post(serde_json::to_string(&req).expect("json"), "en"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_str().expect("id").to_owned();
    let (status, stored) = call(&s.router, get(&format!("/api/orders/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["request"]["design"]["text"]["heel-id"], "J&K");
    assert_eq!(stored["spec"]["text"]["heel-id"]["printed"], "J&K");
}
