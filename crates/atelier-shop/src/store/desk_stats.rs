//! What the order desk's dashboard counts: orders and revenue per day, and the designs of recent orders (whose
//! options the dashboard tallies in Rust, since they live in each order's JSON spec).

use super::Store;

/// Orders of one day in one currency.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct DayTotal {
    /// The day, `YYYY-MM-DD` (UTC).
    pub day: String,
    /// The currency.
    pub currency: String,
    /// Orders that day.
    pub orders: i64,
    /// Their total, minor units.
    pub revenue: i64,
}

impl Store {
    /// Orders and revenue per UTC day and currency of orders created at or after `since` (RFC 3339), cancelled
    /// orders left out, oldest day first.
    pub async fn day_totals(&self, since: &str) -> Result<Vec<DayTotal>, sqlx::Error> {
        // PostgreSQL sums BIGINTs as NUMERIC, which the `Any` driver does not carry: cast back.
        sqlx::query_as(
            "SELECT SUBSTR(created_at, 1, 10) AS day, currency, COUNT(*) AS orders, \
             CAST(SUM(amount) AS BIGINT) AS revenue FROM orders \
             WHERE created_at >= $1 AND status <> 'cancelled' \
             GROUP BY SUBSTR(created_at, 1, 10), currency ORDER BY day, currency",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await
    }

    /// The specs of orders created at or after `since`, cancelled ones left out, at most `limit`, newest first.
    pub async fn recent_specs(&self, since: &str, limit: i64) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT spec FROM orders WHERE created_at >= $1 AND status <> 'cancelled' \
             AND spec IS NOT NULL ORDER BY created_at DESC LIMIT $2",
        )
        .bind(since)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }
}
