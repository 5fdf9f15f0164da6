//! Which database a `DATABASE_URL` names, and opening it durably: SQLite (WAL, `synchronous=FULL`, the file
//! created if missing) or PostgreSQL (`synchronous_commit=on` on every connection), each migrated with its
//! own migrations (`migrations/sqlite`, `migrations/postgres`). Also the URL as it may be shown: without its
//! password. The queries themselves are the other `store/` files', the same text for both.

use anyhow::Context;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{AnyConnection, AnyPool, ConnectOptions, Connection, Executor};

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// How long opening a PostgreSQL connection may take before the server counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a request waits for a pooled connection before it is answered 503 (`database_unavailable`).
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// The SQLite schema, as it has always been migrated (the files keep their versions and checksums).
static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
/// The same schema in PostgreSQL's types.
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// A database the shop runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file (`sqlite://FILE`): the zero-setup default.
    Sqlite,
    /// A PostgreSQL server (`postgres://` or `postgresql://`).
    Postgres,
}

impl Backend {
    /// The backend `url` names by its scheme; an error that lists the accepted ones otherwise.
    pub fn of_url(url: &str) -> anyhow::Result<Backend> {
        let scheme = url.split_once(':').map(|(scheme, _)| scheme);
        match scheme {
            Some("sqlite") => Ok(Backend::Sqlite),
            Some("postgres" | "postgresql") => Ok(Backend::Postgres),
            _ => anyhow::bail!(
                "DATABASE_URL={} names no database the shop runs on: use sqlite://FILE (the default is \
                 sqlite://atelier.db) or postgres://USER:PASSWORD@HOST:PORT/DATABASE (postgresql:// works too)",
                shown(url)
            ),
        }
    }

    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// `url` as it may be shown in a message or a log: a password in the user part or in a `password` query
/// parameter becomes `***`. Something that is not a URL is shown up to its scheme only.
pub fn shown(url: &str) -> String {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return match url.split_once("://") {
            Some((scheme, _)) => format!("{scheme}://…"),
            None => "(not a URL)".to_owned(),
        };
    };
    if parsed.password().is_some() {
        // Only fails for URLs that cannot have a password, and this one has one.
        let _ = parsed.set_password(Some("***"));
    }
    if parsed.query_pairs().any(|(k, _)| k == "password") {
        let pairs: Vec<(String, String)> = parsed
            .query_pairs()
            .map(|(k, v)| {
                let v = if k == "password" { "***".into() } else { v };
                (k.into_owned(), v.into_owned())
            })
            .collect();
        parsed.query_pairs_mut().clear().extend_pairs(pairs);
    }
    parsed.to_string()
}

/// Statements every new connection runs after the shop's own settings (see [`open`]).
pub type SessionSettings = Arc<[String]>;

/// Opens and migrates the database `url` names. `session` is run on each connection the pool opens, after the
/// shop's own settings; the shop passes none, tests use it to make a working database behave as full or
/// read-only under a running shop.
pub async fn open(url: &str, session: SessionSettings) -> anyhow::Result<(AnyPool, Backend)> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url)?;
    let pool = match backend {
        Backend::Sqlite => open_sqlite(url, session).await?,
        Backend::Postgres => open_postgres(url, session).await?,
    };
    let migrator = match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    };
    migrator.run(&pool).await.with_context(|| {
        format!(
            "cannot migrate the {} database {}",
            backend.name(),
            shown(url)
        )
    })?;
    Ok((pool, backend))
}

async fn open_sqlite(url: &str, session: SessionSettings) -> anyhow::Result<AnyPool> {
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| {
            format!(
                "DATABASE_URL={} is not a SQLite URL like sqlite://atelier.db",
                shown(url)
            )
        })?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true);
    // The pool's connections are opened from the URL alone, which cannot say "create" or "WAL": one typed
    // connection first creates the file and switches it to WAL, which the file then keeps.
    options
        .connect()
        .await
        .with_context(|| format!("cannot open the SQLite database {}", shown(url)))?
        .close()
        .await?;
    AnyPoolOptions::new()
        .max_connections(4)
        // Not sqlx's default 30 s: a request waits at most this long for a connection, then is answered 503.
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .after_connect(move |conn, _| {
            let session = Arc::clone(&session);
            Box::pin(async move {
                // Per connection: an acknowledged commit is on disk (with WAL, FULL syncs at each commit).
                conn.execute("PRAGMA synchronous = FULL").await?;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                for statement in session.iter() {
                    conn.execute(statement.as_str()).await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .with_context(|| format!("cannot open the SQLite database {}", shown(url)))
}

async fn open_postgres(url: &str, session: SessionSettings) -> anyhow::Result<AnyPool> {
    let unreachable = || format!("cannot connect to PostgreSQL at {}", shown(url));
    // One connection first: a pool that cannot connect reports only that it timed out, this one says why
    // (refused, unknown host, authentication failed).
    match tokio::time::timeout(CONNECT_TIMEOUT, AnyConnection::connect(url)).await {
        Ok(Ok(probe)) => probe.close().await.with_context(unreachable)?,
        Ok(Err(e)) => return Err(anyhow::Error::new(e).context(unreachable())),
        Err(_) => anyhow::bail!("{}: no answer within {CONNECT_TIMEOUT:?}", unreachable()),
    }
    AnyPoolOptions::new()
        .max_connections(8)
        // Not sqlx's default 30 s: an unreachable server is reported within seconds, and a request that has
        // waited this long for a connection (the server stopped, restarting, or every connection busy) is
        // better answered 503 than left hanging. Meanwhile the pool keeps trying to connect, so the first
        // request after the server is back gets a connection without the shop restarting.
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .after_connect(move |conn, _| {
            let session = Arc::clone(&session);
            Box::pin(async move {
                // The server's default, said explicitly: a commit returns only once its WAL is flushed, so an
                // acknowledged order survives a crash of the server or the machine.
                conn.execute("SET synchronous_commit = on").await?;
                for statement in session.iter() {
                    conn.execute(statement.as_str()).await?;
                }
                Ok(())
            })
        })
        .connect(url)
        .await
        .with_context(unreachable)
}

/// The durability settings a connection of `pool` actually runs with, for the start-up log and the tests:
/// `journal_mode=wal synchronous=2` (2 is FULL) on SQLite, `synchronous_commit=on` on PostgreSQL.
pub async fn durability(pool: &AnyPool, backend: Backend) -> Result<String, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    Ok(match backend {
        Backend::Sqlite => {
            let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
                .fetch_one(&mut *conn)
                .await?;
            let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&mut *conn)
                .await?;
            format!("journal_mode={journal} synchronous={synchronous}")
        }
        Backend::Postgres => {
            let commit: String = sqlx::query_scalar("SHOW synchronous_commit")
                .fetch_one(&mut *conn)
                .await?;
            format!("synchronous_commit={commit}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{Backend, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, shown};

    /// Regression: SQLite files in use record each applied migration's SHA-384, and sqlx refuses to open a
    /// file whose recorded checksum differs, so a migration once shipped is never edited (a change is a new
    /// migration). These are the checksums the files had before they moved to `migrations/sqlite`, and those of
    /// the ones added since.
    #[test]
    fn shipped_sqlite_migrations_never_change() {
        let shipped = [
            (
                1,
                "13aa94c28e3d93d0f1505ed738326ee96bff889e0da1fd921a00c29a0a220b8be4a3860a143e756ba3becdba3f046419",
            ),
            (
                2,
                "cd9ca4d228326f61ed6936ab034f0ca0693fa97d6bee6dee60953bbe9aeca473a10f974875fee96c627841596c5c9074",
            ),
            (
                3,
                "85fe6cd19be88a0855773eb9e56efd9b9899e871ce0b66c6c756842b990edcc233c4bacf2e1010db960ad49bbe05d1dd",
            ),
            (
                4,
                "2e50771da1b700bdc112e620964cf99fae2403c7771c0812d60d91a118a6a75c3d129f62d5e9d301d1aa3d7a1571fb74",
            ),
            (
                5,
                "f88df5a41027153742a805d2fa8b0c1eaeeeddfeecfa34dc7d4967489ab3be81d6b556e1b627241fc53d0994c960fd62",
            ),
            (
                6,
                "472169a25eeed2270e94b3b0abd95711155c2eea6ec989fc615e11122b18bedb885ba78587de508997e4720e15825b6d",
            ),
            (
                7,
                "bfe0c5c54a1ccc1d9da48a8b7240ba794df163791c40f242b59846b371b40c2d6a5456d3a9a59ff5f7c104b194ced320",
            ),
        ];
        for (version, checksum) in shipped {
            let migration = SQLITE_MIGRATIONS
                .iter()
                .find(|m| m.version == version)
                .unwrap_or_else(|| panic!("SQLite migration {version} is gone"));
            assert_eq!(
                hex::encode(&migration.checksum),
                checksum,
                "SQLite migration {version}"
            );
        }
    }

    /// The two databases have the same schema history: every migration has its twin, same version, same name.
    #[test]
    fn each_database_has_the_same_migrations() {
        let list = |m: &sqlx::migrate::Migrator| {
            m.iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(list(&SQLITE_MIGRATIONS), list(&POSTGRES_MIGRATIONS));
    }

    #[test]
    fn schemes_name_their_backend_and_others_list_the_accepted_ones() {
        for (url, backend) in [
            ("sqlite://atelier.db", Backend::Sqlite),
            ("sqlite:atelier.db", Backend::Sqlite),
            ("postgres://u:p@db/atelier", Backend::Postgres),
            ("postgresql://db/atelier", Backend::Postgres),
        ] {
            assert_eq!(Backend::of_url(url).expect(url), backend, "{url}");
        }
        for url in ["mysql://u:hunter2@db/x", "atelier.db", ""] {
            let message = Backend::of_url(url).expect_err(url).to_string();
            assert!(message.contains("sqlite://"), "{message}");
            assert!(message.contains("postgres://"), "{message}");
            assert!(!message.contains("hunter2"), "{message}");
        }
    }

    #[test]
    fn a_shown_url_has_no_password() {
        for (url, expect) in [
            (
                "postgres://shop:s3cret@db.example:5432/atelier",
                "postgres://shop:***@db.example:5432/atelier",
            ),
            (
                "postgres://db.example/atelier?user=shop&password=s3cret&sslmode=require",
                "postgres://db.example/atelier?user=shop&password=***&sslmode=require",
            ),
            ("postgres://shop@db/atelier", "postgres://shop@db/atelier"),
            ("sqlite://atelier.db", "sqlite://atelier.db"),
            ("mysql//shop:s3cret@db", "(not a URL)"),
        ] {
            assert_eq!(shown(url), expect, "{url}");
        }
    }
}
