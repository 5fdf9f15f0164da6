//! Per-client rate limits on the endpoints that store something for anyone who asks: design codes
//! (`POST /api/designs`) and help requests (`POST /api/help-requests`). A client over its budget gets 429 with
//! `Retry-After`, in its language, and nothing is stored. The order desk's sign-in attempts are limited the
//! same way, per client address and per user name (`ATELIER_DESK_LOGINS_PER_MINUTE`; see `desk::login`).
//!
//! The budgets are token buckets per client address (`governor`'s keyed limiter: a burst of the full budget,
//! refilled evenly over the period), set by `ATELIER_DESIGN_CODES_PER_MINUTE` and
//! `ATELIER_HELP_REQUESTS_PER_HOUR` ([`crate::config`]). The client address is the connection's peer: behind
//! a reverse proxy every client shares the proxy's address, so deploy the limits at the proxy there (see the
//! README). Addresses not seen for a while are forgotten, so the map does not grow without bound.

use crate::error::ApiError;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::convert::Infallible;
use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::time::Duration;

/// Beyond this many remembered addresses, those whose buckets are full again are forgotten.
const REMEMBERED: usize = 10_000;

/// The shop's rate limits.
#[derive(Debug)]
pub struct Limits {
    /// Design codes created per client.
    pub design_codes: Limiter,
    /// Help requests per client.
    pub help_requests: Limiter,
    /// Order desk sign-in attempts per client address.
    pub desk_logins_by_addr: Limiter,
    /// Order desk sign-in attempts per user name, from any address (so spreading guesses over many
    /// addresses does not multiply them).
    pub desk_logins_by_name: Limiter<String>,
}

impl Limits {
    /// Limits of `design_codes_per_minute` and `help_requests_per_hour` per client (each at least 1), and
    /// `desk_logins_per_minute` desk sign-in attempts per client and per user name.
    pub fn new(
        design_codes_per_minute: u32,
        help_requests_per_hour: u32,
        desk_logins_per_minute: u32,
    ) -> Limits {
        let minute = Duration::from_secs(60);
        Limits {
            design_codes: Limiter::new(design_codes_per_minute, minute),
            help_requests: Limiter::new(help_requests_per_hour, Duration::from_secs(3600)),
            desk_logins_by_addr: Limiter::new(desk_logins_per_minute, minute),
            desk_logins_by_name: Limiter::<String>::new(desk_logins_per_minute, minute),
        }
    }
}

impl Default for Limits {
    /// The documented defaults: 30 design codes a minute, 10 help requests an hour, 5 desk sign-ins a minute.
    fn default() -> Limits {
        Limits::new(30, 10, 5)
    }
}

/// One budget per key (a client address unless said otherwise): `count` per `period`, all of it usable at
/// once.
#[derive(Debug)]
pub struct Limiter<K: Hash + Eq + Clone = IpAddr> {
    inner: DefaultKeyedRateLimiter<K>,
}

impl<K: Hash + Eq + Clone> Limiter<K> {
    /// A budget of `count` (at least 1) per `period`.
    pub fn new(count: u32, period: Duration) -> Limiter<K> {
        let count = NonZeroU32::new(count.max(1)).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(period / count.get())
            .unwrap_or_else(|| Quota::per_second(count))
            .allow_burst(count);
        Limiter {
            inner: RateLimiter::dashmap(quota),
        }
    }

    /// Spends one request of `key`'s budget, or says in how many whole seconds (rounded up) the next one is
    /// allowed.
    pub fn spend(&self, key: &K) -> Result<(), u64> {
        if self.inner.len() > REMEMBERED {
            self.inner.retain_recent();
        }
        self.inner.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
        })
    }
}

impl Limiter {
    /// Spends one request of `client`'s budget, or says when the next one is allowed.
    pub fn check(&self, client: ClientAddr) -> Result<(), ApiError> {
        self.spend(&client.0)
            .map_err(|retry_after| ApiError::RateLimited { retry_after })
    }
}

/// The client's address: the connection's peer, or `0.0.0.0` when the server was started without connection
/// info (an in-process test), so every such request shares one budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>();
        Ok(ClientAddr(
            peer.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_is_per_client_and_says_when_to_retry() {
        let limiter = Limiter::new(3, Duration::from_secs(60));
        let (a, b) = (
            ClientAddr("10.0.0.1".parse().expect("ip")),
            ClientAddr("10.0.0.2".parse().expect("ip")),
        );
        for _ in 0..3 {
            assert!(limiter.check(a).is_ok());
        }
        match limiter.check(a) {
            Err(ApiError::RateLimited { retry_after }) => {
                assert!((1..=20).contains(&retry_after), "{retry_after}")
            }
            other => panic!("expected a 429, got {other:?}"),
        }
        assert!(
            limiter.check(b).is_ok(),
            "another client has its own budget"
        );
    }
}
