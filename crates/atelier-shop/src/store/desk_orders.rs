//! The order desk's reading of the `orders` table (a filtered list, newest first, a page at a time) and the
//! `order_status_history` table (moving an order's status and recording who moved it when).
//!
//! The filter arrives already checked ([`OrderQuery`], made by `desk::filter`); this file only turns it into
//! SQL, with every value bound, never written into the text (numbered `$n` placeholders, which both databases
//! read; sqlx's `QueryBuilder` writes `?` for the `Any` driver, which PostgreSQL does not). Which moves are allowed is `desk::status`'s
//! business: [`Store::move_order_status`] only makes sure the order is still where the caller saw it.

use super::Store;

/// A checked order filter: each field narrows the list when set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderQuery {
    /// Only orders in this status (its stored name).
    pub status: Option<String>,
    /// Only orders of this product id.
    pub product: Option<String>,
    /// Only orders created at or after this RFC 3339 timestamp.
    pub from: Option<String>,
    /// Only orders created before this RFC 3339 timestamp.
    pub before: Option<String>,
}

/// One row of the desk's order list.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DeskOrderRow {
    /// Public order number.
    pub id: String,
    /// Product id.
    pub product: String,
    /// Total, minor units.
    pub amount: i64,
    /// Its currency.
    pub currency: String,
    /// When the shop accepted it (UTC, RFC 3339).
    pub created_at: String,
    /// Its status' stored name.
    pub status: String,
}

/// One recorded status move.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StatusMove {
    /// The status before.
    pub from_status: String,
    /// The status after.
    pub to_status: String,
    /// Who moved it (the desk user's name).
    pub user_name: String,
    /// When (unix ms).
    pub moved_at: i64,
}

/// ` WHERE …` for `query` and the values it binds, in the order of their `$n`.
fn filter(query: &OrderQuery) -> (String, Vec<&str>) {
    let mut sql = String::from(" WHERE 1 = 1");
    let mut values = Vec::new();
    for (column, value) in [
        ("status =", &query.status),
        ("product =", &query.product),
        ("created_at >=", &query.from),
        ("created_at <", &query.before),
    ] {
        if let Some(value) = value {
            values.push(value.as_str());
            sql.push_str(&format!(" AND {column} ${}", values.len()));
        }
    }
    (sql, values)
}

impl Store {
    /// Up to `limit` orders matching `query`, newest first (ties by id), skipping the first `offset`.
    pub async fn desk_orders(
        &self,
        query: &OrderQuery,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<DeskOrderRow>, sqlx::Error> {
        let (filter, values) = filter(query);
        let n = values.len();
        let sql = format!(
            "SELECT id, product, amount, currency, created_at, status FROM orders{filter} \
             ORDER BY created_at DESC, id DESC LIMIT ${} OFFSET ${}",
            n + 1,
            n + 2
        );
        let mut select = sqlx::query_as(&sql);
        for value in values {
            select = select.bind(value);
        }
        select.bind(limit).bind(offset).fetch_all(&self.pool).await
    }

    /// Moves order `id` from status `from` to `to`, recording `user` and `now` (unix ms) in its history, in one
    /// transaction. `false` (and nothing written) if the order is not in `from` any more: someone else moved
    /// it first, or it does not exist.
    pub async fn move_order_status(
        &self,
        id: &str,
        from: &str,
        to: &str,
        user: &str,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let moved = sqlx::query("UPDATE orders SET status = $1 WHERE id = $2 AND status = $3")
            .bind(to)
            .bind(id)
            .bind(from)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if !moved {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO order_status_history (order_id, seq, from_status, to_status, user_name, moved_at) \
             SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5 FROM order_status_history WHERE order_id = $6",
        )
        .bind(id)
        .bind(from)
        .bind(to)
        .bind(user)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The status of order `id`, if it exists.
    pub async fn order_status(&self, id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT status FROM orders WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Order `id`'s status moves, oldest first.
    pub async fn status_history(&self, id: &str) -> Result<Vec<StatusMove>, sqlx::Error> {
        sqlx::query_as(
            "SELECT from_status, to_status, user_name, moved_at FROM order_status_history \
             WHERE order_id = $1 ORDER BY seq",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
    }
}
