//! The crash fault: the real shop binary under order load is killed with SIGKILL mid-run and restarted on
//! the same database; the load generator's clients keep retrying with their submission ids. Afterwards every
//! order a client saw acknowledged is stored exactly once, under the id it was acknowledged with, with one
//! delivery row each. On SQLite, and on PostgreSQL under `scripts/postgres.sh` (where `make test` runs the
//! shop's suite a second time). Bounded: a few hundred orders, at most ~25 s of load, loopback only.

mod common;

use atelier_order_load::{Orders, Settings, run};
use common::{TestDb, static_dir};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a starting shop may take to answer (it decodes the catalogs' artwork first).
const START: Duration = Duration::from_secs(60);

/// The shop binary on `port` over the database at `url`.
fn start_shop(port: u16, url: &str, app_dir: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_atelier-shop"))
        .env_clear()
        .env("ATELIER_ADDR", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", url)
        .env("ATELIER_STATIC_DIR", static_dir())
        .env("ATELIER_APP_DIR", app_dir)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the shop binary runs")
}

/// Waits until the shop on `port` answers.
async fn ready(port: u16, shop: &mut Child) {
    let client = reqwest::Client::new();
    let start = Instant::now();
    loop {
        assert!(
            shop.try_wait().expect("status").is_none(),
            "the shop exited while starting"
        );
        let answer = client
            .get(format!("http://127.0.0.1:{port}/api/products"))
            .send()
            .await;
        if answer.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        assert!(
            start.elapsed() < START,
            "the shop did not start in {START:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_order_survives_a_kill_9_exactly_once() {
    let dir = tempfile::tempdir().expect("dir");
    let db = TestDb::fresh(&dir).await;
    let port = free_port();
    let app_dir = dir.path().join("dist");
    let mut shop = start_shop(port, &db.url, &app_dir);
    ready(port, &mut shop).await;

    let orders = Arc::new(Orders::make(&static_dir(), "runner-one", 8).expect("orders"));
    let settings = Settings {
        shops: vec![format!("http://127.0.0.1:{port}")],
        clients: 16,
        requests: 400,
        duration: Duration::from_secs(25),
    };
    let load = tokio::spawn(async move { run(&settings, orders).await });

    // Mid-run: the clients have orders in flight (some acknowledged, some waiting for their commit).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    shop.kill().expect("SIGKILL");
    shop.wait().expect("reaped");
    let mut shop = start_shop(port, &db.url, &app_dir);
    ready(port, &mut shop).await;

    let report = load.await.expect("task").expect("load ran");
    shop.kill().expect("stopped");
    shop.wait().expect("reaped");
    assert!(
        report.retries > 0,
        "the kill landed mid-run: some clients had to send again"
    );
    assert!(!report.acknowledged.is_empty(), "{report:?}");
    assert_eq!(report.errors, 0, "no order was refused: {report:?}");

    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db.url).await.expect("pool");
    for ack in &report.acknowledged {
        let stored: Vec<String> = sqlx::query_scalar("SELECT id FROM orders WHERE submission = $1")
            .bind(&ack.submission)
            .fetch_all(&pool)
            .await
            .expect("query");
        assert_eq!(
            stored,
            vec![ack.order.clone()],
            "submission {}",
            ack.submission
        );
    }
    let count = |table: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    };
    let (orders, deliveries) = (count("orders").await, count("deliveries").await);
    assert_eq!(orders, deliveries, "one delivery per order");
    assert!(orders as usize >= report.acknowledged.len());
    eprintln!(
        "kill -9 on {}: {} acknowledged, {} retries, {} stored",
        if db.is_sqlite() {
            "SQLite"
        } else {
            "PostgreSQL"
        },
        report.acknowledged.len(),
        report.retries,
        orders
    );
    pool.close().await;
}
