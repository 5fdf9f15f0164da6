//! `POST /api/designs` (store a design under a short code a shopper can read aloud) and
//! `GET /api/designs/{code}` (the design and the catalog version it was made with).
//!
//! A design is checked like an order's (it fits its product, its personal text passes the same checks) but
//! needs no size or price. The same design asked for twice gets the same code (its fingerprint is unique);
//! codes are random, so one cannot be guessed from another. A code is read forgivingly (case, `O`/`0`,
//! `I`/`L`/`1`, hyphens, spaces) and its check symbol is checked before any lookup.

use crate::AppState;
use crate::error::{ApiError, internal};
use crate::idempotent::{self, Created, Submitted};
use crate::json::JsonBody;
use crate::openapi::schemas;
use crate::order_id::new_design_code;
use crate::proof::ProofError;
use crate::rate_limit::ClientAddr;
use crate::spec;
use crate::store::{Inserted, Store, StoredDesign};
use atelier_core::Design;
use atelier_core::design_code::DesignCode;
use atelier_core::text::{WordList, check_design_texts};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sha2::Digest as _;
use std::future::Future;
use std::time::SystemTime;

/// A stored design's code, as answered when it is stored.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DesignCodeView {
    /// The code, to read aloud or type.
    #[schema(example = "K7QM-2XR8")]
    code: String,
    /// The page that opens it.
    #[schema(example = "/d/K7QM-2XR8")]
    url: String,
    /// Product id.
    #[schema(example = "runner-one")]
    product: String,
    /// When it was stored (UTC, RFC 3339).
    created_at: String,
}

/// A stored design.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DesignView {
    /// The code (canonical form).
    #[schema(example = "K7QM-2XR8")]
    code: String,
    /// Product id.
    product: String,
    /// The design.
    #[schema(value_type = schemas::Design)]
    design: serde_json::Value,
    /// The catalog file's SHA-256 when it was stored; a design of another version is brought up to date by
    /// the app through the rules.
    catalog_version: String,
    /// When it was stored (UTC, RFC 3339).
    created_at: String,
}

impl DesignCodeView {
    fn of(d: &StoredDesign) -> DesignCodeView {
        DesignCodeView {
            code: d.code.clone(),
            url: format!("/d/{}", d.code),
            product: d.product.clone(),
            created_at: d.created_at.clone(),
        }
    }
}

/// Stores a design under a code: 201 with the code, or 200 with the code it already has.
#[utoipa::path(
    post,
    path = "/designs",
    tag = "designs",
    params(("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`")),
    request_body(content = schemas::Design, content_type = "application/json",
        description = "The design (a size is not needed)"),
    responses(
        (status = 201, description = "Stored under a new code", body = DesignCodeView,
            headers(("Location" = String, description = "`/api/designs/{code}`"))),
        (status = 200, description = "The same design was stored before: its code", body = DesignCodeView),
        (status = 400, description = "Not JSON of this shape (`malformed_json`)", body = schemas::ErrorResponse),
        (status = 404, description = "No such product (`product_not_found`)", body = schemas::ErrorResponse),
        (status = 413, description = "Body over 64 KiB (`body_too_large`)", body = schemas::ErrorResponse),
        (status = 415, description = "No JSON `Content-Type` (`unsupported_media_type`)", body = schemas::ErrorResponse),
        (status = 422, description = "The design does not fit its product, or its text is refused \
            (`invalid_design`, every problem listed)", body = schemas::ErrorResponse),
        (status = 429, description = "Too many design codes from this client (`rate_limited`; \
            `ATELIER_DESIGN_CODES_PER_MINUTE`)", body = schemas::ErrorResponse,
            headers(("Retry-After" = u64, description = "Seconds until the next request is allowed"))),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    client: ClientAddr,
    JsonBody { value: design, .. }: JsonBody<Design>,
) -> Result<Response, ApiError> {
    state.limits.design_codes.check(client)?;
    let loaded = (state.catalogs.get(design.product.as_str())).ok_or_else(|| {
        ApiError::ProductNotFound(design.product.as_str().chars().take(40).collect())
    })?;
    let valid = design
        .validate(&loaded.catalog)
        .map_err(ApiError::InvalidDesign)?;
    let refused = check_design_texts(&valid, state.catalogs.fonts(), WordList::shared());
    if !refused.is_empty() {
        return Err(ApiError::InvalidDesign(refused));
    }
    // Canonical: the design's maps are ordered, so the same design always has the same JSON.
    let json = serde_json::to_string(&design).map_err(internal("design serialization"))?;
    let fingerprint = hex::encode(sha2::Sha256::digest(json.as_bytes()));
    let (product, version) = (design.product.as_str().to_owned(), loaded.sha256.clone());
    let created_at = spec::timestamp(SystemTime::now());
    let build = |code: String| {
        Ok(StoredDesign {
            code,
            fingerprint: fingerprint.clone(),
            product: product.clone(),
            design: json.clone(),
            catalog_version: version.clone(),
            created_at: created_at.clone(),
        })
    };
    let created = idempotent::create(
        &state.store,
        Some(fingerprint.as_str()),
        build,
        |_: &StoredDesign| true,
    )
    .await?;
    let (status, stored) = match created {
        Created::New(d) => (StatusCode::CREATED, d),
        Created::Again(d) => (StatusCode::OK, d),
    };
    let location = [(header::LOCATION, format!("/api/designs/{}", stored.code))];
    Ok((status, location, Json(DesignCodeView::of(&stored))).into_response())
}

/// The design stored under a code.
#[utoipa::path(
    get,
    path = "/designs/{code}",
    tag = "designs",
    params(
        ("code" = String, Path, description = "The design code, as written (any case, hyphens and spaces ignored)",
            example = "K7QM-2XR8"),
        ("Accept-Language" = Option<String>, Header, description = "Language of error messages: `en` or `ko`"),
    ),
    responses(
        (status = 200, description = "The design", body = DesignView),
        (status = 400, description = "Not a design code, and why: its length, a character codes never use, or \
            a check symbol that does not match (`invalid_design_code`)", body = schemas::ErrorResponse),
        (status = 404, description = "No design has this code (`design_not_found`)", body = schemas::ErrorResponse),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<DesignView>, ApiError> {
    let parsed =
        DesignCode::parse(&code).map_err(|e| ApiError::InvalidDesignCode(e, code.clone()))?;
    let canonical = parsed.to_string();
    let stored =
        (state.store.design(&canonical).await?).ok_or(ApiError::DesignNotFound(canonical))?;
    let design = serde_json::from_str(&stored.design).map_err(internal("stored design"))?;
    Ok(Json(DesignView {
        code: stored.code,
        product: stored.product,
        design,
        catalog_version: stored.catalog_version,
        created_at: stored.created_at,
    }))
}

/// A picture of the design: its first view as the app draws it (for link previews, `og:image`).
#[utoipa::path(
    get,
    path = "/designs/{code}/image.png",
    tag = "designs",
    params(("code" = String, Path, description = "The design code", example = "K7QM-2XR8")),
    responses(
        (status = 200, description = "The design's first view", content_type = "image/png", body = Vec<u8>),
        (status = 400, description = "Not a design code (`invalid_design_code`)", body = schemas::ErrorResponse),
        (status = 404, description = "No design has this code, or its product no longer offers it \
            (`design_not_found`)", body = schemas::ErrorResponse),
    )
)]
pub async fn image(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let (stored, design) = find(&state, &code).await?;
    let png = crate::proof::design_png(state.catalogs.clone(), design)
        .await
        .map_err(|e| match e {
            ProofError::ProductVanished(_) | ProofError::DesignInvalid(_) => {
                ApiError::DesignNotFound(stored.code.clone())
            }
            e => e.into(),
        })?;
    // A code's design never changes, but its catalog's artwork may: a day, not forever.
    let headers = [
        (header::CONTENT_TYPE, "image/png"),
        (header::CACHE_CONTROL, "public, max-age=86400"),
    ];
    Ok((headers, png).into_response())
}

/// The stored design of a code as written, with the design read back.
pub(crate) async fn find(state: &AppState, code: &str) -> Result<(StoredDesign, Design), ApiError> {
    let parsed =
        DesignCode::parse(code).map_err(|e| ApiError::InvalidDesignCode(e, code.to_owned()))?;
    let canonical = parsed.to_string();
    let stored =
        (state.store.design(&canonical).await?).ok_or(ApiError::DesignNotFound(canonical))?;
    let design = serde_json::from_str(&stored.design).map_err(internal("stored design"))?;
    Ok((stored, design))
}

impl Submitted for StoredDesign {
    type New = StoredDesign;

    fn new_id() -> Result<String, getrandom::Error> {
        new_design_code()
    }

    fn insert(
        store: &Store,
        new: &StoredDesign,
    ) -> impl Future<Output = Result<Inserted<StoredDesign>, sqlx::Error>> + Send {
        store.insert_design(new)
    }

    fn by_submission(
        store: &Store,
        fingerprint: &str,
    ) -> impl Future<Output = Result<Option<StoredDesign>, sqlx::Error>> + Send {
        store.design_by_fingerprint(fingerprint)
    }
}
