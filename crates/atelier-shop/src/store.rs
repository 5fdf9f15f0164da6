//! Order and swatch request storage: the only module that contains SQL.
//!
//! SQLite through sqlx by default (the file is created and migrated on start). WAL with `synchronous=FULL`,
//! so an order the shop has acknowledged survives a crash or power loss.
//!
//! It is also the retailer webhook's outbox: [`Store::insert`] writes an order and its `deliveries` row in one
//! transaction, so every acknowledged order is delivered and none twice; [`crate::webhook`] drives the rows
//! through [`Store::claim_due`] and [`Store::record_attempt`]. Times in `deliveries` are unix milliseconds.

use anyhow::Context;
use serde::Serialize;
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

/// An order as stored.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct StoredOrder {
    /// Public order number.
    pub id: String,
    /// The client's submission id, if it sent one.
    pub submission: Option<String>,
    /// Product id.
    pub product: String,
    /// The request body as received.
    pub request: String,
    /// The shop's total in minor units.
    pub amount: i64,
    /// Its currency.
    pub currency: String,
    /// The shop's price breakdown (JSON).
    pub breakdown: String,
    /// When the shop stored it (UTC, RFC 3339).
    pub created_at: String,
    /// The canonical order spec (see [`crate::spec`]); `None` for orders stored before specs existed.
    pub spec: Option<String>,
}

/// A new order to store.
pub struct NewOrder<'a> {
    /// Public order number.
    pub id: &'a str,
    /// Submission id.
    pub submission: Option<&'a str>,
    /// Product id.
    pub product: &'a str,
    /// Request body.
    pub request: &'a str,
    /// Total.
    pub amount: i64,
    /// Currency code.
    pub currency: &'a str,
    /// Breakdown JSON.
    pub breakdown: &'a str,
    /// When the shop accepted it ([`crate::spec::timestamp`]).
    pub created_at: &'a str,
    /// The canonical order spec, delivered to the retailer byte for byte.
    pub spec: &'a str,
}

/// A swatch request as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredSwatchRequest {
    /// Public number (`SWR-XXXX-XXXX`).
    pub id: String,
    /// The client's submission id.
    pub submission: String,
    /// Product id.
    pub product: String,
    /// Color ids (a JSON array).
    pub colors: String,
    /// The shopper's contact details (JSON, see [`crate::swatch_request::ValidContact`]). Personal data.
    pub contact: String,
    /// The language to write to the shopper in.
    pub locale: String,
    /// `received` (the only status so far).
    pub status: String,
    /// When the shop stored it (UTC, RFC 3339).
    pub created_at: String,
}

/// A new swatch request to store.
pub struct NewSwatchRequest<'a> {
    /// Public number.
    pub id: &'a str,
    /// Submission id.
    pub submission: &'a str,
    /// Product id.
    pub product: &'a str,
    /// Color ids as a JSON array.
    pub colors: &'a str,
    /// Contact details as JSON.
    pub contact: &'a str,
    /// Locale tag.
    pub locale: &'a str,
    /// When the shop accepted it ([`crate::spec::timestamp`]).
    pub created_at: &'a str,
}

/// A delivery of an order's spec to the retailer webhook, as recorded.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct Delivery {
    /// The order.
    pub order_id: String,
    /// Attempts made so far.
    pub attempts: i64,
    /// When the next attempt is due (unix ms; 0 = at once). While an attempt runs, its lease end.
    pub next_attempt_at: i64,
    /// When the last attempt started (unix ms).
    pub last_attempt_at: Option<i64>,
    /// The last attempt's HTTP status, if the receiver answered.
    pub last_status: Option<i64>,
    /// Why the last attempt failed, if it did.
    pub last_error: Option<String>,
    /// When the receiver acknowledged it (unix ms); `None` while pending.
    pub delivered_at: Option<i64>,
}

/// A delivery claimed for an attempt: the order and the bytes to send.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DueDelivery {
    /// The order.
    pub order_id: String,
    /// Attempts made before this one.
    pub attempts: i64,
    /// The canonical spec.
    pub spec: String,
}

/// How an attempt ended.
#[derive(Clone, Debug)]
pub enum Attempt {
    /// The receiver answered 2xx.
    Delivered {
        /// Its status.
        status: u16,
    },
    /// No 2xx: try again at `retry_at` (unix ms).
    Failed {
        /// The status, if there was an answer.
        status: Option<u16>,
        /// What went wrong.
        error: String,
        /// When to try again.
        retry_at: i64,
    },
}

/// Why an insert did not happen.
#[derive(Debug, thiserror::Error)]
pub enum InsertError {
    /// The order (or swatch request) id is taken (retry with a new one).
    #[error("id taken")]
    IdTaken,
    /// The submission id is taken (an earlier submit of the same order or swatch request).
    #[error("submission already stored")]
    SubmissionTaken,
    /// Anything else.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
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

    /// Stores a new order and its pending delivery, in one transaction: either both exist or neither does.
    /// A repeated submission fails on the order's unique `submission` before any delivery is written.
    pub async fn insert(&self, order: &NewOrder<'_>) -> Result<(), InsertError> {
        let result = async {
            let mut tx = self.pool.begin().await?;
            sqlx::query(
                "INSERT INTO orders \
                 (id, submission, product, request, amount, currency, breakdown, created_at, spec) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(order.id)
            .bind(order.submission)
            .bind(order.product)
            .bind(order.request)
            .bind(order.amount)
            .bind(order.currency)
            .bind(order.breakdown)
            .bind(order.created_at)
            .bind(order.spec)
            .execute(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO deliveries (order_id) VALUES (?)")
                .bind(order.id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await;
        result.map_err(insert_error)?;
        // A stored permit if the worker is busy, so the wake-up is never lost.
        self.new_delivery.notify_one();
        Ok(())
    }

    /// The order with `id`.
    pub async fn get(&self, id: &str) -> Result<Option<StoredOrder>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM orders WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// The order stored for a submission id.
    pub async fn by_submission(
        &self,
        submission: &str,
    ) -> Result<Option<StoredOrder>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM orders WHERE submission = ?")
            .bind(submission)
            .fetch_optional(&self.pool)
            .await
    }

    /// Stores a new swatch request.
    pub async fn insert_swatch_request(
        &self,
        request: &NewSwatchRequest<'_>,
    ) -> Result<(), InsertError> {
        sqlx::query(
            "INSERT INTO swatch_requests \
             (id, submission, product, colors, contact, locale, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(request.id)
        .bind(request.submission)
        .bind(request.product)
        .bind(request.colors)
        .bind(request.contact)
        .bind(request.locale)
        .bind(request.created_at)
        .execute(&self.pool)
        .await
        .map_err(insert_error)?;
        Ok(())
    }

    /// The swatch request with `id`.
    pub async fn swatch_request(
        &self,
        id: &str,
    ) -> Result<Option<StoredSwatchRequest>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM swatch_requests WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// The swatch request stored for a submission id.
    pub async fn swatch_request_by_submission(
        &self,
        submission: &str,
    ) -> Result<Option<StoredSwatchRequest>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM swatch_requests WHERE submission = ?")
            .bind(submission)
            .fetch_optional(&self.pool)
            .await
    }

    /// Signalled after each stored order (see [`crate::webhook`]).
    pub fn new_delivery(&self) -> Arc<Notify> {
        self.new_delivery.clone()
    }

    /// Claims up to `limit` pending deliveries due at `now` (oldest due first), with their specs, and leases
    /// them until `lease_until`: a second worker does not pick them up meanwhile, and if the shop dies
    /// mid-attempt they become due again when the lease ends.
    pub async fn claim_due(
        &self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<DueDelivery>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let due: Vec<DueDelivery> = sqlx::query_as(
            "SELECT d.order_id, d.attempts, o.spec FROM deliveries d JOIN orders o ON o.id = d.order_id \
             WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ? AND o.spec IS NOT NULL \
             ORDER BY d.next_attempt_at, d.order_id LIMIT ?",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        for d in &due {
            sqlx::query(
                "UPDATE deliveries SET next_attempt_at = ?, last_attempt_at = ? WHERE order_id = ?",
            )
            .bind(lease_until)
            .bind(now)
            .bind(&d.order_id)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(due)
    }

    /// Records how an attempt on `order_id` ended.
    pub async fn record_attempt(
        &self,
        order_id: &str,
        attempt: &Attempt,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let query = match attempt {
            Attempt::Delivered { status } => sqlx::query(
                "UPDATE deliveries SET attempts = attempts + 1, last_status = ?, last_error = NULL, \
                 delivered_at = ? WHERE order_id = ?",
            )
            .bind(i64::from(*status))
            .bind(now),
            Attempt::Failed {
                status,
                error,
                retry_at,
            } => sqlx::query(
                "UPDATE deliveries SET attempts = attempts + 1, last_status = ?, last_error = ?, \
                 next_attempt_at = ? WHERE order_id = ?",
            )
            .bind(status.map(i64::from))
            .bind(error.as_str())
            .bind(*retry_at),
        };
        query.bind(order_id).execute(&self.pool).await?;
        Ok(())
    }

    /// When the earliest pending delivery is due (unix ms), if any is pending.
    pub async fn next_due(&self) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar("SELECT MIN(next_attempt_at) FROM deliveries WHERE delivered_at IS NULL")
            .fetch_one(&self.pool)
            .await
    }

    /// The delivery of `order_id`.
    pub async fn delivery(&self, order_id: &str) -> Result<Option<Delivery>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM deliveries WHERE order_id = ?")
            .bind(order_id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Every delivery, oldest order first.
    pub async fn deliveries(&self) -> Result<Vec<Delivery>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM deliveries ORDER BY rowid")
            .fetch_all(&self.pool)
            .await
    }
}

/// A unique-constraint violation becomes the domain's reason (the column names which); anything else stays a
/// database error.
fn insert_error(e: sqlx::Error) -> InsertError {
    match e {
        sqlx::Error::Database(e) if e.is_unique_violation() => {
            if e.message().contains("submission") {
                InsertError::SubmissionTaken
            } else {
                InsertError::IdTaken
            }
        }
        e => InsertError::Database(e),
    }
}
