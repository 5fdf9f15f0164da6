//! The `designs` table: a design stored under its short code, found by code or by its fingerprint.

use super::{Inserted, Store, inserted};

/// A design as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredDesign {
    /// The code, canonical (`K7QM-2XR8`).
    pub code: String,
    /// Lowercase hex SHA-256 of `design`.
    pub fingerprint: String,
    /// Product id.
    pub product: String,
    /// The design as canonical JSON.
    pub design: String,
    /// The catalog file's SHA-256 when it was stored.
    pub catalog_version: String,
    /// When it was stored (UTC, RFC 3339).
    pub created_at: String,
}

impl Store {
    /// Stores a design, unless its code is taken ([`Inserted::IdTaken`]) or the same design is stored already
    /// ([`Inserted::SubmissionTaken`]: its fingerprint plays the submission id's part).
    pub async fn insert_design(
        &self,
        design: &StoredDesign,
    ) -> Result<Inserted<StoredDesign>, sqlx::Error> {
        let row = sqlx::query_as(
            "INSERT INTO designs (code, fingerprint, product, design, catalog_version, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (fingerprint) DO NOTHING RETURNING *",
        )
        .bind(&design.code)
        .bind(&design.fingerprint)
        .bind(&design.product)
        .bind(&design.design)
        .bind(&design.catalog_version)
        .bind(&design.created_at)
        .fetch_optional(&self.pool)
        .await;
        inserted(row)
    }

    /// The design stored under `code` (canonical form).
    pub async fn design(&self, code: &str) -> Result<Option<StoredDesign>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM designs WHERE code = $1")
            .bind(code)
            .fetch_optional(&self.pool)
            .await
    }

    /// The design stored with `fingerprint`.
    pub async fn design_by_fingerprint(
        &self,
        fingerprint: &str,
    ) -> Result<Option<StoredDesign>, sqlx::Error> {
        sqlx::query_as("SELECT * FROM designs WHERE fingerprint = $1")
            .bind(fingerprint)
            .fetch_optional(&self.pool)
            .await
    }
}
