//! The retailer webhook's outbox: the `deliveries` table.
//!
//! [`Store::insert`](super::Store::insert) writes an order and its `deliveries` row in one transaction, so
//! every acknowledged order is delivered and none twice; [`crate::webhook`] drives the rows through
//! [`Store::claim_due`] and [`Store::record_attempt`]. Times are unix milliseconds.

use super::Store;
use serde::Serialize;

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

impl Store {
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
             WHERE d.delivered_at IS NULL AND d.next_attempt_at <= $1 AND o.spec IS NOT NULL \
             ORDER BY d.next_attempt_at, d.order_id LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        for d in &due {
            sqlx::query(
                "UPDATE deliveries SET next_attempt_at = $1, last_attempt_at = $2 WHERE order_id = $3",
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
                "UPDATE deliveries SET attempts = attempts + 1, last_status = $1, last_error = NULL, \
                 delivered_at = $2 WHERE order_id = $3",
            )
            .bind(i64::from(*status))
            .bind(now),
            Attempt::Failed {
                status,
                error,
                retry_at,
            } => sqlx::query(
                "UPDATE deliveries SET attempts = attempts + 1, last_status = $1, last_error = $2, \
                 next_attempt_at = $3 WHERE order_id = $4",
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
        sqlx::query_as("SELECT * FROM deliveries WHERE order_id = $1")
            .bind(order_id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Every delivery, oldest order first (ties by order number).
    pub async fn deliveries(&self) -> Result<Vec<Delivery>, sqlx::Error> {
        sqlx::query_as(
            "SELECT d.* FROM deliveries d JOIN orders o ON o.id = d.order_id \
             ORDER BY o.created_at, o.id",
        )
        .fetch_all(&self.pool)
        .await
    }
}
