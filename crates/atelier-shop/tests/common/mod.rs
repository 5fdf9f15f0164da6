//! Shared test setup: the real sample catalogs, a fresh SQLite file per test, order-building helpers (with
//! proofs computed natively, as the app computes them in the browser), and driving the router with `oneshot`
//! (one request in, status, headers and JSON body out).

#![allow(
    dead_code,
    reason = "each test binary includes this module and uses only some of its helpers"
)]
#![allow(
    missing_docs,
    reason = "test helpers, not a public API: the module's doc says what they are for"
)]

use atelier_core::Catalog;
use atelier_core::id::ViewId;
use atelier_core::order::{ClientPrice, ORDER_FORMAT, OrderRequest};
use atelier_render::ViewLayers;
use atelier_shop::catalogs::Catalogs;
use atelier_shop::store::Store;
use atelier_shop::{AppState, Dirs, app};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use tempfile::TempDir;
use tower::ServiceExt;

pub fn static_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static")
}

pub struct TestShop {
    pub router: Router,
    pub state: AppState,
    pub db_url: String,
    pub dir: TempDir,
}

pub async fn shop() -> TestShop {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_url = format!("sqlite://{}", dir.path().join("shop.db").display());
    shop_at(dir, db_url).await
}

pub async fn shop_at(dir: TempDir, db_url: String) -> TestShop {
    let catalogs = Catalogs::load(&static_dir()).expect("sample catalogs load");
    let store = Store::connect(&db_url).await.expect("store opens");
    let state = AppState {
        catalogs: Arc::new(catalogs),
        store,
        limits: Default::default(),
        contact_retention_days: 180,
        embed_origins: vec!["http://127.0.0.2:9000".to_owned()].into(),
        help_phone: Some("1588-0000".into()),
    };
    let dirs = Dirs {
        static_dir: static_dir(),
        app_dir: dir.path().join("dist"),
    };
    TestShop {
        router: app(state.clone(), &dirs),
        state,
        db_url,
        dir,
    }
}

pub fn sample_catalog() -> Catalog {
    let json = std::fs::read_to_string(static_dir().join("catalogs/runner-one.json"))
        .expect("catalog file");
    Catalog::from_json(&json, &|_: &str| true).expect("valid")
}

/// A valid order for the sample sneaker with `edit` applied to the design, priced by the core.
pub fn order(edit: impl FnOnce(&mut atelier_core::Design)) -> OrderRequest {
    let catalog = sample_catalog();
    let mut design = catalog.default_design();
    design.size = Some("265".into());
    edit(&mut design);
    let price = design
        .validate(&catalog)
        .map(|v| atelier_core::pricing::price(&v).total)
        .unwrap_or(catalog.base_price());
    OrderRequest {
        format: ORDER_FORMAT,
        proof: proofs(&design),
        design,
        price: ClientPrice::from(price),
        submission: None,
    }
}

/// Decoded layers by (product, view).
type DecodedViews = BTreeMap<(String, ViewId), Arc<ViewLayers>>;

/// The proof of every view of `design`'s product, as the app computes them: `atelier_render::proof` of the
/// design rendered at each view's catalog size. Empty for a design that does not validate (its order is
/// refused before proofs are compared). Decoded layers are kept for the whole test binary.
pub fn proofs(design: &atelier_core::Design) -> BTreeMap<ViewId, String> {
    static LAYERS: OnceLock<Mutex<DecodedViews>> = OnceLock::new();
    let Ok(json) = std::fs::read_to_string(
        static_dir().join(format!("catalogs/{}.json", design.product.as_str())),
    ) else {
        return BTreeMap::new();
    };
    let catalog = Catalog::from_json(&json, &|_: &str| true).expect("valid");
    let Ok(valid) = design.validate(&catalog) else {
        return BTreeMap::new();
    };
    let fonts = fonts();
    catalog
        .views()
        .iter()
        .map(|view| {
            let key = (catalog.id().0.clone(), view.id.clone());
            let cached = LAYERS
                .get_or_init(Default::default)
                .lock()
                .expect("lock")
                .get(&key)
                .cloned();
            let layers = cached.unwrap_or_else(|| {
                let decoded =
                    ViewLayers::decode(view, |p| std::fs::read(static_dir().join(p)).ok())
                        .expect("sample layers decode");
                let decoded = Arc::new(decoded);
                LAYERS
                    .get_or_init(Default::default)
                    .lock()
                    .expect("lock")
                    .insert(key, decoded.clone());
                decoded
            });
            (
                view.id.clone(),
                atelier_render::proof::render(&layers, view.id.as_str(), &valid, &fonts),
            )
        })
        .collect()
}

/// Sends `req` through `router`: the status, the headers, and the body as JSON (or as a JSON string when it is
/// not JSON, so a test can still read it).
pub async fn send(router: &Router, req: Request<Body>) -> (StatusCode, HeaderMap, Value) {
    let resp = router.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, headers, value)
}

/// [`send`] without the headers.
pub async fn call(router: &Router, req: Request<Body>) -> (StatusCode, Value) {
    let (status, _, body) = send(router, req).await;
    (status, body)
}

/// A `GET` of `uri`.
pub fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).expect("request")
}

/// A fresh shop whose router also serves a stand-in for trunk's `dist/` made of `files` (name, content), so
/// the app's routes answer too.
pub async fn shop_with_app(files: &[(&str, &str)]) -> (TestShop, Router) {
    let s = shop().await;
    let dist = s.dir.path().join("dist");
    std::fs::create_dir_all(&dist).expect("dist");
    for (name, content) in files {
        std::fs::write(dist.join(name), content).expect("app file");
    }
    let router = app(
        s.state.clone(),
        &Dirs {
            static_dir: static_dir(),
            app_dir: dist,
        },
    );
    (s, router)
}

/// The shipped fonts, read from `static/fonts` as the shop reads them.
pub fn fonts() -> atelier_core::text::Fonts {
    let mut fonts = atelier_core::text::Fonts::new();
    for file in [
        "fonts/AtelierSans-Latin.ttf",
        "fonts/AtelierSans-Hangul.ttf",
    ] {
        let bytes = std::fs::read(static_dir().join(file)).expect("shipped font");
        fonts.insert(file, bytes);
    }
    fonts
}
