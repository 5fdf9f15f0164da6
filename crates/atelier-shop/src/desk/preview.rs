//! `GET /desk/orders/{id}/preview/{view}.png`: an order's view drawn from its spec, behind the desk's session
//! (`?scale=1` the size the shopper saw, the page's picture; by default production size). The drawing is the
//! shop's one drawing of orders ([`crate::proof::png`], off the async runtime), the same the API's
//! production preview serves; this route only adds the session and the desk's error pages.

use super::error::{DeskError, DeskResult};
use super::session::Staff;
use crate::artwork::PRODUCTION_SCALE;
use crate::proof::{self, ProofError};
use crate::{AppState, spec};
use atelier_core::id::ViewId;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// `?scale=1` or `?scale=2` (the default); anything else is a 400.
fn scale(raw: Option<&str>) -> DeskResult<u32> {
    match raw.unwrap_or("") {
        "" | "scale=2" => Ok(PRODUCTION_SCALE),
        "scale=1" => Ok(1),
        other => Err(DeskError::BadInput(vec![(
            "desk.preview.bad_scale",
            other.chars().take(40).collect(),
        )])),
    }
}

/// `GET /desk/orders/{id}/preview/{file}`.
pub async fn png(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
    _staff: Staff,
) -> DeskResult<Response> {
    let scale = scale(raw.as_deref())?;
    let order = super::order::find(&state, &id).await?;
    let view = file.strip_suffix(".png").ok_or(DeskError::NotFound)?;
    let drawing = order
        .spec
        .as_deref()
        .and_then(spec::drawing)
        .ok_or(DeskError::PreviewUnavailable)?;
    let bytes = proof::png(
        state.catalogs.clone(),
        id,
        drawing,
        ViewId(view.to_owned()),
        scale,
    )
    .await
    .map_err(|e| match e {
        ProofError::NoSuchView { .. } => DeskError::NotFound,
        ProofError::Unavailable(_) => DeskError::PreviewUnavailable,
        e => DeskError::internal("drawing an order", e),
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=3600"),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_1_or_2() {
        for (raw, want) in [
            (None, Some(2)),
            (Some("scale=1"), Some(1)),
            (Some("scale=2"), Some(2)),
            (Some("scale=3"), None),
            (Some("scale=1&scale=2"), None),
        ] {
            assert_eq!(scale(raw).ok(), want, "{raw:?}");
        }
    }
}
