//! `GET /api/orders/{id}/preview/{view}.png`: a stored order's view as a PNG, drawn from its spec.
//!
//! By default at production scale (2 × the view's catalog size, at least 2048 px wide for the factory);
//! `?scale=1` gives the proof-resolution image, whose decoded RGBA pixels hash to the proof stored in the spec.
//! Nothing but the spec is stored: the image is drawn on request ([`crate::proof::png`], off the async
//! runtime) and, since an accepted order never changes, cached by clients for good (its `ETag` is the proof and
//! the scale). The route is written `{file}` because the router cannot match a parameter followed by `.png`.

use super::lookup;
use crate::AppState;
use crate::artwork::PRODUCTION_SCALE;
use crate::error::ApiError;
use crate::openapi::schemas;
use crate::store::StoredOrder;
use crate::{proof, spec};
use atelier_core::id::ViewId;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A stored order's view as a PNG.
#[utoipa::path(
    get,
    path = "/orders/{id}/preview/{file}",
    tag = "orders",
    params(
        ("id" = String, Path, description = "Order number", example = "ATL-7K3M-9QX2"),
        ("file" = String, Path, description = "The view's id and `.png`", example = "side.png"),
        ("scale" = Option<u32>, Query, minimum = 1, maximum = 2, description = "`2` (the default): production \
            size, twice the view's catalog size; `1`: the size the shopper saw, whose RGBA pixels hash \
            (SHA-256) to the order's proof for this view"),
        ("If-None-Match" = Option<String>, Header, description = "An `ETag` from an earlier answer"),
        ("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`"),
    ),
    responses(
        (status = 200, description = "The image", content(("image/png")),
            headers(("ETag" = String, description = "The view's proof and the scale"),
                ("Cache-Control" = String, description = "`public, max-age=31536000, immutable`"))),
        (status = 304, description = "Not modified: the `If-None-Match` tag is this image's"),
        (status = 400, description = "A scale other than 1 or 2 (`invalid_preview_scale`)", body = schemas::ErrorResponse),
        (status = 404, description = "No such order (`order_not_found`) or view of its product \
            (`preview_view_not_found`)", body = schemas::ErrorResponse),
        (status = 409, description = "The order cannot be drawn as accepted any more: its product changed, or it \
            predates proofs (`preview_unavailable`)", body = schemas::ErrorResponse),
    )
)]
pub async fn png(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let scale = scale(query.as_deref())?;
    let order: StoredOrder = lookup::find(&state.store, id.clone()).await?;
    let drawing = order
        .spec
        .as_deref()
        .and_then(spec::drawing)
        .ok_or_else(|| ApiError::PreviewUnavailable(id.clone()))?;
    let Some(view) = file.strip_suffix(".png").map(|v| ViewId(v.to_owned())) else {
        return Err(ApiError::PreviewViewNotFound {
            order: id,
            view: file,
        });
    };
    let etag = drawing
        .proofs
        .get(&view)
        .and_then(|p| HeaderValue::from_str(&format!("\"{p}-{scale}\"")).ok());
    if let Some(etag) = &etag
        && matches(&headers, etag)
    {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag.clone()),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(super::IMMUTABLE),
                ),
            ],
        )
            .into_response());
    }
    let bytes = proof::png(state.catalogs.clone(), id, drawing, view, scale).await?;
    let mut response = (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(super::IMMUTABLE),
            ),
        ],
        bytes,
    )
        .into_response();
    if let Some(etag) = etag {
        response.headers_mut().insert(header::ETAG, etag);
    }
    Ok(response)
}

/// The `scale` query parameter: absent means production scale; present, it must be exactly `1` or `2`, once.
fn scale(query: Option<&str>) -> Result<u32, ApiError> {
    let mut found = None;
    for pair in query.unwrap_or("").split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key != "scale" {
            continue;
        }
        let value = match value {
            "1" => 1,
            "2" => PRODUCTION_SCALE,
            _ => return Err(ApiError::InvalidPreviewScale),
        };
        if found.replace(value).is_some() {
            return Err(ApiError::InvalidPreviewScale);
        }
    }
    Ok(found.unwrap_or(PRODUCTION_SCALE))
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn matches(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Some(Ok(list)) = headers.get(header::IF_NONE_MATCH).map(|v| v.to_str()) else {
        return false;
    };
    let etag = etag.to_str().unwrap_or_default();
    list.split(',')
        .map(str::trim)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_1_or_2_and_defaults_to_production() {
        for (query, expect) in [
            (None, Some(2)),
            (Some(""), Some(2)),
            (Some("scale=1"), Some(1)),
            (Some("scale=2"), Some(2)),
            (Some("x=9&scale=1"), Some(1)),
            (Some("scale=3"), None),
            (Some("scale=0"), None),
            (Some("scale=01"), None),
            (Some("scale="), None),
            (Some("scale"), None),
            (Some("scale=-1"), None),
            (Some("scale=99999999999999999999"), None),
            (Some("scale=1&scale=1"), None),
        ] {
            assert_eq!(scale(query).ok(), expect, "{query:?}");
        }
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let etag = HeaderValue::from_static("\"abc-1\"");
        for (header, expect) in [
            (None, false),
            (Some("\"abc-1\""), true),
            (Some("W/\"abc-1\""), true),
            (Some("\"x\", \"abc-1\""), true),
            (Some("*"), true),
            (Some("\"abc-2\""), false),
            (Some("abc-1"), false),
        ] {
            let mut headers = HeaderMap::new();
            if let Some(h) = header {
                headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static(h));
            }
            assert_eq!(matches(&headers, &etag), expect, "{header:?}");
        }
    }
}
