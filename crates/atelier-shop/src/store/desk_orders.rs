//! The order desk's reading of the `orders` table (a filtered list, newest first, a page at a time) and the
//! `order_status_history` table (moving an order's status and recording who moved it when).
//!
//! The filter arrives already checked ([`OrderQuery`], made by `desk::filter`); this file only turns it into
//! SQL, with every value bound, never written into the text. Which moves are allowed is `desk::status`'s
//! business: [`Store::move_order_status`] only makes sure the order is still where the caller saw it.

use super::Store;
use sqlx::{QueryBuilder, Sqlite};

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

/// `WHERE …` for `query`, every value bound.
fn push_filter<'a>(sql: &mut QueryBuilder<'a, Sqlite>, query: &'a OrderQuery) {
    sql.push(" WHERE 1 = 1");
    if let Some(status) = &query.status {
        sql.push(" AND status = ").push_bind(status);
    }
    if let Some(product) = &query.product {
        sql.push(" AND product = ").push_bind(product);
    }
    if let Some(from) = &query.from {
        sql.push(" AND created_at >= ").push_bind(from);
    }
    if let Some(before) = &query.before {
        sql.push(" AND created_at < ").push_bind(before);
    }
}

impl Store {
    /// Up to `limit` orders matching `query`, newest first (ties by id), skipping the first `offset`.
    pub async fn desk_orders(
        &self,
        query: &OrderQuery,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<DeskOrderRow>, sqlx::Error> {
        let mut sql = QueryBuilder::new(
            "SELECT id, product, amount, currency, created_at, status FROM orders",
        );
        push_filter(&mut sql, query);
        sql.push(" ORDER BY created_at DESC, id DESC LIMIT ")
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset);
        sql.build_query_as().fetch_all(&self.pool).await
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
        let moved = sqlx::query("UPDATE orders SET status = ? WHERE id = ? AND status = ?")
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
             SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM order_status_history WHERE order_id = ?",
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
        sqlx::query_scalar("SELECT status FROM orders WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Order `id`'s status moves, oldest first.
    pub async fn status_history(&self, id: &str) -> Result<Vec<StatusMove>, sqlx::Error> {
        sqlx::query_as(
            "SELECT from_status, to_status, user_name, moved_at FROM order_status_history \
             WHERE order_id = ? ORDER BY seq",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await
    }
}
