//! The `desk_users` and `desk_sessions` tables: the order desk's staff accounts and their signed-in sessions.
//!
//! Only hashes are stored: the password as an Argon2id PHC string, the session token as its SHA-256. Hashing
//! and checking is [`crate::desk::password`]'s and [`crate::desk::session`]'s; this file only stores rows.

use super::Store;

/// Whether [`Store::put_desk_user`] made a new account or replaced one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserPut {
    /// A new account.
    Added,
    /// An account of that name existed: its password is replaced and its sessions are ended.
    Replaced,
}

impl Store {
    /// Stores the account `name` with the PHC string `password`, or replaces its password; a replaced
    /// account's sessions end, so a changed password signs out every browser that knew the old one.
    pub async fn put_desk_user(
        &self,
        name: &str,
        password: &str,
        now: i64,
    ) -> Result<UserPut, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let replaced = sqlx::query("UPDATE desk_users SET password = $1 WHERE name = $2")
            .bind(password)
            .bind(name)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        if replaced {
            sqlx::query("DELETE FROM desk_sessions WHERE user_name = $1")
                .bind(name)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("INSERT INTO desk_users (name, password, created_at) VALUES ($1, $2, $3)")
                .bind(name)
                .bind(password)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(if replaced {
            UserPut::Replaced
        } else {
            UserPut::Added
        })
    }

    /// The PHC string of `name`'s password, if there is such an account.
    pub async fn desk_password(&self, name: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT password FROM desk_users WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await
    }

    /// Records a session of `user` under the token's SHA-256 (hex), valid until `expires_at` (unix ms).
    pub async fn insert_desk_session(
        &self,
        token_sha256: &str,
        user: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO desk_sessions (token_sha256, user_name, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_sha256)
        .bind(user)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The user of the session with this token hash, if it exists and has not expired at `now`.
    pub async fn desk_session_user(
        &self,
        token_sha256: &str,
        now: i64,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT user_name FROM desk_sessions WHERE token_sha256 = $1 AND expires_at > $2",
        )
        .bind(token_sha256)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
    }

    /// Ends the session with this token hash (logout); ending one that is gone is not an error.
    pub async fn delete_desk_session(&self, token_sha256: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM desk_sessions WHERE token_sha256 = $1")
            .bind(token_sha256)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets sessions that expired before `now`; how many.
    pub async fn delete_expired_desk_sessions(&self, now: i64) -> Result<u64, sqlx::Error> {
        Ok(
            sqlx::query("DELETE FROM desk_sessions WHERE expires_at <= $1")
                .bind(now)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }
}
