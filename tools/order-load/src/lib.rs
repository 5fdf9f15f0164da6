//! A load generator for the shop's order path: N concurrent clients POST real orders (valid designs with the
//! proofs the app would send, varied so the shop draws different pixels) to one or more running shops on
//! loopback, each order under its own submission id, until a request count or a deadline is reached.
//!
//! A client that loses its connection, or gets a 503, sends the same order again under the same submission
//! id, so a shop killed and restarted mid-run answers the retry with the order it stored (or stores it then);
//! the [`Report`] keeps every acknowledged order's submission id and order id, which the kill -9 test checks
//! against the database. [`orders`] makes the designs, [`load`] runs the clients, [`report`] summarises
//! the latencies as `key: value unit` lines. It talks to loopback addresses only.

pub mod load;
pub mod orders;
pub mod report;

pub use load::{Acknowledged, Report, Settings, run};
pub use orders::{Orders, proof_cpu_ms_per_order};
