//! Creating a record idempotently under a client's submission id: the one flow orders and swatch requests
//! (and next design codes and help requests) share.
//!
//! A client sends a submission id it chose with each create and may send the same request again (a retry
//! after a lost answer, a double click). The shop stores the first and answers every repeat with it, so a
//! retry never makes a second record; the same submission id with a different request is a conflict (409).
//! Two submits of one id racing each other are settled by the database's unique `submission` column: the
//! loser finds [`Inserted::SubmissionTaken`] and answers with the winner's record. Public ids are random
//! (40 bits), so a clash is rare; a handful of tries makes running out practically impossible.
//!
//! A record type takes part by implementing [`Submitted`] (its random ids and its two store calls); a route
//! calls [`earlier`] before any expensive work, then [`create`]:
//!
//! ```ignore
//! if let Some(first) = idempotent::earlier::<StoredThing>(&store, submission, |r| same(r, &request)).await? {
//!     return answer(Created::Again(first));
//! }
//! let created = idempotent::create(&store, submission, |id| Ok(NewThing { id, .. }), |r| same(r, &request)).await?;
//! ```
//!
//! Deciding whether a stored record is "the same request" is the caller's: only it knows which fields count.

use crate::error::{ApiError, internal};
use crate::store::{Inserted, Store};
use std::future::Future;

/// Tries for a free random id before the create fails as an internal error.
pub const TRIES: usize = 5;

/// A record stored under a client's submission id, from a row type `Self::New` the caller builds per try.
pub trait Submitted: Sized + Send {
    /// What the store inserts: the record with its id and everything the caller computed from it.
    type New: Send + Sync;

    /// A fresh random public id.
    fn new_id() -> Result<String, getrandom::Error>;

    /// Stores `new` unless its id or submission id is taken.
    fn insert(
        store: &Store,
        new: &Self::New,
    ) -> impl Future<Output = Result<Inserted<Self>, sqlx::Error>> + Send;

    /// The record stored under `submission`, if any.
    fn by_submission(
        store: &Store,
        submission: &str,
    ) -> impl Future<Output = Result<Option<Self>, sqlx::Error>> + Send;
}

/// What a create answered.
#[derive(Debug)]
pub enum Created<R> {
    /// Stored by this request (HTTP 201).
    New(R),
    /// Stored before under the same submission id for the same request (HTTP 200).
    Again(R),
}

/// The record stored earlier under `submission`, if there is one and `same` says it was made from this
/// request; [`ApiError::SubmissionConflict`] if it was made from another. `None` without a submission id.
pub async fn earlier<R: Submitted>(
    store: &Store,
    submission: Option<&str>,
    same: impl Fn(&R) -> bool,
) -> Result<Option<R>, ApiError> {
    let Some(submission) = submission else {
        return Ok(None);
    };
    match R::by_submission(store, submission).await? {
        Some(first) if same(&first) => Ok(Some(first)),
        Some(_) => Err(ApiError::SubmissionConflict),
        None => Ok(None),
    }
}

/// Stores the row `build` makes for a fresh id (up to [`TRIES`] ids), or, if a concurrent submit of the same
/// `submission` won the race, answers with its record as [`earlier`] would. `build` runs once per try, so
/// anything that holds the id (a signed spec) is made with the id it will be stored under.
pub async fn create<R: Submitted>(
    store: &Store,
    submission: Option<&str>,
    mut build: impl FnMut(String) -> Result<R::New, ApiError>,
    same: impl Fn(&R) -> bool,
) -> Result<Created<R>, ApiError> {
    for _ in 0..TRIES {
        let new = build(R::new_id().map_err(internal("randomness"))?)?;
        match R::insert(store, &new).await? {
            Inserted::Stored(stored) => return Ok(Created::New(stored)),
            Inserted::IdTaken => {}
            Inserted::Busy => return Err(ApiError::Busy),
            Inserted::SubmissionTaken => {
                return earlier(store, submission, same)
                    .await?
                    .map(Created::Again)
                    .ok_or_else(|| ApiError::bug("submission taken, yet none stored"));
            }
        }
    }
    Err(ApiError::bug("no free id after 5 tries"))
}
