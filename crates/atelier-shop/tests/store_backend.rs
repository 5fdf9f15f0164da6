//! The store on either database: the suite runs on the backend `ATELIER_TEST_DATABASE_URL` asks for (not
//! silently on SQLite), its connections run durably (SQLite WAL with `synchronous=FULL`, PostgreSQL
//! `synchronous_commit=on`), and a database the shop cannot use is refused with a clear message that never
//! shows a password.

mod common;

use atelier_shop::store::{Backend, Store};
use common::{TEST_DATABASE_URL, shop};
use std::time::{Duration, Instant};

#[tokio::test]
async fn the_suite_runs_on_the_database_it_was_asked_for() {
    let s = shop().await;
    let asked = std::env::var(TEST_DATABASE_URL).unwrap_or_default();
    let expect = if asked.is_empty() {
        Backend::Sqlite
    } else {
        Backend::Postgres
    };
    assert_eq!(s.state.store.backend(), expect);
    assert_eq!(s.db.is_sqlite(), expect == Backend::Sqlite);
}

#[tokio::test]
async fn connections_run_durably() {
    let s = shop().await;
    let durability = s.state.store.durability().await.expect("settings");
    let expect = match s.state.store.backend() {
        // 2 is FULL: each commit is synced to disk before it returns.
        Backend::Sqlite => "journal_mode=wal synchronous=2",
        Backend::Postgres => "synchronous_commit=on",
    };
    assert_eq!(durability, expect);
}

#[tokio::test]
async fn an_unreachable_postgres_is_named_without_its_password() {
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    let url = "postgres://atelier:s3cret-pw@127.0.0.1:1/atelier";
    let started = Instant::now();
    let error = Store::connect(url)
        .await
        .err()
        .expect("nothing to connect to");
    let message = format!("{error:#}");
    assert!(
        message
            .contains("cannot connect to PostgreSQL at postgres://atelier:***@127.0.0.1:1/atelier"),
        "{message}"
    );
    // The reason, not only a pool's timeout.
    assert!(message.contains("refused"), "{message}");
    assert!(!message.contains("s3cret"), "{message}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn an_unknown_scheme_lists_the_ones_the_shop_runs_on() {
    for url in ["mysql://shop:s3cret-pw@db/atelier", "atelier.db"] {
        let message = format!("{:#}", Store::connect(url).await.err().expect(url));
        for part in ["DATABASE_URL", "sqlite://", "postgres://"] {
            assert!(message.contains(part), "{url}: {message}");
        }
        assert!(!message.contains("s3cret"), "{message}");
    }
}
