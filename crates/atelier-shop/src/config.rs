//! The shop's configuration, read from environment variables with documented defaults.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `ATELIER_ADDR` | `127.0.0.1:8080` | listen address |
//! | `DATABASE_URL` | `sqlite://atelier.db` | `sqlite://FILE` (created if missing) or `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (`postgresql://` too); migrated on start |
//! | `ATELIER_STATIC_DIR` | `static` | catalogs (`catalogs/*.json`) and their layer files |
//! | `ATELIER_APP_DIR` | `dist` | the built browser app (trunk output) |
//! | `ATELIER_EMBED_ORIGINS` | (none) | retailer origins allowed to embed the configurator, comma-separated (`https://shop.example,http://127.0.0.2:9000`) |
//! | `ATELIER_WEBHOOK_URL` | (none) | where accepted orders are POSTed, signed; without it they are recorded, not sent |
//! | `ATELIER_WEBHOOK_SECRET` | (none) | the HMAC key shared with the retailer, at least 16 bytes; required with a URL |
//! | `ATELIER_WEBHOOK_RETRY_BASE_MS` | `1000` | delay after the first failed delivery, doubling after each further one |
//! | `ATELIER_WEBHOOK_RETRY_CAP_MS` | `600000` | the longest delay between delivery attempts (10 minutes) |
//! | `ATELIER_DESIGN_CODES_PER_MINUTE` | `30` | design codes one client address may create per minute (429 beyond) |
//! | `ATELIER_HELP_REQUESTS_PER_HOUR` | `10` | help requests one client address may send per hour (429 beyond) |
//! | `ATELIER_DESK_LOGINS_PER_MINUTE` | `5` | order desk sign-in attempts per minute, per client address and per user name (429 beyond) |
//! | `ATELIER_CONTACT_RETENTION_DAYS` | `180` | days a swatch or help request keeps the shopper's contact details before they are erased |
//! | `ATELIER_GROUP_COMMIT` | `on` | `on`: one writer stores every accepted order waiting at that moment in one transaction (one disk flush for many orders); `off`: each order its own transaction (for comparison) |
//! | `ATELIER_ORDER_QUEUE` | `1024` | accepted orders that may wait for the group commit writer; beyond, an order is refused with 503 `busy` |
//! | `ATELIER_HELP_PHONE` | (none) | the shop's help line, shown in easy mode's help (`+82 2-123-4567`: digits, spaces, `+ - ( )`) |

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
    /// The retailer webhook, if `ATELIER_WEBHOOK_URL` is set.
    pub webhook: Option<crate::webhook::Settings>,
    /// Design codes per client address per minute.
    pub design_codes_per_minute: u32,
    /// Help requests per client address per hour.
    pub help_requests_per_hour: u32,
    /// Order desk sign-in attempts per minute, per client address and per user name.
    pub desk_logins_per_minute: u32,
    /// Days contact details are kept ([`crate::retention`]).
    pub contact_retention_days: u32,
    /// The shop's help line, if `ATELIER_HELP_PHONE` is set.
    pub help_phone: Option<String>,
    /// How orders are written (`ATELIER_GROUP_COMMIT`, `ATELIER_ORDER_QUEUE`).
    pub writes: crate::store::Writes,
}

impl Config {
    /// The rate limits these settings ask for.
    pub fn limits(&self) -> crate::rate_limit::Limits {
        crate::rate_limit::Limits::new(
            self.design_codes_per_minute,
            self.help_requests_per_hour,
            self.desk_logins_per_minute,
        )
    }
}

/// A positive whole number from `name`, else `default`; anything else is an error naming the variable.
fn count(var: &impl Fn(&str) -> Option<String>, name: &str, default: u32) -> Result<u32> {
    match var(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|&n| n > 0)
            .with_context(|| format!("{name}={v:?} is not a positive whole number")),
    }
}

/// `on` or `off` (also `true`/`false`, `1`/`0`) from `name`, else `default`; anything else is an error.
fn parse_switch(var: &impl Fn(&str) -> Option<String>, name: &str, default: bool) -> Result<bool> {
    match var(name).map(|v| v.trim().to_ascii_lowercase()) {
        None => Ok(default),
        Some(v) => match v.as_str() {
            "on" | "true" | "1" => Ok(true),
            "off" | "false" | "0" => Ok(false),
            _ => anyhow::bail!("{name}={v:?} is neither on nor off"),
        },
    }
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
        let database_url = var("DATABASE_URL").unwrap_or_else(|| "sqlite://atelier.db".into());
        // A scheme the shop cannot open is said now, before the catalogs' artwork is decoded.
        crate::store::Backend::of_url(&database_url)?;
        Ok(Config {
            addr: addr.parse().with_context(|| {
                format!("ATELIER_ADDR={addr:?} is not an address like 127.0.0.1:8080")
            })?,
            database_url,
            static_dir: var("ATELIER_STATIC_DIR")
                .unwrap_or_else(|| "static".into())
                .into(),
            app_dir: var("ATELIER_APP_DIR")
                .unwrap_or_else(|| "dist".into())
                .into(),
            embed_origins: parse_origins(&var("ATELIER_EMBED_ORIGINS").unwrap_or_default())?,
            webhook: parse_webhook(&var)?,
            design_codes_per_minute: count(&var, "ATELIER_DESIGN_CODES_PER_MINUTE", 30)?,
            help_requests_per_hour: count(&var, "ATELIER_HELP_REQUESTS_PER_HOUR", 10)?,
            desk_logins_per_minute: count(&var, "ATELIER_DESK_LOGINS_PER_MINUTE", 5)?,
            contact_retention_days: count(&var, "ATELIER_CONTACT_RETENTION_DAYS", 180)?,
            help_phone: parse_help_phone(var("ATELIER_HELP_PHONE"))?,
            writes: crate::store::Writes {
                group_commit: parse_switch(&var, "ATELIER_GROUP_COMMIT", true)?,
                queue: count(&var, "ATELIER_ORDER_QUEUE", 1024)? as usize,
            },
        })
    }
}

/// Reads `ATELIER_HELP_PHONE`: unset or blank is none; otherwise a phone number as shoppers read it, by the
/// same rule as the numbers they leave for a call back (the core's `is_phone`).
fn parse_help_phone(value: Option<String>) -> Result<Option<String>> {
    let Some(phone) = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    anyhow::ensure!(
        atelier_core::swatch::contact::is_phone(&phone),
        "ATELIER_HELP_PHONE={phone:?} is not a phone number like +82 2-123-4567 (digits, spaces, + - ( ))"
    );
    Ok(Some(phone))
}

/// Reads the `ATELIER_WEBHOOK_*` variables: `None` without a URL; a URL without a secret is an error (an
/// unsigned order would be worthless to the retailer).
pub fn parse_webhook(
    var: &impl Fn(&str) -> Option<String>,
) -> Result<Option<crate::webhook::Settings>> {
    let Some(url) = var("ATELIER_WEBHOOK_URL").filter(|u| !u.trim().is_empty()) else {
        return Ok(None);
    };
    let url: reqwest::Url = url
        .trim()
        .parse()
        .with_context(|| format!("ATELIER_WEBHOOK_URL={url:?} is not a URL"))?;
    anyhow::ensure!(
        matches!(url.scheme(), "https" | "http"),
        "ATELIER_WEBHOOK_URL must be an http:// or https:// URL"
    );
    let secret = var("ATELIER_WEBHOOK_SECRET").unwrap_or_default();
    anyhow::ensure!(
        secret.len() >= 16,
        "ATELIER_WEBHOOK_SECRET must be set (at least 16 bytes) when ATELIER_WEBHOOK_URL is"
    );
    let millis = |name: &str, default: std::time::Duration| -> Result<std::time::Duration> {
        match var(name) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|&ms| ms > 0)
                .map(std::time::Duration::from_millis)
                .with_context(|| format!("{name}={v:?} is not a positive number of milliseconds")),
        }
    };
    let mut settings = crate::webhook::Settings::new(url, secret.into_bytes());
    settings.retry_base = millis("ATELIER_WEBHOOK_RETRY_BASE_MS", settings.retry_base)?;
    settings.retry_cap = millis("ATELIER_WEBHOOK_RETRY_CAP_MS", settings.retry_cap)?;
    Ok(Some(settings))
}

#[cfg(test)]
mod tests {
    use super::{parse_help_phone, parse_origins, parse_webhook};

    #[test]
    fn the_help_line_is_a_phone_number_or_nothing() {
        let read = |v: Option<&str>| parse_help_phone(v.map(str::to_owned));
        assert_eq!(read(None).expect("unset"), None);
        assert_eq!(read(Some("  ")).expect("blank"), None);
        assert_eq!(
            read(Some(" +82 2-123-4567 ")).expect("valid").as_deref(),
            Some("+82 2-123-4567")
        );
        for bad in ["call us", "1588-0000<script>", "12", "\"+82\" onload=x"] {
            let e = read(Some(bad)).expect_err(bad).to_string();
            assert!(e.contains("ATELIER_HELP_PHONE"), "{e}");
        }
    }
    use std::time::Duration;

    /// The configuration read from `pairs` alone, as if they were the whole environment.
    fn config(pairs: &'static [(&'static str, &'static str)]) -> anyhow::Result<super::Config> {
        super::Config::from_vars(move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn webhook_settings() {
        let vars = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert!(parse_webhook(&vars(&[])).expect("no URL is fine").is_none());
        assert!(
            parse_webhook(&vars(&[(
                "ATELIER_WEBHOOK_SECRET",
                "whsec_0123456789abcdef"
            )]))
            .expect("a secret alone sends nothing")
            .is_none()
        );
        let s = parse_webhook(&vars(&[
            ("ATELIER_WEBHOOK_URL", "https://retailer.example/atelier"),
            ("ATELIER_WEBHOOK_SECRET", "whsec_0123456789abcdef"),
            ("ATELIER_WEBHOOK_RETRY_BASE_MS", "250"),
        ]))
        .expect("valid")
        .expect("configured");
        assert_eq!(s.url.as_str(), "https://retailer.example/atelier");
        assert_eq!(s.secret.0, b"whsec_0123456789abcdef");
        assert_eq!(s.retry_base, Duration::from_millis(250));
        assert_eq!(s.retry_cap, Duration::from_secs(600));
        for bad in [
            &[("ATELIER_WEBHOOK_URL", "https://retailer.example/")][..],
            &[
                ("ATELIER_WEBHOOK_URL", "https://retailer.example/"),
                ("ATELIER_WEBHOOK_SECRET", "short"),
            ],
            &[
                ("ATELIER_WEBHOOK_URL", "retailer.example"),
                ("ATELIER_WEBHOOK_SECRET", "whsec_0123456789abcdef"),
            ],
            &[
                ("ATELIER_WEBHOOK_URL", "ftp://retailer.example/"),
                ("ATELIER_WEBHOOK_SECRET", "whsec_0123456789abcdef"),
            ],
            &[
                ("ATELIER_WEBHOOK_URL", "https://retailer.example/"),
                ("ATELIER_WEBHOOK_SECRET", "whsec_0123456789abcdef"),
                ("ATELIER_WEBHOOK_RETRY_BASE_MS", "soon"),
            ],
            &[
                ("ATELIER_WEBHOOK_URL", "https://retailer.example/"),
                ("ATELIER_WEBHOOK_SECRET", "whsec_0123456789abcdef"),
                ("ATELIER_WEBHOOK_RETRY_CAP_MS", "0"),
            ],
        ] {
            assert!(parse_webhook(&vars(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn desk_settings_default_and_refuse_nonsense() {
        let defaults = config(&[]).expect("defaults");
        assert_eq!(defaults.desk_logins_per_minute, 5);
        assert_eq!(defaults.contact_retention_days, 180);
        let set = config(&[
            ("ATELIER_DESK_LOGINS_PER_MINUTE", "3"),
            ("ATELIER_CONTACT_RETENTION_DAYS", " 30 "),
        ])
        .expect("valid");
        assert_eq!(
            (set.desk_logins_per_minute, set.contact_retention_days),
            (3, 30)
        );
        for bad in [
            &[("ATELIER_DESK_LOGINS_PER_MINUTE", "0")][..],
            &[("ATELIER_DESK_LOGINS_PER_MINUTE", "many")],
            &[("ATELIER_CONTACT_RETENTION_DAYS", "-1")],
            &[("ATELIER_CONTACT_RETENTION_DAYS", "")],
        ] {
            let error = config(bad).expect_err("refused");
            assert!(error.to_string().contains(bad[0].0), "{error}");
        }
    }

    #[test]
    fn group_commit_is_on_by_default_and_can_be_switched_off() {
        let defaults = config(&[]).expect("defaults").writes;
        assert_eq!((defaults.group_commit, defaults.queue), (true, 1024));
        for (value, on) in [("off", false), (" OFF ", false), ("0", false), ("on", true)] {
            let pairs: &'static [(&'static str, &'static str)] =
                Box::leak(Box::new([("ATELIER_GROUP_COMMIT", value)]));
            assert_eq!(
                config(pairs).expect(value).writes.group_commit,
                on,
                "{value}"
            );
        }
        assert_eq!(
            config(&[("ATELIER_ORDER_QUEUE", "64")])
                .expect("queue")
                .writes
                .queue,
            64
        );
        for bad in [
            &[("ATELIER_GROUP_COMMIT", "sometimes")][..],
            &[("ATELIER_ORDER_QUEUE", "0")],
        ] {
            let error = config(bad).expect_err("refused");
            assert!(error.to_string().contains(bad[0].0), "{error}");
        }
    }

    #[test]
    fn the_database_is_sqlite_by_default_postgres_by_url_and_nothing_else() {
        let config = |url: Option<&'static str>| {
            super::Config::from_vars(move |k: &str| {
                (k == "DATABASE_URL")
                    .then_some(url)
                    .flatten()
                    .map(str::to_owned)
            })
        };
        assert_eq!(
            config(None).expect("default").database_url,
            "sqlite://atelier.db"
        );
        for url in ["postgres://shop:pw@db/atelier", "postgresql://db/atelier"] {
            assert_eq!(config(Some(url)).expect(url).database_url, url);
        }
        let error = config(Some("mysql://shop:pw@db/atelier"))
            .expect_err("refused")
            .to_string();
        assert!(
            error.contains("DATABASE_URL")
                && error.contains("sqlite://")
                && error.contains("postgres://"),
            "{error}"
        );
    }

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
