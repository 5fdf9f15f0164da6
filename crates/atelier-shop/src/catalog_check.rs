//! `atelier-shop catalog check FILE...`: a retailer's check of catalog files before they go live, printing every
//! problem as `FILE:LINE:COLUMN: CODE: MESSAGE (at PATH)` so editors and CI logs can jump to it.
//!
//! It owns the command's arguments, where layer files are looked up (the static root), the output lines and the
//! exit status (0 every file clean, 1 any problem or unreadable file, 2 a usage error). What is a problem is
//! the core's `Catalog::from_json`, the same check the shop runs at start-up; where a problem is in the text is
//! [`crate::locate`]. The argv is small enough to read by hand, which keeps clap out of the server binary.

use crate::locate::{Locator, Position};
use atelier_core::catalog::CatalogProblemKind;
use atelier_core::{Catalog, Locale, messages};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// How to use the command, printed for `--help` and after a usage error.
pub const USAGE: &str = "\
usage: atelier-shop catalog check [--lang en|ko] [--static-dir DIR] FILE...

Checks catalog files and prints every problem as FILE:LINE:COLUMN: CODE: MESSAGE (at PATH),
or FILE: ok for a file without problems.

  --lang en|ko       language of the messages (default: en)
  --static-dir DIR   where layer paths such as products/x/side/base.png are looked up
                     (default: $ATELIER_STATIC_DIR, else the folder above the catalog's folder,
                     so static/ for static/catalogs/x.json)

Exit status: 0 when every file is clean, 1 when any file has problems or cannot be read, 2 for usage errors.
";

/// Exit status when every file is clean.
pub const EXIT_OK: u8 = 0;
/// Exit status when any file has a problem or cannot be read.
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit status for a usage error.
pub const EXIT_USAGE: u8 = 2;

/// What the command line asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Check these files.
    Check(Options),
    /// Print [`USAGE`].
    Help,
}

/// The check's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The catalog files, in the order given.
    pub files: Vec<PathBuf>,
    /// `--static-dir`, if given.
    pub static_dir: Option<PathBuf>,
    /// `--lang`.
    pub locale: Locale,
}

/// Reads the arguments after `catalog check`. `Err` is a usage error's message.
pub fn parse_args(args: &[OsString]) -> Result<Command, String> {
    let mut files = Vec::new();
    let mut static_dir = None;
    let mut locale = Locale::En;
    let mut args = args.iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        let text = arg.to_str().unwrap_or("");
        if only_files || !text.starts_with('-') || text == "-" {
            files.push(PathBuf::from(arg));
            continue;
        }
        // `--name value` and `--name=value` both work.
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) => (n, Some(OsString::from(v))),
            None => (text, None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--lang" => {
                let v = value(name)?;
                let tag = v.to_string_lossy();
                locale = Locale::from_tag(&tag)
                    .ok_or_else(|| format!("unknown language {tag:?}: use en or ko"))?;
            }
            "--static-dir" => static_dir = Some(PathBuf::from(value(name)?)),
            _ => return Err(format!("unknown option {text:?}")),
        }
    }
    if files.is_empty() {
        return Err("name at least one catalog file".into());
    }
    Ok(Command::Check(Options {
        files,
        static_dir,
        locale,
    }))
}

/// Runs the command with the process's environment, stdout and stderr.
pub fn main(args: &[OsString]) -> std::process::ExitCode {
    let env_static = std::env::var_os("ATELIER_STATIC_DIR").map(PathBuf::from);
    let code = run(
        args,
        env_static,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::ExitCode::from(code)
}

/// Runs the command: reports on `out`, usage errors on `err`; returns the exit status.
pub fn run(
    args: &[OsString],
    env_static_dir: Option<PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    // A closed pipe (`... | head`) is no reason to fail differently, so write errors are ignored throughout.
    let options = match parse_args(args) {
        Ok(Command::Check(o)) => o,
        Ok(Command::Help) => {
            let _ = out.write_all(USAGE.as_bytes());
            return EXIT_OK;
        }
        Err(message) => {
            let _ = write!(err, "atelier-shop catalog check: {message}\n\n{USAGE}");
            return EXIT_USAGE;
        }
    };
    let mut status = EXIT_OK;
    for file in &options.files {
        let static_dir = options
            .static_dir
            .clone()
            .or_else(|| env_static_dir.clone())
            .unwrap_or_else(|| static_root_of(file));
        let shown = file.display();
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(out, "{shown}: {}: {e}", cannot_read(options.locale));
                status = EXIT_PROBLEMS;
                continue;
            }
        };
        let diagnostics = check(&text, &static_dir, options.locale);
        if diagnostics.is_empty() {
            let _ = writeln!(out, "{shown}: ok");
            continue;
        }
        status = EXIT_PROBLEMS;
        for d in &diagnostics {
            let _ = writeln!(out, "{shown}:{d}");
        }
        if diagnostics.iter().any(|d| d.code == "missing_file") {
            let _ = writeln!(
                out,
                "{shown}: {}",
                looked_under(options.locale, &static_dir)
            );
        }
    }
    status
}

/// One problem, placed in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where in the file.
    pub position: Position,
    /// The problem's stable code, e.g. `unknown_color`.
    pub code: &'static str,
    /// The message in the chosen language.
    pub message: String,
    /// The problem path, e.g. `zones[2].colors[4]`; empty for the whole file.
    pub path: String,
}

impl std::fmt::Display for Diagnostic {
    /// `LINE:COLUMN: CODE: MESSAGE (at PATH)`, without the `(at ...)` for the whole file.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.position, self.code, self.message)?;
        if !self.path.is_empty() {
            write!(f, " (at {})", self.path)?;
        }
        Ok(())
    }
}

/// Every problem of the catalog `text`, in the order they appear in it. Layer paths are looked up under
/// `static_dir`.
pub fn check(text: &str, static_dir: &Path, locale: Locale) -> Vec<Diagnostic> {
    let problems = match Catalog::from_json(text, &|rel: &str| static_dir.join(rel).is_file()) {
        Ok(_) => return Vec::new(),
        Err(problems) => problems,
    };
    let locator = Locator::new(text);
    let mut out: Vec<Diagnostic> = problems
        .iter()
        .map(|p| {
            let position = match &p.kind {
                CatalogProblemKind::Syntax { line, column, .. } => {
                    locator.serde_position(*line, *column)
                }
                // The key is what is wrong with an unknown field (often a typo), so point at it, not its value.
                CatalogProblemKind::UnknownField { .. } => {
                    let at = locator.locate(&p.path);
                    at.key.filter(|_| at.exact).unwrap_or(at.value)
                }
                _ => locator.locate(&p.path).value,
            };
            let report = p.report(locale);
            Diagnostic {
                position,
                code: report.code,
                message: report.message,
                path: report.path,
            }
        })
        .collect();
    // Stable, so problems at one place keep the validator's order.
    out.sort_by_key(|d| d.position);
    out
}

/// The static root for a catalog file when none is given: the folder above the one holding it, as in the
/// shop's layout (`static/catalogs/x.json` -> `static`).
pub fn static_root_of(file: &Path) -> PathBuf {
    let folder = file.parent().unwrap_or(Path::new(""));
    match folder.components().next_back() {
        // Lexically, so `static/catalogs` gives `static` even when `catalogs` is a symlink.
        Some(Component::Normal(_)) => match folder.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
        Some(Component::RootDir | Component::Prefix(_)) => folder.to_path_buf(),
        // `x.json`, `./x.json`, `../x.json`: only the file system knows the parent.
        _ => {
            let base = if folder.as_os_str().is_empty() {
                Path::new(".")
            } else {
                folder
            };
            base.join("..")
        }
    }
}

/// "cannot read the file", in `locale`.
fn cannot_read(locale: Locale) -> &'static str {
    messages::text(locale, "catalog_check.cannot_read")
}

/// The note on where layer files were looked for, in `locale`.
fn looked_under(locale: Locale, dir: &Path) -> String {
    messages::format(
        locale,
        "catalog_check.looked_under",
        &[("dir", dir.display().to_string())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn check_args(list: &[&str], expect: Result<Command, &str>) {
        assert_eq!(
            parse_args(&args(list)),
            expect.map_err(str::to_owned),
            "{list:?}"
        );
    }

    fn files(list: &[&str], static_dir: Option<&str>, locale: Locale) -> Command {
        Command::Check(Options {
            files: list.iter().map(PathBuf::from).collect(),
            static_dir: static_dir.map(PathBuf::from),
            locale,
        })
    }

    /// The texts moved to the message catalogs read exactly as they did when written here.
    #[test]
    fn the_notes_read_as_before_in_both_languages() {
        for (locale, expect) in [
            (Locale::En, "cannot read the file"),
            (Locale::Ko, "파일을 읽을 수 없습니다"),
        ] {
            assert_eq!(cannot_read(locale), expect);
        }
        let dir = Path::new("shop/static");
        for (locale, expect) in [
            (
                Locale::En,
                "note: layer files are looked up under shop/static (change it with --static-dir)",
            ),
            (
                Locale::Ko,
                "참고: 레이어 파일은 shop/static 아래에서 찾습니다 (--static-dir 로 바꿀 수 있습니다)",
            ),
        ] {
            assert_eq!(looked_under(locale, dir), expect);
        }
    }

    #[test]
    fn arguments() {
        check_args(&["a.json"], Ok(files(&["a.json"], None, Locale::En)));
        check_args(
            &["--lang", "ko", "a.json", "b.json"],
            Ok(files(&["a.json", "b.json"], None, Locale::Ko)),
        );
        check_args(
            &["a.json", "--lang=ko-KR", "--static-dir=s"],
            Ok(files(&["a.json"], Some("s"), Locale::Ko)),
        );
        check_args(
            &["--static-dir", "s", "--", "--odd.json"],
            Ok(files(&["--odd.json"], Some("s"), Locale::En)),
        );
        check_args(&["--help", "a.json"], Ok(Command::Help));
        check_args(&[], Err("name at least one catalog file"));
        check_args(&["--lang"], Err("--lang needs a value"));
        check_args(
            &["--lang", "fr", "a.json"],
            Err("unknown language \"fr\": use en or ko"),
        );
        check_args(&["-x", "a.json"], Err("unknown option \"-x\""));
    }

    #[test]
    fn static_root_defaults_to_the_folder_above_the_catalogs() {
        for (file, expect) in [
            ("static/catalogs/x.json", "static"),
            ("/srv/shop/static/catalogs/x.json", "/srv/shop/static"),
            ("catalogs/x.json", "."),
            ("x.json", "./.."),
            ("./x.json", "./.."),
            ("../x.json", "../.."),
            ("/x.json", "/"),
        ] {
            assert_eq!(
                static_root_of(Path::new(file)),
                PathBuf::from(expect),
                "{file}"
            );
        }
    }

    #[test]
    fn usage_errors_exit_2_and_print_the_usage() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&args(&["--bogus"]), None, &mut out, &mut err);
        assert_eq!(code, EXIT_USAGE);
        assert!(out.is_empty());
        let err = String::from_utf8_lossy(&err);
        assert!(
            err.starts_with("atelier-shop catalog check: unknown option"),
            "{err}"
        );
        assert!(err.contains("usage: atelier-shop catalog check"), "{err}");
    }
}
