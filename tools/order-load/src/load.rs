//! The clients: each takes the next order number while the request budget and the deadline allow, sends that
//! order under a fresh submission id to one of the shops (spread round robin), and, on a lost connection or a
//! 503, sends it again under the same submission id after a short pause, until it is acknowledged (201 or
//! 200) or the deadline passes. Every acknowledgement is recorded with its latency (first send to answer).

use crate::orders::Orders;
use anyhow::Result;
use std::net::{IpAddr, ToSocketAddrs};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// How long a client waits before sending an order again after a lost connection or a 503.
const RETRY_PAUSE: Duration = Duration::from_millis(50);
/// How long one request may take before it counts as lost (and is sent again).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// What to run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The shops' base URLs (`http://127.0.0.1:PORT`), loopback only.
    pub shops: Vec<String>,
    /// Concurrent clients.
    pub clients: usize,
    /// Orders to place in all (each counted once, however often it is retried).
    pub requests: usize,
    /// When to stop: no new order after it, and no retry either.
    pub duration: Duration,
}

/// An order a shop acknowledged.
#[derive(Clone, Debug)]
pub struct Acknowledged {
    /// The submission id the client sent (every time).
    pub submission: String,
    /// The order id the shop answered with.
    pub order: String,
}

/// What a run measured.
#[derive(Debug, Default)]
pub struct Report {
    /// Every acknowledged order.
    pub acknowledged: Vec<Acknowledged>,
    /// Each acknowledged order's latency, first send to answer, in milliseconds.
    pub latencies_ms: Vec<f64>,
    /// Orders answered with a status other than 200, 201 or 503 (not retried).
    pub errors: usize,
    /// Sends again after a lost connection or a 503.
    pub retries: usize,
    /// Orders still unacknowledged at the deadline.
    pub unfinished: usize,
    /// From the first send to the last answer.
    pub elapsed: Duration,
}

/// Refuses anything but a loopback `http://` URL: this tool never loads someone else's server.
fn check_loopback(url: &str) -> Result<()> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| anyhow::anyhow!("{url}: only http:// on loopback"))?;
    let authority = rest.split('/').next().unwrap_or_default();
    let with_port = if authority.contains(':') {
        authority.to_owned()
    } else {
        format!("{authority}:80")
    };
    let addrs: Vec<IpAddr> = with_port
        .to_socket_addrs()
        .map_err(|e| anyhow::anyhow!("{url}: {e}"))?
        .map(|a| a.ip())
        .collect();
    anyhow::ensure!(
        !addrs.is_empty() && addrs.iter().all(IpAddr::is_loopback),
        "{url} is not a loopback address"
    );
    Ok(())
}

/// A fresh submission id: 32 lowercase hex digits.
fn submission_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(hex::encode(bytes))
}

/// Runs the clients against `settings.shops` with `orders` and reports what happened.
pub async fn run(settings: &Settings, orders: Arc<Orders>) -> Result<Report> {
    anyhow::ensure!(!settings.shops.is_empty(), "no shop to load");
    for shop in &settings.shops {
        check_loopback(shop)?;
    }
    let client = reqwest::Client::builder()
        .timeout(REQUEST_TIMEOUT)
        .pool_max_idle_per_host(settings.clients)
        .build()?;
    let next = Arc::new(AtomicUsize::new(0));
    let report = Arc::new(Mutex::new(Report::default()));
    let start = Instant::now();
    let deadline = start + settings.duration;
    let mut clients = tokio::task::JoinSet::new();
    for _ in 0..settings.clients.max(1) {
        let (client, next, report, orders) =
            (client.clone(), next.clone(), report.clone(), orders.clone());
        let settings = settings.clone();
        clients.spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= settings.requests || Instant::now() >= deadline {
                    return Ok::<(), anyhow::Error>(());
                }
                let shop = &settings.shops[n % settings.shops.len()];
                let outcome = place(&client, shop, orders.body(n), deadline).await?;
                let mut report = report.lock().await;
                report.retries += outcome.retries;
                match outcome.answer {
                    Answer::Acknowledged(ack, latency) => {
                        report.acknowledged.push(ack);
                        report.latencies_ms.push(latency);
                    }
                    Answer::Refused => report.errors += 1,
                    Answer::Unfinished => report.unfinished += 1,
                }
            }
        });
    }
    while let Some(done) = clients.join_next().await {
        done??;
    }
    let mut report = std::mem::take(&mut *report.lock().await);
    report.elapsed = start.elapsed();
    Ok(report)
}

/// How one order ended.
enum Answer {
    Acknowledged(Acknowledged, f64),
    Refused,
    Unfinished,
}

struct Outcome {
    answer: Answer,
    retries: usize,
}

/// Sends `body` under a fresh submission id until it is acknowledged, refused, or `deadline` passes.
async fn place(
    client: &reqwest::Client,
    shop: &str,
    body: &serde_json::Value,
    deadline: Instant,
) -> Result<Outcome> {
    let submission = submission_id()?;
    let mut body = body.clone();
    body["submission"] = serde_json::Value::String(submission.clone());
    let url = format!("{shop}/api/orders");
    let start = Instant::now();
    let mut retries = 0;
    loop {
        let sent = client.post(&url).json(&body).send().await;
        let status = sent.as_ref().map(|r| r.status().as_u16()).ok();
        match (sent, status) {
            (Ok(resp), Some(200 | 201)) => {
                // A body cut off by a dying shop is not an acknowledgement: send again.
                if let Ok(answer) = resp.json::<serde_json::Value>().await
                    && let Some(order) = answer["id"].as_str()
                {
                    let ack = Acknowledged {
                        submission,
                        order: order.to_owned(),
                    };
                    let latency = start.elapsed().as_secs_f64() * 1000.0;
                    return Ok(Outcome {
                        answer: Answer::Acknowledged(ack, latency),
                        retries,
                    });
                }
            }
            (Ok(_), Some(503)) | (Err(_), _) => {}
            (Ok(resp), _) => {
                // Said once per refusal: a refused order is a bug in the generator or the shop.
                let status = resp.status();
                let text = resp.text().await.unwrap_or_default();
                eprintln!(
                    "order refused: {status} {}",
                    text.chars().take(300).collect::<String>()
                );
                return Ok(Outcome {
                    answer: Answer::Refused,
                    retries,
                });
            }
        }
        if Instant::now() + RETRY_PAUSE >= deadline {
            return Ok(Outcome {
                answer: Answer::Unfinished,
                retries,
            });
        }
        retries += 1;
        tokio::time::sleep(RETRY_PAUSE).await;
    }
}
