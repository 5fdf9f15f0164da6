//! How the client reached this shop, as far as the request tells: over TLS when a proxy says so in
//! `X-Forwarded-Proto: https` (the shop itself speaks plain HTTP), and the `Host` it asked for. The design
//! code page's absolute addresses ([`origin`]) and the order desk's `Secure` cookies ([`is_https`]) both read
//! it here.

use axum::http::{HeaderMap, header};

/// Whether the request came over TLS: a proxy in front said `X-Forwarded-Proto: https`.
pub fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .is_some_and(|p| p.as_bytes() == b"https")
}

/// `scheme://host` of this shop as the request reached it: the `Host` header (only if it is a plain host name
/// or address with an optional port), `https` when [`is_https`], else `http`. An unusable `Host` gives an
/// empty origin, so the addresses stay relative.
pub fn origin(headers: &HeaderMap) -> String {
    let host = (headers.get(header::HOST))
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
        });
    match host {
        Some(host) => format!(
            "{}://{host}",
            if is_https(headers) { "https" } else { "http" }
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn scheme_and_host_as_the_client_reached_the_shop() {
        for (host, proto, https, want) in [
            (Some("shop.example"), None, false, "http://shop.example"),
            (
                Some("shop.example:8443"),
                Some("https"),
                true,
                "https://shop.example:8443",
            ),
            (Some("[::1]:8080"), Some("http"), false, "http://[::1]:8080"),
            (Some("evil.example/x"), Some("https"), true, ""),
            (None, Some("https"), true, ""),
            (
                Some("shop.example"),
                Some("HTTPS, http"),
                false,
                "http://shop.example",
            ),
        ] {
            let mut headers = HeaderMap::new();
            if let Some(h) = host {
                headers.insert(header::HOST, HeaderValue::from_static(h));
            }
            if let Some(p) = proto {
                headers.insert("x-forwarded-proto", HeaderValue::from_static(p));
            }
            assert_eq!(is_https(&headers), https, "{host:?} {proto:?}");
            assert_eq!(origin(&headers), want, "{host:?} {proto:?}");
        }
    }
}
