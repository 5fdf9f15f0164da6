//! Delivering accepted orders to the retailer's webhook: a background worker that POSTs each order's
//! canonical spec, signed ([`crate::signature`]), until the receiver answers 2xx.
//!
//! The outbox rows are written by [`Store::insert`] in the order's own transaction; this module only drives
//! them. The worker wakes when an order is stored and otherwise sleeps until the next retry is due, so pending
//! rows left by a previous run are picked up on start. Retries back off exponentially (`base · 2^(n-1)`,
//! capped) and never give up. Delivery is at least once: if the shop dies after the receiver acknowledged but
//! before the row is marked, the order is sent again, so receivers deduplicate by `order`.
//!
//! Several shop instances may share one database, each with its own worker: a worker claims rows under its
//! instance's id ([`Worker::instance`], random per start), and the store's lease lets only one of them have a
//! row at a time ([`Store::claim_due`]), so running more instances never sends an order twice. A worker is
//! woken only by its own instance's orders; another instance's are sent by that instance's worker, and its
//! retries are found by every worker's sleep until the next due time.
//!
//! What is left out: no per-order or per-retailer URLs (one shop, one retailer), no dead-letter state.

use crate::signature;
use crate::store::{Attempt, DueDelivery, Store};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{Notify, watch};
use tokio::task::{JoinHandle, JoinSet};

/// The retailer's shared secret. Its `Debug` does not show it, so logging a config cannot leak it.
#[derive(Clone)]
pub struct Secret(pub Vec<u8>);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// Where and how to deliver.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The retailer's endpoint (`ATELIER_WEBHOOK_URL`).
    pub url: reqwest::Url,
    /// The HMAC key (`ATELIER_WEBHOOK_SECRET`).
    pub secret: Secret,
    /// Delay after the first failed attempt; doubles with each further one (`ATELIER_WEBHOOK_RETRY_BASE_MS`).
    pub retry_base: Duration,
    /// The longest delay between attempts (`ATELIER_WEBHOOK_RETRY_CAP_MS`).
    pub retry_cap: Duration,
    /// How long one attempt may take, connecting included.
    pub timeout: Duration,
    /// At most this many requests in flight at once.
    pub concurrency: usize,
}

impl Settings {
    /// Default delay after the first failure.
    pub const RETRY_BASE: Duration = Duration::from_secs(1);
    /// Default longest delay.
    pub const RETRY_CAP: Duration = Duration::from_secs(10 * 60);
    /// Per-attempt timeout.
    pub const TIMEOUT: Duration = Duration::from_secs(10);
    /// Requests in flight.
    pub const CONCURRENCY: usize = 4;

    /// Settings with the default retry policy.
    pub fn new(url: reqwest::Url, secret: Vec<u8>) -> Settings {
        Settings {
            url,
            secret: Secret(secret),
            retry_base: Self::RETRY_BASE,
            retry_cap: Self::RETRY_CAP,
            timeout: Self::TIMEOUT,
            concurrency: Self::CONCURRENCY,
        }
    }

    /// The delay after the `attempts`-th failed attempt: `base · 2^(attempts-1)`, at most the cap.
    pub fn backoff(&self, attempts: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempts.saturating_sub(1).min(31));
        self.retry_base.saturating_mul(factor).min(self.retry_cap)
    }
}

/// If nothing is due, look again after this long anyway (a safety net; wake-ups and due times do the work).
const IDLE_POLL: Duration = Duration::from_secs(60);

/// A running worker.
pub struct Worker {
    task: JoinHandle<()>,
    stop: Arc<Notify>,
    /// `true` while the worker sleeps with nothing due (see [`Worker::idle`]).
    idle: watch::Receiver<bool>,
    instance: Arc<str>,
}

impl Worker {
    /// The id this worker leases deliveries under: the process id and 64 random bits, so two instances
    /// (even two starts of one) never share one.
    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Returns once the worker has nothing due and sleeps (at once if it sleeps now). A positive signal that
    /// it has run, for callers (tests) that must know rather than guess how long a pass takes.
    pub async fn idle(&self) {
        let mut idle = self.idle.clone();
        // An error means the worker ended: it sends nothing more either.
        let _ = idle.wait_for(|idle| *idle).await;
    }

    /// Stops the worker after the attempts in flight end (each is bounded by the timeout).
    pub async fn shutdown(self) {
        self.stop.notify_one();
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "webhook worker ended abnormally");
        }
    }
}

/// Starts delivering `store`'s pending orders to `settings.url` on the current tokio runtime.
pub fn spawn(store: Store, settings: Settings) -> anyhow::Result<Worker> {
    let client = reqwest::Client::builder()
        .timeout(settings.timeout)
        .connect_timeout(settings.timeout)
        // A signed order goes where it was configured to go, not wherever a 3xx points (a redirected POST
        // may also become a GET); a 3xx counts as a failure and is retried.
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("atelier-shop/", env!("CARGO_PKG_VERSION")))
        .build()?;
    let stop = Arc::new(Notify::new());
    let (idle_tx, idle) = watch::channel(false);
    let mut random = [0u8; 8];
    getrandom::fill(&mut random)?;
    let instance: Arc<str> = format!("{}-{}", std::process::id(), hex::encode(random)).into();
    let task = tokio::spawn(run(
        store,
        Arc::new(settings),
        client,
        Arc::clone(&instance),
        Arc::clone(&stop),
        idle_tx,
    ));
    Ok(Worker {
        task,
        stop,
        idle,
        instance,
    })
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn unix_ms(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).map(millis).unwrap_or(0)
}

async fn run(
    store: Store,
    settings: Arc<Settings>,
    client: reqwest::Client,
    instance: Arc<str>,
    stop: Arc<Notify>,
    idle: watch::Sender<bool>,
) {
    let wake = store.new_delivery();
    tracing::info!(url = %settings.url, %instance, "webhook worker started");
    loop {
        let now = unix_ms(SystemTime::now());
        // The lease outlasts one attempt, so only a crash leaves a row leased; it is retried when it ends.
        let lease = now.saturating_add(millis(settings.timeout * 2));
        let limit = i64::try_from(settings.concurrency.max(1)).unwrap_or(1);
        let due = match store.claim_due(&instance, now, lease, limit).await {
            Ok(due) => due,
            Err(e) => {
                tracing::error!(error = %e, "webhook: cannot read the outbox");
                Vec::new()
            }
        };
        if !due.is_empty() {
            // One batch at a time bounds the requests in flight; a full batch means more may be due at once.
            let mut batch = JoinSet::new();
            for d in due {
                batch.spawn(attempt(
                    store.clone(),
                    Arc::clone(&settings),
                    client.clone(),
                    Arc::clone(&instance),
                    d,
                ));
            }
            while batch.join_next().await.is_some() {}
            continue;
        }
        let sleep = match store.next_due().await {
            Ok(Some(at)) => {
                Duration::from_millis(u64::try_from(at - now).unwrap_or(0)).min(IDLE_POLL)
            }
            Ok(None) => IDLE_POLL,
            Err(e) => {
                tracing::error!(error = %e, "webhook: cannot read the outbox");
                settings.retry_base.max(Duration::from_millis(100))
            }
        };
        idle.send_replace(true);
        tokio::select! {
            () = stop.notified() => break,
            () = wake.notified() => {}
            () = tokio::time::sleep(sleep) => {}
        }
        idle.send_replace(false);
    }
    tracing::info!("webhook worker stopped");
}

/// One POST of one order; the outcome is recorded in the store.
async fn attempt(
    store: Store,
    settings: Arc<Settings>,
    client: reqwest::Client,
    instance: Arc<str>,
    due: DueDelivery,
) {
    let sent = SystemTime::now();
    let t = sent
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let header = signature::sign(&settings.secret.0, t, due.spec.as_bytes());
    let result = client
        .post(settings.url.clone())
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(signature::HEADER, header)
        .body(due.spec)
        .send()
        .await;
    let attempts = u32::try_from(due.attempts)
        .unwrap_or(u32::MAX)
        .saturating_add(1);
    let now = SystemTime::now();
    let failed = |status: Option<u16>, error: String| Attempt::Failed {
        status,
        error,
        retry_at: unix_ms(now + settings.backoff(attempts)),
    };
    let outcome = match result {
        Ok(resp) if resp.status().is_success() => Attempt::Delivered {
            status: resp.status().as_u16(),
        },
        Ok(resp) => failed(
            Some(resp.status().as_u16()),
            format!("HTTP {}", resp.status()),
        ),
        // Without the URL: it may carry a token in its query string, and it is in the config anyway.
        Err(e) => failed(None, e.without_url().to_string()),
    };
    match &outcome {
        Attempt::Delivered { status } => {
            tracing::info!(order = %due.order_id, attempts, status, "order delivered to the webhook");
        }
        Attempt::Failed { error, .. } => {
            tracing::warn!(order = %due.order_id, attempts, %error, "webhook delivery failed; will retry");
        }
    }
    if let Err(e) = store
        .record_attempt(&due.order_id, &instance, &outcome, unix_ms(now))
        .await
    {
        // The lease runs out and the order is sent again: at least once, never lost.
        tracing::error!(order = %due.order_id, error = %e, "webhook: cannot record the attempt");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_the_base_up_to_the_cap() {
        let mut s = Settings::new(
            "http://127.0.0.1:1/".parse().expect("url"),
            b"secret".to_vec(),
        );
        let secs = |n| s.backoff(n).as_secs();
        assert_eq!(
            [1, 2, 3, 4, 10, 11, 12, 100, u32::MAX].map(secs),
            [1, 2, 4, 8, 512, 600, 600, 600, 600]
        );
        s.retry_base = Duration::from_millis(20);
        assert_eq!(s.backoff(3), Duration::from_millis(80));
        assert_eq!(format!("{:?}", s.secret), "Secret(..)");
    }
}
