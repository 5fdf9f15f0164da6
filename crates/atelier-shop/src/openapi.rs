//! The OpenAPI 3.1 document of the shop's whole HTTP surface, generated from the code.
//!
//! The API's operations come from the handlers themselves: `routes::router` registers each one with
//! `utoipa_axum::routes!`, which reads its `#[utoipa::path]` and adds the route and its documentation in one
//! step, so a handler cannot be served under `/api` without being documented. This file adds what is not a
//! handler (the title, the tags, the `/static` files and the app, which `ServeDir` serves) and prefixes the
//! API's paths with `/api`. The docs page that renders the document is `routes/docs.rs`.

pub mod schemas;

use utoipa::OpenApi;

/// The parts of the document that are not handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Atelier shop",
        description = "Catalogs, layer images and orders of an Atelier product configurator. Every error is JSON \
                       (`{\"error\": {\"code\", \"message\", \"problems\"}}`) in the language of `Accept-Language` \
                       (`en` or `ko`). Prices are integer minor units. The shop re-checks and re-prices every order."
    ),
    paths(static_file, app_page, app_file, design_page),
    tags(
        (name = "products", description = "The products on sale and their catalogs"),
        (name = "orders", description = "Submitting and reading orders"),
        (name = "swatches", description = "Requests for physical color swatches (screens and cameras shift \
            colors). The shopper's contact details are stored, never served back"),
        (name = "docs", description = "This document and its page"),
        (name = "files", description = "Files served as they are: catalogs, layers and the app"),
    )
)]
struct Base;

/// The whole document: [`Base`] plus the API's operations (`api`, as `split_for_parts` gives them) under `/api`.
pub fn assemble(api: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    Base::openapi().nest("/api", api)
}

/// The document of the router [`crate::app`] builds (for tests and tools; the shop serves the same).
pub fn document() -> utoipa::openapi::OpenApi {
    assemble(crate::routes::router().split_for_parts().1)
}

/// A catalog file or a layer image, as the retailer put it under `ATELIER_STATIC_DIR`.
#[utoipa::path(
    get,
    path = "/static/{path}",
    tag = "files",
    params(("path" = String, Path, description = "A file path below the static root, slashes included, e.g. \
        `catalogs/runner-one.json` or `products/runner-one/side/base.png`")),
    responses(
        (status = 200, description = "The file, its type from its extension", content(
            (Object = "application/json"), ("image/png")
        )),
        (status = 404, description = "No such file"),
    )
)]
#[allow(
    dead_code,
    reason = "never called: it exists for `#[utoipa::path]` to document a route the router serves otherwise"
)]
fn static_file() {}

/// The configurator app's page (trunk's `index.html` under `ATELIER_APP_DIR`) with the product's first paint
/// written in: the configurator's frame and a still of the default design (`src/page.rs`). Query: `product`,
/// `lang` (`en`, `ko`), `embed`, `parent`.
#[utoipa::path(
    get,
    path = "/",
    tag = "files",
    responses((status = 200, description = "The app's page", content_type = "text/html", body = String))
)]
#[allow(
    dead_code,
    reason = "never called: it exists for `#[utoipa::path]` to document a route the router serves otherwise"
)]
fn app_page() {}

/// The page of a design code: Open Graph tags naming the design (its picture is
/// `/api/designs/{code}/image.png`), then on to the app with the product and the code (`src/page/shared_design.rs`).
#[utoipa::path(
    get,
    path = "/d/{code}",
    tag = "files",
    params(("code" = String, Path, description = "A design code", example = "K7QM-2XR8")),
    responses(
        (status = 200, description = "The design's page", content_type = "text/html", body = String),
        (status = 303, description = "An unknown or malformed code: on to the app, which says what is wrong"),
    )
)]
#[allow(
    dead_code,
    reason = "never called: it exists for `#[utoipa::path]` to document a route the router serves otherwise"
)]
fn design_page() {}

/// Another file of the built app: `index.html`, or a hashed `.js`, `.wasm` or `.css` asset it loads.
#[utoipa::path(
    get,
    path = "/{file}",
    tag = "files",
    params(("file" = String, Path, description = "A file of the built app, e.g. `index.html`")),
    responses(
        (status = 200, description = "The file, its type from its extension"),
        (status = 404, description = "No such file"),
    )
)]
#[allow(
    dead_code,
    reason = "never called: it exists for `#[utoipa::path]` to document a route the router serves otherwise"
)]
fn app_file() {}
