//! `atelier-order-load`: loads running shops with orders and prints the figures (see the library's docs).
//!
//! ```text
//! atelier-order-load [--key orders.sqlite] [--clients 32] [--requests 2000] [--seconds 20]
//!                    [--static-dir static] [--product runner-one] URL...
//! atelier-order-load --proof-cpu [--static-dir static] [--product runner-one]
//! ```

use anyhow::{Context, Result};
use atelier_order_load::{Orders, Settings, proof_cpu_ms_per_order, report, run};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut key = "orders".to_owned();
    let mut settings = Settings {
        shops: Vec::new(),
        clients: 32,
        requests: 2000,
        duration: Duration::from_secs(20),
    };
    let mut static_dir = PathBuf::from("static");
    let mut product = "runner-one".to_owned();
    let mut proof_cpu = false;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--key" => key = value("--key")?,
            "--clients" => settings.clients = value("--clients")?.parse()?,
            "--requests" => settings.requests = value("--requests")?.parse()?,
            "--seconds" => {
                settings.duration = Duration::from_secs_f64(value("--seconds")?.parse()?);
            }
            "--static-dir" => static_dir = value("--static-dir")?.into(),
            "--product" => product = value("--product")?,
            "--proof-cpu" => proof_cpu = true,
            url if url.starts_with("http://") => {
                settings.shops.push(url.trim_end_matches('/').to_owned())
            }
            other => anyhow::bail!("unknown argument {other:?} (see the file's docs for usage)"),
        }
    }
    if proof_cpu {
        let ms = proof_cpu_ms_per_order(&static_dir, &product, 20)?;
        println!("orders.proof_cpu_ms_per_order: {ms:.2} ms");
        return Ok(());
    }
    let orders = Arc::new(Orders::make(&static_dir, &product, 32)?);
    let result = run(&settings, orders).await?;
    for line in report::lines(&key, &result) {
        println!("{line}");
    }
    Ok(())
}
