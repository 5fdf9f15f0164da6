//! The `atelier-shop` command line: which command the arguments name. Running it is `main.rs`'s (serving)
//! and each command's own module's ([`crate::catalog_check`], [`crate::desk::add_user`]).

use std::ffi::OsString;

/// What the usage text says.
pub const USAGE: &str = "\
usage:
  atelier-shop                        serve the shop (configured by ATELIER_* environment variables)
  atelier-shop catalog check FILE...  check catalog files and print every problem (--help for options)
  atelier-shop desk add-user NAME     add an order desk user, or replace its password; the password is read
                                      from standard input (one line, at least 10 characters)
";

/// A command named by the arguments.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve the shop.
    Serve,
    /// Check catalog files (the arguments after `catalog check`).
    CatalogCheck(Vec<OsString>),
    /// Add or replace a desk user.
    DeskAddUser(String),
    /// Print the usage.
    Help,
    /// Arguments that name no command (print the usage as an error).
    Usage,
}

/// The command `args` (without the program name) name.
pub fn parse(args: &[OsString]) -> Command {
    match args {
        [] => Command::Serve,
        [group, command, rest @ ..] if group == "catalog" && command == "check" => {
            Command::CatalogCheck(rest.to_vec())
        }
        [group, command, name] if group == "desk" && command == "add-user" => match name.to_str() {
            Some(name) => Command::DeskAddUser(name.to_owned()),
            None => Command::Usage,
        },
        [help] if help == "--help" || help == "-h" => Command::Help,
        _ => Command::Usage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_name_commands() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        for (given, want) in [
            (&[][..], Command::Serve),
            (
                &["catalog", "check", "a.json"],
                Command::CatalogCheck(args(&["a.json"])),
            ),
            (
                &["desk", "add-user", "mina"],
                Command::DeskAddUser("mina".into()),
            ),
            (&["desk", "add-user"], Command::Usage),
            (&["desk", "add-user", "a", "b"], Command::Usage),
            (&["--help"], Command::Help),
            (&["-h"], Command::Help),
            (&["serve"], Command::Usage),
        ] {
            assert_eq!(parse(&args(given)), want, "{given:?}");
        }
    }
}
