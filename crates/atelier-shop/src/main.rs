//! The `atelier-shop` binary. With no arguments: read the config, load and check the catalogs, open and migrate
//! the database (SQLite or PostgreSQL), decode the catalogs' layers and draw their first-paint images, start the
//! webhook worker if a webhook is configured, serve until Ctrl-C or SIGTERM.
//! `atelier-shop catalog check FILE...` checks catalog files instead (see `atelier_shop::catalog_check`), and
//! `atelier-shop desk add-user NAME` makes an order desk account (`atelier_shop::desk::add_user`); the
//! arguments are read by `atelier_shop::cli`.

use anyhow::{Context, Result};
use atelier_shop::cli::{self, Command, USAGE};
use atelier_shop::{
    AppState, Dirs, app, catalog_check, catalogs::Catalogs, config::Config, desk, retention,
    store::Store, webhook,
};
use std::ffi::OsString;
use std::process::ExitCode;
use std::sync::Arc;
use tracing_subscriber::EnvFilter;

fn main() -> Result<ExitCode> {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match cli::parse(&args) {
        Command::Serve => serve().map(|()| ExitCode::SUCCESS),
        Command::CatalogCheck(rest) => Ok(catalog_check::main(&rest)),
        Command::DeskAddUser(name) => Ok(desk::add_user::main(&name, std::io::stdin().lock())),
        Command::Help => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Usage => {
            eprint!("{USAGE}");
            Ok(ExitCode::from(catalog_check::EXIT_USAGE))
        }
    }
}

#[tokio::main]
async fn serve() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info")),
        )
        .init();
    let config = Config::from_vars(|k| std::env::var(k).ok())?;
    let catalogs = Catalogs::load(&config.static_dir)?;
    // Before the artwork's seconds of decoding, so a database that cannot be opened is said at once.
    let store = Store::connect_with(&config.database_url, config.writes).await?;
    tracing::info!(
        database = %atelier_shop::store::shown_url(&config.database_url),
        durability = %store.durability().await?,
        group_commit = store.group_commit(),
        "{} database open and migrated",
        store.backend().name()
    );
    catalogs.decode_artwork()?;
    catalogs.make_stills()?;
    // Orders are recorded for delivery either way; only a configured webhook sends them (pending ones too).
    let worker = match config.webhook.clone() {
        Some(settings) => Some(webhook::spawn(store.clone(), settings)?),
        None => {
            tracing::info!("no ATELIER_WEBHOOK_URL: accepted orders are recorded, not sent");
            None
        }
    };
    // Contact details past their time are erased now and then hourly.
    let purge = retention::spawn(store.clone(), config.contact_retention_days);
    let state = AppState {
        catalogs: Arc::new(catalogs),
        store,
        embed_origins: config.embed_origins.clone().into(),
        limits: Arc::new(config.limits()),
        contact_retention_days: config.contact_retention_days,
        help_phone: config.help_phone.as_deref().map(Arc::from),
    };
    let dirs = Dirs {
        static_dir: config.static_dir.clone(),
        app_dir: config.app_dir.clone(),
    };
    if !config.app_dir.join("index.html").exists() {
        tracing::warn!(dir = %config.app_dir.display(), "no built app here: run `make run` (or trunk build) first");
    }
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    tracing::info!("Atelier shop on http://{}", listener.local_addr()?);
    // With each connection's peer address, which the rate limits key on.
    let service = app(state, &dirs).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown())
        .await?;
    purge.abort();
    if let Some(worker) = worker {
        worker.shutdown().await;
    }
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
