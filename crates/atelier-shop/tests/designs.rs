//! Design codes over the API: a design stored under a code a shopper can read aloud, the same design given
//! the same code, codes read forgivingly, and every malformed or unknown code answered clearly.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{call, get, sample_catalog, shop};
use serde_json::{Value, json};

fn post(body: Value) -> Request<Body> {
    Request::post("/api/designs")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "en")
        .body(Body::from(body.to_string()))
        .expect("request")
}

fn default_design() -> Value {
    serde_json::to_value(sample_catalog().default_design()).expect("JSON")
}

#[tokio::test]
async fn a_design_gets_a_code_and_the_same_design_the_same_code() {
    let s = shop().await;
    let (status, first) = call(&s.router, post(default_design())).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let code = first["code"].as_str().expect("a code").to_owned();
    assert!(
        atelier_core::design_code::DesignCode::parse(&code).is_ok() && code.len() == 9,
        "{code}"
    );
    assert_eq!(first["url"], format!("/d/{code}"));
    assert_eq!(first["product"], "runner-one");
    let (status, again) = call(&s.router, post(default_design())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["code"], code.as_str());

    let mut other = default_design();
    other["zones"]["toe"]["color"] = json!("navy");
    other["text"] = json!({"heel-id": "MINJI"});
    let (status, second) = call(&s.router, post(other.clone())).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(second["code"], code.as_str());

    // Read back exactly, also as a shopper might type it.
    let second_code = second["code"].as_str().expect("a code");
    let typed = second_code.to_lowercase().replace('-', " ");
    for written in [second_code.to_owned(), typed] {
        let (status, view) = call(
            &s.router,
            get(&format!("/api/designs/{}", written.replace(' ', "%20"))),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{written}: {view}");
        assert_eq!(view["design"], other);
        assert_eq!(view["code"], second_code);
        assert_eq!(view["catalog_version"].as_str().map(str::len), Some(64));
    }
}

#[tokio::test]
async fn malformed_and_unknown_codes_are_answered_clearly() {
    let s = shop().await;
    let (_, stored) = call(&s.router, post(default_design())).await;
    let code = stored["code"].as_str().expect("a code").to_owned();
    let symbols: Vec<char> = code.chars().filter(|&c| c != '-').collect();
    // A neighbour swap (of two different symbols) and a single wrong symbol are caught by the check symbol.
    let swapped: String = {
        let mut s = symbols.clone();
        let i = (0..7)
            .find(|&i| s[i] != s[i + 1])
            .expect("two different neighbours");
        s.swap(i, i + 1);
        s.into_iter().collect()
    };
    let typo: String = {
        let mut s = symbols.clone();
        s[2] = if s[2] == 'X' { 'Y' } else { 'X' };
        s.into_iter().collect()
    };
    for (path, status, code_word, message) in [
        (
            "K7QM",
            StatusCode::BAD_REQUEST,
            "invalid_design_code",
            "8 letters and digits",
        ),
        (
            "K7QU-2XR8",
            StatusCode::BAD_REQUEST,
            "invalid_design_code",
            "“U” is not used",
        ),
        (
            swapped.as_str(),
            StatusCode::BAD_REQUEST,
            "invalid_design_code",
            "typing mistake",
        ),
        (
            typo.as_str(),
            StatusCode::BAD_REQUEST,
            "invalid_design_code",
            "typing mistake",
        ),
        (
            "0000-0000",
            StatusCode::NOT_FOUND,
            "design_not_found",
            "no design with the code 0000-0000",
        ),
    ] {
        let mut req = get(&format!("/api/designs/{path}"));
        req.headers_mut()
            .insert(header::ACCEPT_LANGUAGE, "en".parse().expect("header"));
        let (got, body) = call(&s.router, req).await;
        assert_eq!(got, status, "{path}: {body}");
        assert_eq!(body["error"]["code"], code_word, "{path}");
        let text = body["error"]["message"].as_str().expect("a message");
        assert!(text.contains(message), "{path}: {text}");
    }
    // In Korean too.
    let mut req = get("/api/designs/K7QM");
    req.headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "ko".parse().expect("header"));
    let (_, body) = call(&s.router, req).await;
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("디자인 코드")),
        "{body}"
    );
    // A long input is echoed only in part.
    let long = "A".repeat(500);
    let (status, body) = call(&s.router, get(&format!("/api/designs/{long}"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().expect("message").len() < 300);
}

#[tokio::test]
async fn a_design_that_does_not_fit_its_product_gets_no_code() {
    let s = shop().await;
    let mut unknown_color = default_design();
    unknown_color["zones"]["toe"]["color"] = json!("neon");
    let mut refused_text = default_design();
    refused_text["text"] = json!({"heel-id": "SHIT"});
    let mut other_product = default_design();
    other_product["product"] = json!("nope");
    for (body, status, code) in [
        (
            unknown_color,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_design",
        ),
        (
            refused_text,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_design",
        ),
        (other_product, StatusCode::NOT_FOUND, "product_not_found"),
        (
            json!({"product": "runner-one"}),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
    ] {
        let (got, answer) = call(&s.router, post(body.clone())).await;
        assert_eq!(got, status, "{body}: {answer}");
        assert_eq!(answer["error"]["code"], code);
        if code == "invalid_design" {
            assert!(
                !answer["error"]["problems"]
                    .as_array()
                    .expect("problems")
                    .is_empty()
            );
        }
    }
}

/// The raw answer to a GET: status, headers, body bytes.
async fn raw(router: &axum::Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    use http_body_util::BodyExt as _;
    use tower::ServiceExt as _;
    let response = router.clone().oneshot(get(uri)).await.expect("response");
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes().to_vec();
    (parts.status, parts.headers, bytes)
}

#[tokio::test]
async fn a_codes_page_previews_the_design_drawn_by_the_shop() {
    let s = shop().await;
    let catalog = sample_catalog();
    let mut design = catalog.default_design();
    design.zones.get_mut(&"toe".into()).expect("toe").color = "navy".into();
    let (_, stored) = call(
        &s.router,
        post(serde_json::to_value(&design).expect("JSON")),
    )
    .await;
    let code = stored["code"].as_str().expect("a code").to_owned();

    let (status, headers, body) = raw(&s.router, &format!("/d/{code}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .expect("type")
            .starts_with("text/html")
    );
    let html = String::from_utf8(body).expect("UTF-8");
    let image = format!("/api/designs/{code}/image.png");
    // In-process requests carry no Host header: the address stays relative (over HTTP it is absolute, as the
    // browser test shows).
    assert!(
        html.contains(&format!("property=\"og:image\" content=\"{image}\"")),
        "{html}"
    );
    assert!(html.contains("og:title") && html.contains(&code), "{html}");
    assert!(
        html.contains(&format!("/?product=runner-one&amp;code={code}")),
        "{html}"
    );

    // The picture is the design's first view, pixel for pixel what the app draws (its proof).
    let (status, headers, png) = raw(&s.router, &image).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/png");
    let rgba = image::load_from_memory(&png).expect("a PNG").to_rgba8();
    let digest = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(rgba.as_raw()));
    let first_view = catalog.views()[0].id.clone();
    assert_eq!(digest, common::proofs(&design)[&first_view]);

    // An unknown or malformed code goes on to the app, which says what is wrong.
    for (path, to) in [
        ("/d/0000-0000", "/?code=0000-0000"),
        ("/d/%3Cb%3E", "/?code=%3Cb%3E"),
    ] {
        let (status, headers, _) = raw(&s.router, path).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(headers[header::LOCATION], to, "{path}");
    }
}

fn help(body: Value) -> Request<Body> {
    Request::post("/api/help-requests")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, "en")
        .body(Body::from(body.to_string()))
        .expect("request")
}

#[tokio::test]
async fn a_call_me_request_is_recorded_without_serving_back_personal_data() {
    let s = shop().await;
    let (_, stored) = call(&s.router, post(default_design())).await;
    let code = stored["code"].as_str().expect("a code").to_owned();
    let request = json!({
        "code": code.to_lowercase(),
        "name": "김민지",
        "phone": "+82 10-1234-5678",
        "preferred_time": "evening",
        "locale": "ko",
        "submission": "atl-help-0123456789ab"
    });
    let (status, first) = call(&s.router, help(request.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert!(
        first["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("HLP-")),
        "{first}"
    );
    assert_eq!(first["code"], code.as_str());
    let text = first.to_string();
    assert!(
        !text.contains("민지") && !text.contains("1234"),
        "no personal data: {text}"
    );
    let (status, again) = call(&s.router, help(request.clone())).await;
    assert_eq!((status, &again["id"]), (StatusCode::OK, &first["id"]));
    let mut changed = request.clone();
    changed["phone"] = json!("010 9999 9999");
    let (status, conflict) = call(&s.router, help(changed)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{conflict}");

    // Every problem at once, each at its path; an unknown code is said so.
    let (status, refused) = call(
        &s.router,
        help(json!({
            "code": "K7QU-2XR8", "name": "Min\u{202e}ji", "phone": "<script>", "preferred_time": "",
            "locale": "fr", "submission": "x"
        })),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["error"]["code"], "help_request_invalid");
    let paths: Vec<&str> = refused["error"]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["path"].as_str().expect("path"))
        .collect();
    assert_eq!(
        paths,
        [
            "code",
            "name",
            "phone",
            "preferred_time",
            "locale",
            "submission"
        ]
    );
    let mut unknown = request.clone();
    unknown["code"] = json!("0000-0000");
    unknown["submission"] = json!("atl-help-unknown-code-1");
    let (status, body) = call(&s.router, help(unknown)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["problems"][0]["code"], "help_unknown_code");
}
