//! Group commit at the store's boundary and through the order route: orders submitted together share one
//! transaction, yet each is stored exactly once and answered with its own outcome; duplicates of one
//! submission id inside one batch make one order; a member that breaks a constraint fails alone; a full
//! queue refuses at once with a clear 503. Runs on SQLite, and on PostgreSQL under `scripts/postgres.sh`.

mod common;

use atelier_shop::store::{Inserted, NewOrder, Store, StoredOrder, Writes};
use axum::body::Body;
use axum::http::Request;
use common::{TestDb, call, order, shop};
use std::collections::{BTreeMap, BTreeSet};

fn new_order(id: &str, submission: Option<&str>) -> NewOrder {
    NewOrder {
        id: id.into(),
        submission: submission.map(str::to_owned),
        product: "runner-one".into(),
        request: format!("{{\"for\":\"{id}\"}}"),
        amount: 100,
        currency: "KRW".into(),
        breakdown: "[]".into(),
        created_at: "2026-12-03T17:00:00.000Z".into(),
        spec: format!("{{\"order\":\"{id}\"}}"),
    }
}

async fn store(dir: &tempfile::TempDir, writes: Writes) -> (TestDb, Store) {
    let db = TestDb::fresh(dir).await;
    let store = Store::connect_with(&db.url, writes)
        .await
        .expect("store opens");
    (db, store)
}

/// Rows in `table`, counted by the database itself.
async fn count(db: &TestDb, table: &str) -> i64 {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db.url).await.expect("pool");
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&pool)
        .await
        .expect("count");
    pool.close().await;
    n
}

/// Submits every order at once: on a current-thread runtime every task queues its order before the writer
/// runs again, so they all land in one batch. Each task's outcome, in order.
async fn submit_together(store: &Store, orders: Vec<NewOrder>) -> Vec<Inserted<StoredOrder>> {
    let tasks: Vec<_> = orders
        .into_iter()
        .map(|o| {
            let store = store.clone();
            tokio::spawn(async move { store.insert(&o).await.expect("insert") })
        })
        .collect();
    let mut out = Vec::new();
    for task in tasks {
        out.push(task.await.expect("task"));
    }
    out
}

fn stored_id(outcome: &Inserted<StoredOrder>) -> Option<&str> {
    match outcome {
        Inserted::Stored(o) => Some(o.id.as_str()),
        _ => None,
    }
}

/// A batch of distinct orders with two submission ids each sent twice (and one order without a submission
/// id): one transaction, every distinct order stored once with its delivery, the second of each duplicate
/// told the submission is taken.
#[tokio::test(flavor = "current_thread")]
async fn one_batch_stores_each_order_once_and_duplicates_inside_it_once() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, store) = store(&dir, Writes::default()).await;
    let mut orders: Vec<NewOrder> = (0..40)
        .map(|i| {
            new_order(
                &format!("ATL-T{i:03}"),
                Some(&format!("sub-{i:02}-0123456789")),
            )
        })
        .collect();
    orders.push(new_order("ATL-DUP1", Some("sub-05-0123456789")));
    orders.push(new_order("ATL-DUP2", Some("sub-17-0123456789")));
    orders.push(new_order("ATL-NOSUB", None));
    let before = store
        .order_batches()
        .expect("group commit is on by default");
    let outcomes = submit_together(&store, orders).await;
    assert_eq!(
        store.order_batches(),
        Some(before + 1),
        "all in one transaction"
    );
    for (i, outcome) in outcomes.iter().enumerate() {
        match i {
            40 | 41 => assert!(
                matches!(outcome, Inserted::SubmissionTaken),
                "duplicate {i}: {outcome:?}"
            ),
            _ => assert!(stored_id(outcome).is_some(), "order {i}: {outcome:?}"),
        }
    }
    for (table, expect) in [("orders", 41), ("deliveries", 41)] {
        assert_eq!(count(&db, table).await, expect, "{table}");
    }
    // The first of each duplicate is the one stored under its submission id.
    let first = store
        .by_submission("sub-05-0123456789")
        .await
        .expect("query")
        .expect("stored");
    assert_eq!(first.id, "ATL-T005");
}

/// A member whose id is taken (a unique violation, which aborts a statement on both databases) fails
/// alone: the batch is stored member by member, its neighbours are stored, it is told its id is taken.
#[tokio::test(flavor = "current_thread")]
async fn a_failing_member_does_not_fail_its_neighbours() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, store) = store(&dir, Writes::default()).await;
    assert!(matches!(
        store
            .insert(&new_order("ATL-TAKEN", Some("first-0123456789")))
            .await
            .expect("insert"),
        Inserted::Stored(_)
    ));
    let mut orders: Vec<NewOrder> = (0..10)
        .map(|i| {
            new_order(
                &format!("ATL-N{i:03}"),
                Some(&format!("neighbour-{i:02}-0123456789")),
            )
        })
        .collect();
    orders.insert(4, new_order("ATL-TAKEN", Some("second-0123456789")));
    let outcomes = submit_together(&store, orders).await;
    for (i, outcome) in outcomes.iter().enumerate() {
        if i == 4 {
            assert!(matches!(outcome, Inserted::IdTaken), "{outcome:?}");
        } else {
            assert!(stored_id(outcome).is_some(), "neighbour {i}: {outcome:?}");
        }
    }
    assert_eq!(count(&db, "orders").await, 11);
    assert_eq!(count(&db, "deliveries").await, 11);
}

/// A queue with room for one: orders beyond it are refused at once (nothing stored), never left waiting.
#[tokio::test(flavor = "current_thread")]
async fn a_full_queue_refuses_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, store) = store(
        &dir,
        Writes {
            group_commit: true,
            queue: 1,
        },
    )
    .await;
    let orders = (0..5)
        .map(|i| {
            new_order(
                &format!("ATL-Q{i:03}"),
                Some(&format!("queue-{i:02}-0123456789")),
            )
        })
        .collect();
    let outcomes = submit_together(&store, orders).await;
    let stored = outcomes.iter().filter(|o| stored_id(o).is_some()).count();
    let busy = outcomes
        .iter()
        .filter(|o| matches!(o, Inserted::Busy))
        .count();
    assert_eq!((stored, busy), (1, 4), "{outcomes:?}");
    assert_eq!(count(&db, "orders").await, 1);
}

/// Group commit off: the same outcomes, each order in its own transaction.
#[tokio::test(flavor = "current_thread")]
async fn off_stores_each_order_on_its_own() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, store) = store(
        &dir,
        Writes {
            group_commit: false,
            queue: 1,
        },
    )
    .await;
    assert_eq!(store.order_batches(), None);
    let orders = vec![
        new_order("ATL-OFF1", Some("off-1-0123456789")),
        new_order("ATL-OFF2", Some("off-1-0123456789")),
        new_order("ATL-OFF3", Some("off-3-0123456789")),
    ];
    let outcomes = submit_together(&store, orders).await;
    // The two of one submission id race each other: whichever the database saw first is stored.
    let first_two = [&outcomes[0], &outcomes[1]];
    assert_eq!(
        first_two.iter().filter(|o| stored_id(o).is_some()).count(),
        1,
        "{outcomes:?}"
    );
    assert!(
        first_two
            .iter()
            .any(|o| matches!(o, Inserted::SubmissionTaken)),
        "{outcomes:?}"
    );
    assert!(stored_id(&outcomes[2]).is_some());
    assert_eq!(count(&db, "deliveries").await, 2);
}

/// Through the order route, 48 concurrent orders (16 submission ids sent twice, 16 once): every answer is
/// 201 or 200 with an order id, each submission id has one id in all its answers, distinct submissions have
/// distinct ids, and the database holds exactly one order and one delivery per submission id.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_orders_through_the_route_are_each_stored_once_with_their_own_id() {
    let s = shop().await;
    let base = order(|_| {});
    let submissions: Vec<String> = (0..32)
        .map(|i| format!("route-{i:02}-0123456789"))
        .collect();
    let mut tasks = tokio::task::JoinSet::new();
    for (i, submission) in submissions.iter().enumerate() {
        let sends = if i < 16 { 2 } else { 1 };
        for _ in 0..sends {
            let mut req = base.clone();
            req.submission = Some(submission.clone());
            let router = s.router.clone();
            let submission = submission.clone();
            tasks.spawn(async move {
                let request = Request::post("/api/orders")
                    .header("content-type", "application/json")
                    .body(Body::from(serde_json::to_vec(&req).expect("json")))
                    .expect("request");
                let (status, body) = call(&router, request).await;
                (submission, status.as_u16(), body)
            });
        }
    }
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    while let Some(done) = tasks.join_next().await {
        let (submission, status, body) = done.expect("task");
        assert!(matches!(status, 200 | 201), "{status}: {body}");
        let id = body["id"].as_str().expect("an order id").to_owned();
        ids.entry(submission).or_default().insert(id);
    }
    assert_eq!(ids.len(), 32);
    assert!(ids.values().all(|set| set.len() == 1), "{ids:?}");
    let distinct: BTreeSet<_> = ids.values().flatten().collect();
    assert_eq!(distinct.len(), 32);
    for table in ["orders", "deliveries"] {
        assert_eq!(count(&s.db, table).await, 32, "{table}");
    }
}
