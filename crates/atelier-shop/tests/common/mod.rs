//! Shared test setup: the real sample catalogs, a fresh SQLite file per test, and order-building helpers.

#![allow(dead_code, missing_docs)]

use atelier_core::Catalog;
use atelier_core::order::{ClientPrice, OrderRequest};
use atelier_shop::catalogs::Catalogs;
use atelier_shop::store::Store;
use atelier_shop::{AppState, Dirs, app};
use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use tempfile::TempDir;

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
        embed_origins: vec!["http://127.0.0.2:9000".to_owned()].into(),
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
        .unwrap_or(catalog.base_price);
    OrderRequest {
        format: 1,
        design,
        price: ClientPrice::from(price),
        submission: None,
    }
}
