//! The `orders` table: storing an accepted order together with its delivery row (through the group commit
//! writer, [`super::group_commit`], or in a transaction of its own), and reading orders back.

use super::{Inserted, Store, inserted};
use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::{Any, AnyPool};
use std::sync::LazyLock;

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
    static ONE: LazyLock<String> = LazyLock::new(|| insert_sql(1));
    let mut tx = pool.begin().await?;
    let row = bind(sqlx::query_as(&ONE), order)
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

/// The columns an order is inserted with, in the order [`bind`] binds them.
const COLUMNS: [&str; 9] = [
    "id",
    "submission",
    "product",
    "request",
    "amount",
    "currency",
    "breakdown",
    "created_at",
    "spec",
];

/// `INSERT INTO orders … RETURNING *` of `rows` orders, each bound with [`bind`]; an order whose submission
/// id is taken is skipped, so it returns no row.
pub(super) fn insert_sql(rows: usize) -> String {
    format!(
        "INSERT INTO orders ({}) VALUES {} ON CONFLICT (submission) DO NOTHING RETURNING *",
        COLUMNS.join(", "),
        placeholders(rows, COLUMNS.len())
    )
}

/// `($1, …, $cols), ($cols+1, …)`: the numbered placeholders of `rows` rows of `cols` values.
pub(super) fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            let row: Vec<String> = (1..=cols).map(|c| format!("${}", r * cols + c)).collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Binds `order`'s values to `query` in [`COLUMNS`]' order.
pub(super) fn bind<'q, O>(
    query: QueryAs<'q, Any, O, AnyArguments<'q>>,
    order: &'q NewOrder,
) -> QueryAs<'q, Any, O, AnyArguments<'q>> {
    query
        .bind(&order.id)
        .bind(&order.submission)
        .bind(&order.product)
        .bind(&order.request)
        .bind(order.amount)
        .bind(&order.currency)
        .bind(&order.breakdown)
        .bind(&order.created_at)
        .bind(&order.spec)
}

#[cfg(test)]
mod tests {
    use super::{COLUMNS, insert_sql, placeholders};

    #[test]
    fn placeholders_are_numbered_row_by_row() {
        assert_eq!(placeholders(1, 1), "($1)");
        assert_eq!(placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(placeholders(0, 9), "");
        let two = insert_sql(2);
        assert!(
            two.contains("($10, $11, $12, $13, $14, $15, $16, $17, $18) ON CONFLICT"),
            "{two}"
        );
        assert_eq!(COLUMNS.len(), 9);
    }
}
