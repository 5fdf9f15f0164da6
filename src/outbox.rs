//! The order outbox: an order the shopper placed is written to `localStorage` (`atelier.outbox.<product>`)
//! before it is first sent, and removed only once the shop has answered it (accepted or refused). If the
//! connection drops, the tab crashes or the browser closes in between, the order is still there and is sent
//! again, with the same submission id, when the page opens next; the shop answers a repeat with the first
//! order, so however often it is sent, there is one order.
//!
//! Where storage is unavailable the order is still sent and retried while the page is open; it only cannot
//! outlive the page.

use crate::storage;
use atelier_core::order::OrderRequest;
use gloo_storage::{LocalStorage, Storage};

fn key(product: &str) -> String {
    format!("atelier.outbox.{product}")
}

/// Keeps `request` as the order of its product waiting to be answered.
pub fn put(request: &OrderRequest) {
    if storage::available() {
        let _ = LocalStorage::set(key(request.design.product.as_str()), request);
    }
}

/// The order of `product` still waiting for the shop's answer, if any.
pub fn pending(product: &str) -> Option<OrderRequest> {
    if !storage::available() {
        return None;
    }
    LocalStorage::get(key(product)).ok()
}

/// Forgets the waiting order of `product`: the shop has answered it.
pub fn clear(product: &str) {
    if storage::available() {
        LocalStorage::delete(key(product));
    }
}
