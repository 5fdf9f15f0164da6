//! The retailer webhook's outbox: the `deliveries` table.
//!
//! [`Store::insert`](super::Store::insert) writes an order and its `deliveries` row in one transaction, so
//! every acknowledged order is delivered and none twice; [`crate::webhook`] drives the rows through
//! [`Store::claim_due`] and [`Store::record_attempt`]. Times are unix milliseconds.
//!
//! Several shop instances may share one database, each running a webhook worker, so a claim is a lease that
//! only one of them can take: one `UPDATE … RETURNING` that sets `lease_owner` and `lease_until` on rows that
//! are due and not leased, and re-checks that in its own `WHERE`, so of two instances racing for a row the
//! second finds it leased (PostgreSQL re-evaluates an `UPDATE`'s conditions on the row version it waited for;
//! SQLite runs one writer at a time). On PostgreSQL the candidate rows are also picked `FOR UPDATE SKIP
//! LOCKED`, so a second instance takes the next rows instead of waiting for the first one's. A lease outlasts
//! one attempt; an instance that dies mid-attempt leaves its rows to the others when the lease ends.

use super::{Backend, Store};
use serde::Serialize;

/// A delivery of an order's spec to the retailer webhook, as recorded.
#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct Delivery {
    /// The order.
    pub order_id: String,
    /// Attempts made so far.
    pub attempts: i64,
    /// When the next attempt is due (unix ms; 0 = at once).
    pub next_attempt_at: i64,
    /// When the last attempt started (unix ms).
    pub last_attempt_at: Option<i64>,
    /// The last attempt's HTTP status, if the receiver answered.
    pub last_status: Option<i64>,
    /// Why the last attempt failed, if it did.
    pub last_error: Option<String>,
    /// When the receiver acknowledged it (unix ms); `None` while pending.
    pub delivered_at: Option<i64>,
    /// The instance whose webhook worker leased it last (its [`crate::webhook`] id); `None` once the
    /// attempt is recorded.
    pub lease_owner: Option<String>,
    /// When that lease ends (unix ms): until then no other instance attempts it.
    pub lease_until: Option<i64>,
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

/// The claim: rows due at `$3` (pending, past their due time and any lease, with a spec to send), oldest due
/// first, at most `$4`, leased to `$1` until `$2`, with their specs. `$lock` is PostgreSQL's row locking for
/// the candidates, empty on SQLite (which has none and needs none: one writer at a time). The outer `WHERE`
/// repeats the conditions because they are what makes the lease exclusive on PostgreSQL: an `UPDATE` that
/// waited for another one's row re-checks them on the row as that one left it, and finds it leased.
macro_rules! claim_sql {
    ($lock:literal) => {
        concat!(
            "UPDATE deliveries SET lease_owner = $1, lease_until = $2, last_attempt_at = $3 \
             WHERE order_id IN (\
               SELECT d.order_id FROM deliveries d JOIN orders o ON o.id = d.order_id \
               WHERE d.delivered_at IS NULL AND d.next_attempt_at <= $3 \
                 AND (d.lease_until IS NULL OR d.lease_until <= $3) AND o.spec IS NOT NULL \
               ORDER BY d.next_attempt_at, d.order_id LIMIT $4",
            $lock,
            ") AND delivered_at IS NULL AND next_attempt_at <= $3 \
               AND (lease_until IS NULL OR lease_until <= $3) \
             RETURNING order_id, attempts, \
               (SELECT o.spec FROM orders o WHERE o.id = deliveries.order_id) AS spec"
        )
    };
}

impl Store {
    /// Claims up to `limit` pending deliveries due at `now` (oldest due first), with their specs, for the
    /// instance `owner`, and leases them until `lease_until`: no other worker, of this instance or another one
    /// on the same database, picks them up meanwhile, and if the instance dies mid-attempt they become due
    /// again when the lease ends.
    pub async fn claim_due(
        &self,
        owner: &str,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<DueDelivery>, sqlx::Error> {
        let sql = match self.backend {
            Backend::Sqlite => claim_sql!(""),
            Backend::Postgres => claim_sql!(" FOR UPDATE OF d SKIP LOCKED"),
        };
        let mut due: Vec<DueDelivery> = sqlx::query_as(sql)
            .bind(owner)
            .bind(lease_until)
            .bind(now)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        // `RETURNING` promises no order: by order number, so a batch reads the same in every log.
        due.sort_by(|a, b| a.order_id.cmp(&b.order_id));
        Ok(due)
    }

    /// Records how `owner`'s attempt on `order_id` ended, and ends its lease. A delivery is recorded whoever
    /// made it (the receiver has the order, so no one should send it again); a failure only while `owner`
    /// still holds the lease, so an instance that overran its lease cannot push back another one's retry.
    pub async fn record_attempt(
        &self,
        order_id: &str,
        owner: &str,
        attempt: &Attempt,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let query = match attempt {
            Attempt::Delivered { status } => sqlx::query(
                "UPDATE deliveries SET attempts = attempts + 1, last_status = $1, last_error = NULL, \
                 delivered_at = $2, lease_owner = NULL, lease_until = NULL \
                 WHERE order_id = $3 AND delivered_at IS NULL",
            )
            .bind(i64::from(*status))
            .bind(now)
            .bind(order_id),
            Attempt::Failed {
                status,
                error,
                retry_at,
            } => sqlx::query(
                "UPDATE deliveries SET attempts = attempts + 1, last_status = $1, last_error = $2, \
                 next_attempt_at = $3, lease_owner = NULL, lease_until = NULL \
                 WHERE order_id = $4 AND lease_owner = $5 AND delivered_at IS NULL",
            )
            .bind(status.map(i64::from))
            .bind(error.as_str())
            .bind(*retry_at)
            .bind(order_id)
            .bind(owner),
        };
        query.execute(&self.pool).await?;
        Ok(())
    }

    /// When the earliest pending delivery is due (unix ms), if any is pending: its due time, or its lease's
    /// end if that is later.
    pub async fn next_due(&self) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT MIN(CASE WHEN lease_until > next_attempt_at THEN lease_until ELSE next_attempt_at END) \
             FROM deliveries WHERE delivered_at IS NULL",
        )
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
