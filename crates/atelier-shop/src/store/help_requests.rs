//! The `help_requests` table: recording a "call me about this design" request and finding it by submission.

use super::{Inserted, Store, inserted};

/// A help request as stored (with the shopper's name and phone number: personal data, never served back).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredHelpRequest {
    /// Public number (`HLP-XXXX-XXXX`).
    pub id: String,
    /// The client's submission id.
    pub submission: String,
    /// The design code, canonical.
    pub code: String,
    /// Whom to ask for. Personal data.
    pub name: String,
    /// The number to call. Personal data.
    pub phone: String,
    /// `morning`, `afternoon`, `evening` or `anytime`.
    pub preferred_time: String,
    /// The language to speak.
    pub locale: String,
    /// `received` (the only status so far).
    pub status: String,
    /// When the shop stored it (UTC, RFC 3339).
    pub created_at: String,
}

impl Store {
    /// Stores a help request (its `status` is the table's default), unless its id or submission id is taken.
    pub async fn insert_help_request(
        &self,
        r: &StoredHelpRequest,
    ) -> Result<Inserted<StoredHelpRequest>, sqlx::Error> {
        let row = sqlx::query_as(
            "INSERT INTO help_requests \
             (id, submission, code, name, phone, preferred_time, locale, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (submission) DO NOTHING RETURNING *",
        )
        .bind(&r.id)
        .bind(&r.submission)
        .bind(&r.code)
        .bind(&r.name)
        .bind(&r.phone)
        .bind(&r.preferred_time)
        .bind(&r.locale)
        .bind(&r.created_at)
        .fetch_optional(&self.pool)
        .await;
        inserted(row)
    }

    /// The help request stored for a submission id.
    pub async fn help_request_by_submission(
        &self,
        submission: &str,
    ) -> Result<Option<StoredHelpRequest>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM help_requests WHERE submission = $1")
            .bind(submission)
            .fetch_optional(&self.pool)
            .await
    }
}
