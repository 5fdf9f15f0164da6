//! The OpenAPI document: served at `/api/openapi.json`, valid against the OpenAPI 3.1 schema, listing every
//! route the router serves (and no route it does not), and describing what the API really sends and accepts.

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::{call, get};
use serde_json::{Value, json};
use std::path::Path;

/// The test shop with a stand-in app in `dist/`, so the app's routes answer too.
async fn shop() -> (common::TestShop, Router) {
    common::shop_with_app(&[("index.html", "<!doctype html><title>app</title>")]).await
}

async fn served_document(router: &Router) -> Value {
    let (status, doc) = call(router, get("/api/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc.is_object(), "not JSON: {doc}");
    doc
}

/// Every (METHOD, path) the document lists.
fn operations(doc: &Value) -> Vec<(String, String)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if [
                "get", "put", "post", "delete", "patch", "head", "options", "trace",
            ]
            .contains(&method.as_str())
            {
                ops.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    ops.sort();
    ops
}

#[tokio::test]
async fn the_document_is_valid_openapi_3() {
    let (_s, router) = shop().await;
    let doc = served_document(&router).await;
    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "{}",
        doc["openapi"]
    );
    assert_eq!(
        doc,
        serde_json::to_value(atelier_shop::openapi::document()).expect("json"),
        "the shop serves the document `openapi::document()` builds"
    );
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/openapi-3.1.schema.json"),
        )
        .expect("schema file"),
    )
    .expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("the OpenAPI 3.1 schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The validator is not vacuous: a document with a broken operation fails.
    let mut broken = doc.clone();
    broken["paths"]["/api/products"]["get"]["responses"] = json!("none");
    assert!(!validator.is_valid(&broken));
}

/// The document lists exactly the routes the router serves. This direction checks each documented
/// operation against the router; `routes_are_registered_only_through_utoipa` checks the other.
#[tokio::test]
async fn every_documented_operation_is_served() {
    let (_s, router) = shop().await;
    let doc = served_document(&router).await;
    let ops = operations(&doc);
    let want: Vec<(String, String)> = [
        ("GET", "/"),
        ("GET", "/api/designs/{code}"),
        ("GET", "/api/designs/{code}/image.png"),
        ("GET", "/api/docs"),
        ("GET", "/api/docs.js"),
        ("GET", "/api/embed/origins"),
        ("GET", "/api/openapi.json"),
        ("GET", "/api/orders/{id}"),
        ("GET", "/api/orders/{id}/preview/{file}"),
        ("GET", "/api/products"),
        ("GET", "/api/products/{id}"),
        ("GET", "/api/products/{id}/stills/{file}"),
        ("GET", "/api/swatch-requests/{id}"),
        ("GET", "/d/{code}"),
        ("GET", "/static/{path}"),
        ("GET", "/{file}"),
        ("POST", "/api/designs"),
        ("POST", "/api/help-requests"),
        ("POST", "/api/orders"),
        ("POST", "/api/swatch-requests"),
    ]
    .iter()
    .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
    .collect();
    assert_eq!(ops, want);

    for (method, path) in ops {
        let uri = path
            .replace("/products/{id}", "/products/runner-one")
            .replace("/orders/{id}", "/orders/ATL-0000-0000")
            .replace("/swatch-requests/{id}", "/swatch-requests/SWR-0000-0000")
            .replace("{path}", "catalogs/runner-one.json")
            .replace("{file}", "index.html");
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let (status, body) = call(
            &router,
            Request::builder()
                .method(method.clone())
                .uri(&uri)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        // A route that answers is served: any status but a routing miss (the API's `not_found`, or a file
        // service's 404) or a 405.
        let missed = status == StatusCode::METHOD_NOT_ALLOWED
            || (status == StatusCode::NOT_FOUND
                && (!uri.starts_with("/api/") || body["error"]["code"] == "not_found"));
        assert!(
            !missed,
            "{method} {path} (as {uri}) is documented but not served: {status} {body}"
        );
    }
}

/// The order desk is HTML for the staff behind a session, not part of the API: the document names none of it.
#[tokio::test]
async fn the_order_desk_is_not_in_the_document() {
    let (_s, router) = shop().await;
    let doc = served_document(&router).await;
    let ops = operations(&doc);
    assert!(!ops.is_empty());
    assert!(
        ops.iter().all(|(_, path)| !path.starts_with("/desk")),
        "{ops:?}"
    );
}

/// The router's side: a handler registered with `routes!` is documented by construction, so the only way to
/// serve an undocumented route is to register it some other way. This reads the shop's source and allows
/// exactly the registrations that are not handlers, each documented in `openapi.rs`.
#[test]
fn routes_are_registered_only_through_utoipa() {
    // (file, registration without whitespace, the documented path it serves)
    let allowed = [
        ("lib.rs", ".nest(\"/api\",api)", "/api/..."),
        ("lib.rs", ".route(\"/\",get(page::index))", "/"),
        (
            "lib.rs",
            ".route(\"/index.html\",get(page::index))",
            "/{file}",
        ),
        (
            "lib.rs",
            ".route(\"/d/{code}\",get(page::shared_design::page))",
            "/d/{code}",
        ),
        ("lib.rs", ".merge(page)", "/ and /{file}"),
        (
            "lib.rs",
            ".nest_service(\"/static\",ServeDir::new(&dirs.static_dir))",
            "/static/{path}",
        ),
        (
            "lib.rs",
            ".fallback_service(ServeDir::new(&dirs.app_dir))",
            "/ and /{file}",
        ),
        (
            "routes/mod.rs",
            ".fallback(||async{ApiError::NotFound})",
            "(the API's JSON 404)",
        ),
        (
            "openapi.rs",
            ".nest(\"/api\",api)",
            "(the document's `/api` prefix, not a route)",
        ),
        // The order desk is HTML for the staff, not the API: deliberately left out of the document (a test
        // below checks it is), its routes plain `.route("/desk…")`s in one file.
        ("lib.rs", ".merge(desk)", "(the order desk, not documented)"),
        (
            "desk.rs",
            ".route(\"/desk",
            "(the order desk, not documented)",
        ),
    ];
    let registrations = [
        ".route(",
        ".route_service(",
        ".nest(",
        ".nest_service(",
        ".merge(",
        ".fallback(",
        ".fallback_service(",
    ];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            // Code only: comments dropped (a doc line may name `.route(...)`), then whitespace, so a
            // registration rustfmt splits over lines still reads as one.
            let text: String = std::fs::read_to_string(&path)
                .expect("source")
                .lines()
                .map(|l| l.split("//").next().unwrap_or_default())
                .flat_map(str::chars)
                .filter(|c| !c.is_whitespace())
                .collect();
            let file = path
                .strip_prefix(&src)
                .expect("below src")
                .to_string_lossy()
                .replace('\\', "/");
            for reg in registrations {
                for (at, _) in text.match_indices(reg) {
                    let ok = allowed
                        .iter()
                        .any(|(f, call, _)| *f == file && text[at..].starts_with(call));
                    if !ok {
                        let end = text[at..]
                            .char_indices()
                            .nth(60)
                            .map_or(text.len(), |(i, _)| at + i);
                        found.push(format!("{file}: {}", &text[at..end]));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "routes registered without documentation (use `.routes(routes!(handler))` with `#[utoipa::path]`, \
         or document the service in openapi.rs and allow it here): {found:#?}"
    );
}

/// Validates `instance` against the schema the document gives for `pointer` (a JSON pointer into the
/// document, to a `schema` object), with the document's components in scope.
fn check(doc: &Value, pointer: &str, instance: &Value) {
    let schema = doc
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no schema at {pointer}"));
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    let validator = jsonschema::validator_for(&root).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{pointer}: {errors:#?}\n{instance}");
}

fn pointer(path: &str, method: &str, status: &str) -> String {
    format!(
        "/paths/{}/{method}/responses/{status}/content/application~1json/schema",
        path.replace('~', "~0").replace('/', "~1")
    )
}

/// The schemas describe what the shop really sends and accepts (they are written by hand for the core's
/// types, so this is what keeps them honest).
#[tokio::test]
async fn real_requests_and_responses_match_their_schemas() {
    let (_s, router) = shop().await;
    let doc = served_document(&router).await;

    let (_, products) = call(&router, get("/api/products")).await;
    check(&doc, &pointer("/api/products", "get", "200"), &products);
    let (_, missing) = call(&router, get("/api/products/nope")).await;
    check(&doc, &pointer("/api/products/{id}", "get", "404"), &missing);

    let mut request = common::order(|d| {
        let toe = d.zones.get_mut(&"toe".into()).expect("toe");
        toe.material = "suede".into();
        toe.color = "navy".into();
    });
    request.submission = Some("b6f1c2d4-1111-4a2b-9c3d-000000000001".into());
    let request = serde_json::to_value(&request).expect("json");
    check(
        &doc,
        "/paths/~1api~1orders/post/requestBody/content/application~1json/schema",
        &request,
    );
    let post = |body: String| {
        Request::post("/api/orders")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .expect("request")
    };
    let (status, created) = call(&router, post(request.to_string())).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert!(
        created["breakdown"]["lines"]
            .as_array()
            .is_some_and(|l| !l.is_empty()),
        "{created}"
    );
    check(&doc, &pointer("/api/orders", "post", "201"), &created);
    let id = created["id"].as_str().expect("id");
    let (_, stored) = call(&router, get(&format!("/api/orders/{id}"))).await;
    check(&doc, &pointer("/api/orders/{id}", "get", "200"), &stored);
    let preview = "/api/orders/{id}/preview/{file}";
    for (uri, status) in [
        (format!("/api/orders/{id}/preview/side.png?scale=9"), "400"),
        (format!("/api/orders/{id}/preview/back.png?scale=1"), "404"),
        (
            "/api/orders/ATL-7K3M-9QX2/preview/side.png".to_owned(),
            "404",
        ),
    ] {
        let (got, body) = call(&router, get(&uri)).await;
        assert_eq!(got.as_str(), status, "{uri}: {body}");
        check(&doc, &pointer(preview, "get", status), &body);
    }

    let mut wrong = request.clone();
    wrong["submission"] = Value::Null;
    wrong["design"]["size"] = json!("999");
    let (status, refused) = call(&router, post(wrong.to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    check(&doc, &pointer("/api/orders", "post", "422"), &refused);

    // And the request schema refuses what the shop refuses for its shape (unknown fields).
    let mut extra = request.clone();
    extra["coupon"] = json!("FREE");
    let schema = doc
        .pointer("/paths/~1api~1orders/post/requestBody/content/application~1json/schema")
        .expect("schema");
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    assert!(!jsonschema::is_valid(&root, &extra));
}

/// The same for swatch requests, whose schemas are derived from the shop's own types; and the documented
/// answer has no contact details to leak (no `contact` property, no extra properties allowed in practice).
#[tokio::test]
async fn swatch_requests_match_their_schemas() {
    let (_s, router) = shop().await;
    let doc = served_document(&router).await;
    let request = json!({
        "format": 1, "product": "bespoke-set", "colors": ["mint", "glam-navy"],
        "contact": {"name": "김하늘", "email": "haneul@example.com", "phone": null,
            "address": {"line1": "세종대로 110", "city": "서울", "postal_code": "04524", "country": "KR"}},
        "locale": "ko", "submission": "b6f1c2d4-1111-4a2b-9c3d-000000000009"
    });
    let body_pointer =
        "/paths/~1api~1swatch-requests/post/requestBody/content/application~1json/schema";
    check(&doc, body_pointer, &request);
    let post = |body: String| {
        Request::post("/api/swatch-requests")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .expect("request")
    };
    let (status, created) = call(&router, post(request.to_string())).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    check(
        &doc,
        &pointer("/api/swatch-requests", "post", "201"),
        &created,
    );
    let id = created["id"].as_str().expect("id");
    let (_, stored) = call(&router, get(&format!("/api/swatch-requests/{id}"))).await;
    check(
        &doc,
        &pointer("/api/swatch-requests/{id}", "get", "200"),
        &stored,
    );
    let (_, missing) = call(&router, get("/api/swatch-requests/SWR-0000-0000")).await;
    check(
        &doc,
        &pointer("/api/swatch-requests/{id}", "get", "404"),
        &missing,
    );

    let mut wrong = request.clone();
    wrong["submission"] = json!("b6f1c2d4-1111-4a2b-9c3d-00000000000a");
    wrong["colors"] = json!([]);
    let (status, refused) = call(&router, post(wrong.to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    check(
        &doc,
        &pointer("/api/swatch-requests", "post", "422"),
        &refused,
    );

    let mut root = doc.pointer(body_pointer).expect("schema").clone();
    root["components"] = doc["components"].clone();
    let mut extra = request.clone();
    extra["contact"]["address"]["state"] = json!("Seoul");
    assert!(
        !jsonschema::is_valid(&root, &extra),
        "unknown fields are refused"
    );

    let record = &doc["components"]["schemas"]["SwatchRequestRecord"]["properties"];
    assert!(
        record.is_object() && record.get("contact").is_none(),
        "{record}"
    );
}

#[tokio::test]
async fn the_docs_page_loads_its_script_from_the_shop() {
    let (_s, router) = shop().await;
    let (status, page) = call(&router, get("/api/docs")).await;
    assert_eq!(status, StatusCode::OK);
    let page = page.as_str().expect("html");
    assert!(page.contains("<script src=\"docs.js\""), "{page}");
    assert!(
        !page.contains("<script>") && !page.contains("http"),
        "no inline or remote script: {page}"
    );
    let (status, script) = call(&router, get("/api/docs.js")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        script
            .as_str()
            .is_some_and(|s| s.contains("openapi.json") && !s.contains("innerHTML"))
    );
}
