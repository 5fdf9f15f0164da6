//! Order, swatch request and delivery storage: the only module that contains SQL.
//!
//! Two databases, one truth. SQLite is the zero-setup default (the file is created and migrated on start);
//! PostgreSQL is used when `DATABASE_URL` names one (`postgres://`). Both go through sqlx's `Any` driver: one
//! pool type, one set of row types, and one text per query, written in the SQL both read (`$1`-style
//! placeholders, which sqlx's SQLite driver binds by number too; `RETURNING`, `ON CONFLICT … DO NOTHING`,
//! `CAST(SUM(…) AS BIGINT)`; no `rowid`, only standard functions: `SUBSTR`, `COALESCE`, aggregates). The
//! alternative, an enum of two typed pools, would have run every query through a macro and compiled it twice
//! for nothing our columns need: every value the shop stores is text or a 64-bit integer, which is what `Any`
//! carries. What differs per database lives in [`backend`]: the URL's scheme, opening durably (SQLite WAL
//! with `synchronous=FULL`; PostgreSQL `synchronous_commit=on`, so an acknowledged order survives a crash or
//! power loss), and the migrations, one folder each (`migrations/sqlite`, `migrations/postgres`: the same
//! tables, each in its database's types).
//!
//! This file opens the database and holds what every table shares ([`Inserted`]); each table's queries live
//! in their own file: [`orders`] (and their delivery rows, written with them, by default in batches through
//! the one writer of [`group_commit`]), [`deliveries`] (the retailer
//! webhook's outbox) and [`swatch_requests`]. The order desk's queries have their own files: [`desk_users`]
//! (staff and sessions), [`desk_orders`] (the filtered list and status moves), [`desk_lists`],
//! [`desk_stats`] (the dashboard) and [`retention`] (erasing contact details).
//!
//! An error that means the database cannot serve the shop right now (down, read-only, full, locked) is told
//! from the shop's own faults by [`Unavailable::of`]; the HTTP boundaries answer it with 503.
//!
//! A repeated submission id is not an error here: inserts say `ON CONFLICT (submission) DO NOTHING`, so a
//! taken submission comes back as [`Inserted::SubmissionTaken`], and the one unique violation left is the
//! primary key ([`Inserted::IdTaken`]), recognised through the driver's error kind, never its message text.

mod backend;
mod deliveries;
mod designs;
mod desk_lists;
mod desk_orders;
mod desk_stats;
mod desk_users;
mod group_commit;
mod help_requests;
mod orders;
mod retention;
mod swatch_requests;
mod unavailable;

pub use deliveries::{Attempt, Delivery, DueDelivery};
pub use designs::StoredDesign;
pub use desk_orders::{DeskOrderRow, OrderQuery, StatusMove};
pub use desk_stats::DayTotal;
pub use desk_users::UserPut;
pub use help_requests::StoredHelpRequest;
pub use orders::{NewOrder, StoredOrder};
pub use retention::Erased;
pub use swatch_requests::{NewSwatchRequest, StoredSwatchRequest};
pub use unavailable::Unavailable;

pub use backend::{ACQUIRE_TIMEOUT, Backend, shown as shown_url};
pub use group_commit::MAX_BATCH;

use sqlx::AnyPool;
use std::sync::Arc;
use tokio::sync::Notify;

/// The order store.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Signalled after an order (and so a delivery) is stored, so the webhook worker sends it at once.
    new_delivery: Arc<Notify>,
    /// The order writer ([`group_commit`]); `None` when group commit is off (each order its own transaction).
    group_commit: Option<group_commit::GroupCommit>,
}

/// How orders are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Writes {
    /// Whether accepted orders go through the group commit writer (`ATELIER_GROUP_COMMIT`, on by default).
    pub group_commit: bool,
    /// How many orders may wait for the writer before new ones are refused (`ATELIER_ORDER_QUEUE`).
    pub queue: usize,
}

impl Default for Writes {
    fn default() -> Writes {
        Writes {
            group_commit: true,
            queue: 1024,
        }
    }
}

/// How an insert under a fresh id and a client's submission id ended.
#[derive(Debug)]
pub enum Inserted<R> {
    /// Stored: the row as the database now holds it.
    Stored(R),
    /// The random id is taken by another record: try again with a new one.
    IdTaken,
    /// The submission id is taken: an earlier (or concurrent) submit of the same request stored it first.
    SubmissionTaken,
    /// Nothing was stored: the order writer's queue is full ([`group_commit`]); the client may retry.
    Busy,
}

/// The outcome of an `INSERT … ON CONFLICT (submission) DO NOTHING RETURNING *`: the row, no row (the
/// submission was taken), or a unique violation, which can then only be the primary key.
fn inserted<R>(result: Result<Option<R>, sqlx::Error>) -> Result<Inserted<R>, sqlx::Error> {
    match result {
        Ok(Some(row)) => Ok(Inserted::Stored(row)),
        Ok(None) => Ok(Inserted::SubmissionTaken),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(Inserted::IdTaken),
        Err(e) => Err(e),
    }
}

impl Store {
    /// Opens (creating a SQLite file if needed) and migrates the database at `url`: `sqlite://FILE` or
    /// `postgres://…`. The error names the URL without its password.
    pub async fn connect(url: &str) -> anyhow::Result<Store> {
        Store::connect_with(url, Writes::default()).await
    }

    /// [`Store::connect`] with orders written as `writes` says (group commit on or off).
    pub async fn connect_with(url: &str, writes: Writes) -> anyhow::Result<Store> {
        Store::open(url, writes, Vec::new()).await
    }

    /// [`Store::connect`], with `statements` run on each connection the pool opens, after the shop's own
    /// settings. For tests that make a working database behave as full (SQLite `PRAGMA max_page_count`) or
    /// read-only (PostgreSQL `SET default_transaction_read_only = on`) under a running shop; the shop itself
    /// never calls it.
    #[doc(hidden)]
    pub async fn connect_with_session(url: &str, statements: &[&str]) -> anyhow::Result<Store> {
        let session = statements.iter().map(|s| (*s).to_owned()).collect();
        Store::open(url, Writes::default(), session).await
    }

    /// Opens the pool (running `session` on each new connection) and starts the order writer if `writes` asks.
    async fn open(url: &str, writes: Writes, session: Vec<String>) -> anyhow::Result<Store> {
        let (pool, backend) = backend::open(url, session.into()).await?;
        let new_delivery = Arc::new(Notify::new());
        let group_commit = writes.group_commit.then(|| {
            group_commit::GroupCommit::spawn(pool.clone(), new_delivery.clone(), writes.queue)
        });
        Ok(Store {
            pool,
            backend,
            new_delivery,
            group_commit,
        })
    }

    /// Whether orders go through the group commit writer.
    pub fn group_commit(&self) -> bool {
        self.group_commit.is_some()
    }

    /// How many batches the group commit writer has written (`None` with group commit off).
    pub fn order_batches(&self) -> Option<u64> {
        self.group_commit
            .as_ref()
            .map(group_commit::GroupCommit::batches)
    }

    /// The database this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The durability settings its connections run with (see [`backend::durability`]).
    pub async fn durability(&self) -> Result<String, sqlx::Error> {
        backend::durability(&self.pool, self.backend).await
    }

    /// Signalled after each stored order (see [`crate::webhook`]).
    pub fn new_delivery(&self) -> Arc<Notify> {
        self.new_delivery.clone()
    }
}
