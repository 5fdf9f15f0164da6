//! How long shoppers' contact details are kept: the swatch and help requests' names, addresses, emails and
//! phone numbers are erased `ATELIER_CONTACT_RETENTION_DAYS` (180) days after the request
//! ([`crate::store::Store::erase_contacts_before`]). The shop erases once when it starts and then every hour
//! ([`spawn`]), so nothing stays more than an hour past its time; the desk's pages say the period.

use crate::store::{Erased, Store};
use std::time::{Duration, SystemTime};

/// How often the shop looks for contact details past their time.
pub const EVERY: Duration = Duration::from_secs(3600);

/// The stored-timestamp form of `days` before `now`: records created before it are past their time.
pub fn cutoff(now: SystemTime, days: u32) -> String {
    let back = Duration::from_secs(86_400 * u64::from(days));
    crate::spec::timestamp(now.checked_sub(back).unwrap_or(SystemTime::UNIX_EPOCH))
}

/// Erases the contact details of requests older than `days` at `now`.
pub async fn purge(store: &Store, days: u32, now: SystemTime) -> Result<Erased, sqlx::Error> {
    let erased = store.erase_contacts_before(&cutoff(now, days)).await?;
    if erased != Erased::default() {
        tracing::info!(
            swatch_requests = erased.swatch_requests,
            help_requests = erased.help_requests,
            days,
            "contact details past their retention erased"
        );
    }
    Ok(erased)
}

/// Purges now and then every [`EVERY`], for as long as the shop runs (and drops expired desk sessions on
/// the same beat). A failed round is logged and tried again at the next.
pub fn spawn(store: Store, days: u32) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            if let Err(e) = purge(&store, days, SystemTime::now()).await {
                tracing::error!(error = %crate::error::chain(&e), "contact retention purge failed");
            }
            if let Err(e) = store
                .delete_expired_desk_sessions(crate::desk::session::now_ms())
                .await
            {
                tracing::error!(error = %crate::error::chain(&e), "expired desk sessions not dropped");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cutoff_is_days_before_now() {
        let now = humantime::parse_rfc3339("2026-07-01T12:00:00Z").expect("time");
        assert_eq!(cutoff(now, 180), "2026-01-02T12:00:00.000Z");
        assert_eq!(cutoff(now, 1), "2026-06-30T12:00:00.000Z");
    }
}
