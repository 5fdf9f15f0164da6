//! `GET /api/products/{id}/stills/{file}`: a view of the product's default design as a PNG ([`crate::still`]),
//! the page's first paint before the app's wasm arrives. The file is named `{view}-{width}.{hash}.png` after its bytes,
//! so it is cached for good; a name that is not the current one (an old page after a new catalog) is a 404.

use crate::AppState;
use crate::error::{ApiError, internal};
use crate::openapi::schemas;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// A view of the product's default design, drawn by the shop.
#[utoipa::path(
    get,
    path = "/products/{id}/stills/{file}",
    tag = "products",
    params(
        ("id" = String, Path, description = "Product id", example = "runner-one"),
        ("file" = String, Path, description = "`{view}-{width}.{hash}.png`, as the app's page links it",
            example = "side-512.0123456789abcdef.png"),
        ("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`"),
    ),
    responses(
        (status = 200, description = "The image: the very pixels the app's canvas draws for this design and view",
            content(("image/png")),
            headers(("Cache-Control" = String, description = "`public, max-age=31536000, immutable`"))),
        (status = 404, description = "No such product (`product_not_found`) or image of it (`still_not_found`)",
            body = schemas::ErrorResponse),
    )
)]
pub async fn png(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    // Made at start-up by `main`; on first use otherwise (tests), which takes a moment of CPU.
    let stills = state
        .catalogs
        .stills_of(&id)
        .await
        .ok_or_else(|| ApiError::ProductNotFound(id.clone()))?
        .map_err(internal("still"))?;
    let still = stills
        .iter()
        .find(|s| s.file_name() == file)
        .ok_or(ApiError::StillNotFound { product: id, file })?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(super::IMMUTABLE),
            ),
        ],
        still.png.clone(),
    )
        .into_response())
}
