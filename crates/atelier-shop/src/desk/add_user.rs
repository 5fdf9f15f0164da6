//! `atelier-shop desk add-user NAME`: makes a desk account, or gives an existing one a new password (which
//! ends its sessions). The password is read from standard input, one line, so it never appears in the
//! process list or the shell's history; it is hashed ([`super::password`]) before it reaches the database
//! (`DATABASE_URL`, as the shop reads it). Bad input is said in words with a non-zero exit.

use super::password::{self, MIN_LENGTH};
use crate::config::Config;
use crate::store::{Store, UserPut};
use std::io::BufRead;
use std::process::ExitCode;

/// The longest user name.
pub const NAME_MAX: usize = 64;

/// Exit code for refused input.
pub const EXIT_INPUT: u8 = 2;

/// Exit code for a failure of the shop's side (the database, the hash).
pub const EXIT_FAILURE: u8 = 1;

/// What is wrong with a new account, every problem at once.
pub fn check(name: &str, password: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push("the user name is empty".to_owned());
    } else if name.chars().count() > NAME_MAX {
        problems.push(format!(
            "the user name is longer than {NAME_MAX} characters"
        ));
    } else if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        problems.push("the user name contains spaces or control characters".to_owned());
    }
    let length = password.chars().count();
    if length == 0 {
        problems.push("the password is empty (write it on standard input, one line)".to_owned());
    } else if length < MIN_LENGTH {
        problems.push(format!(
            "the password is {length} characters long; at least {MIN_LENGTH} are needed"
        ));
    }
    problems
}

/// Runs the command for `name`, reading the password from `input`.
pub fn main(name: &str, input: impl BufRead) -> ExitCode {
    let mut line = String::new();
    let mut input = input;
    if let Err(e) = input.read_line(&mut line) {
        eprintln!("cannot read the password from standard input: {e}");
        return ExitCode::from(EXIT_INPUT);
    }
    // The line's end is not part of the password; anything else, spaces included, is.
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    let problems = check(name, password);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("desk add-user: {p}");
        }
        return ExitCode::from(EXIT_INPUT);
    }
    match store(name, password) {
        Ok(UserPut::Added) => println!("desk user {name} added"),
        Ok(UserPut::Replaced) => {
            println!("desk user {name}: password replaced, its sessions ended");
        }
        Err(e) => {
            eprintln!("desk add-user: {e:#}");
            return ExitCode::from(EXIT_FAILURE);
        }
    }
    ExitCode::SUCCESS
}

#[tokio::main(flavor = "current_thread")]
async fn store(name: &str, password: &str) -> anyhow::Result<UserPut> {
    let config = Config::from_vars(|k| std::env::var(k).ok())?;
    let phc =
        password::hash(password).map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let store = Store::connect(&config.database_url).await?;
    Ok(store
        .put_desk_user(name, &phc, super::session::now_ms())
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_accounts_are_checked() {
        for (name, password, problems) in [
            ("mina", "a long password", 0),
            ("mina", "0123456789", 0),
            ("", "a long password", 1),
            ("mina", "", 1),
            ("mina", "short", 1),
            ("", "", 2),
            ("mi na", "a long password", 1),
            (&"m".repeat(65), "a long password", 1),
            ("민아", "비밀번호는열글자이상", 0),
        ] {
            assert_eq!(
                check(name, password).len(),
                problems,
                "{name:?} {password:?}"
            );
        }
    }
}
