//! Staff passwords: hashed with Argon2id (the `argon2` crate's default parameters, a random salt per hash)
//! into a PHC string, and checked against one. A check for a user who does not exist still verifies against a
//! dummy hash, so an unknown name costs the same time as a wrong password and the answer's timing does not
//! tell which names exist.
//!
//! Hashing is tens of milliseconds of CPU by design: callers on the async runtime go through
//! [`verify_off_runtime`], which runs on the blocking pool.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::LazyLock;

/// The shortest password `desk add-user` accepts.
pub const MIN_LENGTH: usize = 10;

/// `password` as an Argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn hash(password: &str) -> Result<String, HashError> {
    // 16 random bytes from the OS, the salt length the PHC string format recommends.
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    let salt = SaltString::encode_b64(&bytes).map_err(HashError::Argon2)?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(HashError::Argon2)?
        .to_string())
}

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// The OS gave no randomness for the salt.
    #[error("no randomness for the salt: {0}")]
    Random(#[from] getrandom::Error),
    /// The hasher refused (it does not for a salt and parameters of the defaults' sizes).
    #[error("argon2: {0}")]
    Argon2(argon2::password_hash::Error),
}

/// A hash of no one's password, with the default parameters, made once: what an unknown user's attempt is
/// checked against.
static DUMMY: LazyLock<Option<String>> =
    LazyLock::new(|| hash("atelier desk: no such user, dummy password").ok());

/// Whether `password` matches `stored` (a PHC string); `None` (no such user) runs the same work against the
/// dummy hash and is never a match. A stored string that is not a PHC hash matches nothing.
pub fn verify(stored: Option<&str>, password: &str) -> bool {
    let (phc, real) = match stored {
        Some(phc) => (phc, true),
        None => (DUMMY.as_deref().unwrap_or_default(), false),
    };
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    let ok = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    ok && real
}

/// [`verify`] on the blocking pool; `false` if the task could not run.
pub async fn verify_off_runtime(stored: Option<String>, password: String) -> bool {
    tokio::task::spawn_blocking(move || verify(stored.as_deref(), &password))
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let phc = hash("correct horse battery").expect("hashes");
        assert!(phc.starts_with("$argon2id$v=19$"), "{phc}");
        assert!(verify(Some(&phc), "correct horse battery"));
        assert!(!verify(Some(&phc), "correct horse batterx"));
        assert!(!verify(Some("not a hash"), "correct horse battery"));
        // The dummy's own password does not sign in a user who does not exist.
        assert!(!verify(None, "atelier desk: no such user, dummy password"));
        // Salted: the same password hashes differently each time.
        assert_ne!(phc, hash("correct horse battery").expect("hashes"));
    }
}
