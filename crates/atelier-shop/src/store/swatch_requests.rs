//! The `swatch_requests` table: recording a request for physical swatches and reading it back.

use super::{Inserted, Store, inserted};

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
    /// The shopper's contact details (JSON, see [`atelier_core::swatch::ValidContact`]). Personal data.
    pub contact: String,
    /// The language to write to the shopper in.
    pub locale: String,
    /// `received` (the only status so far).
    pub status: String,
    /// When the shop stored it (UTC, RFC 3339).
    pub created_at: String,
}

/// A new swatch request to store.
pub struct NewSwatchRequest {
    /// Public number.
    pub id: String,
    /// Submission id.
    pub submission: String,
    /// Product id.
    pub product: String,
    /// Color ids as a JSON array.
    pub colors: String,
    /// Contact details as JSON.
    pub contact: String,
    /// Locale tag.
    pub locale: String,
    /// When the shop accepted it ([`crate::spec::timestamp`]).
    pub created_at: String,
}

impl Store {
    /// Stores a new swatch request, unless its submission id is taken ([`Inserted::SubmissionTaken`]).
    pub async fn insert_swatch_request(
        &self,
        request: &NewSwatchRequest,
    ) -> Result<Inserted<StoredSwatchRequest>, sqlx::Error> {
        let row = sqlx::query_as(
            "INSERT INTO swatch_requests \
             (id, submission, product, colors, contact, locale, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (submission) DO NOTHING RETURNING *",
        )
        .bind(&request.id)
        .bind(&request.submission)
        .bind(&request.product)
        .bind(&request.colors)
        .bind(&request.contact)
        .bind(&request.locale)
        .bind(&request.created_at)
        .fetch_optional(&self.pool)
        .await;
        inserted(row)
    }

    /// The swatch request with `id`.
    pub async fn swatch_request(
        &self,
        id: &str,
    ) -> Result<Option<StoredSwatchRequest>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM swatch_requests WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// The swatch request stored for a submission id.
    pub async fn swatch_request_by_submission(
        &self,
        submission: &str,
    ) -> Result<Option<StoredSwatchRequest>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM swatch_requests WHERE submission = $1")
            .bind(submission)
            .fetch_optional(&self.pool)
            .await
    }
}
