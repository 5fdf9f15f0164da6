//! The order desk through the real router (`oneshot`) on a fresh SQLite file: every route without a session
//! goes to the sign-in page, every state change without the session's CSRF token is refused, wrong passwords
//! are rate-limited, the session cookie's attributes and a logout that ends the session on the server, markup
//! in personal text and contact details shown as text, the CSV of a filtered list (with the formula guard),
//! status moves recorded with who and when (and illegal ones refused), the order page's previews and spec,
//! bad filters as 400 pages, the contact retention purge, the Korean pages, and the dashboard.

mod common;

use atelier_shop::desk::password;
use atelier_shop::store::{NewOrder, NewSwatchRequest, StoredHelpRequest};
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use common::{TestShop, send, shop};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::{Duration, SystemTime};
use tower::ServiceExt;

const USER: &str = "mina";
const PASSWORD: &str = "a long enough password";

/// A response's status, headers and body as text.
async fn fetch(router: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let resp = router.clone().oneshot(req).await.expect("infallible");
    let (status, headers) = (resp.status(), resp.headers().clone());
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn get_as(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::get(uri);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::empty()).expect("request")
}

fn post_form(uri: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Request<Body> {
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let mut req =
        Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body)).expect("request")
}

/// The same request as if it came from `addr` (the rate limits key on the peer address).
fn from(addr: &str, mut req: Request<Body>) -> Request<Body> {
    let addr: SocketAddr = format!("{addr}:40000").parse().expect("addr");
    req.extensions_mut().insert(ConnectInfo(addr));
    req
}

/// The value of the first `name="csrf"` field in a page.
fn csrf_in(html: &str) -> String {
    let at =
        html.find("name=\"csrf\" value=\"").expect("a csrf field") + "name=\"csrf\" value=\"".len();
    html[at..].split('"').next().expect("value").to_owned()
}

/// `name=value` of the `Set-Cookie` for `name`, and the whole header.
fn set_cookie(headers: &HeaderMap, name: &str) -> Option<(String, String)> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| {
            (
                v.split(';').next().unwrap_or_default().to_owned(),
                v.to_owned(),
            )
        })
}

async fn add_user(s: &TestShop, name: &str, pw: &str) {
    let phc = password::hash(pw).expect("hash");
    s.state
        .store
        .put_desk_user(name, &phc, 0)
        .await
        .expect("user stored");
}

/// Signs in through the form (`from` as the client address): the status, headers and the session cookie.
async fn sign_in(
    router: &Router,
    addr: &str,
    name: &str,
    pw: &str,
) -> (StatusCode, HeaderMap, Option<String>) {
    let (status, headers, page) = fetch(router, from(addr, get_as("/desk/login", None))).await;
    assert_eq!(status, StatusCode::OK);
    let (login_cookie, _) = set_cookie(&headers, "atelier_desk_login").expect("login cookie");
    let form = [
        ("csrf", csrf_in(&page)),
        ("name", name.into()),
        ("password", pw.into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let req = from(addr, post_form("/desk/login", Some(&login_cookie), &form));
    let (status, headers, _) = fetch(router, req).await;
    let session = set_cookie(&headers, "atelier_desk").map(|(pair, _)| pair);
    (status, headers, session)
}

/// A signed-in user's session cookie and the CSRF token of its pages.
async fn signed_in(s: &TestShop) -> (String, String) {
    add_user(s, USER, PASSWORD).await;
    let (status, _, cookie) = sign_in(&s.router, "10.9.9.9", USER, PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let cookie = cookie.expect("session cookie");
    let (status, _, page) = fetch(&s.router, get_as("/desk/orders", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    (cookie.clone(), csrf_in(&page))
}

/// Places a real order through the API (checked, proofs verified) with `edit` applied; its number.
async fn place(s: &TestShop, edit: impl FnOnce(&mut atelier_core::Design)) -> String {
    let req = Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            serde_json::to_string(&common::order(edit)).expect("json"),
        ))
        .expect("request");
    let (status, _, body) = send(&s.router, req).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().expect("id").to_owned()
}

/// Stores an order row directly (back-dated, any product): for lists, filters and exports.
async fn store_order(s: &TestShop, id: &str, product: &str, created_at: &str, amount: i64) {
    let new = NewOrder {
        id: id.into(),
        submission: None,
        product: product.into(),
        request: "{}".into(),
        amount,
        currency: "KRW".into(),
        breakdown: "{}".into(),
        created_at: created_at.into(),
        spec: "{}".into(),
    };
    s.state.store.insert(&new).await.expect("stored");
}

#[tokio::test]
async fn every_desk_route_without_a_session_goes_to_sign_in() {
    let s = shop().await;
    add_user(&s, USER, PASSWORD).await;
    let (_, _, cookie) = sign_in(&s.router, "10.0.0.1", USER, PASSWORD).await;
    let live = cookie.expect("session");
    // A session that was ended: logged out on the server.
    let (_, _, ended) = sign_in(&s.router, "10.0.0.1", USER, PASSWORD).await;
    let ended = ended.expect("session");
    let (_, _, page) = fetch(&s.router, get_as("/desk", Some(&ended))).await;
    let (status, _, _) = fetch(
        &s.router,
        post_form("/desk/logout", Some(&ended), &[("csrf", &csrf_in(&page))]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let routes = [
        ("GET", "/desk"),
        ("GET", "/desk/"),
        ("GET", "/desk/orders"),
        ("GET", "/desk/orders?status=bogus"),
        ("GET", "/desk/orders.csv"),
        ("GET", "/desk/orders/ATL-0000-0000"),
        ("GET", "/desk/orders/ATL-0000-0000.json"),
        ("GET", "/desk/orders/ATL-0000-0000/preview/side.png"),
        ("GET", "/desk/swatch-requests"),
        ("GET", "/desk/help-requests"),
        ("GET", "/desk/designs"),
        ("GET", "/desk/dashboard"),
        ("POST", "/desk/logout"),
        ("POST", "/desk/orders/ATL-0000-0000/status"),
    ];
    // A session past its expiry.
    let expired_token = "ab".repeat(32);
    let hash = atelier_shop::desk::session::token_sha256(&expired_token);
    let now = now_ms();
    s.state
        .store
        .insert_desk_session(&hash, USER, now - 10_000, now - 1)
        .await
        .expect("db");
    let expired = format!("atelier_desk={expired_token}");
    for cookie in [
        None,
        Some("atelier_desk=0123abcd"),
        Some(ended.as_str()),
        Some(expired.as_str()),
    ] {
        for (method, uri) in routes {
            let req = match method {
                "GET" => get_as(uri, cookie),
                _ => post_form(
                    uri,
                    cookie,
                    &[("csrf", "x"), ("from", "received"), ("to", "approved")],
                ),
            };
            let (status, headers, body) = fetch(&s.router, req).await;
            assert_eq!(
                status,
                StatusCode::SEE_OTHER,
                "{method} {uri} with {cookie:?}: {body}"
            );
            assert_eq!(headers[header::LOCATION], "/desk/login", "{method} {uri}");
        }
    }
    // The live session still opens them; the sign-in page and the style sheet need none.
    let (status, _, _) = fetch(&s.router, get_as("/desk/orders", Some(&live))).await;
    assert_eq!(status, StatusCode::OK);
    for uri in ["/desk/login", "/desk/desk.css"] {
        let (status, _, _) = fetch(&s.router, get_as(uri, None)).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn every_state_change_without_the_sessions_csrf_token_is_refused() {
    let s = shop().await;
    let (cookie, token) = signed_in(&s).await;
    let order = "ATL-TEST-0001";
    store_order(&s, order, "runner-one", "2026-05-01T09:00:00.000Z", 1000).await;
    // Another session's token is not this session's.
    let (_, _, other) = sign_in(&s.router, "10.0.0.2", USER, PASSWORD).await;
    let other = other.expect("session");
    let (_, _, page) = fetch(&s.router, get_as("/desk", Some(&other))).await;
    let other_token = csrf_in(&page);
    assert_ne!(other_token, token);

    let status_uri = format!("/desk/orders/{order}/status");
    for bad in [
        None,
        Some(""),
        Some("00"),
        Some("not hex"),
        Some(other_token.as_str()),
    ] {
        for uri in ["/desk/logout", status_uri.as_str()] {
            let mut form = vec![("from", "received"), ("to", "approved")];
            if let Some(b) = bad {
                form.push(("csrf", b));
            }
            let (status, _, body) = fetch(&s.router, post_form(uri, Some(&cookie), &form)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{uri} with {bad:?}");
            assert!(body.contains("expired"), "{body}");
        }
    }
    // Nothing changed: the session lives, the order was not moved.
    let (status, _, _) = fetch(&s.router, get_as("/desk", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        s.state
            .store
            .status_history(order)
            .await
            .expect("db")
            .is_empty()
    );
    assert_eq!(
        s.state
            .store
            .order_status(order)
            .await
            .expect("db")
            .as_deref(),
        Some("received")
    );

    // Sign-in: without the form's cookie, or with a token that is not the cookie's.
    let (_, headers, page) = fetch(&s.router, get_as("/desk/login", None)).await;
    let (login_cookie, _) = set_cookie(&headers, "atelier_desk_login").expect("cookie");
    let good = csrf_in(&page);
    for (cookie, token) in [
        (None, good.as_str()),
        (Some(login_cookie.as_str()), "0000"),
        (Some(login_cookie.as_str()), ""),
        (Some("atelier_desk_login="), ""),
    ] {
        let form = [("csrf", token), ("name", USER), ("password", PASSWORD)];
        let (status, headers, _) = fetch(&s.router, post_form("/desk/login", cookie, &form)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{cookie:?} {token:?}");
        assert!(set_cookie(&headers, "atelier_desk").is_none());
    }
}

#[tokio::test]
async fn wrong_passwords_are_rate_limited_per_address_and_per_name() {
    let s = shop().await;
    add_user(&s, USER, PASSWORD).await;
    add_user(&s, "joon", PASSWORD).await;
    // The default budget: 5 attempts a minute.
    for _ in 0..5 {
        let (status, _, cookie) = sign_in(&s.router, "10.1.1.1", USER, "wrong password!").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(cookie.is_none());
    }
    let (status, headers, cookie) = sign_in(&s.router, "10.1.1.1", USER, "wrong password!").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(cookie.is_none());
    let retry: u64 = headers[header::RETRY_AFTER]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    // Over budget, even the right password waits: from this address for any name…
    let (status, _, _) = sign_in(&s.router, "10.1.1.1", "joon", PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // …and for this name from any address.
    let (status, _, _) = sign_in(&s.router, "10.2.2.2", USER, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another name from another address is unaffected.
    let (status, _, cookie) = sign_in(&s.router, "10.3.3.3", "joon", PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(cookie.is_some());
}

#[tokio::test]
async fn signing_in_sets_a_strict_cookie_and_logout_ends_the_session_on_the_server() {
    let s = shop().await;
    add_user(&s, USER, PASSWORD).await;
    // An unknown name is answered as a wrong password is.
    let (status, _, cookie) = sign_in(&s.router, "10.4.0.1", "nobody", PASSWORD).await;
    assert_eq!((status, cookie), (StatusCode::UNAUTHORIZED, None));

    let (status, headers, cookie) = sign_in(&s.router, "10.4.0.2", USER, PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/desk/orders");
    let (_, attributes) = set_cookie(&headers, "atelier_desk").expect("session cookie");
    for part in ["HttpOnly", "SameSite=Strict", "Path=/desk"] {
        assert!(
            attributes.split("; ").any(|a| a == part),
            "{part} in {attributes}"
        );
    }
    assert!(!attributes.contains("Secure"), "plain HTTP: {attributes}");
    let cookie = cookie.expect("session");
    let (status, _, page) = fetch(&s.router, get_as("/desk", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(USER), "the page names who is signed in");

    // Behind TLS (a proxy says so) the cookie is Secure.
    let (_, login_headers, login_page) = fetch(&s.router, get_as("/desk/login", None)).await;
    let (login_cookie, _) = set_cookie(&login_headers, "atelier_desk_login").expect("cookie");
    let form = [
        ("csrf", csrf_in(&login_page)),
        ("name", USER.into()),
        ("password", PASSWORD.into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut req = from(
        "10.4.0.3",
        post_form("/desk/login", Some(&login_cookie), &form),
    );
    req.headers_mut()
        .insert("x-forwarded-proto", "https".parse().expect("value"));
    let (_, headers, _) = fetch(&s.router, req).await;
    let (_, attributes) = set_cookie(&headers, "atelier_desk").expect("session cookie");
    assert!(attributes.ends_with("; Secure"), "{attributes}");

    // Logout ends the session in the database: the same cookie, sent again, signs no one in.
    let form = [("csrf", csrf_in(&page))];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, headers, _) =
        fetch(&s.router, post_form("/desk/logout", Some(&cookie), &form)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/desk/login");
    let (_, cleared) = set_cookie(&headers, "atelier_desk").expect("cleared cookie");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let (status, headers, _) = fetch(&s.router, get_as("/desk", Some(&cookie))).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/desk/login");
}

#[tokio::test]
async fn markup_in_personal_text_and_contact_details_is_shown_as_text() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    // The heel ID allows `&` (and no `<`): it must come out as the text `&`, escaped in the markup.
    let id = place(&s, |d| {
        d.text.insert("heel-id".into(), "R&B 07".into());
    })
    .await;
    let (status, _, page) = fetch(
        &s.router,
        get_as(&format!("/desk/orders/{id}"), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("R&amp;B 07"), "{page}");
    assert!(!page.contains("R&B 07"), "unescaped text in {page}");

    // Contact details allow `<`: a name written as markup shows as text on the desk.
    let hostile = "<script>alert(1)</script>";
    let contact = json!({"name": hostile, "email": "a@example.com", "phone": null,
        "address": {"line1": "<b>1</b> Main St", "line2": null, "city": "Seoul", "postal_code": "04524", "country": "KR"}});
    let new = NewSwatchRequest {
        id: "SWR-TEST-0001".into(),
        submission: "desk-test-swatch-0000001".into(),
        product: "bespoke-set".into(),
        colors: "[\"mint\"]".into(),
        contact: contact.to_string(),
        locale: "en".into(),
        created_at: atelier_shop::spec::timestamp(SystemTime::now()),
    };
    s.state
        .store
        .insert_swatch_request(&new)
        .await
        .expect("stored");
    s.state
        .store
        .insert_help_request(&help("HLP-TEST-0001", hostile, SystemTime::now()))
        .await
        .expect("stored");
    for uri in ["/desk/swatch-requests", "/desk/help-requests"] {
        let (status, headers, page) = fetch(&s.router, get_as(uri, Some(&cookie))).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{uri}: {page}"
        );
        assert!(!page.contains("<script"), "{uri}: {page}");
        assert_eq!(
            headers[header::CONTENT_SECURITY_POLICY],
            atelier_shop::security::DESK_CONTENT_SECURITY_POLICY,
            "the desk's own policy: no script, never framed"
        );
    }
    let (_, _, page) = fetch(&s.router, get_as("/desk/swatch-requests", Some(&cookie))).await;
    assert!(page.contains("&lt;b&gt;1&lt;/b&gt; Main St"), "{page}");
    assert!(
        page.contains("<td>Mint</td>"),
        "colors by their catalog names: {page}"
    );
    let (_, _, page) = fetch(&s.router, get_as("/desk/help-requests", Some(&cookie))).await;
    assert!(
        page.contains("<td>morning</td>") && page.contains("+82 10-1234-5678"),
        "{page}"
    );
}

/// A help request row created at `at`.
fn help(id: &str, name: &str, at: SystemTime) -> StoredHelpRequest {
    StoredHelpRequest {
        id: id.into(),
        submission: format!("desk-test-{id}-submission"),
        code: "K7QM-2XR8".into(),
        name: name.into(),
        phone: "+82 10-1234-5678".into(),
        preferred_time: "morning".into(),
        locale: "ko".into(),
        status: "received".into(),
        created_at: atelier_shop::spec::timestamp(at),
    }
}

/// The CSV export at `uri`: its header checked, its rows.
async fn csv_rows(router: &Router, cookie: &str, uri: &str) -> Vec<Vec<String>> {
    let (status, headers, body) = fetch(router, get_as(uri, Some(cookie))).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "order",
            "created_at",
            "product",
            "amount",
            "currency",
            "status"
        ]
    );
    reader
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect()
}

#[tokio::test]
async fn the_csv_is_the_filtered_list_with_formula_cells_guarded() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    store_order(
        &s,
        "ATL-AAAA-0001",
        "runner-one",
        "2026-05-01T09:00:00.000Z",
        139_000,
    )
    .await;
    store_order(
        &s,
        "ATL-AAAA-0002",
        "runner-one",
        "2026-05-02T23:59:59.999Z",
        149_000,
    )
    .await;
    store_order(
        &s,
        "ATL-AAAA-0003",
        "bespoke-set",
        "2026-05-02T10:00:00.000Z",
        2_000_000,
    )
    .await;
    store_order(
        &s,
        "ATL-AAAA-0004",
        "runner-one",
        "2026-05-03T00:00:00.000Z",
        159_000,
    )
    .await;
    // A hostile value in a cell (no real product is named so, but the export must not trust that).
    store_order(
        &s,
        "ATL-AAAA-0005",
        "=HYPERLINK(\"http://x\")",
        "2026-04-01T00:00:00.000Z",
        1,
    )
    .await;
    s.state
        .store
        .move_order_status("ATL-AAAA-0002", "received", "approved", USER, 1)
        .await
        .expect("db");

    let rows = csv_rows(&s.router, &cookie, "/desk/orders.csv?status=approved").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "ATL-AAAA-0002");
    let rows = csv_rows(&s.router, &cookie, "/desk/orders.csv").await;
    assert_eq!(rows.len(), 5);
    let hostile = rows.iter().find(|r| r[0] == "ATL-AAAA-0005").expect("row");
    assert_eq!(hostile[2], "'=HYPERLINK(\"http://x\")");
    // The page shows the same filtered list.
    let (_, _, page) = fetch(
        &s.router,
        get_as("/desk/orders?product=bespoke-set", Some(&cookie)),
    )
    .await;
    assert!(
        page.contains("ATL-AAAA-0003") && !page.contains("ATL-AAAA-0001"),
        "{page}"
    );
    // A bad filter is a 400 for the export too.
    let (status, _, _) = fetch(
        &s.router,
        get_as("/desk/orders.csv?status=lost", Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_bad_filter_is_a_400_page_naming_every_problem() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    for (query, says) in [
        ("status=lost", vec!["“lost” is not a status"]),
        (
            "from=2026-02-30&page=0",
            vec!["“2026-02-30” is not a date", "“0” is not a page number"],
        ),
        (
            "from=2026-03-02&to=2026-03-01",
            vec!["The first day comes after the last"],
        ),
        ("stauts=shipped", vec!["“stauts” is not a filter"]),
        ("product=%3Cb%3E", vec!["“&lt;b&gt;” is not a product id"]),
    ] {
        let (status, _, page) = fetch(
            &s.router,
            get_as(&format!("/desk/orders?{query}"), Some(&cookie)),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        for s in says {
            assert!(page.contains(s), "{query}: {s} in {page}");
        }
    }
    let (status, _, _) = fetch(
        &s.router,
        get_as("/desk/swatch-requests?page=x", Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = fetch(
        &s.router,
        get_as("/desk/orders/ATL-0000-0000", Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Moves order `id` through the form: the status and the page.
async fn move_to(
    s: &TestShop,
    cookie: &str,
    token: &str,
    id: &str,
    from: &str,
    to: &str,
) -> (StatusCode, String) {
    let form = [("csrf", token), ("from", from), ("to", to)];
    let (status, _, body) = fetch(
        &s.router,
        post_form(&format!("/desk/orders/{id}/status"), Some(cookie), &form),
    )
    .await;
    (status, body)
}

#[tokio::test]
async fn status_moves_are_recorded_with_who_and_when_and_illegal_ones_refused() {
    let s = shop().await;
    let (cookie, token) = signed_in(&s).await;
    let id = place(&s, |_| {}).await;
    let before = now_ms();
    assert_eq!(
        move_to(&s, &cookie, &token, &id, "received", "approved")
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    // Not in the table: approved → shipped skips production; received → received is no move.
    let (status, page) = move_to(&s, &cookie, &token, &id, "approved", "shipped").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        page.contains("An order that is approved cannot become shipped"),
        "{page}"
    );
    // A page that still shows "received" cannot move the order on from there.
    let (status, page) = move_to(&s, &cookie, &token, &id, "received", "cancelled").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        page.contains("Someone changed this order meanwhile"),
        "{page}"
    );
    let (status, _) = move_to(&s, &cookie, &token, &id, "approved", "done").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        move_to(&s, &cookie, &token, &id, "approved", "in_production")
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        move_to(&s, &cookie, &token, &id, "in_production", "shipped")
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    // Shipped is final: not even cancelled.
    let (status, _) = move_to(&s, &cookie, &token, &id, "shipped", "cancelled").await;
    assert_eq!(status, StatusCode::CONFLICT);
    let after = now_ms();

    let history = s.state.store.status_history(&id).await.expect("db");
    let moves: Vec<(&str, &str, &str)> = history
        .iter()
        .map(|m| {
            (
                m.from_status.as_str(),
                m.to_status.as_str(),
                m.user_name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        moves,
        [
            ("received", "approved", USER),
            ("approved", "in_production", USER),
            ("in_production", "shipped", USER)
        ]
    );
    assert!(
        history
            .iter()
            .all(|m| (before..=after).contains(&m.moved_at))
    );
    assert!(history.windows(2).all(|w| w[0].moved_at <= w[1].moved_at));
    let (_, _, page) = fetch(
        &s.router,
        get_as(&format!("/desk/orders/{id}"), Some(&cookie)),
    )
    .await;
    assert_eq!(page.matches(&format!("by {USER}")).count(), 3, "{page}");
    assert!(
        !page.contains("/status\""),
        "a shipped order offers no moves: {page}"
    );
    // Cancelling from before shipping is allowed.
    let other = "ATL-TEST-0002";
    store_order(&s, other, "runner-one", "2026-05-01T09:00:00.000Z", 1).await;
    assert_eq!(
        move_to(&s, &cookie, &token, other, "received", "cancelled")
            .await
            .0,
        StatusCode::SEE_OTHER
    );
}

fn now_ms() -> i64 {
    atelier_shop::desk::session::now_ms()
}

#[tokio::test]
async fn the_order_page_shows_previews_design_price_and_the_spec_as_stored() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    let id = place(&s, |_| {}).await;
    let (status, _, page) = fetch(
        &s.router,
        get_as(&format!("/desk/orders/{id}"), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    for want in [
        format!("/desk/orders/{id}/preview/side.png?scale=1"),
        format!("/desk/orders/{id}/preview/top.png?scale=1"),
        format!("/desk/orders/{id}.json"),
        "Toe box".to_owned(),
        "₩".to_owned(),
        "Mark as approved".to_owned(),
        "Mark as cancelled".to_owned(),
    ] {
        assert!(page.contains(&want), "{want} in {page}");
    }
    assert!(
        !page.contains("<script") && !page.contains("<style"),
        "no inline script or style sheet"
    );
    let (status, headers, png) = {
        let resp = s
            .router
            .clone()
            .oneshot(get_as(
                &format!("/desk/orders/{id}/preview/side.png?scale=1"),
                Some(&cookie),
            ))
            .await
            .expect("infallible");
        let (status, headers) = (resp.status(), resp.headers().clone());
        (
            status,
            headers,
            resp.into_body().collect().await.expect("body").to_bytes(),
        )
    };
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/png");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let (status, _, _) = fetch(
        &s.router,
        get_as(
            &format!("/desk/orders/{id}/preview/back.png?scale=1"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = fetch(
        &s.router,
        get_as(
            &format!("/desk/orders/{id}/preview/side.png?scale=9"),
            Some(&cookie),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, headers, spec) = fetch(
        &s.router,
        get_as(&format!("/desk/orders/{id}.json"), Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    let stored = s.state.store.get(&id).await.expect("db").expect("order");
    assert_eq!(
        Some(spec.as_str()),
        stored.spec.as_deref(),
        "the spec byte for byte"
    );
    let spec: Value = serde_json::from_str(&spec).expect("json");
    assert_eq!(spec["order"], id.as_str());
}

#[tokio::test]
async fn contact_details_are_erased_after_the_retention_period() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    let now = SystemTime::now();
    let days = |n: u64| now - Duration::from_secs(86_400 * n);
    let swatch = |id: &str, at: SystemTime| NewSwatchRequest {
        id: id.into(),
        submission: format!("desk-test-{id}-submission"),
        product: "bespoke-set".into(),
        colors: "[\"mint\"]".into(),
        contact: json!({"name": format!("name of {id}"), "email": "a@example.com"}).to_string(),
        locale: "ko".into(),
        created_at: atelier_shop::spec::timestamp(at),
    };
    let store = &s.state.store;
    store
        .insert_swatch_request(&swatch("SWR-OLD0-0001", days(181)))
        .await
        .expect("db");
    store
        .insert_swatch_request(&swatch("SWR-NEW0-0001", days(179)))
        .await
        .expect("db");
    store
        .insert_help_request(&help("HLP-OLD0-0001", "Old Caller", days(200)))
        .await
        .expect("db");
    store
        .insert_help_request(&help("HLP-NEW0-0001", "New Caller", days(1)))
        .await
        .expect("db");

    let erased = atelier_shop::retention::purge(store, 180, now)
        .await
        .expect("purge");
    assert_eq!((erased.swatch_requests, erased.help_requests), (1, 1));
    let old = store
        .swatch_request("SWR-OLD0-0001")
        .await
        .expect("db")
        .expect("kept");
    assert_eq!(old.contact, "");
    assert_eq!(old.colors, "[\"mint\"]", "the request itself stays");
    let new = store
        .swatch_request("SWR-NEW0-0001")
        .await
        .expect("db")
        .expect("kept");
    assert!(new.contact.contains("name of SWR-NEW0-0001"));
    // Done once: a second run finds nothing more.
    let again = atelier_shop::retention::purge(store, 180, now)
        .await
        .expect("purge");
    assert_eq!((again.swatch_requests, again.help_requests), (0, 0));

    let (_, _, page) = fetch(&s.router, get_as("/desk/help-requests", Some(&cookie))).await;
    assert!(
        page.contains("New Caller") && !page.contains("Old Caller"),
        "{page}"
    );
    assert!(page.contains("erased after the retention period"), "{page}");
    assert!(
        page.contains("Contact details are erased 180 days after a request."),
        "{page}"
    );
    let (_, _, page) = fetch(&s.router, get_as("/desk/swatch-requests", Some(&cookie))).await;
    assert!(
        page.contains("name of SWR-NEW0-0001") && !page.contains("name of SWR-OLD0-0001"),
        "{page}"
    );
}

#[tokio::test]
async fn the_shop_erases_old_contacts_when_it_starts() {
    let s = shop().await;
    let old = SystemTime::now() - Duration::from_secs(86_400 * 400);
    s.state
        .store
        .insert_help_request(&help("HLP-OLD0-0002", "Old Caller", old))
        .await
        .expect("db");
    let task = atelier_shop::retention::spawn(s.state.store.clone(), 180);
    let mut erased = false;
    for _ in 0..100 {
        let rows = s.state.store.desk_help_requests(10, 0).await.expect("db");
        if rows.iter().all(|r| r.name.is_empty() && r.phone.is_empty()) {
            erased = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    task.abort();
    assert!(erased, "the first round runs at once");
}

#[tokio::test]
async fn the_order_list_pages_fifty_at_a_time_newest_first() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    for i in 0..51 {
        let at = format!("2026-05-01T09:{:02}:00.000Z", i);
        store_order(&s, &format!("ATL-PAGE-{i:04}"), "runner-one", &at, 1000).await;
    }
    let (status, _, first) = fetch(
        &s.router,
        get_as("/desk/orders?product=runner-one", Some(&cookie)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first.matches("href=\"/desk/orders/ATL-PAGE-").count(), 50);
    assert!(
        first.contains("ATL-PAGE-0050") && !first.contains("ATL-PAGE-0000\""),
        "newest first"
    );
    assert!(
        first.contains("href=\"/desk/orders?product=runner-one&amp;page=2\""),
        "{first}"
    );
    let (_, _, second) = fetch(
        &s.router,
        get_as("/desk/orders?product=runner-one&page=2", Some(&cookie)),
    )
    .await;
    assert_eq!(second.matches("href=\"/desk/orders/ATL-PAGE-").count(), 1);
    assert!(second.contains("ATL-PAGE-0000"));
    assert!(!second.contains("page=3"), "no page after the last");
}

#[tokio::test]
async fn desk_pages_speak_the_requests_language() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    let mut req = get_as("/desk/orders?status=lost", Some(&cookie));
    req.headers_mut().insert(
        header::ACCEPT_LANGUAGE,
        "ko-KR,ko;q=0.9".parse().expect("value"),
    );
    let (status, _, page) = fetch(&s.router, req).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("lang=\"ko\"") && page.contains("주문 상태가 아닙니다"),
        "{page}"
    );
    let mut req = get_as("/desk/login", None);
    req.headers_mut()
        .insert(header::ACCEPT_LANGUAGE, "ko".parse().expect("value"));
    let (_, _, page) = fetch(&s.router, req).await;
    assert!(page.contains("주문 데스크 로그인"), "{page}");
}

#[tokio::test]
async fn the_dashboard_draws_orders_per_day_and_options_chosen() {
    let s = shop().await;
    let (cookie, _) = signed_in(&s).await;
    place(&s, |_| {}).await;
    let (status, _, page) = fetch(&s.router, get_as("/desk/dashboard", Some(&cookie))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        page.matches("<svg").count(),
        3,
        "orders, revenue and one product's options: {page}"
    );
    assert!(page.contains("Runner One: options chosen"), "{page}");
    assert!(page.contains("Toe box: "), "option labels: {page}");
    assert!(!page.contains("<script"), "{page}");
}

/// `atelier-shop desk add-user NAME` with `stdin`, on the database at `url`: exit code, stdout, stderr.
fn add_user_cli(url: &str, name: &str, stdin: &str) -> (Option<i32>, String, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_atelier-shop"))
        .args(["desk", "add-user", name])
        .env_clear()
        .env("DATABASE_URL", url)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the shop binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("exits");
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    (out.status.code(), text(out.stdout), text(out.stderr))
}

#[tokio::test]
async fn the_add_user_command_reads_the_password_from_stdin_and_hashes_it() {
    let s = shop().await;
    let (code, out, err) = add_user_cli(&s.db.url, "mina", &format!("{PASSWORD}\n"));
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("desk user mina added"), "{out}");
    let phc = s
        .state
        .store
        .desk_password("mina")
        .await
        .expect("db")
        .expect("stored");
    assert!(
        phc.starts_with("$argon2id$") && !phc.contains(PASSWORD),
        "{phc}"
    );
    assert!(password::verify(Some(&phc), PASSWORD));
    let (status, _, cookie) = sign_in(&s.router, "10.5.0.1", "mina", PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let cookie = cookie.expect("session");

    // Again: the password is replaced and the old sessions end.
    let (code, out, _) = add_user_cli(&s.db.url, "mina", "another long password\r\n");
    assert_eq!(code, Some(0));
    assert!(out.contains("password replaced"), "{out}");
    let (status, _, _) = fetch(&s.router, get_as("/desk", Some(&cookie))).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the old session ended");
    let (status, _, _) = sign_in(&s.router, "10.5.0.2", "mina", "another long password").await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    for (name, stdin, says) in [
        ("joon", "short\n", "at least 10"),
        ("joon", "", "password is empty"),
        ("joon", "\n", "password is empty"),
        ("", "a long enough password\n", "user name is empty"),
        ("jo on", "a long enough password\n", "spaces"),
    ] {
        let (code, out, err) = add_user_cli(&s.db.url, name, stdin);
        assert_eq!(code, Some(2), "{name:?} {stdin:?}: {out}{err}");
        assert!(err.contains(says), "{says} in {err}");
    }
    assert!(
        s.state
            .store
            .desk_password("joon")
            .await
            .expect("db")
            .is_none()
    );
}

#[tokio::test]
async fn a_desk_address_asked_the_wrong_way_is_a_desk_page() {
    let s = shop().await;
    for (req, lang) in [
        (get_as("/desk/logout", None), "en"),
        (post_form("/desk/orders", None, &[]), "en"),
        (get_as("/desk/orders/ATL-0000-0000/status", None), "ko"),
    ] {
        let mut req = req;
        req.headers_mut().insert(
            header::ACCEPT_LANGUAGE,
            header::HeaderValue::from_static(if lang == "ko" { "ko" } else { "en" }),
        );
        let (status, headers, body) = fetch(&s.router, req).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        let kind = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        assert!(kind.is_some_and(|k| k.starts_with("text/html")), "{kind:?}");
        let said = if lang == "ko" {
            "이 주소는 그런 방식의 요청을 받지 않습니다."
        } else {
            "This address does not take that kind of request."
        };
        assert!(body.contains(said), "{body}");
    }
}
