//! Finding a stored record by the id in a route's path: check the id's shape, fetch, or the record type's 404.
//!
//! An id of the wrong shape is answered like a missing one (the same 404, the same body) without touching the
//! database. A record type takes part by implementing [`Record`].

use crate::error::ApiError;
use crate::store::Store;
use std::future::Future;

/// A record a route finds by a public id.
pub trait Record: Sized + Send {
    /// Whether `id` has the shape of this record's ids.
    fn well_formed(id: &str) -> bool;

    /// The record with `id`, if stored.
    fn fetch(
        store: &Store,
        id: &str,
    ) -> impl Future<Output = Result<Option<Self>, sqlx::Error>> + Send;

    /// The 404 for `id`.
    fn not_found(id: String) -> ApiError;
}

/// The record with the path's `id`, or its 404.
pub async fn find<R: Record>(store: &Store, id: String) -> Result<R, ApiError> {
    if !R::well_formed(&id) {
        return Err(R::not_found(id));
    }
    R::fetch(store, &id).await?.ok_or_else(|| R::not_found(id))
}
