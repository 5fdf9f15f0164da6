//! The order store's durable write path alone, with no HTTP and no proof checks: `INSERTERS` concurrent
//! tasks store orders (each with its delivery row, committed durably) for a few seconds through
//! `Store::insert`, with group commit on and then off, each on a fresh database. Prints
//! `store.BACKEND.durable_inserts_per_s` (on) and `store.BACKEND.durable_inserts_off_per_s` (off).
//!
//! `cargo run --profile server -p atelier-shop --example store_bench -- DIR [POSTGRES_SERVER_URL]`: a SQLite
//! file in DIR, or, with a server URL (as `scripts/postgres.sh` exports it), a database made on it each run.

use anyhow::{Context, Result};
use atelier_shop::order_id::new_order_id;
use atelier_shop::store::{Inserted, NewOrder, Store, Writes};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Concurrent inserters: about what 32 clients on each of a few shop instances keep waiting at once.
const INSERTERS: usize = 128;
/// How long each mode runs.
const RUN: Duration = Duration::from_secs(4);

/// A realistic row: the spec and request are a few KB, as real orders' are.
fn order(n: usize) -> Result<NewOrder> {
    let filler = "x".repeat(2500);
    Ok(NewOrder {
        id: new_order_id()?,
        submission: Some(format!("bench-{n}-{}", new_order_id()?)),
        product: "runner-one".into(),
        request: format!("{{\"n\":{n},\"pad\":\"{filler}\"}}"),
        amount: 154_000,
        currency: "KRW".into(),
        breakdown: "[]".into(),
        created_at: "2026-12-03T17:00:00.000Z".into(),
        spec: format!("{{\"order\":{n},\"pad\":\"{filler}\"}}"),
    })
}

/// Orders stored per second by `store` under load.
async fn inserts_per_s(store: Store) -> Result<f64> {
    let stored = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for t in 0..INSERTERS {
        let (store, stored) = (store.clone(), stored.clone());
        tasks.spawn(async move {
            let mut n = t * 1_000_000;
            while start.elapsed() < RUN {
                n += 1;
                match store.insert(&order(n)?).await? {
                    Inserted::Stored(_) => {
                        stored.fetch_add(1, Ordering::Relaxed);
                    }
                    Inserted::Busy => tokio::time::sleep(Duration::from_millis(1)).await,
                    Inserted::IdTaken | Inserted::SubmissionTaken => {}
                }
            }
            Ok::<(), anyhow::Error>(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done??;
    }
    Ok(stored.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64())
}

/// A fresh database URL for one run: a new SQLite file in `dir`, or a new database on `server`.
async fn fresh(dir: &std::path::Path, server: Option<&str>, run: &str) -> Result<String> {
    use sqlx::{Connection, Executor};
    match server {
        None => Ok(format!(
            "sqlite://{}",
            dir.join(format!("{run}.db")).display()
        )),
        Some(server) => {
            let name = format!("atelier_store_bench_{run}");
            let mut conn = sqlx::postgres::PgConnection::connect(server).await?;
            conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await?;
            conn.execute(format!("CREATE DATABASE {name}").as_str())
                .await?;
            conn.close().await?;
            let mut url = url::Url::parse(server)?;
            url.set_path(&format!("/{name}"));
            Ok(url.to_string())
        }
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().context("usage: store_bench DIR [SERVER_URL]")?);
    let server = args.next();
    std::fs::create_dir_all(&dir)?;
    let backend = if server.is_some() {
        "postgres"
    } else {
        "sqlite"
    };
    for (group_commit, suffix) in [(true, ""), (false, "_off")] {
        let url = fresh(
            &dir,
            server.as_deref(),
            &format!("gc{}", u8::from(group_commit)),
        )
        .await?;
        let store = Store::connect_with(
            &url,
            Writes {
                group_commit,
                ..Writes::default()
            },
        )
        .await?;
        let per_s = inserts_per_s(store).await?;
        println!("store.{backend}.durable_inserts{suffix}_per_s: {per_s:.0} /s");
    }
    Ok(())
}
