//! A database that cannot serve the shop: requests that need it answer 503 `database_unavailable` (a JSON
//! error with a message in the request's language, `Retry-After`; the desk a page in its language), one log
//! line each saying what is wrong, never a 500 or a panic; requests that do not need what is missing still
//! work, and nothing needs a restart.
//!
//! - A read-only SQLite file (opened read-only, as SQLite does a file it may not write): reads served, writes
//!   503, each logged once as read-only.
//! - A full SQLite database (`PRAGMA max_page_count` set a few pages above its size on every connection, as a
//!   full disk would stop it growing): orders accepted until it is full, then 503, logged once each as full.
//! - PostgreSQL stopped under a running shop (a cluster of the test's own, `common::pg_cluster`, since the
//!   suite's server must stay up): API and desk answer 503 within the pool's acquire timeout while it is gone,
//!   and the same shop serves again by itself once it is back. Runs in the PostgreSQL pass of the suite.

mod common;

use atelier_shop::desk::password;
use atelier_shop::store::{ACQUIRE_TIMEOUT, Store};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use common::pg_cluster::PgCluster;
use common::{instance_on, order, send};
use http_body_util::BodyExt;
use serde_json::Value;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// The shop's warnings and errors (`atelier_shop` only: tower-http adds its own line for every 5xx), captured
/// for one test on its thread.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut log) = self.0.lock() {
            log.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Log {
    /// Captures the shop's log on this thread until the guard is dropped. The tests run on tokio's
    /// current-thread runtime, where every handler runs on the test's thread.
    fn capture() -> (Log, tracing::subscriber::DefaultGuard) {
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("atelier_shop=warn"))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        (log, tracing::subscriber::set_default(subscriber))
    }

    fn lines(&self) -> Vec<String> {
        let bytes = self.0.lock().map(|l| l.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

fn post_order(language: &str) -> Request<Body> {
    Request::post("/api/orders")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT_LANGUAGE, language)
        .body(Body::from(
            serde_json::to_string(&order(|_| {})).expect("json"),
        ))
        .expect("request")
}

fn get_order(id: &str, language: &str) -> Request<Body> {
    Request::get(format!("/api/orders/{id}"))
        .header(header::ACCEPT_LANGUAGE, language)
        .body(Body::empty())
        .expect("request")
}

/// A 503 `database_unavailable` in `language`'s words, with `Retry-After`.
fn assert_unavailable(status: StatusCode, headers: &HeaderMap, body: &Value, language: &str) {
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["error"]["code"], "database_unavailable", "{body}");
    let message = body["error"]["message"].as_str().expect("a message");
    let expect = match language {
        "ko" => "데이터베이스",
        _ => "database",
    };
    assert!(message.contains(expect), "{language}: {message}");
    assert_eq!(
        headers
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok()),
        Some("5")
    );
}

/// Exactly `count` lines of `log`, each the one line of a 503 that says `why`.
fn assert_logged(log: &Log, count: usize, why: &str) {
    let lines = log.lines();
    let unavailable: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("database unavailable"))
        .collect();
    assert_eq!(unavailable.len(), count, "{lines:#?}");
    for line in &unavailable {
        assert!(line.contains("ERROR"), "{line}");
        assert!(line.contains(&format!("database={why}")), "{line}");
    }
    assert!(!lines.iter().any(|l| l.contains("panic")), "{lines:#?}");
    assert_eq!(
        lines.len(),
        count,
        "one line per failed request: {lines:#?}"
    );
}

/// A SQLite database file in `dir`, migrated, with one order placed: its URL and the order's id.
async fn sqlite_with_an_order(dir: &tempfile::TempDir) -> (String, String, Router) {
    let url = format!("sqlite://{}", dir.path().join("shop.db").display());
    let store = Store::connect(&url).await.expect("store opens");
    let (_, router) = instance_on(store, dir);
    let (status, _, created) = send(&router, post_order("en")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();
    (url, id, router)
}

#[tokio::test]
async fn a_read_only_sqlite_file_serves_reads_and_answers_writes_503_with_one_log_line_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The writable shop stays open beside it, as another process would keep the file's WAL index.
    let (url, id, _writable) = sqlite_with_an_order(&dir).await;
    let phc = password::hash("a long enough password").expect("hash");
    let store = Store::connect(&url).await.expect("store");
    store
        .put_desk_user("mina", &phc, 0)
        .await
        .expect("a desk account");
    let read_only = Store::connect(&format!("{url}?mode=ro"))
        .await
        .expect("a migrated file opens read-only");
    let (_, router) = instance_on(read_only, &dir);
    let (log, _guard) = Log::capture();

    let (status, _, body) = send(&router, get_order(&id, "en")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for language in ["en", "ko"] {
        let (status, headers, body) = send(&router, post_order(language)).await;
        assert_unavailable(status, &headers, &body, language);
    }
    // The desk: signing in stores a session, which it cannot now; the page says why, in the asked language.
    let req = sign_in(&router, "ko").await;
    let (status, _, page) = send(&router, req).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{page}");
    let page = page.as_str().expect("an HTML page");
    assert!(page.contains("데이터베이스를 사용할 수 없습니다"), "{page}");
    assert_logged(&log, 3, "read-only");
}

/// The desk's sign-in form filled in for the account the tests make, as a browser would send it after
/// loading the form (its double-submit cookie and token), in `language`.
async fn sign_in(router: &Router, language: &str) -> Request<Body> {
    let resp = router
        .clone()
        .oneshot(
            Request::get("/desk/login")
                .body(Body::empty())
                .expect("req"),
        )
        .await
        .expect("infallible");
    let login_cookie = resp
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("atelier_desk_login="))
        .and_then(|v| v.split(';').next())
        .expect("login cookie")
        .to_owned();
    let page = resp.into_body().collect().await.expect("body").to_bytes();
    let page = String::from_utf8_lossy(&page);
    let marker = "name=\"csrf\" value=\"";
    let at = page.find(marker).expect("csrf field") + marker.len();
    let csrf = page[at..].split('"').next().expect("csrf").to_owned();
    let form = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("csrf", csrf.as_str()),
            ("name", "mina"),
            ("password", "a long enough password"),
        ])
        .finish();
    Request::post("/desk/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, login_cookie)
        .header(header::ACCEPT_LANGUAGE, language)
        .body(Body::from(form))
        .expect("req")
}

/// How many pages the SQLite file at `url` has.
async fn page_count(url: &str) -> i64 {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect(url).await.expect("open");
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&mut conn)
        .await
        .expect("page_count");
    conn.close().await.expect("close");
    pages
}

#[tokio::test]
async fn a_full_sqlite_database_answers_503_with_one_log_line_and_still_serves_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, first, writable) = sqlite_with_an_order(&dir).await;
    let router = {
        drop(writable);
        // Room for a few more orders (a page is 4 KiB; an order with its spec takes a few).
        let limit = format!("PRAGMA max_page_count = {}", page_count(&url).await + 6);
        let full = Store::connect_with_session(&url, &[&limit])
            .await
            .expect("store opens");
        instance_on(full, &dir).1
    };
    let (log, _guard) = Log::capture();

    let mut accepted = 0;
    let (status, headers, body) = loop {
        let (status, headers, body) = send(&router, post_order("ko")).await;
        if status != StatusCode::CREATED {
            break (status, headers, body);
        }
        accepted += 1;
        assert!(accepted < 50, "the database never filled up");
    };
    assert!(accepted >= 1, "some orders fit before it was full");
    assert_unavailable(status, &headers, &body, "ko");
    // Reads still work: what is stored is served.
    let (status, _, body) = send(&router, get_order(&first, "en")).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    assert_logged(&log, 1, "full");
}

/// Sends `req` to `router` and also says how long the answer took.
async fn timed(router: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, Value, Duration) {
    let started = Instant::now();
    let (status, headers, body) = send(router, req).await;
    (status, headers, body, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_under_the_shop_is_503_while_gone_and_the_shop_recovers_by_itself() {
    if !common::on_postgres_else_skip("postgres_stopped_under_the_shop") {
        return;
    }
    let cluster =
        PgCluster::start().expect("PostgreSQL is installed (scripts/postgres.sh installs it)");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::connect(&cluster.url()).await.expect("store opens");
    let phc = password::hash("a long enough password").expect("hash");
    store.put_desk_user("mina", &phc, 0).await.expect("user");
    let (_, router) = instance_on(store, &dir);
    let (status, _, created) = send(&router, post_order("en")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();
    let (status, headers, _) = send(&router, sign_in(&router, "en").await).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let session = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("atelier_desk="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_owned();

    cluster.stop();

    // While it is gone: a read, a write and a desk page, at once; each answered 503 within the pool's acquire
    // timeout (plus slack for a busy machine), none hanging.
    let desk = Request::get("/desk/orders")
        .header(header::COOKIE, session)
        .header(header::ACCEPT_LANGUAGE, "ko")
        .body(Body::empty())
        .expect("req");
    let (read, write, desk) = tokio::join!(
        timed(&router, get_order(&id, "ko")),
        timed(&router, post_order("en")),
        timed(&router, desk),
    );
    let bound = ACQUIRE_TIMEOUT + Duration::from_secs(5);
    assert_unavailable(read.0, &read.1, &read.2, "ko");
    assert_unavailable(write.0, &write.1, &write.2, "en");
    assert_eq!(desk.0, StatusCode::SERVICE_UNAVAILABLE, "{}", desk.2);
    assert!(
        desk.2.as_str().is_some_and(|p| p.contains("데이터베이스")),
        "{}",
        desk.2
    );
    for (what, took) in [("read", read.3), ("write", write.3), ("desk", desk.3)] {
        assert!(
            took < bound,
            "the {what} took {took:?}, more than {bound:?}"
        );
    }

    cluster.start_again();

    // Back: the same shop, not restarted, serves the stored order and takes new ones.
    let started = Instant::now();
    loop {
        let (status, _, body) = send(&router, get_order(&id, "en")).await;
        if status == StatusCode::OK {
            break;
        }
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the shop did not recover: {body}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (status, _, body) = send(&router, post_order("en")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}
