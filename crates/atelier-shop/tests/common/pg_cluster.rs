//! A PostgreSQL cluster of one test's own, which the test may stop and start again under a running shop (the
//! suite's shared server, `ATELIER_TEST_DATABASE_URL`, must stay up for the other tests). Made as
//! `scripts/postgres.sh` makes its cluster: Debian's binaries (`/usr/lib/postgresql/*/bin`), an unprivileged
//! user (the `postgres` system user when the tests run as root), a temp data dir, a free loopback port, trust
//! on loopback. Every `pg_ctl` call is bounded (`-t`), and dropping the cluster stops it at once and deletes
//! it, also when the test fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// Seconds `pg_ctl` may wait for the server to start or stop.
const PG_CTL_WAIT: &str = "30";

pub struct PgCluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    /// Last: removed after the server is stopped.
    _dir: TempDir,
}

/// The newest installed PostgreSQL's `bin` directory, if one is installed.
fn pg_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    // Through `id -u`: the shop's tests do not depend on libc.
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// `program args` as the cluster's owner: `runuser -u postgres --` when root (PostgreSQL refuses to run as
/// root), else the caller.
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) -> Result<(), String> {
    let out = command
        .output()
        .map_err(|e| format!("{what}: cannot run: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A loopback port nothing listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

impl PgCluster {
    /// Initializes and starts a cluster; `None` when PostgreSQL is not installed.
    pub fn start() -> Option<PgCluster> {
        let bin = pg_bin()?;
        let dir = tempfile::tempdir().expect("temp dir");
        if is_root() {
            let status = Command::new("chown")
                .arg("postgres")
                .arg(dir.path())
                .status()
                .expect("chown");
            assert!(status.success(), "chown postgres {}", dir.path().display());
        }
        let data = dir.path().join("data");
        let mut initdb = as_owner(&bin.join("initdb"));
        initdb.arg("-D").arg(&data).args([
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]);
        run(initdb, "initdb").expect("initdb");
        let mut cluster = PgCluster {
            bin,
            data,
            port: 0,
            _dir: dir,
        };
        // A port can be taken between looking and binding: try a few.
        let mut last = String::new();
        for _ in 0..5 {
            cluster.port = free_port();
            match cluster.try_start() {
                Ok(()) => return Some(cluster),
                Err(e) => last = e,
            }
        }
        panic!("the test's PostgreSQL did not start: {last}");
    }

    fn try_start(&self) -> Result<(), String> {
        let mut start = as_owner(&self.bin.join("pg_ctl"));
        start
            .arg("-D")
            .arg(&self.data)
            .arg("-l")
            .arg(self.data.join("server.log"))
            .args(["-w", "-t", PG_CTL_WAIT, "-o"])
            .arg(format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1",
                self.port,
                self.data.display()
            ))
            .arg("start");
        run(start, "pg_ctl start")
    }

    /// Its `postgres` database's URL.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Stops the server (`-m fast`: open connections are ended, as in an orderly shutdown or a failover).
    pub fn stop(&self) {
        self.pg_ctl_stop("fast").expect("pg_ctl stop");
    }

    /// Starts the stopped server again, on the same port.
    pub fn start_again(&self) {
        self.try_start().expect("pg_ctl start again");
    }

    fn pg_ctl_stop(&self, mode: &str) -> Result<(), String> {
        let mut stop = as_owner(&self.bin.join("pg_ctl"));
        stop.arg("-D")
            .arg(&self.data)
            .args(["-m", mode, "-w", "-t", PG_CTL_WAIT, "stop"]);
        run(stop, "pg_ctl stop")
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        if self.data.join("postmaster.pid").exists() {
            let _ = self.pg_ctl_stop("immediate");
        }
    }
}
