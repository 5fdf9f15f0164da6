//! Signing the order spec for the retailer, and the check a receiver runs.
//!
//! The header is `Atelier-Signature: t=<unix seconds>,v1=<lowercase hex>`, where `v1` is
//! HMAC-SHA256 with the retailer secret over `"{t}.{body}"` and `body` is the exact request body (the
//! canonical spec, see [`crate::spec::canonical`]). The timestamp is inside the MAC, so a receiver that
//! refuses old timestamps also refuses replayed requests. A receiver accepts any `v1` that matches, so a
//! later secret rotation can send two.
//!
//! # Example
//!
//! ```
//! use atelier_shop::signature::{sign, verify};
//! use std::time::{Duration, UNIX_EPOCH};
//!
//! let body = br#"{"order":"ATL-7K3M-9QX2","spec_format":1}"#;
//! let header = sign(b"whsec_example_secret", 1_795_426_200, body);
//! let now = UNIX_EPOCH + Duration::from_secs(1_795_426_230);
//! assert!(verify(b"whsec_example_secret", &header, body, now, Duration::from_secs(300)).is_ok());
//! assert!(verify(b"another_secret_value", &header, body, now, Duration::from_secs(300)).is_err());
//! ```

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The header's name.
pub const HEADER: &str = "Atelier-Signature";

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8], timestamp: u64, body: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
    let mut mac = <HmacSha256 as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The `Atelier-Signature` header value for `body` sent at `timestamp` (unix seconds).
pub fn sign(secret: &[u8], timestamp: u64, body: &[u8]) -> String {
    let tag = mac(secret, timestamp, body).finalize().into_bytes();
    format!("t={timestamp},v1={}", hex::encode(tag))
}

/// Why a signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The header is not `t=<digits>,v1=<hex>[,v1=<hex>...]`.
    #[error("malformed signature header")]
    Malformed,
    /// The timestamp is further from `now` than the tolerance (a replay, or a clock far off).
    #[error("signature timestamp outside the tolerance")]
    Stale,
    /// No `v1` matches the body and the secret.
    #[error("signature does not match")]
    Mismatch,
}

/// Checks `header` against `body` with `secret`: the timestamp must be within `tolerance` of `now` (either
/// way) and one `v1` must be the HMAC of `"{t}.{body}"`. The comparison is constant-time.
pub fn verify(
    secret: &[u8],
    header: &str,
    body: &[u8],
    now: SystemTime,
    tolerance: Duration,
) -> Result<(), VerifyError> {
    let mut timestamp = None;
    let mut tags = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) if timestamp.is_none() => {
                let ok = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
                timestamp = Some(
                    ok.then(|| v.parse::<u64>().ok())
                        .flatten()
                        .ok_or(VerifyError::Malformed)?,
                );
            }
            Some(("v1", v)) => tags.push(hex::decode(v).map_err(|_| VerifyError::Malformed)?),
            // Unknown schemes (a future v2) are ignored, as receivers should.
            Some((k, _)) if k != "t" => {}
            _ => return Err(VerifyError::Malformed),
        }
    }
    let timestamp = timestamp.ok_or(VerifyError::Malformed)?;
    if tags.is_empty() {
        return Err(VerifyError::Malformed);
    }
    let sent = UNIX_EPOCH + Duration::from_secs(timestamp);
    let skew = now
        .duration_since(sent)
        .or_else(|e| Ok::<_, ()>(e.duration()))
        .unwrap_or_default();
    if skew > tolerance {
        return Err(VerifyError::Stale);
    }
    let expected = mac(secret, timestamp, body);
    if tags
        .iter()
        .any(|tag| expected.clone().verify_slice(tag).is_ok())
    {
        Ok(())
    } else {
        Err(VerifyError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"whsec_0123456789abcdef";
    const BODY: &[u8] = br#"{"order":"ATL-7K3M-9QX2","spec_format":1}"#;
    const T: u64 = 1_795_426_200;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn header_format_is_t_and_lowercase_hex_v1() {
        let header = sign(SECRET, T, BODY);
        let (t, v1) = header.split_once(",v1=").expect("two parts");
        assert_eq!(t, format!("t={T}"));
        assert_eq!(v1.len(), 64);
        assert!(
            v1.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        // The value Python's `hmac.new(secret, b"1795426200." + body, hashlib.sha256).hexdigest()` gives, so
        // the README's receiver examples and this signer agree.
        assert_eq!(
            header,
            "t=1795426200,v1=e9b69acd736c32914904c6d3a54a0ada403fadccdca4ac0e834421109e7a83fd"
        );
        // Independent of this module's MAC: RFC 4231 test case 2 through the same crates.
        let mut m = <HmacSha256 as Mac>::new_from_slice(b"Jefe").expect("key");
        m.update(b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(m.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn verification_cases() {
        let good = sign(SECRET, T, BODY);
        let tol = Duration::from_secs(300);
        let rotated = format!("{good},v1={}", "00".repeat(32));
        let tag = good.split_once(",v1=").map(|(_, v)| v).unwrap_or_default();
        let rotated_first = format!("t={T},v1={},v1={tag}", "ab".repeat(32));
        let check = |secret: &[u8], header: &str, body: &[u8], now: u64| {
            verify(secret, header, body, at(now), tol)
        };
        assert_eq!(check(SECRET, &good, BODY, T), Ok(()));
        assert_eq!(check(SECRET, &good, BODY, T + 300), Ok(()));
        assert_eq!(check(SECRET, &good, BODY, T - 300), Ok(()));
        assert_eq!(check(SECRET, &rotated, BODY, T), Ok(()));
        assert_eq!(check(SECRET, &rotated_first, BODY, T), Ok(()));
        assert_eq!(check(SECRET, &format!("{good},v2=zz"), BODY, T), Ok(()));
        // (secret, header, body, now, expected error)
        type Case<'a> = (&'a [u8], &'a str, &'a [u8], u64, VerifyError);
        let cases: &[Case<'_>] = &[
            (
                b"whsec_wrong_secret!!",
                &good,
                BODY,
                T,
                VerifyError::Mismatch,
            ),
            (
                SECRET,
                &good,
                br#"{"order":"ATL-7K3M-9QX3","spec_format":1}"#,
                T,
                VerifyError::Mismatch,
            ),
            (SECRET, &good, b"", T, VerifyError::Mismatch),
            (SECRET, &good, BODY, T + 301, VerifyError::Stale),
            (SECRET, &good, BODY, T - 301, VerifyError::Stale),
            // The timestamp is signed: moving it forward to pass the tolerance breaks the MAC.
            (
                SECRET,
                &good.replace(&T.to_string(), &(T + 1000).to_string()),
                BODY,
                T + 1000,
                VerifyError::Mismatch,
            ),
            (SECRET, "", BODY, T, VerifyError::Malformed),
            (SECRET, &format!("t={T}"), BODY, T, VerifyError::Malformed),
            (
                SECRET,
                &good[good.find(",v1").unwrap_or(0) + 1..],
                BODY,
                T,
                VerifyError::Malformed,
            ),
            (
                SECRET,
                &good.replace("t=", "t=-"),
                BODY,
                T,
                VerifyError::Malformed,
            ),
            (
                SECRET,
                &format!("t={T},v1=xyz"),
                BODY,
                T,
                VerifyError::Malformed,
            ),
            (
                SECRET,
                &format!("{good},junk"),
                BODY,
                T,
                VerifyError::Malformed,
            ),
        ];
        for (secret, header, body, now, expect) in cases {
            assert_eq!(
                check(secret, header, body, *now).as_ref(),
                Err(expect),
                "{header}"
            );
        }
    }
}
