//! Router tests with `oneshot`: every endpoint, the happy path and a table of bad inputs, each answered with a
//! precise JSON error and never a 500.

mod common;

use atelier_core::design::Choice;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{TestDb, call, get, order, shop, shop_on, static_dir};
use serde_json::{Value, json};
use tower::ServiceExt;

fn post_json(body: impl Into<String>) -> Request<Body> {
    Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.into()))
        .expect("request")
}

fn codes(body: &Value) -> Vec<String> {
    body["error"]["problems"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| {
                    format!(
                        "{}@{}",
                        p["code"].as_str().unwrap_or(""),
                        p["path"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn lists_and_serves_products() {
    let s = shop().await;
    let (status, body) = call(&s.router, get("/api/products")).await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<&str> = body
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["id"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        ids.contains(&"runner-one") && ids.contains(&"bespoke-set"),
        "{ids:?}"
    );
    let first = body
        .as_array()
        .and_then(|a| a.iter().find(|p| p["id"] == "runner-one"))
        .expect("runner-one is listed");
    assert_eq!(first["name"]["ko"], "러너 원");
    assert_eq!(
        first["base_price"],
        json!({"amount": 139000, "currency": "KRW"})
    );

    let (status, body) = call(&s.router, get("/api/products/runner-one")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], "runner-one");
    assert!(body["zones"].as_array().is_some_and(|z| z.len() >= 5));

    let (status, body) = call(&s.router, get("/api/products/nope")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "product_not_found");
}

#[tokio::test]
async fn accepts_an_order_and_returns_it() {
    let s = shop().await;
    let req = order(|d| {
        d.zones.insert(
            "toe".into(),
            Choice {
                material: "suede".into(),
                color: "navy".into(),
            },
        );
    });
    assert_eq!(
        req.price.amount,
        139_000 + 10_000 + 10_000,
        "heel suede by default, toe suede now"
    );
    let (status, body) = call(
        &s.router,
        post_json(serde_json::to_string(&req).expect("json")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_str().expect("id").to_owned();
    assert_eq!(body["price"], json!({"amount": 159000, "currency": "KRW"}));

    let (status, stored) = call(&s.router, get(&format!("/api/orders/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(stored["id"], id.as_str());
    assert_eq!(stored["price"]["amount"], 159000);
    assert_eq!(stored["request"]["design"]["zones"]["toe"]["color"], "navy");
    assert_eq!(stored["breakdown"]["total"]["amount"], 159000);
}

#[tokio::test]
async fn a_repeated_submission_returns_the_first_order() {
    let s = shop().await;
    let mut req = order(|_| {});
    req.submission = Some("b6f1c2d4-1111-4a2b-9c3d-000000000001".into());
    let body = serde_json::to_string(&req).expect("json");
    let (first_status, first) = call(&s.router, post_json(body.clone())).await;
    let (again_status, again) = call(&s.router, post_json(body)).await;
    assert_eq!(first_status, StatusCode::CREATED);
    assert_eq!(again_status, StatusCode::OK);
    assert_eq!(first["id"], again["id"]);

    req.design.size = Some("270".into());
    let (status, body) = call(
        &s.router,
        post_json(serde_json::to_string(&req).expect("json")),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "submission_conflict");
}

/// Each case: a request body, the status, and every problem expected (`code@path`), in order.
#[tokio::test]
#[allow(
    clippy::too_many_lines,
    reason = "a table of cases: one line per case reads better than splitting it"
)]
async fn refuses_bad_orders_with_every_problem() {
    let s = shop().await;
    let valid = order(|_| {});
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = serde_json::to_value(&valid).expect("json");
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(&str, String, StatusCode, Vec<&str>)> = vec![
        (
            "price differs",
            with(&|v| v["price"]["amount"] = json!(1000)),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["price_mismatch@price"],
        ),
        (
            "wrong currency",
            with(&|v| v["price"]["currency"] = json!("USD")),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["price_mismatch@price"],
        ),
        (
            "unknown product",
            with(&|v| v["design"]["product"] = json!("runner-two")),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["unknown_product@design.product"],
        ),
        (
            "unknown zone, option and color at once",
            with(&|v| {
                v["design"]["zones"]["tongue"] = json!({"material": "leather", "color": "white"});
                v["design"]["zones"]["toe"]["material"] = json!("velvet");
                v["design"]["zones"]["sole"]["color"] = json!("red");
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "unknown_zone@design.zones.tongue",
                "unknown_option_material@design.zones.toe.material",
                "unknown_option_color@design.zones.sole.color",
            ],
        ),
        (
            "missing zone",
            with(&|v| {
                v["design"]["zones"]
                    .as_object_mut()
                    .map(|z| z.remove("laces"));
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["missing_zone@design.zones.laces"],
        ),
        (
            "unknown size",
            with(&|v| v["design"]["size"] = json!("999")),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["unknown_size@design.size"],
        ),
        (
            "no size",
            with(&|v| v["design"]["size"] = Value::Null),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["missing_size@design.size"],
        ),
        (
            "future format",
            with(&|v| v["format"] = json!(3)),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["unsupported_order_format@format"],
        ),
        (
            "format 1 (a page loaded before proofs), without proofs",
            with(&|v| {
                v["format"] = json!(1);
                v.as_object_mut().map(|o| o.remove("proof"));
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["unsupported_order_format@format"],
        ),
        (
            "no proofs",
            with(&|v| {
                v.as_object_mut().map(|o| o.remove("proof"));
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["missing_proof@proof.side", "missing_proof@proof.top"],
        ),
        (
            "malformed and unknown-view proofs, with a wrong price",
            with(&|v| {
                v["proof"]["top"] = json!("F".repeat(64));
                v["proof"]["back"] = json!("0".repeat(64));
                v["price"]["amount"] = json!(1000);
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "malformed_proof@proof.top",
                "unknown_proof_view@proof.back",
                "price_mismatch@price",
            ],
        ),
        (
            "a proof of other pixels",
            with(&|v| v["proof"]["top"] = json!("0".repeat(64))),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["proof_mismatch@proof.top"],
        ),
        (
            "proofs not an object",
            with(&|v| v["proof"] = json!(["0"])),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "bad submission id",
            with(&|v| v["submission"] = json!("<script>")),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["invalid_submission@submission"],
        ),
        (
            "malformed JSON",
            "{\"format\": 1,".into(),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "not an object",
            "[1,2,3]".into(),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "missing design",
            json!({"format": 1, "price": {"amount": 1, "currency": "KRW"}}).to_string(),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "unknown field",
            with(&|v| v["coupon"] = json!("FREE")),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "wrong type",
            with(&|v| v["price"]["amount"] = json!("139000")),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "huge number",
            with(&|v| v["price"]["amount"] = json!(1e300)),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        ("empty body", String::new(), StatusCode::BAD_REQUEST, vec![]),
        (
            "oversized",
            format!("{{\"pad\": \"{}\"}}", "x".repeat(crate_limit() + 10)),
            StatusCode::PAYLOAD_TOO_LARGE,
            vec![],
        ),
    ];
    for (name, body, want_status, want_problems) in cases {
        let (status, resp) = call(&s.router, post_json(body)).await;
        assert_eq!(status, want_status, "{name}: {resp}");
        assert!(
            resp["error"]["code"].is_string() && resp["error"]["message"].is_string(),
            "{name}: {resp}"
        );
        assert_eq!(codes(&resp), want_problems, "{name}");
        if let Some(problems) = resp["error"]["problems"].as_array() {
            assert!(
                problems
                    .iter()
                    .all(|p| p["message"].as_str().is_some_and(|m| !m.is_empty())),
                "{name}"
            );
        }
    }
}

fn crate_limit() -> usize {
    atelier_shop::BODY_LIMIT
}

#[tokio::test]
async fn http_level_errors_are_json() {
    let s = shop().await;
    let no_type = Request::post("/api/orders")
        .body(Body::from("{}"))
        .expect("request");
    let (status, body) = call(&s.router, no_type).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body["error"]["code"], "unsupported_media_type");

    let (status, body) = call(
        &s.router,
        Request::delete("/api/orders")
            .body(Body::empty())
            .expect("r"),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["error"]["code"], "method_not_allowed");

    let (status, body) = call(&s.router, get("/api/nothing/here")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");

    for id in [
        "ATL-0000-0000",
        "nope",
        "ATL-0000-000I",
        "'; DROP TABLE orders; --",
    ] {
        let uri = format!("/api/orders/{}", id.replace(' ', "%20"));
        let (status, body) = call(&s.router, get(&uri)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
        assert_eq!(body["error"]["code"], "order_not_found", "{id}");
    }
}

#[tokio::test]
async fn errors_speak_the_requested_language() {
    let s = shop().await;
    let mut req = order(|_| {});
    req.design.size = Some("999".into());
    let request = Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.5")
        .body(Body::from(serde_json::to_string(&req).expect("json")))
        .expect("request");
    let (status, body) = call(&s.router, request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["error"]["message"],
        "주문이 접수되지 않았습니다. 각 문제를 확인해 주세요."
    );
    assert_eq!(
        body["error"]["problems"][0]["message"],
        "\"999\" 사이즈는 없습니다."
    );

    let (_, body) = call(
        &s.router,
        Request::get("/api/products/x")
            .header(header::ACCEPT_LANGUAGE, "ko")
            .body(Body::empty())
            .expect("r"),
    )
    .await;
    assert_eq!(body["error"]["message"], "\"x\" 제품이 없습니다.");
}

#[tokio::test]
async fn serves_layer_files() {
    let s = shop().await;
    let resp = s
        .router
        .clone()
        .oneshot(get("/static/products/runner-one/side/base.png"))
        .await
        .expect("ok");
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = s
        .router
        .clone()
        .oneshot(get("/static/../Cargo.toml"))
        .await
        .expect("ok");
    assert_ne!(resp.status(), StatusCode::OK);
}

/// The shop applies the catalog's rules with the same code as the app, and says which rule in the
/// shopper's language.
#[tokio::test]
async fn refuses_a_design_that_breaks_a_rule_naming_the_rule() {
    let s = shop().await;
    let req = order(|d| {
        d.zones.get_mut(&"sole".into()).expect("sole").color = "gum".into();
        d.zones.get_mut(&"heel".into()).expect("heel").color = "red".into();
    });
    for (lang, first) in [
        (
            "en",
            "This design breaks the rule \"gum-sole-rubber\": Gum soles are only made in rubber.",
        ),
        (
            "ko",
            "이 디자인은 규칙 \"gum-sole-rubber\"을(를) 어깁니다: 검 밑창은 고무로만 만듭니다.",
        ),
    ] {
        let request = Request::post("/api/orders")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT_LANGUAGE, lang)
            .body(Body::from(serde_json::to_string(&req).expect("json")))
            .expect("request");
        let (status, body) = call(&s.router, request).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            codes(&body),
            vec!["rule_broken@design", "rule_broken@design"],
            "gum on foam, and red suede on the heel"
        );
        assert_eq!(body["error"]["problems"][0]["message"], first);
        assert!(
            body["error"]["problems"][1]["message"]
                .as_str()
                .is_some_and(|m| m.contains("suede-palette")),
            "{body}"
        );
    }
}

/// A folder of static files: the samples' files, and `runner-one.json` as `edit` changes it.
#[cfg(unix)]
fn statics_with(dir: &std::path::Path, edit: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let statics = dir.join("static");
    std::fs::create_dir_all(statics.join("catalogs")).expect("catalog folder");
    for linked in ["products", "fonts"] {
        std::os::unix::fs::symlink(static_dir().join(linked), statics.join(linked)).expect("link");
    }
    let sample = std::fs::read_to_string(static_dir().join("catalogs/runner-one.json"))
        .expect("sample catalog");
    let mut v: Value = serde_json::from_str(&sample).expect("sample parses");
    edit(&mut v);
    std::fs::write(statics.join("catalogs/runner-one.json"), v.to_string()).expect("write");
    statics
}

/// A choice group the shopper must choose (no default) has no stand-in at the shop: an order without it is
/// refused, naming the choice.
#[cfg(unix)]
#[tokio::test]
async fn refuses_an_order_missing_a_choice_the_shopper_must_make() {
    let dir = tempfile::tempdir().expect("temp dir");
    let statics = statics_with(dir.path(), |v| {
        v["choices"] = json!([{"id": "width", "name": {"en": "Sole width", "ko": "밑창 폭"}, "required": true,
            "options": [{"id": "regular", "name": {"en": "Regular", "ko": "보통"}},
                        {"id": "wide", "name": {"en": "Wide", "ko": "넓게"}}]}]);
    });
    let db = TestDb::fresh(&dir).await;
    let s = shop_on(statics, dir, db).await;
    let req = order(|_| {});
    let (status, body) = call(
        &s.router,
        post_json(serde_json::to_string(&req).expect("json")),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(codes(&body), vec!["missing_choice@design.choices.width"]);
    assert_eq!(
        body["error"]["problems"][0]["message"],
        "The choice \"width\" has no option."
    );
}

/// A variant table is enforced like every other rule: the sneaker with a table of the lace colors each lace
/// material is made in (the sample's files, its catalog with the table added) refuses red waxed laces, naming
/// the table and its message.
#[cfg(unix)]
#[tokio::test]
async fn refuses_a_design_that_breaks_a_variant_table_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let statics = statics_with(dir.path(), |v| {
        v["rules"].as_array_mut().expect("rules").push(json!({
            "id": "lace-colors",
            "allowed": { "groups": ["laces.material", "laces.color"], "rows": [
                ["cotton", "white"], ["cotton", "bone"], ["cotton", "black"], ["cotton", "navy"],
                ["cotton", "red"], ["cotton", "yellow"], ["cotton", "gray"], ["cotton", "pink"],
                ["waxed", "white"], ["waxed", "bone"], ["waxed", "black"], ["waxed", "navy"], ["waxed", "gray"]
            ] },
            "message": { "en": "Waxed laces are made in white, bone, black, navy and gray only.",
                         "ko": "왁스 끈은 흰색, 본, 검정, 네이비, 회색으로만 만듭니다." }
        }));
    });
    let db = TestDb::fresh(&dir).await;
    let s = shop_on(statics, dir, db).await;
    let req = order(|d| {
        let laces = d.zones.get_mut(&"laces".into()).expect("laces");
        laces.material = "waxed".into();
        laces.color = "red".into();
    });
    let (status, body) = call(
        &s.router,
        post_json(serde_json::to_string(&req).expect("json")),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(codes(&body), vec!["rule_broken@design"]);
    assert_eq!(
        body["error"]["problems"][0]["message"],
        "This design breaks the rule \"lace-colors\": Waxed laces are made in white, bone, black, navy and gray only."
    );
}
