//! The real thing: the shop on a loopback port, an order over HTTP, stored in a SQLite file that outlives the
//! shop (a restarted shop still returns the order).

mod common;

use common::{order, shop, shop_at};
use serde_json::Value;
use std::net::SocketAddr;

/// Serves `router` on a loopback port as `main` does (with each connection's peer address, which the rate
/// limits key on); the address and the server's task.
async fn serve(
    router: &axum::Router,
) -> (SocketAddr, tokio::task::JoinHandle<std::io::Result<()>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let service = router
        .clone()
        .into_make_service_with_connect_info::<SocketAddr>();
    (
        addr,
        tokio::spawn(async move { axum::serve(listener, service).await }),
    )
}

#[tokio::test]
async fn submits_over_http_into_a_database_that_survives_a_restart() {
    let s = shop().await;
    let (addr, server) = serve(&s.router).await;

    let client = reqwest::Client::new();
    let req = order(|_| {});
    let resp = client
        .post(format!("http://{addr}/api/orders"))
        .json(&req)
        .send()
        .await
        .expect("POST");
    assert_eq!(resp.status(), 201);
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body: Value = resp.json().await.expect("json");
    let id = body["id"].as_str().expect("id").to_owned();
    assert_eq!(
        location.as_deref(),
        Some(format!("/api/orders/{id}").as_str())
    );
    server.abort();

    // The database holds it (on SQLite, the file on disk); a new shop on the same database serves it.
    if s.db.is_sqlite() {
        let db_file = s.dir.path().join("shop.db");
        assert!(
            db_file.metadata().map(|m| m.len() > 0).unwrap_or(false),
            "SQLite file exists"
        );
    }
    let again = shop_at(s.dir, s.db).await;
    let stored = again
        .state
        .store
        .get(&id)
        .await
        .expect("query")
        .expect("order is stored");
    assert_eq!(stored.amount, req.price.amount);
    assert_eq!(stored.currency, "KRW");
    let request: Value = serde_json::from_str(&stored.request).expect("stored request is JSON");
    assert_eq!(request["design"]["product"], "runner-one");
}

/// 100 submissions of one order at once over real HTTP, named by the standard `Idempotency-Key` header (no
/// `submission` in the body), into a SQLite file: one order stored, every answer names it (201 once, 200 for
/// the rest), none is a 5xx.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_parallel_submissions_with_one_idempotency_key_make_one_order() {
    let s = shop().await;
    let (addr, server) = serve(&s.router).await;

    let mut req = order(|_| {});
    req.submission = None;
    let client = reqwest::Client::new();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..100 {
        let (client, req) = (client.clone(), req.clone());
        tasks.spawn(async move {
            let resp = client
                .post(format!("http://{addr}/api/orders"))
                .header(
                    "Idempotency-Key",
                    "\"5f0c2a4e-9d1b-4c3a-8e7f-000000000100\"",
                )
                .json(&req)
                .send()
                .await
                .expect("POST");
            let status = resp.status().as_u16();
            let body: Value = resp.json().await.expect("json");
            (status, body)
        });
    }
    let mut statuses = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    while let Some(answer) = tasks.join_next().await {
        let (status, body) = answer.expect("task");
        assert!(status < 500, "{status}: {body}");
        if status == 409 {
            assert_eq!(body["error"]["code"], "submission_conflict", "{body}");
        } else {
            ids.insert(body["id"].as_str().expect("an order id").to_owned());
        }
        statuses.push(status);
    }
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(ids.len(), 1, "{ids:?}");
    let deliveries = s.state.store.deliveries().await.expect("deliveries");
    assert_eq!(deliveries.len(), 1, "one order, one delivery");
    let stored = s
        .state
        .store
        .get(ids.first().expect("an id"))
        .await
        .expect("query")
        .expect("stored");
    let request: Value = serde_json::from_str(&stored.request).expect("JSON");
    assert_eq!(
        request["submission"].as_str(),
        None,
        "the body is stored as sent"
    );

    // The header must be a submission id, and must agree with the body.
    let bad = client
        .post(format!("http://{addr}/api/orders"))
        .header("Idempotency-Key", "nope")
        .json(&req)
        .send()
        .await
        .expect("POST");
    assert_eq!(bad.status(), 400);
    let body: Value = bad.json().await.expect("json");
    assert_eq!(body["error"]["code"], "invalid_idempotency_key");
    req.submission = Some("atl-ffffffffffffffffffff".into());
    let mismatch = client
        .post(format!("http://{addr}/api/orders"))
        .header("Idempotency-Key", "5f0c2a4e-9d1b-4c3a-8e7f-000000000100")
        .json(&req)
        .send()
        .await
        .expect("POST");
    assert_eq!(mismatch.status(), 422);
    server.abort();
}

/// Design codes are rate-limited per client address over real HTTP: the default budget (30 a minute) is
/// served, the next is 429 with `Retry-After` and a message in the client's language, and nothing is stored.
#[tokio::test]
async fn design_codes_beyond_the_budget_are_answered_429_with_retry_after() {
    let s = shop().await;
    let (addr, server) = serve(&s.router).await;
    let client = reqwest::Client::new();
    let design = common::sample_catalog().default_design();
    for i in 0..30 {
        let resp = client
            .post(format!("http://{addr}/api/designs"))
            .json(&design)
            .send()
            .await
            .expect("POST");
        assert!(resp.status().is_success(), "request {i}: {}", resp.status());
    }
    let resp = client
        .post(format!("http://{addr}/api/designs"))
        .header("Accept-Language", "ko")
        .json(&design)
        .send()
        .await
        .expect("POST");
    assert_eq!(resp.status(), 429);
    let retry: u64 = resp.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry), "{retry}");
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["error"]["code"], "rate_limited");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("초")),
        "{body}"
    );
    server.abort();
}
