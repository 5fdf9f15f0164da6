//! Shared test setup: the real sample catalogs, a fresh database per test, order-building helpers (with
//! proofs computed natively, as the app computes them in the browser), and driving the router with `oneshot`
//! (one request in, status, headers and JSON body out).
//!
//! The database is a SQLite file in the test's temp dir, or, when `ATELIER_TEST_DATABASE_URL` names a
//! PostgreSQL server (`postgres://postgres@127.0.0.1:PORT/postgres`, as `scripts/postgres.sh` prints), a
//! database of its own on that server (`atelier_test_<random>`), created for the test and dropped when the
//! test's shop is, so tests stay isolated and run in parallel on either backend.
//!
//! For several instances on one database, [`instance_on`] makes another shop over a store of its own and
//! [`serve`] puts a router on a loopback port; tests that need PostgreSQL ask [`on_postgres_else_skip`], and
//! [`pg_cluster`] is a server of one test's own that it may stop and start.

#![allow(
    dead_code,
    reason = "each test binary includes this module and uses only some of its helpers"
)]
#![allow(
    missing_docs,
    reason = "test helpers, not a public API: the module's doc says what they are for"
)]

pub mod pg_cluster;

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
    pub dir: TempDir,
    /// Last, so the shop's pool is dropped before its database is.
    pub db: TestDb,
}

/// The environment variable that runs the suite on PostgreSQL.
pub const TEST_DATABASE_URL: &str = "ATELIER_TEST_DATABASE_URL";

/// A test's database: its URL, and on PostgreSQL the database to drop at the end.
pub struct TestDb {
    pub url: String,
    postgres: Option<PgTestDatabase>,
}

impl TestDb {
    /// A fresh database: a SQLite file in `dir`, or a new database on the server `ATELIER_TEST_DATABASE_URL`
    /// names.
    pub async fn fresh(dir: &TempDir) -> TestDb {
        match std::env::var(TEST_DATABASE_URL) {
            Ok(server) if !server.is_empty() => PgTestDatabase::create(&server).await,
            _ => TestDb {
                url: format!("sqlite://{}", dir.path().join("shop.db").display()),
                postgres: None,
            },
        }
    }

    /// Whether this is a SQLite file (else a PostgreSQL database).
    pub fn is_sqlite(&self) -> bool {
        self.postgres.is_none()
    }
}

/// A database created on a PostgreSQL server for one test, dropped with it.
struct PgTestDatabase {
    server: String,
    name: String,
}

impl PgTestDatabase {
    async fn create(server: &str) -> TestDb {
        use sqlx::{Connection, Executor};
        assert!(
            server.starts_with("postgres://") || server.starts_with("postgresql://"),
            "{TEST_DATABASE_URL} must be a postgres:// URL of a server the tests may create databases on"
        );
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).expect("random name");
        let name = format!("atelier_test_{}", hex::encode(bytes));
        let mut conn = sqlx::postgres::PgConnection::connect(server)
            .await
            .unwrap_or_else(|e| panic!("{TEST_DATABASE_URL}: cannot connect: {e}"));
        conn.execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("CREATE DATABASE");
        conn.close().await.expect("close");
        let mut url = url::Url::parse(server).expect("a URL");
        url.set_path(&format!("/{name}"));
        TestDb {
            url: url.to_string(),
            postgres: Some(PgTestDatabase {
                server: server.to_owned(),
                name,
            }),
        }
    }
}

impl Drop for PgTestDatabase {
    fn drop(&mut self) {
        use sqlx::{Connection, Executor};
        let (server, name) = (self.server.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on: a thread with its own runtime.
        // `WITH (FORCE)` ends connections a pool or a spawned worker may still hold.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async {
                let mut conn = sqlx::postgres::PgConnection::connect(&server).await?;
                conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await?;
                conn.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!(
                "could not drop the test database {}: {dropped:?}",
                self.name
            );
        }
    }
}

pub async fn shop() -> TestShop {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = TestDb::fresh(&dir).await;
    shop_at(dir, db).await
}

pub async fn shop_at(dir: TempDir, db: TestDb) -> TestShop {
    shop_on(static_dir(), dir, db).await
}

/// A shop serving the catalogs (and files) of `statics` instead of the samples.
pub async fn shop_on(statics: PathBuf, dir: TempDir, db: TestDb) -> TestShop {
    let store = Store::connect(&db.url).await.expect("store opens");
    let (state, router) = instance_serving(store, &dir, statics);
    TestShop {
        router,
        state,
        dir,
        db,
    }
}

/// A shop instance over `store`, as a process of its own would be: the sample catalogs, its own rate limits,
/// its router (serving `dir`'s `dist` as the app). A second instance on a test's database is
/// `instance_on(Store::connect(&s.db.url).await?, &s.dir)`.
pub fn instance_on(store: Store, dir: &TempDir) -> (AppState, Router) {
    instance_serving(store, dir, static_dir())
}

/// [`instance_on`] serving the catalogs (and files) of `statics`.
fn instance_serving(store: Store, dir: &TempDir, statics: PathBuf) -> (AppState, Router) {
    let catalogs = Catalogs::load(&statics).expect("catalogs load");
    let state = AppState {
        catalogs: Arc::new(catalogs),
        store,
        limits: Default::default(),
        contact_retention_days: 180,
        embed_origins: vec!["http://127.0.0.2:9000".to_owned()].into(),
        help_phone: Some("1588-0000".into()),
    };
    let dirs = Dirs {
        static_dir: statics,
        app_dir: dir.path().join("dist"),
    };
    let router = app(state.clone(), &dirs);
    (state, router)
}

/// Serves `router` on a loopback port as `main` does (with each connection's peer address, which the rate
/// limits key on): its address, and the server's task (abort it to stop).
pub async fn serve(router: &Router) -> (std::net::SocketAddr, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let service = router
        .clone()
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, service).await;
    });
    (addr, task)
}

/// Whether the suite runs on PostgreSQL (`ATELIER_TEST_DATABASE_URL` set). When it does not, says on the
/// terminal that `test` is skipped and why, past the test harness's output capture, so a skipped test is never
/// mistaken for a passed one.
pub fn on_postgres_else_skip(test: &str) -> bool {
    use std::io::Write;
    if std::env::var(TEST_DATABASE_URL).is_ok_and(|url| !url.is_empty()) {
        return true;
    }
    // `std::io::stderr()` itself, not `eprintln!`, which the harness captures and shows only for failures.
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: it needs PostgreSQL (several shop instances share one server); run the suite with \
         {TEST_DATABASE_URL} set, as `scripts/postgres.sh cargo test -p atelier-shop` and `make test` do"
    );
    false
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
