//! Order storage: the only module that contains SQL.
//!
//! SQLite through sqlx by default (the file is created and migrated on start). WAL with `synchronous=FULL`,
//! so an order the shop has acknowledged survives a crash or power loss.

use anyhow::Context;
use serde::Serialize;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;

/// The order store.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
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
}

/// Why an insert did not happen.
#[derive(Debug, thiserror::Error)]
pub enum InsertError {
    /// The order id is taken (retry with a new one).
    #[error("order id taken")]
    IdTaken,
    /// The submission id is taken (an earlier submit of the same order).
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
        Ok(Store { pool })
    }

    /// Stores a new order.
    pub async fn insert(&self, order: &NewOrder<'_>) -> Result<(), InsertError> {
        let result = sqlx::query(
            "INSERT INTO orders (id, submission, product, request, amount, currency, breakdown) \
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(order.id)
        .bind(order.submission)
        .bind(order.product)
        .bind(order.request)
        .bind(order.amount)
        .bind(order.currency)
        .bind(order.breakdown)
        .execute(&self.pool)
        .await;
        match result {
            Ok(_) => Ok(()),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                if e.message().contains("submission") {
                    Err(InsertError::SubmissionTaken)
                } else {
                    Err(InsertError::IdTaken)
                }
            }
            Err(e) => Err(e.into()),
        }
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
}
