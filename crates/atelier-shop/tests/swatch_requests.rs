//! `POST /api/swatch-requests` and `GET /api/swatch-requests/{id}` through the router with `oneshot`: a request
//! recorded and read back without its contact details, a table of bad requests each answered with every
//! problem at its path, hostile text kept as data or refused, Korean messages, idempotent retries, size limits.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{call, get, send, shop};
use serde_json::{Value, json};

const SUBMISSION: &str = "c3a1f0e2-2222-4b3c-8d4e-000000000001";

fn post(body: impl Into<String>) -> Request<Body> {
    Request::post("/api/swatch-requests")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.into()))
        .expect("request")
}

/// A valid request for two panel colors of the appliance set.
fn valid() -> Value {
    json!({
        "format": 1,
        "product": "bespoke-set",
        "colors": ["mint", "glam-navy"],
        "contact": {
            "name": "김하늘",
            "email": "haneul@example.com",
            "phone": null,
            "address": {
                "line1": "세종대로 110",
                "line2": "3층",
                "city": "서울",
                "postal_code": "04524",
                "country": "KR"
            }
        },
        "locale": "ko",
        "submission": SUBMISSION
    })
}

fn with(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = valid();
    f(&mut v);
    v
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
async fn records_a_request_and_serves_it_without_the_contact() {
    let s = shop().await;
    let (status, headers, created) = send(&s.router, post(valid().to_string())).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();
    assert!(
        atelier_shop::order_id::is_swatch_request_id(&id),
        "{id} is SWR-XXXX-XXXX"
    );
    assert_eq!(
        headers[header::LOCATION],
        format!("/api/swatch-requests/{id}").as_str()
    );
    assert_eq!(created["product"], "bespoke-set");
    assert_eq!(created["colors"], json!(["mint", "glam-navy"]));
    assert!(
        created["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );

    let (status, stored) = call(&s.router, get(&format!("/api/swatch-requests/{id}"))).await;
    assert_eq!(status, StatusCode::OK);
    let mut keys: Vec<&str> = stored
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["colors", "created_at", "id", "product", "status"]);
    assert_eq!(stored["status"], "received");
    assert_eq!(stored["id"], created["id"]);
    assert_eq!(stored["colors"], created["colors"]);
    assert_eq!(stored["created_at"], created["created_at"]);
    // Not the contact in any form: no name, email, street or postal code anywhere in either answer.
    for body in [&created, &stored] {
        let text = body.to_string();
        for personal in ["김하늘", "haneul", "세종대로", "04524", "contact"] {
            assert!(!text.contains(personal), "{personal} in {text}");
        }
    }

    // The shop has it, trimmed and otherwise as typed; blank optional fields are absent.
    let row = s
        .state
        .store
        .swatch_request(&id)
        .await
        .expect("db")
        .expect("stored");
    let contact: Value = serde_json::from_str(&row.contact).expect("contact JSON");
    assert_eq!(contact["name"], "김하늘");
    assert_eq!(contact["phone"], Value::Null);
    assert_eq!(contact["address"]["country"], "KR");
    assert_eq!(row.locale, "ko");
}

#[tokio::test]
async fn texts_are_trimmed_and_otherwise_kept_as_typed() {
    let s = shop().await;
    let body = with(|v| {
        v["contact"]["name"] = json!(format!(" {} ", "가".repeat(100)));
        v["contact"]["email"] = json!("   ");
        v["contact"]["phone"] = json!(" +82 (10) 1234-5678 ");
        v["contact"]["address"]["line2"] = json!("");
    });
    let (status, created) = call(&s.router, post(body.to_string())).await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "100 characters is the limit: {created}"
    );
    let row = s
        .state
        .store
        .swatch_request_by_submission(SUBMISSION)
        .await
        .expect("db")
        .expect("stored");
    let contact: Value = serde_json::from_str(&row.contact).expect("contact JSON");
    assert_eq!(contact["name"], "가".repeat(100));
    assert_eq!(contact["email"], Value::Null, "blank is absent");
    assert_eq!(contact["phone"], "+82 (10) 1234-5678");
    assert_eq!(contact["address"]["line2"], Value::Null);

    let body = with(|v| {
        v["submission"] = json!("c3a1f0e2-2222-4b3c-8d4e-000000000002");
        v["contact"]["name"] = json!("  Ha-neul  KIM \u{3000}");
    });
    let (status, _) = call(&s.router, post(body.to_string())).await;
    assert_eq!(status, StatusCode::CREATED);
    let row = s
        .state
        .store
        .swatch_request_by_submission("c3a1f0e2-2222-4b3c-8d4e-000000000002")
        .await
        .expect("db")
        .expect("stored");
    let contact: Value = serde_json::from_str(&row.contact).expect("contact JSON");
    assert_eq!(
        contact["name"], "Ha-neul  KIM",
        "inner spaces and case kept, outer whitespace (ideographic too) trimmed"
    );
}

/// Each case: a request body, the status, and every problem expected (`code@path`), in order.
#[tokio::test]
#[allow(
    clippy::too_many_lines,
    reason = "a table of cases: one line per case reads better than splitting it"
)]
async fn refuses_bad_requests_with_every_problem() {
    let s = shop().await;
    let nine = json!([
        "satin-white",
        "cotta-white",
        "satin-beige",
        "sky",
        "morning-blue",
        "mint",
        "sunrise-yellow",
        "clementine",
        "rose-pink"
    ]);
    let cases: Vec<(&str, String, StatusCode, Vec<&str>)> = vec![
        (
            "unknown product (its colors cannot be checked)",
            with(|v| v["product"] = json!("bespoke-sett")).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["unknown_product@product"],
        ),
        (
            "no colors",
            with(|v| v["colors"] = json!([])).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["swatch_color_count@colors"],
        ),
        (
            "nine colors",
            with(|v| v["colors"] = nine.clone()).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["swatch_color_count@colors"],
        ),
        (
            "a color of another product, and a duplicate",
            with(|v| v["colors"] = json!(["mint", "navy", "mint"])).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_unknown_color@colors[1]",
                "swatch_duplicate_color@colors[2]",
            ],
        ),
        (
            "no name, blank street",
            with(|v| {
                v["contact"].as_object_mut().map(|c| c.remove("name"));
                v["contact"]["address"]["line1"] = json!("   ");
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_required@contact.name",
                "swatch_required@contact.address.line1",
            ],
        ),
        (
            "name of 101 characters, second line of 201",
            with(|v| {
                v["contact"]["name"] = json!("가".repeat(101));
                v["contact"]["address"]["line2"] = json!("x".repeat(201));
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_too_long@contact.name",
                "swatch_too_long@contact.address.line2",
            ],
        ),
        (
            "neither email nor phone",
            with(|v| {
                v["contact"]["email"] = Value::Null;
                v["contact"]["phone"] = json!(" ");
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["swatch_no_contact_method@contact"],
        ),
        (
            "malformed email and phone",
            with(|v| {
                v["contact"]["email"] = json!("haneul@@example.com");
                v["contact"]["phone"] = json!("010.1234.5678");
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_invalid_email@contact.email",
                "swatch_invalid_phone@contact.phone",
            ],
        ),
        (
            "email with a space, 255 characters",
            with(|v| v["contact"]["email"] = json!(format!("a b@{}", "x".repeat(251)))).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["swatch_invalid_email@contact.email"],
        ),
        (
            "country in lower case",
            with(|v| v["contact"]["address"]["country"] = json!("kr")).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["swatch_invalid_country@contact.address.country"],
        ),
        (
            "country not assigned",
            with(|v| v["contact"]["address"]["country"] = json!("XK")).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["swatch_invalid_country@contact.address.country"],
        ),
        (
            "no address at all",
            with(|v| {
                v["contact"].as_object_mut().map(|c| c.remove("address"));
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_required@contact.address.line1",
                "swatch_required@contact.address.city",
                "swatch_required@contact.address.postal_code",
                "swatch_required@contact.address.country",
            ],
        ),
        (
            "control characters",
            with(|v| {
                v["contact"]["name"] = json!("Kim\u{0}");
                v["contact"]["address"]["city"] = json!("Seoul\nBusan");
                v["contact"]["address"]["postal_code"] = json!("04\u{1b}[2J524");
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_forbidden_character@contact.name",
                "swatch_forbidden_character@contact.address.city",
                "swatch_forbidden_character@contact.address.postal_code",
            ],
        ),
        (
            "zero-width characters",
            with(|v| {
                v["contact"]["email"] = json!("hane\u{200B}ul@example.com");
                v["contact"]["address"]["line1"] = json!("\u{FEFF}세종대로 110");
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_forbidden_character@contact.email",
                "swatch_forbidden_character@contact.address.line1",
            ],
        ),
        (
            "format, locale and submission id",
            with(|v| {
                v["format"] = json!(2);
                v["locale"] = json!("fr");
                v["submission"] = json!("short");
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_unsupported_format@format",
                "swatch_unsupported_locale@locale",
                "invalid_submission@submission",
            ],
        ),
        (
            "everything at once, in body order",
            json!({
                "format": 1, "product": "bespoke-set", "colors": ["teal"],
                "contact": {"name": "", "address": {"country": "Korea"}},
                "locale": "ko-KR", "submission": "<script>alert(1)</script>"
            })
            .to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![
                "swatch_unknown_color@colors[0]",
                "swatch_required@contact.name",
                "swatch_no_contact_method@contact",
                "swatch_required@contact.address.line1",
                "swatch_required@contact.address.city",
                "swatch_required@contact.address.postal_code",
                "swatch_invalid_country@contact.address.country",
                "swatch_unsupported_locale@locale",
                "invalid_submission@submission",
            ],
        ),
        (
            "unknown field",
            with(|v| v["contact"]["address"]["state"] = json!("Seoul")).to_string(),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "no submission id",
            with(|v| {
                v.as_object_mut().map(|o| o.remove("submission"));
            })
            .to_string(),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "colors not a list",
            with(|v| v["colors"] = json!("mint")).to_string(),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "malformed JSON",
            "{\"format\": 1,".into(),
            StatusCode::BAD_REQUEST,
            vec![],
        ),
        (
            "oversized",
            with(|v| v["contact"]["name"] = json!("x".repeat(atelier_shop::BODY_LIMIT)))
                .to_string(),
            StatusCode::PAYLOAD_TOO_LARGE,
            vec![],
        ),
    ];
    for (name, body, want_status, want_problems) in cases {
        let (status, resp) = call(&s.router, post(body)).await;
        assert_eq!(status, want_status, "{name}: {resp}");
        assert!(
            resp["error"]["code"].is_string() && resp["error"]["message"].is_string(),
            "{name}: {resp}"
        );
        assert_eq!(codes(&resp), want_problems, "{name}");
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            assert_eq!(resp["error"]["code"], "swatch_request_invalid", "{name}");
        }
        for p in resp["error"]["problems"].as_array().into_iter().flatten() {
            let message = p["message"].as_str().unwrap_or_default();
            assert!(
                !message.is_empty() && !message.contains('{') && !message.contains("missing"),
                "{name}: {p}"
            );
        }
    }
    let stored = s
        .state
        .store
        .swatch_request_by_submission(SUBMISSION)
        .await
        .expect("db");
    assert!(stored.is_none(), "nothing refused was stored");
}

#[tokio::test]
async fn http_level_errors_are_json() {
    let s = shop().await;
    let no_type = Request::post("/api/swatch-requests")
        .body(Body::from(valid().to_string()))
        .expect("request");
    let (status, body) = call(&s.router, no_type).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body["error"]["code"], "unsupported_media_type");

    for id in [
        "SWR-0000-0000",
        "ATL-0000-0000",
        "nope",
        "SWR-0000-000I",
        "'; DROP TABLE swatch_requests; --",
    ] {
        let uri = format!("/api/swatch-requests/{}", id.replace(' ', "%20"));
        let (status, body) = call(&s.router, get(&uri)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
        assert_eq!(body["error"]["code"], "swatch_request_not_found", "{id}");
    }
}

/// Markup in a name is a name: stored exactly, and where the shop echoes hostile text (a problem message) it
/// is a JSON string in an `application/json` answer that browsers may not sniff as HTML.
#[tokio::test]
async fn markup_is_data_and_direction_overrides_are_refused() {
    let s = shop().await;
    let script = "<script>alert(\"x\")</script> & Kim";
    let body = with(|v| v["contact"]["name"] = json!(script));
    let (status, created) = call(&s.router, post(body.to_string())).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let row = s
        .state
        .store
        .swatch_request_by_submission(SUBMISSION)
        .await
        .expect("db")
        .expect("stored");
    let contact: Value = serde_json::from_str(&row.contact).expect("contact JSON");
    assert_eq!(contact["name"], script, "stored exactly, not escaped");

    let body = with(|v| {
        v["submission"] = json!("c3a1f0e2-2222-4b3c-8d4e-000000000003");
        v["colors"] = json!(["<img src=x onerror=alert(1)>"]);
    });
    let (status, headers, refused) = send(&s.router, post(body.to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(
        refused["error"]["problems"][0]["message"],
        "\"bespoke-set\" has no color \"<img src=x onerror=alert(1)>\"."
    );

    // "Trojan Source": U+202E shows `Kim\u{202E}gnp.exe` as `Kimexe.png`. Refused, naming the character.
    for (field, value, named) in [
        ("name", "Kim\u{202E}gnp.exe", "U+202E"),
        ("name", "\u{2067}Kim\u{2069}", "U+2067"),
        ("email", "kim@exa\u{202D}mple.com", "U+202D"),
    ] {
        let body = with(|v| v["contact"][field] = json!(value));
        let (status, refused) = call(&s.router, post(body.to_string())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{value:?}");
        assert_eq!(
            codes(&refused),
            [format!("swatch_forbidden_character@contact.{field}")],
            "{value:?}"
        );
        let message = refused["error"]["problems"][0]["message"]
            .as_str()
            .unwrap_or_default();
        assert!(message.contains(named), "{message}");
    }
}

#[tokio::test]
async fn errors_speak_korean_when_asked() {
    let s = shop().await;
    let body = with(|v| {
        v["colors"] = json!(["mint", "mint"]);
        v["contact"]["email"] = Value::Null;
        v["contact"]["address"]["country"] = json!("kr");
    });
    let request = Request::post("/api/swatch-requests")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.5")
        .body(Body::from(body.to_string()))
        .expect("request");
    let (status, body) = call(&s.router, request).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["error"]["message"],
        "색상 견본 요청이 접수되지 않았습니다. 각 문제를 확인해 주세요."
    );
    let messages: Vec<&str> = body["error"]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["message"].as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "\"mint\" 색상은 이미 목록에 있습니다.",
            "색상 견본 발송과 관련해 연락드릴 수 있도록 이메일 주소나 전화번호를 알려 주세요.",
            "\"kr\"은(는) 국가 코드가 아닙니다. \"KR\"처럼 ISO 3166-1의 대문자 두 글자를 써 주세요.",
        ]
    );

    let (status, body) = call(
        &s.router,
        Request::get("/api/swatch-requests/SWR-0000-0000")
            .header(header::ACCEPT_LANGUAGE, "ko")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body["error"]["message"],
        "\"SWR-0000-0000\" 색상 견본 요청이 없습니다."
    );
}

#[tokio::test]
async fn a_retried_submission_answers_the_first_request_and_a_changed_one_conflicts() {
    let s = shop().await;
    let (first_status, first) = call(&s.router, post(valid().to_string())).await;
    assert_eq!(first_status, StatusCode::CREATED, "{first}");

    // The same request, pretty-printed: the same JSON, so the same answer.
    let again = serde_json::to_string_pretty(&valid()).expect("json");
    let (status, repeated) = call(&s.router, post(again)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(repeated, first, "the first answer, byte for byte");

    for (what, changed) in [
        (
            "other colors",
            with(|v| v["colors"] = json!(["mint", "charcoal"])),
        ),
        (
            "colors in another order",
            with(|v| v["colors"] = json!(["glam-navy", "mint"])),
        ),
        (
            "another address",
            with(|v| v["contact"]["address"]["postal_code"] = json!("04525")),
        ),
        ("another language", with(|v| v["locale"] = json!("en"))),
    ] {
        let (status, body) = call(&s.router, post(changed.to_string())).await;
        assert_eq!(status, StatusCode::CONFLICT, "{what}: {body}");
        assert_eq!(body["error"]["code"], "submission_conflict", "{what}");
    }
    let (_, stored) = call(
        &s.router,
        get(&format!(
            "/api/swatch-requests/{}",
            first["id"].as_str().expect("id")
        )),
    )
    .await;
    assert_eq!(stored["colors"], json!(["mint", "glam-navy"]), "unchanged");
}
