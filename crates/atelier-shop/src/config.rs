//! The shop's configuration, read from environment variables with documented defaults.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `ATELIER_ADDR` | `127.0.0.1:8080` | listen address |
//! | `DATABASE_URL` | `sqlite://atelier.db` | sqlx database URL; the SQLite file is created if missing |
//! | `ATELIER_STATIC_DIR` | `static` | catalogs (`catalogs/*.json`) and their layer files |
//! | `ATELIER_APP_DIR` | `dist` | the built browser app (trunk output) |
//! | `ATELIER_EMBED_ORIGINS` | (none) | retailer origins allowed to embed the configurator, comma-separated (`https://shop.example,http://127.0.0.2:9000`) |

use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::PathBuf;

/// The shop's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Listen address.
    pub addr: SocketAddr,
    /// sqlx database URL.
    pub database_url: String,
    /// Catalogs and layers.
    pub static_dir: PathBuf,
    /// Built app.
    pub app_dir: PathBuf,
    /// Origins (`scheme://host[:port]`) allowed to embed the configurator and call the API from a browser.
    pub embed_origins: Vec<String>,
}

/// Parses `ATELIER_EMBED_ORIGINS`: comma-separated origins, each `http(s)://host[:port]` with nothing after,
/// compared later by exact string equality (so they must be written as browsers send them: lowercase, no
/// trailing slash, no default port).
pub fn parse_origins(list: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for raw in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let rest = raw
            .strip_prefix("https://")
            .or_else(|| raw.strip_prefix("http://"))
            .with_context(|| {
                format!("ATELIER_EMBED_ORIGINS: {raw:?} must start with http:// or https://")
            })?;
        let host_ok = !rest.is_empty()
            && rest.chars().all(|c| {
                c.is_ascii_lowercase()
                    || c.is_ascii_digit()
                    || matches!(c, '.' | '-' | ':' | '[' | ']')
            });
        anyhow::ensure!(
            host_ok,
            "ATELIER_EMBED_ORIGINS: {raw:?} is not an origin like https://shop.example (lowercase host, optional port, no path)"
        );
        if !out.iter().any(|o| o == raw) {
            out.push(raw.to_owned());
        }
    }
    Ok(out)
}

impl Config {
    /// Reads the configuration from `var` (the process environment in `main`).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config> {
        let addr = var("ATELIER_ADDR").unwrap_or_else(|| "127.0.0.1:8080".into());
        Ok(Config {
            addr: addr.parse().with_context(|| {
                format!("ATELIER_ADDR={addr:?} is not an address like 127.0.0.1:8080")
            })?,
            database_url: var("DATABASE_URL").unwrap_or_else(|| "sqlite://atelier.db".into()),
            static_dir: var("ATELIER_STATIC_DIR")
                .unwrap_or_else(|| "static".into())
                .into(),
            app_dir: var("ATELIER_APP_DIR")
                .unwrap_or_else(|| "dist".into())
                .into(),
            embed_origins: parse_origins(&var("ATELIER_EMBED_ORIGINS").unwrap_or_default())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::parse_origins;

    #[test]
    fn embed_origins() {
        assert_eq!(
            parse_origins(" https://shop.example, http://127.0.0.2:9000 ,,https://shop.example")
                .expect("valid"),
            vec!["https://shop.example", "http://127.0.0.2:9000"]
        );
        assert!(parse_origins("").expect("empty is fine").is_empty());
        for bad in [
            "shop.example",
            "https://shop.example/",
            "https://Shop.example",
            "ftp://x",
            "https://",
        ] {
            assert!(parse_origins(bad).is_err(), "{bad}");
        }
    }
}
