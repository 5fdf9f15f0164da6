//! Order, swatch request and delivery storage: the only module that contains SQL.
//!
//! SQLite through sqlx by default (the file is created and migrated on start). WAL with `synchronous=FULL`,
//! so an order the shop has acknowledged survives a crash or power loss. This file opens the database and
//! holds what every table shares ([`Inserted`]); each table's queries live in their own file:
//! [`orders`] (and their delivery rows, written with them), [`deliveries`] (the retailer webhook's outbox) and
//! [`swatch_requests`]. The order desk's queries have their own files: [`desk_users`] (staff and sessions),
//! [`desk_orders`] (the filtered list and status moves), [`desk_lists`], [`desk_stats`] (the dashboard) and
//! [`retention`] (erasing contact details).
//!
//! A repeated submission id is not an error here: inserts say `ON CONFLICT (submission) DO NOTHING`, so a
//! taken submission comes back as [`Inserted::SubmissionTaken`], and the one unique violation left is the
//! primary key ([`Inserted::IdTaken`]), recognised through the driver's error kind, never its message text.

mod deliveries;
mod designs;
mod desk_lists;
mod desk_orders;
mod desk_stats;
mod desk_users;
mod help_requests;
mod orders;
mod retention;
mod swatch_requests;

pub use deliveries::{Attempt, Delivery, DueDelivery};
pub use designs::StoredDesign;
pub use desk_orders::{DeskOrderRow, OrderQuery, StatusMove};
pub use desk_stats::DayTotal;
pub use desk_users::UserPut;
pub use help_requests::StoredHelpRequest;
pub use orders::{NewOrder, StoredOrder};
pub use retention::Erased;
pub use swatch_requests::{NewSwatchRequest, StoredSwatchRequest};

use anyhow::Context;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::sync::Arc;
use tokio::sync::Notify;

/// The order store.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    /// Signalled after an order (and so a delivery) is stored, so the webhook worker sends it at once.
    new_delivery: Arc<Notify>,
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
    /// Opens (creating if needed) and migrates the database at `url`.
    pub async fn connect(url: &str) -> anyhow::Result<Store> {
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| {
                format!("DATABASE_URL={url:?} is not a SQLite URL like sqlite://atelier.db")
            })?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open the database {url}"))?;
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .context("cannot migrate the database")?;
        Ok(Store {
            pool,
            new_delivery: Arc::new(Notify::new()),
        })
    }

    /// Signalled after each stored order (see [`crate::webhook`]).
    pub fn new_delivery(&self) -> Arc<Notify> {
        self.new_delivery.clone()
    }
}
