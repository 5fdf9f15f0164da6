//! Several shop instances on one database, over real HTTP on loopback, as a load balancer would spread
//! shoppers over them: an order placed through one is served by the other (API and desk, whose sessions live
//! in the database too); one submission id sent to both at once makes one order and both answer with it; with
//! both instances' webhook workers running against a real receiver, every order arrives exactly once; and a
//! delivery leased by an instance that died is taken over by another when the lease ends, while the dead one's
//! late report changes nothing.
//!
//! The first three need PostgreSQL (the deployment with several instances): on SQLite they say they are skipped
//! (see `common::on_postgres_else_skip`). The lease test runs on both databases. Every wait has a deadline.

mod common;

use atelier_shop::desk::password;
use atelier_shop::store::{Attempt, Store};
use atelier_shop::webhook::{self, Settings};
use atelier_shop::{AppState, webhook::Worker};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use common::{TestShop, instance_on, order, serve, shop};
use serde_json::Value;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::task::{JoinHandle, JoinSet};

const DEADLINE: Duration = Duration::from_secs(60);
const SECRET: &[u8] = b"whsec_test_0123456789abcdef";

/// One running instance: its state (for its store) and where it listens.
struct Instance {
    state: AppState,
    addr: SocketAddr,
    server: JoinHandle<()>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Instance {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// The test's shop served on one port, and a second instance (its own pool, catalogs, limits and router) on
/// the same database served on another.
async fn two_instances() -> (TestShop, Instance, Instance) {
    let s = shop().await;
    let (addr, server) = serve(&s.router).await;
    let a = Instance {
        state: s.state.clone(),
        addr,
        server,
    };
    let store = Store::connect(&s.db.url)
        .await
        .expect("second instance opens");
    let (state, router) = instance_on(store, &s.dir);
    let (addr, server) = serve(&router).await;
    (
        s,
        a,
        Instance {
            state,
            addr,
            server,
        },
    )
}

/// A client that shows redirects instead of following them (the desk answers sign-in with a 303).
fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

/// POSTs `body` as an order to `at`: the status and the JSON answer.
async fn place(client: &reqwest::Client, at: &Instance, body: &str) -> (u16, Value) {
    let resp = client
        .post(at.url("/api/orders"))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("POST /api/orders");
    let status = resp.status().as_u16();
    (status, resp.json().await.expect("JSON answer"))
}

/// `name=value` of the `Set-Cookie` named `name`.
fn cookie(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}

/// The value of the first `name="csrf"` field of a page.
fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let at = html.find(marker).expect("a csrf field") + marker.len();
    html[at..].split('"').next().expect("value").to_owned()
}

/// Signs in to the desk of `at` through its form over HTTP: the session cookie.
async fn sign_in(client: &reqwest::Client, at: &Instance, name: &str, pw: &str) -> String {
    let page = client
        .get(at.url("/desk/login"))
        .send()
        .await
        .expect("GET login");
    let login_cookie = cookie(&page, "atelier_desk_login").expect("login cookie");
    let csrf = csrf_in(&page.text().await.expect("page"));
    let resp = client
        .post(at.url("/desk/login"))
        .header("cookie", login_cookie)
        .form(&[("csrf", csrf.as_str()), ("name", name), ("password", pw)])
        .send()
        .await
        .expect("POST login");
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    cookie(&resp, "atelier_desk").expect("session cookie")
}

/// A desk page of `at` with `session`: the status and the HTML.
async fn desk_page(
    client: &reqwest::Client,
    at: &Instance,
    path: &str,
    session: &str,
) -> (u16, String) {
    let resp = client
        .get(at.url(path))
        .header("cookie", session)
        .send()
        .await
        .expect("GET desk page");
    (resp.status().as_u16(), resp.text().await.expect("page"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_placed_through_one_instance_is_served_by_the_other_api_and_desk() {
    if !common::on_postgres_else_skip("an_order_placed_through_one_instance_is_served_by_the_other")
    {
        return;
    }
    let (_s, a, b) = two_instances().await;
    let client = client();

    let req = order(|_| {});
    let (status, created) = place(&client, &a, &serde_json::to_string(&req).expect("json")).await;
    assert_eq!(status, 201, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();

    // The API of the other instance.
    let resp = client
        .get(b.url(&format!("/api/orders/{id}")))
        .send()
        .await
        .expect("GET order");
    assert_eq!(resp.status(), StatusCode::OK);
    let fetched: Value = resp.json().await.expect("json");
    assert_eq!(fetched["id"], id.as_str());
    assert_eq!(fetched["price"], created["price"]);

    // The desk of the other instance: its list and the order's page.
    let phc = password::hash("a long enough password").expect("hash");
    b.state
        .store
        .put_desk_user("mina", &phc, 0)
        .await
        .expect("user stored");
    let session = sign_in(&client, &b, "mina", "a long enough password").await;
    let (status, list) = desk_page(&client, &b, "/desk/orders", &session).await;
    assert_eq!(status, 200, "{list}");
    assert!(
        list.contains(&id),
        "{id} not in the desk's list of the other instance"
    );
    let (status, page) = desk_page(&client, &b, &format!("/desk/orders/{id}"), &session).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(&id));

    // A session made through one instance is good on the other: sessions are rows, not memory.
    let (status, list) = desk_page(&client, &a, "/desk/orders", &session).await;
    assert_eq!(status, 200, "{list}");
    assert!(list.contains(&id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_submission_sent_to_both_instances_at_once_makes_one_order() {
    if !common::on_postgres_else_skip(
        "one_submission_sent_to_both_instances_at_once_makes_one_order",
    ) {
        return;
    }
    let (_s, a, b) = two_instances().await;
    let (a, b) = (Arc::new(a), Arc::new(b));
    let client = client();
    const ROUNDS: usize = 10;
    for round in 0..ROUNDS {
        let mut req = order(|_| {});
        req.submission = Some(format!("5f0c2a4e-9d1b-4c3a-8e7f-{round:012}"));
        let body = serde_json::to_string(&req).expect("json");
        let (one, other) = tokio::join!(place(&client, &a, &body), place(&client, &b, &body));
        let mut statuses = [one.0, other.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 201], "round {round}: {one:?} {other:?}");
        assert_eq!(
            one.1["id"], other.1["id"],
            "round {round}: both answer with the one order"
        );
        assert!(one.1["id"].is_string());
    }
    // One order (and one delivery) per submission, whichever instance stored it.
    let deliveries = a.state.store.deliveries().await.expect("query");
    assert_eq!(deliveries.len(), ROUNDS, "{deliveries:?}");
}

/// A retailer endpoint on loopback that answers 200 and counts what it got per order, after a short pause
/// (so attempts overlap, as they do with a real receiver across a network).
struct Receiver {
    url: reqwest::Url,
    seen: Arc<Mutex<BTreeMap<String, Vec<Instant>>>>,
    server: JoinHandle<()>,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Receiver {
    async fn start() -> Receiver {
        type Seen = Arc<Mutex<BTreeMap<String, Vec<Instant>>>>;
        let seen: Seen = Arc::default();
        let handler = |State(seen): State<Seen>, body: Bytes| async move {
            tokio::time::sleep(Duration::from_millis(5)).await;
            let spec: Value = serde_json::from_slice(&body).unwrap_or_default();
            let id = spec["order"].as_str().unwrap_or("?").to_owned();
            if let Ok(mut seen) = seen.lock() {
                seen.entry(id).or_default().push(Instant::now());
            }
            StatusCode::OK
        };
        let app = axum::Router::new()
            .route("/hooks/atelier", axum::routing::post(handler))
            .with_state(Arc::clone(&seen));
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
            server,
        }
    }

    fn seen(&self) -> BTreeMap<String, Vec<Instant>> {
        self.seen.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

fn settings(url: reqwest::Url) -> Settings {
    Settings {
        retry_base: Duration::from_millis(20),
        timeout: Duration::from_secs(5),
        ..Settings::new(url, SECRET.to_vec())
    }
}

/// Waits (bounded) until every delivery of `store` is delivered; their count.
async fn all_delivered(store: &Store, expect: usize) {
    let start = Instant::now();
    loop {
        let all = store.deliveries().await.expect("query");
        if all.len() == expect && all.iter().all(|d| d.delivered_at.is_some()) {
            return;
        }
        let pending = all.iter().filter(|d| d.delivered_at.is_none()).count();
        assert!(
            start.elapsed() < DEADLINE,
            "timed out: {pending} of {} not delivered",
            all.len()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn idle(worker: &Worker) {
    tokio::time::timeout(DEADLINE, worker.idle())
        .await
        .expect("the webhook worker goes idle");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn with_two_instances_delivering_every_order_arrives_exactly_once() {
    if !common::on_postgres_else_skip(
        "with_two_instances_delivering_every_order_arrives_exactly_once",
    ) {
        return;
    }
    let (_s, a, b) = two_instances().await;
    let rx = Receiver::start().await;
    let worker_a = webhook::spawn(a.state.store.clone(), settings(rx.url.clone())).expect("worker");
    let worker_b = webhook::spawn(b.state.store.clone(), settings(rx.url.clone())).expect("worker");
    assert_ne!(worker_a.instance(), worker_b.instance());

    // 50 orders, half through each instance, 8 at a time: both workers wake for their own instance's orders
    // and claim from the one outbox, so a row two of them could take would be sent twice.
    const ORDERS: usize = 50;
    let body = Arc::new(serde_json::to_string(&order(|_| {})).expect("json"));
    let (a, b) = (Arc::new(a), Arc::new(b));
    let client = client();
    let permits = Arc::new(tokio::sync::Semaphore::new(8));
    let mut placing = JoinSet::new();
    for i in 0..ORDERS {
        let at = if i % 2 == 0 { a.clone() } else { b.clone() };
        let (client, body, permits) = (client.clone(), body.clone(), permits.clone());
        placing.spawn(async move {
            let _permit = permits.acquire().await.expect("permit");
            place(&client, &at, &body).await
        });
    }
    let mut ids = Vec::new();
    while let Some(placed) = placing.join_next().await {
        let (status, created) = placed.expect("task");
        assert_eq!(status, 201, "{created}");
        ids.push(created["id"].as_str().expect("id").to_owned());
    }

    all_delivered(&a.state.store, ORDERS).await;
    // Both workers have looked again after the last delivery and found nothing more to send.
    idle(&worker_a).await;
    idle(&worker_b).await;
    let seen = rx.seen();
    let twice: Vec<(&String, usize)> = seen
        .iter()
        .map(|(id, at)| (id, at.len()))
        .filter(|(_, n)| *n != 1)
        .collect();
    assert!(
        twice.is_empty(),
        "orders not received exactly once: {twice:?}"
    );
    ids.sort();
    assert_eq!(seen.keys().cloned().collect::<Vec<_>>(), ids);
    for d in a.state.store.deliveries().await.expect("query") {
        assert_eq!(d.attempts, 1, "{d:?}");
        assert_eq!((d.lease_owner, d.lease_until), (None, None), "lease ended");
    }
    worker_a.shutdown().await;
    worker_b.shutdown().await;
}

fn unix_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// On both databases: an instance claims a delivery and dies before sending it. Another instance's worker
/// leaves it alone while the lease runs, delivers it once it has ended, and the dead instance's late report of
/// a failure changes nothing.
#[tokio::test]
async fn a_dead_instances_lease_ends_and_another_instance_delivers_once() {
    let s = shop().await;
    let req = order(|_| {});
    let placed = common::call(
        &s.router,
        axum::http::Request::post("/api/orders")
            .header("content-type", "application/json")
            .body(axum::body::Body::from(
                serde_json::to_string(&req).expect("json"),
            ))
            .expect("request"),
    )
    .await;
    assert_eq!(placed.0, StatusCode::CREATED, "{}", placed.1);
    let id = placed.1["id"].as_str().expect("id").to_owned();

    // The instance that will die claims it, for 1.5 s.
    let lease = Duration::from_millis(1500);
    let claimed_at = Instant::now();
    let now = unix_ms();
    let lease_ms = i64::try_from(lease.as_millis()).expect("ms");
    let claimed = s
        .state
        .store
        .claim_due("dead-instance", now, now + lease_ms, 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].order_id, id);
    // While it holds the lease, nobody else can claim it.
    let again = s
        .state
        .store
        .claim_due("someone-else", now, now + lease_ms, 10)
        .await
        .expect("claim");
    assert!(again.is_empty(), "{again:?}");
    let d = s
        .state
        .store
        .delivery(&id)
        .await
        .expect("query")
        .expect("row");
    assert_eq!(d.lease_owner.as_deref(), Some("dead-instance"));

    // Another instance (its own pool on the same database) with a worker.
    let other = Store::connect(&s.db.url)
        .await
        .expect("second instance opens");
    let rx = Receiver::start().await;
    let worker = webhook::spawn(other.clone(), settings(rx.url.clone())).expect("worker");
    let start = Instant::now();
    let delivered = loop {
        let d = other.delivery(&id).await.expect("query").expect("row");
        if d.delivered_at.is_some() {
            break d;
        }
        assert!(start.elapsed() < DEADLINE, "never delivered: {d:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let seen = rx.seen();
    let arrivals = seen.get(&id).cloned().unwrap_or_default();
    assert_eq!(arrivals.len(), 1, "{seen:?}");
    assert!(
        arrivals[0] >= claimed_at + lease,
        "sent {:?} after the claim, before the {lease:?} lease ended",
        arrivals[0] - claimed_at
    );
    assert_eq!(delivered.attempts, 1);
    assert_eq!(delivered.lease_owner, None);

    // The dead instance comes back with a failure to report: it no longer holds the lease, nothing changes.
    let failure = Attempt::Failed {
        status: Some(500),
        error: "HTTP 500".into(),
        retry_at: unix_ms(),
    };
    s.state
        .store
        .record_attempt(&id, "dead-instance", &failure, unix_ms())
        .await
        .expect("record");
    let after = other.delivery(&id).await.expect("query").expect("row");
    assert_eq!(after.delivered_at, delivered.delivered_at);
    assert_eq!(after.attempts, 1);
    assert_eq!(after.last_status, Some(200));
    idle(&worker).await;
    assert_eq!(rx.seen().get(&id).map(Vec::len), Some(1));
    worker.shutdown().await;
}

/// On both databases, at the store: once a lease has ended and another instance has claimed the row, the first
/// instance's report of a failure neither pushes the retry back nor ends the new holder's lease.
#[tokio::test]
async fn a_failure_reported_after_the_lease_passed_on_changes_nothing() {
    let s = shop().await;
    let placed = common::call(
        &s.router,
        axum::http::Request::post("/api/orders")
            .header("content-type", "application/json")
            .body(axum::body::Body::from(
                serde_json::to_string(&order(|_| {})).expect("json"),
            ))
            .expect("request"),
    )
    .await;
    assert_eq!(placed.0, StatusCode::CREATED, "{}", placed.1);
    let id = placed.1["id"].as_str().expect("id").to_owned();
    let store = &s.state.store;
    // Times are the store's arguments, so no waiting: "slow" leases until 1001, "next" claims at 1002.
    let claimed = store
        .claim_due("slow", 1000, 1001, 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    let claimed = store
        .claim_due("next", 1002, 60_000, 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1, "the ended lease passes on");
    let late = Attempt::Failed {
        status: None,
        error: "timed out".into(),
        retry_at: 10_000_000,
    };
    store
        .record_attempt(&id, "slow", &late, 1003)
        .await
        .expect("record");
    let d = store.delivery(&id).await.expect("query").expect("row");
    assert_eq!(d.lease_owner.as_deref(), Some("next"));
    assert_eq!(d.lease_until, Some(60_000));
    assert_eq!((d.attempts, d.next_attempt_at, d.last_error), (0, 0, None));
    // The holder's own report counts.
    store
        .record_attempt(&id, "next", &late, 1004)
        .await
        .expect("record");
    let d = store.delivery(&id).await.expect("query").expect("row");
    assert_eq!((d.attempts, d.next_attempt_at), (1, 10_000_000));
    assert_eq!((d.lease_owner, d.lease_until), (None, None));
}
