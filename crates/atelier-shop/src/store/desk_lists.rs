//! The order desk's lists of what shoppers left besides orders: swatch requests, help requests and design
//! codes, newest first, a page at a time. Contact details are read here for the desk alone (the API never
//! serves them back).

use super::{Store, StoredDesign, StoredHelpRequest, StoredSwatchRequest};

impl Store {
    /// Up to `limit` swatch requests, newest first, skipping `offset`.
    pub async fn desk_swatch_requests(
        &self,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<StoredSwatchRequest>, sqlx::Error> {
        sqlx::query_as(
            "SELECT * FROM swatch_requests ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2",
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
    }

    /// Up to `limit` help requests, newest first, skipping `offset`.
    pub async fn desk_help_requests(
        &self,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<StoredHelpRequest>, sqlx::Error> {
        sqlx::query_as(
            "SELECT * FROM help_requests ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2",
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
    }

    /// Up to `limit` stored designs, newest first, skipping `offset`.
    pub async fn desk_designs(
        &self,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<StoredDesign>, sqlx::Error> {
        sqlx::query_as(
            "SELECT * FROM designs ORDER BY created_at DESC, code DESC LIMIT $1 OFFSET $2",
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
    }
}
