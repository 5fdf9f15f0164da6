//! Creating under a client's submission id (`src/idempotent.rs`): many submits of one request at once store
//! one record and all answer with it, and the store tells a taken id from a taken submission by the
//! database's constraint (`ON CONFLICT (submission) DO NOTHING`, the primary key's unique violation), not by
//! reading an error message.

mod common;

use atelier_shop::store::{Inserted, NewOrder, NewSwatchRequest};
use axum::body::Body;
use axum::http::{Request, header};
use common::{call, order, shop};
use serde_json::json;

fn post(uri: &str, body: String) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .expect("request")
}

/// Sends `n` copies of one request at once; the statuses (sorted) and the distinct ids answered.
async fn at_once(s: &common::TestShop, uri: &str, body: &str, n: usize) -> (Vec<u16>, Vec<String>) {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..n {
        let router = s.router.clone();
        let (uri, body) = (uri.to_owned(), body.to_owned());
        tasks.spawn(async move { call(&router, post(&uri, body)).await });
    }
    let (mut statuses, mut ids) = (Vec::new(), Vec::new());
    while let Some(answer) = tasks.join_next().await {
        let (status, body) = answer.expect("task");
        statuses.push(status.as_u16());
        ids.push(body["id"].as_str().unwrap_or("(none)").to_owned());
    }
    statuses.sort_unstable();
    ids.sort_unstable();
    ids.dedup();
    (statuses, ids)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_submits_of_one_swatch_request_at_once_store_one() {
    let s = shop().await;
    let body = json!({
        "format": 1,
        "product": "bespoke-set",
        "colors": ["mint", "glam-navy"],
        "contact": {
            "name": "김하늘",
            "email": "haneul@example.com",
            "phone": null,
            "address": {"line1": "세종대로 110", "line2": "3층", "city": "서울", "postal_code": "04524",
                "country": "KR"}
        },
        "locale": "ko",
        "submission": "a1b2c3d4-3333-4c5d-9e6f-000000000003"
    })
    .to_string();
    let (statuses, ids) = at_once(&s, "/api/swatch-requests", &body, 100).await;
    let mut expect = vec![200; 99];
    expect.push(201);
    assert_eq!(statuses, expect);
    assert_eq!(ids.len(), 1, "{ids:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn submits_of_one_order_at_once_store_one_order_and_one_delivery() {
    let s = shop().await;
    let mut req = order(|_| {});
    req.submission = Some("a1b2c3d4-4444-4c5d-9e6f-000000000004".into());
    let body = serde_json::to_string(&req).expect("json");
    let (statuses, ids) = at_once(&s, "/api/orders", &body, 8).await;
    assert_eq!(statuses, [200, 200, 200, 200, 200, 200, 200, 201]);
    assert_eq!(ids.len(), 1, "{ids:?}");
    let deliveries = s.state.store.deliveries().await.expect("query");
    assert_eq!(deliveries.len(), 1, "{deliveries:?}");
    assert_eq!(deliveries[0].order_id, ids[0]);
}

fn new_order(id: &str, submission: Option<&str>) -> NewOrder {
    NewOrder {
        id: id.to_owned(),
        submission: submission.map(str::to_owned),
        product: "runner-one".into(),
        request: "{}".into(),
        amount: 1,
        currency: "KRW".into(),
        breakdown: "{}".into(),
        created_at: "2026-12-03T00:00:00.000Z".into(),
        spec: "{}".into(),
    }
}

/// What an insert came to, by name.
fn outcome<R>(inserted: &Inserted<R>) -> &'static str {
    match inserted {
        Inserted::Stored(_) => "stored",
        Inserted::IdTaken => "id taken",
        Inserted::SubmissionTaken => "submission taken",
        Inserted::Busy => "busy",
    }
}

#[tokio::test]
async fn the_store_tells_a_taken_id_from_a_taken_submission() {
    let s = shop().await;
    let store = &s.state.store;
    for (id, submission, expect) in [
        ("ATL-0000-0001", Some("sub-1"), "stored"),
        ("ATL-0000-0001", Some("sub-2"), "id taken"),
        ("ATL-0000-0002", Some("sub-1"), "submission taken"),
        // Both taken: the submission decides (the request was stored before).
        ("ATL-0000-0001", Some("sub-1"), "submission taken"),
        // Orders without a submission id never conflict on it.
        ("ATL-0000-0003", None, "stored"),
        ("ATL-0000-0004", None, "stored"),
        ("ATL-0000-0004", None, "id taken"),
    ] {
        let inserted = store
            .insert(&new_order(id, submission))
            .await
            .expect("no database error");
        assert_eq!(outcome(&inserted), expect, "{id} {submission:?}");
    }
    // A refused insert wrote nothing: no order, no delivery.
    assert!(store.get("ATL-0000-0002").await.expect("query").is_none());
    let delivered: Vec<String> = store
        .deliveries()
        .await
        .expect("query")
        .into_iter()
        .map(|d| d.order_id)
        .collect();
    assert_eq!(
        delivered,
        ["ATL-0000-0001", "ATL-0000-0003", "ATL-0000-0004"]
    );

    let swatch = |id: &str, submission: &str| NewSwatchRequest {
        id: id.to_owned(),
        submission: submission.to_owned(),
        product: "bespoke-set".into(),
        colors: "[]".into(),
        contact: "{}".into(),
        locale: "en".into(),
        created_at: "2026-12-03T00:00:00.000Z".into(),
    };
    for (id, submission, expect) in [
        ("SWR-0000-0001", "sub-1", "stored"),
        ("SWR-0000-0001", "sub-2", "id taken"),
        ("SWR-0000-0002", "sub-1", "submission taken"),
        ("SWR-0000-0002", "sub-2", "stored"),
    ] {
        let inserted = store
            .insert_swatch_request(&swatch(id, submission))
            .await
            .expect("no database error");
        assert_eq!(outcome(&inserted), expect, "{id} {submission}");
    }
}
