//! The `orders` table: storing an accepted order together with its delivery row (through the group commit
//! writer, [`super::group_commit`], or in a transaction of its own), and reading orders back.

use super::{Inserted, Store, inserted};
use serde::Serialize;
use sqlx::AnyPool;

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
    /// Where the order stands (`desk::status`'s stored names; `received` when accepted).
    pub status: String,
}

/// A new order to store.
#[derive(Clone, Debug)]
pub struct NewOrder {
    /// Public order number.
    pub id: String,
    /// Submission id.
    pub submission: Option<String>,
    /// Product id.
    pub product: String,
    /// Request body.
    pub request: String,
    /// Total.
    pub amount: i64,
    /// Currency code.
    pub currency: String,
    /// Breakdown JSON.
    pub breakdown: String,
    /// When the shop accepted it ([`crate::spec::timestamp`]).
    pub created_at: String,
    /// The canonical order spec, delivered to the retailer byte for byte.
    pub spec: String,
}

impl Store {
    /// Stores a new order and its pending delivery, in one transaction: either both exist or neither does.
    /// A repeated submission stores nothing, no delivery either ([`Inserted::SubmissionTaken`]). With group
    /// commit on (the default), the transaction is the writer's next batch, and this answers once it committed;
    /// [`Inserted::Busy`] when the writer's queue is full.
    pub async fn insert(&self, order: &NewOrder) -> Result<Inserted<StoredOrder>, sqlx::Error> {
        if let Some(writer) = &self.group_commit {
            return writer.submit(order.clone()).await;
        }
        let inserted = insert_alone(&self.pool, order).await;
        if let Ok(Inserted::Stored(_)) = &inserted {
            // A stored permit if the worker is busy, so the wake-up is never lost.
            self.new_delivery.notify_one();
        }
        inserted
    }

    /// The order with `id`.
    pub async fn get(&self, id: &str) -> Result<Option<StoredOrder>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM orders WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// The order stored for a submission id.
    pub async fn by_submission(
        &self,
        submission: &str,
    ) -> Result<Option<StoredOrder>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM orders WHERE submission = $1")
            .bind(submission)
            .fetch_optional(&self.pool)
            .await
    }
}

/// Stores `order` and its delivery row in a transaction of its own (group commit off, or a batch's member
/// after the batch failed as a whole).
pub(super) async fn insert_alone(
    pool: &AnyPool,
    order: &NewOrder,
) -> Result<Inserted<StoredOrder>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let row = sqlx::query_as(
        "INSERT INTO orders \
         (id, submission, product, request, amount, currency, breakdown, created_at, spec) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (submission) DO NOTHING RETURNING *",
    )
    .bind(&order.id)
    .bind(&order.submission)
    .bind(&order.product)
    .bind(&order.request)
    .bind(order.amount)
    .bind(&order.currency)
    .bind(&order.breakdown)
    .bind(&order.created_at)
    .bind(&order.spec)
    .fetch_optional(&mut *tx)
    .await;
    let stored = match inserted(row)? {
        Inserted::Stored(stored) => stored,
        // Dropping the transaction rolls it back: nothing was written, and no delivery will be.
        other => return Ok(other),
    };
    sqlx::query("INSERT INTO deliveries (order_id) VALUES ($1)")
        .bind(&order.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Inserted::Stored(stored))
}
