//! The response headers that keep the shop safe to embed: the `Content-Security-Policy` (with `frame-ancestors`
//! limited to the retailer origins of `ATELIER_EMBED_ORIGINS`), `X-Content-Type-Options` and `Referrer-Policy` on
//! every response, and CORS for the API only, granted to exactly those origins.
//! The order desk's pages get a stricter policy of their own (no script, never framed).
//!
//! It owns the policy text and where it applies; which origins are allowed is the config's business
//! ([`crate::config::parse_origins`]), and the embed loader's own checks (postMessage origins) live with it.

use axum::Router;
use axum::http::Method;
use axum::http::header::{self, HeaderName, HeaderValue};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

/// The `Content-Security-Policy` for every response.
///
/// Each directive, and why:
/// - `default-src 'self'`: nothing from elsewhere unless named below.
/// - `script-src 'self' 'wasm-unsafe-eval' <hashes>`: the app's JS glue is a file of ours; compiling its
///   WebAssembly needs `'wasm-unsafe-eval'` (not `'unsafe-eval'`: JS `eval` stays blocked); trunk's
///   `index.html` starts the app with an inline `<script type="module">`, allowed by its exact SHA-256 only
///   (see [`inline_script_hashes`]), so no other inline script, injected or not, can run.
/// - `style-src 'self'; style-src-attr 'unsafe-inline'`: style sheets are ours; Yew sets `style="…"`
///   attributes (positions, swatch colors), which cannot run code.
/// - `img-src 'self' data: blob:`: layers and swatches, and images the app makes itself.
/// - `connect-src 'self'`: the app talks to this shop only.
/// - `object-src 'none'; base-uri 'none'; form-action 'self'`: no plugins, no `<base>` hijacking relative
///   URLs, forms post here only.
/// - `frame-ancestors 'self' <origins>`: only this shop and the configured retailers may frame it.
pub fn content_security_policy(embed_origins: &[String], script_hashes: &[String]) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push_str(&format!(" '{hash}'"));
    }
    let mut ancestors = String::from("'self'");
    for origin in embed_origins {
        ancestors.push(' ');
        ancestors.push_str(origin);
    }
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; style-src-attr 'unsafe-inline'; \
         img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors {ancestors}"
    )
}

/// The `Content-Security-Policy` of the order desk (`/desk…`), stricter than [`content_security_policy`]:
/// the desk runs no script at all (`script-src 'none'`), fetches nothing (`connect-src 'none'`), and no page
/// may frame it, not even a retailer allowed to frame the configurator (`frame-ancestors 'none'`): its pages
/// hold personal data and buttons that move orders, which a frame could overlay (clickjacking). Style sheets
/// and images (the previews) are the shop's own, inline SVG charts carry no style attributes.
pub const DESK_CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'none'; style-src 'self'; \
     img-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

/// Whether a request path is the order desk's.
fn is_desk(path: &str) -> bool {
    path == "/desk" || path.starts_with("/desk/")
}

/// `sha256-<base64>` for each inline `<script>` (one without `src`) in `html`, in document order.
///
/// Browsers hash an inline script's text exactly as it stands between the tags (after the HTML parser turned
/// CR LF and lone CR into LF), so that is what is hashed here. A rebuilt app has a new bootstrap script (it
/// names the hashed wasm file), so the shop computes these when it starts rather than hard-coding them.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let html = html.replace("\r\n", "\n").replace('\r', "\n");
    // ASCII lowercasing keeps byte offsets, so positions found in `lower` index `html` too.
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| at + i) {
        let Some(open_end) = lower[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = lower[open_end..].find("</script").map(|i| open_end + i) else {
            break;
        };
        let attributes = &lower[start + "<script".len()..open_end - 1];
        let has_src = attributes
            .split(|c: char| c.is_ascii_whitespace())
            .any(|a| a == "src" || a.starts_with("src="));
        if !has_src {
            let digest = Sha256::digest(&html.as_bytes()[open_end..close]);
            hashes.push(format!("sha256-{}", BASE64.encode(digest)));
        }
        at = close;
    }
    hashes
}

/// The hashes of the inline scripts of the built app's `index.html` in `app_dir`; none (with a warning) if
/// there is no built app, in which case the shop serves no page that needs them.
pub fn app_script_hashes(app_dir: &Path) -> Vec<String> {
    let index = app_dir.join("index.html");
    match std::fs::read_to_string(&index) {
        Ok(html) => inline_script_hashes(&html),
        Err(e) => {
            tracing::warn!(file = %index.display(), error = %e, "no app index.html: its inline scripts are not allowed by the CSP");
            Vec::new()
        }
    }
}

/// Adds the security headers to every response of `router`, error and file responses included. Apply it
/// outermost (after catch-panic) so nothing answers without them. They override whatever a handler set, so
/// the policy is the one written here: [`DESK_CONTENT_SECURITY_POLICY`] for the order desk's paths,
/// [`content_security_policy`] for everything else.
pub fn with_headers(router: Router, embed_origins: &[String], app_dir: &Path) -> Router {
    let csp = content_security_policy(embed_origins, &app_script_hashes(app_dir));
    // Origins are validated to `scheme://host[:port]` and hashes are base64, so the text is a valid header.
    let csp = HeaderValue::from_str(&csp).unwrap_or_else(|_| {
        tracing::error!(
            "CSP is not a valid header value; falling back to the policy without retailers"
        );
        HeaderValue::from_static(
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
        )
    });
    let desk_csp = HeaderValue::from_static(DESK_CONTENT_SECURITY_POLICY);
    router
        // The policy goes by the request's path: the desk's own, everything else the shop's.
        .layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| {
                let policy = if is_desk(request.uri().path()) {
                    desk_csp.clone()
                } else {
                    csp.clone()
                };
                async move {
                    let mut response = next.run(request).await;
                    response
                        .headers_mut()
                        .insert(header::CONTENT_SECURITY_POLICY, policy);
                    response
                }
            },
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
}

/// CORS for the API: only the configured origins, compared by exact string equality (an origin not on the
/// list gets no `Access-Control-Allow-Origin` at all), the methods and request headers the API uses, and
/// `Location` readable so a retailer's page can follow a created order. Credentials are not allowed: the API
/// has no cookies.
pub fn api_cors(embed_origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = embed_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([header::CONTENT_TYPE, header::ACCEPT_LANGUAGE])
        .expose_headers([HeaderName::from_static("location")])
        .max_age(Duration::from_secs(600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<head><script src=\"/a.js\"></script>\r\n<SCRIPT type=\"module\">import init from '/x.js';\r\nawait init();</SCRIPT>\
                    <script type=module src=/b.js></script></head>";
        let want = format!(
            "sha256-{}",
            BASE64.encode(Sha256::digest(b"import init from '/x.js';\nawait init();"))
        );
        assert_eq!(inline_script_hashes(html), vec![want]);
        assert!(inline_script_hashes("<p>no scripts</p>").is_empty());
    }

    #[test]
    fn the_desk_is_told_by_its_path() {
        for (path, desk) in [
            ("/desk", true),
            ("/desk/", true),
            ("/desk/orders/ATL-0000-0000", true),
            ("/desktop", false),
            ("/", false),
            ("/api/desk", false),
            ("/static/desk/x.png", false),
        ] {
            assert_eq!(is_desk(path), desk, "{path}");
        }
    }

    #[test]
    fn policy_names_every_origin_and_hash() {
        let csp = content_security_policy(
            &[
                "https://shop.example".into(),
                "http://127.0.0.2:9000".into(),
            ],
            &["sha256-AAAA".into()],
        );
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-AAAA';"),
            "{csp}"
        );
        assert!(
            csp.ends_with("frame-ancestors 'self' https://shop.example http://127.0.0.2:9000"),
            "{csp}"
        );
    }
}
