//! The shop's configuration, read from environment variables with documented defaults.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `ATELIER_ADDR` | `127.0.0.1:8080` | listen address |
//! | `DATABASE_URL` | `sqlite://atelier.db` | sqlx database URL; the SQLite file is created if missing |
//! | `ATELIER_STATIC_DIR` | `static` | catalogs (`catalogs/*.json`) and their layer files |
//! | `ATELIER_APP_DIR` | `dist` | the built browser app (trunk output) |

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
        })
    }
}
