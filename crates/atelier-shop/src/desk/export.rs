//! Exports: `GET /desk/orders.csv` (the order list under the same filter as the page, every matching row, not
//! only one page) and `GET /desk/orders/{id}.json` (one order's spec, byte for byte as stored and signed).
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV injection, OWASP), and
//! a product id or status is not the shop's to vouch for forever, so every such cell is written with a
//! leading `'`, which spreadsheets show as text ([`cell`]). Quoting is the `csv` crate's.

use super::error::{DeskError, DeskResult};
use super::filter::Filter;
use super::session::Staff;
use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::borrow::Cow;

/// The most rows one export holds.
const EXPORT_MAX: i64 = 100_000;

/// `value` safe to open in a spreadsheet: prefixed with `'` when it starts with a formula character.
pub fn cell(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// `GET /desk/orders.csv?…` (the list's filter; `page` is ignored: the export is the whole list).
pub async fn csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    _staff: Staff,
) -> DeskResult<Response> {
    let filter = Filter::parse(raw.as_deref()).map_err(DeskError::BadInput)?;
    let rows = state
        .store
        .desk_orders(&filter.query(), EXPORT_MAX, 0)
        .await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, record: &[&str]| {
        out.write_record(record.iter().map(|v| cell(v).into_owned()))
            .map_err(|e| DeskError::internal("csv", e))
    };
    write(
        &mut out,
        &[
            "order",
            "created_at",
            "product",
            "amount",
            "currency",
            "status",
        ],
    )?;
    for row in &rows {
        let amount = row.amount.to_string();
        write(
            &mut out,
            &[
                &row.id,
                &row.created_at,
                &row.product,
                &amount,
                &row.currency,
                &row.status,
            ],
        )?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| DeskError::internal("csv", e.into_error()))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"orders.csv\""),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /desk/orders/{id}.json`: the spec exactly as stored.
pub async fn spec_json(state: &AppState, id: &str) -> DeskResult<Response> {
    let order = super::order::find(state, id).await?;
    let spec = order.spec.ok_or(DeskError::NotFound)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        spec,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_written_as_text() {
        for (value, want) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("runner-one", "runner-one"),
            ("159000", "159000"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(cell(value), want, "{value:?}");
        }
    }
}
