//! Group commit for accepted orders: one writer task per shop process takes every order waiting at that
//! moment and stores them all in one transaction, so one disk flush (about 5 ms here) acknowledges a whole
//! batch instead of one order.
//!
//! An order route hands its row to [`GroupCommit::submit`] and waits; the writer answers each waiter only
//! after the transaction holding its order (and its delivery row) committed, so an acknowledged order is on
//! disk exactly as with one transaction per order. A batch is written with two statements (all the orders,
//! then all their delivery rows), each row's fate read from `RETURNING`: a row not returned had its
//! submission id taken (by an earlier order, or by an earlier member of the same batch), which
//! `ON CONFLICT (submission) DO NOTHING` settles in the database, on one instance or several. If the batch
//! fails as a whole (a member's random id is taken, a broken connection), it is rolled back and each member
//! is stored on its own, so one bad order never fails its neighbours.
//!
//! The queue is bounded: when it is full the order is refused at once ([`Inserted::Busy`], a 503 for the
//! client to retry) rather than left waiting without end. What is left out: the proof checks, which run
//! before an order reaches the queue and never hold a connection.

use super::orders::{NewOrder, StoredOrder, bind, insert_alone, insert_sql, placeholders};
use super::{Inserted, Unavailable};
use sqlx::AnyPool;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{Notify, mpsc, oneshot};

/// The most orders one transaction stores: 9 bound values each stays far below both databases' limit on a
/// statement's parameters (32,766 in SQLite, 65,535 in PostgreSQL), and a batch this large already spreads
/// one flush over more orders than the proof checks let in meanwhile.
pub const MAX_BATCH: usize = 256;

/// What a waiter gets back: its own outcome.
type Reply = Result<Inserted<StoredOrder>, sqlx::Error>;

/// An order waiting for the writer, and where its answer goes.
struct Waiter {
    order: NewOrder,
    reply: oneshot::Sender<Reply>,
}

/// The handle order routes submit to; cloned with the store. The writer stops when the last one is dropped.
#[derive(Clone)]
pub struct GroupCommit {
    queue: mpsc::Sender<Waiter>,
    /// Batches committed so far (tests check that orders really shared one).
    batches: Arc<AtomicU64>,
}

impl GroupCommit {
    /// Starts the writer on `pool`, with room for `queue` waiting orders. `new_delivery` is signalled after
    /// each batch that stored an order, for the webhook worker.
    pub fn spawn(pool: AnyPool, new_delivery: Arc<Notify>, queue: usize) -> GroupCommit {
        let (sender, receiver) = mpsc::channel(queue.max(1));
        let batches = Arc::new(AtomicU64::new(0));
        tokio::spawn(write(pool, new_delivery, receiver, batches.clone()));
        GroupCommit {
            queue: sender,
            batches,
        }
    }

    /// How many batches the writer has written (committed or, after a failure, stored one by one).
    pub fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }

    /// Stores `order` in the next batch and answers once that batch committed; [`Inserted::Busy`] at once
    /// when the queue is full.
    pub async fn submit(&self, order: NewOrder) -> Reply {
        let (reply, answer) = oneshot::channel();
        match self.queue.try_send(Waiter { order, reply }) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Full(_)) => return Ok(Inserted::Busy),
            Err(mpsc::error::TrySendError::Closed(_)) => return Err(sqlx::Error::PoolClosed),
        }
        // The writer drops a reply only if its task ended, which only the runtime's shutdown does.
        answer.await.unwrap_or(Err(sqlx::Error::PoolClosed))
    }
}

/// The writer: waits for at least one order, takes every order waiting then (up to [`MAX_BATCH`]), stores
/// them, answers each, and again.
async fn write(
    pool: AnyPool,
    new_delivery: Arc<Notify>,
    mut queue: mpsc::Receiver<Waiter>,
    batches: Arc<AtomicU64>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let waiters = std::mem::take(&mut batch);
        let orders: Vec<&NewOrder> = waiters.iter().map(|w| &w.order).collect();
        let replies = match together(&pool, &orders).await {
            Ok(replies) => replies,
            // A database that cannot be reached fails every member alike: answer them all at once (503
            // `database_unavailable`, logged where each is answered) rather than retrying each, which would
            // make the last one wait an acquire timeout (5 s) per order before it.
            Err(e) if Unavailable::of(&e) == Some(Unavailable::Down) => {
                // `sqlx::Error` is not `Clone`: the others get an I/O error with the same words, which is
                // classified the same way (down).
                let said = e.to_string();
                let mut replies = Vec::with_capacity(waiters.len());
                replies.push(Err(e));
                while replies.len() < waiters.len() {
                    replies.push(Err(sqlx::Error::Io(std::io::Error::other(said.clone()))));
                }
                replies
            }
            // Anything else (a member's random id taken, a read-only or full database, which answer at once)
            // is settled member by member, so one bad order fails alone and each answer carries its own error.
            Err(e) => {
                if Unavailable::of(&e).is_none() {
                    tracing::warn!(error = %e, orders = waiters.len(), "a batch of orders failed as a whole: storing each on its own");
                }
                let mut replies = Vec::with_capacity(waiters.len());
                for order in &orders {
                    replies.push(insert_alone(&pool, order).await);
                }
                replies
            }
        };
        batches.fetch_add(1, Ordering::Relaxed);
        if replies.iter().any(|r| matches!(r, Ok(Inserted::Stored(_)))) {
            // A stored permit if the worker is busy, so the wake-up is never lost.
            new_delivery.notify_one();
        }
        for (waiter, reply) in waiters.into_iter().zip(replies) {
            // A client that went away meanwhile no longer waits; its order is stored all the same.
            let _ = waiter.reply.send(reply);
        }
    }
}

/// Stores `orders` and their delivery rows in one transaction: each order's outcome, in order, or the error
/// that rolled the whole batch back.
async fn together(pool: &AnyPool, orders: &[&NewOrder]) -> Result<Vec<Reply>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let sql = insert_sql(orders.len());
    let mut insert = sqlx::query_as::<_, StoredOrder>(&sql);
    for order in orders {
        insert = bind(insert, order);
    }
    let rows = insert.fetch_all(&mut *tx).await?;
    if !rows.is_empty() {
        let deliveries = format!(
            "INSERT INTO deliveries (order_id) VALUES {}",
            placeholders(rows.len(), 1)
        );
        let mut insert = sqlx::query(&deliveries);
        for row in &rows {
            insert = insert.bind(&row.id);
        }
        insert.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    let mut stored: HashMap<String, StoredOrder> =
        rows.into_iter().map(|row| (row.id.clone(), row)).collect();
    Ok(orders
        .iter()
        .map(|order| {
            Ok(match stored.remove(&order.id) {
                Some(row) => Inserted::Stored(row),
                // No row and no error: `ON CONFLICT (submission)` skipped it.
                None => Inserted::SubmissionTaken,
            })
        })
        .collect())
}
