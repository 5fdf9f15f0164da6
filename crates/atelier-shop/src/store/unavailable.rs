//! Which database errors mean "the database cannot serve the shop right now" rather than a fault in the shop:
//! the server is down or unreachable, the file or server is read-only, the disk or the database is full, or a
//! lock was held past the wait. A request that meets one is answered 503 (`database_unavailable`), logged as
//! one line saying which, and nothing about the shop needs to restart: the pool opens new connections by itself
//! once the server answers again (its acquire timeout bounds how long a request waits for one meanwhile).
//!
//! Errors are read by their kind and their database's own code (PostgreSQL's SQLSTATE, SQLite's result code),
//! never by message text. Everything else (a bad query, a violated constraint, undecodable data) is not here:
//! that is a bug, answered 500.

use sqlx::postgres::PgDatabaseError;
use sqlx::sqlite::SqliteError;
use std::fmt;

/// Why the database cannot serve a request now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unavailable {
    /// The server cannot be reached or stopped talking (stopped, restarting, shut down, network), or no
    /// connection could be had within the pool's acquire timeout.
    Down,
    /// It refuses writes: a read-only file or file system, a read-only server or transaction.
    ReadOnly,
    /// No room left: the disk, or the database's size limit.
    Full,
    /// Another writer held the database locked longer than the shop waits.
    Busy,
}

/// SQLite's primary result codes that say so (<https://www.sqlite.org/rescode.html>); an extended code keeps
/// its primary code in the low byte.
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;
const SQLITE_READONLY: i64 = 8;
const SQLITE_IOERR: i64 = 10;
const SQLITE_FULL: i64 = 13;
const SQLITE_CANTOPEN: i64 = 14;

impl Unavailable {
    /// Whether `error` means the database is unavailable, and how; `None` for every other error.
    pub fn of(error: &sqlx::Error) -> Option<Unavailable> {
        match error {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => Some(Unavailable::Down),
            sqlx::Error::Database(e) => {
                if let Some(pg) = e.try_downcast_ref::<PgDatabaseError>() {
                    Self::of_sqlstate(pg.code())
                } else if e.try_downcast_ref::<SqliteError>().is_some() {
                    let code = e.code().and_then(|c| c.parse::<i64>().ok())?;
                    Self::of_sqlite_code(code)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// PostgreSQL's SQLSTATEs (<https://www.postgresql.org/docs/current/errcodes-appendix.html>).
    fn of_sqlstate(code: &str) -> Option<Unavailable> {
        match code {
            // Class 08, connection exception; 57P01-57P03: shut down by an administrator or a crash, or
            // starting up; 53200 and 53300: out of memory, no connection slot left on the server.
            c if c.starts_with("08") => Some(Unavailable::Down),
            "57P01" | "57P02" | "57P03" | "53200" | "53300" => Some(Unavailable::Down),
            // A read-only transaction (a standby, `default_transaction_read_only`).
            "25006" => Some(Unavailable::ReadOnly),
            // Disk full.
            "53100" => Some(Unavailable::Full),
            // Lock not available.
            "55P03" => Some(Unavailable::Busy),
            _ => None,
        }
    }

    fn of_sqlite_code(code: i64) -> Option<Unavailable> {
        match code & 0xff {
            SQLITE_BUSY | SQLITE_LOCKED => Some(Unavailable::Busy),
            SQLITE_READONLY => Some(Unavailable::ReadOnly),
            SQLITE_FULL => Some(Unavailable::Full),
            SQLITE_IOERR | SQLITE_CANTOPEN => Some(Unavailable::Down),
            _ => None,
        }
    }

    /// What it means for the shop, in the operator's words (the log's; the client's message is the catalog's).
    pub fn explain(self) -> &'static str {
        match self {
            Unavailable::Down => {
                "the database is down or unreachable; the shop reconnects by itself when it is back"
            }
            Unavailable::ReadOnly => {
                "the database is read-only (file permissions, a read-only file system or server); \
                 nothing can be stored until it is writable"
            }
            Unavailable::Full => {
                "the database is full (disk space or its size limit); nothing can be stored until there is room"
            }
            Unavailable::Busy => "the database stayed locked by another writer past the wait",
        }
    }
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unavailable::Down => "down",
            Unavailable::ReadOnly => "read-only",
            Unavailable::Full => "full",
            Unavailable::Busy => "busy",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Unavailable;

    #[test]
    fn database_codes_that_mean_unavailable_and_others_that_do_not() {
        for (code, expect) in [
            ("08006", Some(Unavailable::Down)),
            ("08001", Some(Unavailable::Down)),
            ("57P01", Some(Unavailable::Down)),
            ("57P03", Some(Unavailable::Down)),
            ("25006", Some(Unavailable::ReadOnly)),
            ("53100", Some(Unavailable::Full)),
            ("55P03", Some(Unavailable::Busy)),
            // A unique violation, a syntax error, an undefined table: the shop's own faults.
            ("23505", None),
            ("42601", None),
            ("42P01", None),
        ] {
            assert_eq!(Unavailable::of_sqlstate(code), expect, "{code}");
        }
        for (code, expect) in [
            (5, Some(Unavailable::Busy)),
            (8, Some(Unavailable::ReadOnly)),
            // SQLITE_READONLY_DBMOVED, an extended code of READONLY.
            (1032, Some(Unavailable::ReadOnly)),
            (13, Some(Unavailable::Full)),
            // SQLITE_IOERR_WRITE.
            (778, Some(Unavailable::Down)),
            (14, Some(Unavailable::Down)),
            // SQLITE_CONSTRAINT_UNIQUE, SQLITE_ERROR.
            (2067, None),
            (1, None),
        ] {
            assert_eq!(Unavailable::of_sqlite_code(code), expect, "{code}");
        }
        assert_eq!(
            Unavailable::of(&sqlx::Error::PoolTimedOut),
            Some(Unavailable::Down)
        );
        assert_eq!(Unavailable::of(&sqlx::Error::RowNotFound), None);
    }
}
