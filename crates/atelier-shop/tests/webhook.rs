//! The retailer webhook against a real HTTP receiver on a loopback port: signed, retried with backoff while
//! the receiver fails, delivered exactly once when it acknowledges, never twice for a repeated submission, and
//! resumed by a restarted shop. Retries use a 20 ms base so the whole file runs in well under a second; every
//! wait has a deadline.

mod common;

use atelier_shop::signature::{self, VerifyError, verify};
use atelier_shop::spec::canonical;
use atelier_shop::store::{Delivery, Store};
use atelier_shop::webhook::{self, Settings};
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, Request, StatusCode, header};
use common::{TestShop, order, shop, shop_at, static_dir};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tower::ServiceExt;

const SECRET: &[u8] = b"whsec_test_0123456789abcdef";
const TOLERANCE: Duration = Duration::from_secs(300);
const DEADLINE: Duration = Duration::from_secs(10);

/// A request as the receiver saw it.
#[derive(Clone, Debug)]
struct Received {
    signature: String,
    content_type: String,
    body: Bytes,
}

#[derive(Clone)]
struct Receiver {
    url: reqwest::Url,
    seen: Arc<Mutex<Vec<Received>>>,
    server: Arc<tokio::task::JoinHandle<()>>,
}

impl Receiver {
    fn seen(&self) -> Vec<Received> {
        self.seen.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// A retailer endpoint that answers 500 to its first `failures` requests, then 200.
async fn receiver(failures: usize) -> Receiver {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let handler = |State((seen, failures)): State<(Arc<Mutex<Vec<Received>>>, usize)>,
                   headers: HeaderMap,
                   body: Bytes| async move {
        let text = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let count = seen
            .lock()
            .map(|mut v| {
                v.push(Received {
                    signature: text(signature::HEADER),
                    content_type: text("content-type"),
                    body,
                });
                v.len()
            })
            .unwrap_or(0);
        if count <= failures {
            StatusCode::INTERNAL_SERVER_ERROR
        } else {
            StatusCode::OK
        }
    };
    let app = axum::Router::new()
        .route("/hooks/atelier", axum::routing::post(handler))
        .with_state((Arc::clone(&seen), failures));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Receiver {
        url: format!("http://{addr}/hooks/atelier").parse().expect("url"),
        seen,
        server: Arc::new(server),
    }
}

fn settings(url: reqwest::Url) -> Settings {
    Settings {
        retry_base: Duration::from_millis(20),
        timeout: Duration::from_secs(2),
        ..Settings::new(url, SECRET.to_vec())
    }
}

async fn submit(s: &TestShop, body: &str) -> (StatusCode, Value) {
    let req = Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .expect("request");
    let resp = s.router.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).expect("JSON answer"))
}

async fn delivery(store: &Store, id: &str) -> Delivery {
    store
        .delivery(id)
        .await
        .expect("query")
        .expect("every accepted order has a delivery row")
}

/// Waits (bounded) until the delivery of `id` satisfies `done`.
async fn wait_for(store: &Store, id: &str, done: impl Fn(&Delivery) -> bool) -> Delivery {
    let start = Instant::now();
    loop {
        let d = delivery(store, id).await;
        if done(&d) {
            return d;
        }
        assert!(start.elapsed() < DEADLINE, "timed out waiting: {d:?}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Waits (bounded) until the worker sleeps between passes: it has run, rather than "probably, by now".
async fn idle(worker: &webhook::Worker) {
    tokio::time::timeout(DEADLINE, worker.idle())
        .await
        .expect("the webhook worker goes idle");
}

/// How many of `seen` delivered the order `id`.
fn requests_for(seen: &[Received], id: &str) -> usize {
    seen.iter()
        .filter(|r| serde_json::from_slice::<Value>(&r.body).is_ok_and(|spec| spec["order"] == id))
        .count()
}

fn unix_secs(header: &str) -> u64 {
    header
        .strip_prefix("t=")
        .and_then(|rest| rest.split(',').next())
        .and_then(|t| t.parse().ok())
        .expect("t=<seconds> first")
}

#[tokio::test]
async fn delivered_once_after_two_failures_signed_over_the_canonical_spec() {
    let s = shop().await;
    let rx = receiver(2).await;
    let worker = webhook::spawn(s.state.store.clone(), settings(rx.url.clone())).expect("worker");
    // Let the worker find the outbox empty and go idle (its poll is a minute away), so only the wake-up on
    // insert can make this delivery prompt.
    idle(&worker).await;

    let mut req = order(|_| {});
    req.submission = Some("7d0c5a8e-2222-4b3c-8d4e-000000000002".into());
    let body = serde_json::to_string(&req).expect("json");
    let (status, created) = submit(&s, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();

    let d = wait_for(&s.state.store, &id, |d| d.delivered_at.is_some()).await;
    assert_eq!(d.attempts, 3, "{d:?}");
    assert_eq!(d.last_status, Some(200));
    assert_eq!(d.last_error, None);

    // Acknowledged means done: once the worker has gone idle after it, nothing is pending and there were
    // exactly three requests.
    idle(&worker).await;
    assert_eq!(s.state.store.next_due().await.expect("query"), None);
    let seen = rx.seen();
    assert_eq!(seen.len(), 3, "{seen:?}");

    // The body is the stored order's canonical spec, byte for byte, on every attempt.
    let stored = s
        .state
        .store
        .get(&id)
        .await
        .expect("query")
        .expect("stored");
    let spec_text = stored.spec.expect("a new order has a spec");
    let (status, fetched) = submit_get(&s, &id).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(canonical(&fetched["spec"]), spec_text);
    assert_eq!(
        fetched["price"], created["price"],
        "the order's shape is kept"
    );
    for r in &seen {
        assert_eq!(r.body, spec_text.as_bytes());
        assert_eq!(r.content_type, "application/json");
        assert_eq!(
            verify(SECRET, &r.signature, &r.body, SystemTime::now(), TOLERANCE),
            Ok(())
        );
    }

    // What the spec says.
    let spec: Value = serde_json::from_slice(&seen[2].body).expect("JSON");
    let catalog_bytes =
        std::fs::read(static_dir().join("catalogs/runner-one.json")).expect("catalog file");
    assert_eq!(spec["spec_format"], 1);
    assert_eq!(spec["order"], id.as_str());
    assert_eq!(spec["product"], "runner-one");
    assert_eq!(spec["created_at"], stored.created_at.as_str());
    assert_eq!(
        spec["catalog_sha256"],
        atelier_shop::catalogs::sha256_hex(&catalog_bytes).as_str()
    );
    assert_eq!(spec["catalog_sha256"].as_str().map(str::len), Some(64));
    assert_eq!(spec["design"]["size"], "265");
    assert_eq!(
        spec["design"]["zones"],
        serde_json::to_value(&req.design.zones).expect("zones")
    );
    assert_eq!(spec["design"]["choices"], json!({}));
    assert_eq!(spec["text"], Value::Null);
    // The verified proof of every view, as the app sent them.
    assert_eq!(
        spec["proofs"],
        serde_json::to_value(&req.proof).expect("proofs")
    );
    assert_eq!(spec["proofs"].as_object().map(|p| p.len()), Some(2));
    assert_eq!(
        spec["price"]["total"],
        json!({"amount": req.price.amount, "currency": "KRW"})
    );
    assert_eq!(spec["price"]["breakdown"], fetched["breakdown"]);

    // A receiver refuses a wrong secret, a tampered body and a stale timestamp.
    let r = &seen[2];
    let sent = UNIX_EPOCH + Duration::from_secs(unix_secs(&r.signature));
    let tampered = String::from_utf8_lossy(&r.body).replace("\"265\"", "\"270\"");
    assert_ne!(tampered.as_bytes(), &r.body[..]);
    for (secret, body, now, expect) in [
        (
            &b"whsec_someone_elses_secret"[..],
            &r.body[..],
            sent,
            VerifyError::Mismatch,
        ),
        (SECRET, tampered.as_bytes(), sent, VerifyError::Mismatch),
        (
            SECRET,
            &r.body[..],
            sent + TOLERANCE + Duration::from_secs(1),
            VerifyError::Stale,
        ),
    ] {
        assert_eq!(
            verify(secret, &r.signature, body, now, TOLERANCE),
            Err(expect)
        );
    }

    // The same submission again: the same order, no second delivery.
    let (status, again) = submit(&s, &body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["id"], id.as_str());
    let all = s.state.store.deliveries().await.expect("query");
    assert_eq!(all.len(), 1, "{all:?}");
    // A positive signal that the worker ran after the repeat: another order, delivered. The worker takes the
    // oldest due row first, so a second delivery of the first order would have gone out before it.
    let (status, marker) = submit(&s, &serde_json::to_string(&order(|_| {})).expect("json")).await;
    assert_eq!(status, StatusCode::CREATED, "{marker}");
    let marker = marker["id"].as_str().expect("id").to_owned();
    wait_for(&s.state.store, &marker, |d| d.delivered_at.is_some()).await;
    idle(&worker).await;
    let seen = rx.seen();
    assert_eq!(requests_for(&seen, &id), 3, "{seen:?}");
    assert_eq!(requests_for(&seen, &marker), 1, "{seen:?}");
    assert_eq!(seen.len(), 4, "{seen:?}");

    worker.shutdown().await;
}

async fn submit_get(s: &TestShop, id: &str) -> (StatusCode, Value) {
    let req = Request::get(format!("/api/orders/{id}"))
        .body(Body::empty())
        .expect("request");
    let resp = s.router.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).expect("JSON answer"))
}

#[tokio::test]
async fn a_restarted_shop_resumes_a_pending_delivery() {
    let s = shop().await;
    let (status, created) = submit(&s, &serde_json::to_string(&order(|_| {})).expect("json")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();

    // No webhook configured yet: the delivery is recorded, nothing is sent.
    let d = delivery(&s.state.store, &id).await;
    assert_eq!((d.attempts, d.delivered_at), (0, None));

    // A webhook that keeps failing: attempts pile up, the order stays pending.
    let down = receiver(usize::MAX).await;
    let worker = webhook::spawn(s.state.store.clone(), settings(down.url.clone())).expect("worker");
    let d = wait_for(&s.state.store, &id, |d| d.attempts >= 2).await;
    assert_eq!(d.last_status, Some(500));
    assert_eq!(
        d.last_error.as_deref(),
        Some("HTTP 500 Internal Server Error")
    );
    worker.shutdown().await;
    let before = delivery(&s.state.store, &id).await;
    assert!(before.delivered_at.is_none());
    let sent_while_down = down.seen().len();
    assert_eq!(i64::try_from(sent_while_down).ok(), Some(before.attempts));

    // Restart: a new shop on the same SQLite file, a receiver that is up again.
    let TestShop { dir, db, .. } = s;
    let again = shop_at(dir, db).await;
    let up = receiver(0).await;
    let worker =
        webhook::spawn(again.state.store.clone(), settings(up.url.clone())).expect("worker");
    let d = wait_for(&again.state.store, &id, |d| d.delivered_at.is_some()).await;
    assert_eq!(d.attempts, before.attempts + 1);
    let seen = up.seen();
    assert_eq!(seen.len(), 1);
    let stored = again
        .state
        .store
        .get(&id)
        .await
        .expect("query")
        .expect("stored");
    assert_eq!(seen[0].body, stored.spec.unwrap_or_default().as_bytes());
    assert_eq!(
        verify(
            SECRET,
            &seen[0].signature,
            &seen[0].body,
            SystemTime::now(),
            TOLERANCE
        ),
        Ok(())
    );
    assert_eq!(down.seen().len(), sent_while_down, "the old worker is gone");
    worker.shutdown().await;
}
