//! Erasing shoppers' contact details once the retention period is over: the name, email, phone and address
//! of a swatch request (its `contact` becomes empty) and the name and phone of a help request (both empty).
//! The records stay (numbers, products, colors, codes, dates), so counts and the desk's lists still add up.
//! When to run it and how long to keep is [`crate::retention`]'s business.

use super::Store;

/// How many records an erasure blanked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    /// Swatch requests.
    pub swatch_requests: u64,
    /// Help requests.
    pub help_requests: u64,
}

impl Store {
    /// Blanks the contact details of every swatch and help request created before `cutoff` (an RFC 3339 UTC
    /// timestamp, which sorts as text like the stored ones), in one transaction. Already blank records are
    /// not counted again.
    pub async fn erase_contacts_before(&self, cutoff: &str) -> Result<Erased, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let swatch_requests = sqlx::query(
            "UPDATE swatch_requests SET contact = '' WHERE created_at < $1 AND contact <> ''",
        )
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let help_requests = sqlx::query(
            "UPDATE help_requests SET name = '', phone = '' \
             WHERE created_at < $1 AND (name <> '' OR phone <> '')",
        )
        .bind(cutoff)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(Erased {
            swatch_requests,
            help_requests,
        })
    }
}
