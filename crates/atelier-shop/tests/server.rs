//! The real thing: the shop on a loopback port, an order over HTTP, stored in a SQLite file that outlives the
//! shop (a restarted shop still returns the order).

mod common;

use common::{order, shop, shop_at};
use serde_json::Value;

#[tokio::test]
async fn submits_over_http_into_a_sqlite_file_that_survives_a_restart() {
    let s = shop().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let router = s.router.clone();
    let server = tokio::spawn(async move { axum::serve(listener, router).await });

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

    // The file on disk holds it; a new shop on the same file serves it.
    let db_file = s.dir.path().join("shop.db");
    assert!(
        db_file.metadata().map(|m| m.len() > 0).unwrap_or(false),
        "SQLite file exists"
    );
    let again = shop_at(s.dir, s.db_url).await;
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
