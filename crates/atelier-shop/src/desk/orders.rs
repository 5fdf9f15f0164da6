//! `GET /desk` and `GET /desk/orders`: the orders, newest first, filtered by status, product and date range
//! ([`super::filter`]), [`PAGE_SIZE`] a page, each row linking to the order; and the export of the same
//! filtered list as CSV ([`super::export`]).

use super::error::{DeskError, DeskResult};
use super::filter::{Filter, PAGE_SIZE};
use super::messages::t;
use super::session::Staff;
use super::status::Status;
use super::{layout, show};
use crate::AppState;
use crate::locale::RequestLocale;
use crate::store::DeskOrderRow;
use atelier_core::Locale;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use maud::{Markup, html};

/// `GET /desk/orders?…`.
pub async fn list(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    RawQuery(raw): RawQuery,
    staff: Staff,
) -> DeskResult<Response> {
    let filter = Filter::parse(raw.as_deref()).map_err(DeskError::BadInput)?;
    let mut rows = state
        .store
        .desk_orders(&filter.query(), PAGE_SIZE + 1, filter.offset())
        .await?;
    let more = rows.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    let body = html! {
        h1 { (t(locale, "desk.orders.title")) }
        (filter_form(&state, &filter, locale))
        @if rows.is_empty() {
            p { (t(locale, "desk.orders.none")) }
        } @else {
            (table(&state, &rows, locale))
        }
        (pages(&filter, more, locale))
    };
    Ok(layout::page(
        locale,
        t(locale, "desk.orders.title"),
        Some(&staff),
        body,
    ))
}

fn filter_form(state: &AppState, filter: &Filter, locale: Locale) -> Markup {
    html! {
        form.filter method="get" action="/desk/orders" {
            label { (t(locale, "desk.orders.status"))
                select name="status" {
                    option value="" { (t(locale, "desk.orders.any")) }
                    @for s in Status::ALL {
                        option value=(s.name()) selected[filter.status == Some(s)] { (s.label(locale)) }
                    }
                }
            }
            label { (t(locale, "desk.orders.product"))
                select name="product" {
                    option value="" { (t(locale, "desk.orders.any")) }
                    @for loaded in state.catalogs.iter() {
                        @let id = loaded.catalog.id().0.as_str();
                        option value=(id) selected[filter.product.as_deref() == Some(id)] {
                            (loaded.catalog.name().get(locale))
                        }
                    }
                }
            }
            label { (t(locale, "desk.orders.from"))
                input type="date" name="from" value=(filter.from.as_deref().unwrap_or_default()); }
            label { (t(locale, "desk.orders.to"))
                input type="date" name="to" value=(filter.to.as_deref().unwrap_or_default()); }
            button type="submit" { (t(locale, "desk.orders.apply")) }
            a href=(format!("/desk/orders.csv?{}", filter.to_query())) { (t(locale, "desk.orders.csv")) }
        }
    }
}

fn table(state: &AppState, rows: &[DeskOrderRow], locale: Locale) -> Markup {
    html! {
        table {
            thead { tr {
                th { (t(locale, "desk.orders.id")) }
                th { (t(locale, "desk.orders.date")) }
                th { (t(locale, "desk.orders.product")) }
                th.num { (t(locale, "desk.orders.price")) }
                th { (t(locale, "desk.orders.status")) }
            } }
            tbody {
                @for row in rows {
                    tr {
                        td { a href=(format!("/desk/orders/{}", row.id)) { (row.id) } }
                        td { (show::timestamp(&row.created_at)) }
                        td { (show::product(state, &row.product, locale)) }
                        td.num { (show::money(row.amount, &row.currency, locale)) }
                        td.status { (status_label(&row.status, locale)) }
                    }
                }
            }
        }
    }
}

/// A stored status in words (an unknown stored name as it is).
pub fn status_label(stored: &str, locale: Locale) -> String {
    Status::parse(stored).map_or_else(|| stored.to_owned(), |s| s.label(locale).to_owned())
}

fn pages(filter: &Filter, more: bool, locale: Locale) -> Markup {
    let link = |page: i64| {
        let q = filter.to_query();
        let sep = if q.is_empty() { "" } else { "&" };
        format!("/desk/orders?{q}{sep}page={page}")
    };
    html! {
        p.pages {
            @if filter.page > 1 { a rel="prev" href=(link(filter.page - 1)) { (t(locale, "desk.orders.newer")) } " " }
            (super::messages::format(locale, "desk.orders.page", &[("page", filter.page.to_string())]))
            @if more { " " a rel="next" href=(link(filter.page + 1)) { (t(locale, "desk.orders.older")) } }
        }
    }
}
