//! `GET /desk/swatch-requests`, `/desk/help-requests` and `/desk/designs`: what shoppers left besides orders,
//! newest first, [`PAGE_SIZE`] a page. Contact details are shown here and nowhere else (the API never serves
//! them back), and each page says how long they are kept ([`crate::retention`]); an erased contact reads so.
//! Design codes hold no contact details and are kept.

use super::error::{DeskError, DeskResult};
use super::filter::{PAGE_SIZE, page_only};
use super::messages::{format, t};
use super::session::Staff;
use super::{layout, show};
use crate::AppState;
use crate::locale::RequestLocale;
use crate::store::{StoredDesign, StoredHelpRequest, StoredSwatchRequest};
use atelier_core::Locale;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use maud::{Markup, html};
use serde_json::Value;

/// The page number asked for, and the offset of its first row.
fn page(raw: Option<&str>) -> DeskResult<(i64, i64)> {
    let page = page_only(raw).map_err(DeskError::BadInput)?;
    Ok((page, (page - 1) * PAGE_SIZE))
}

/// The retention note and the paging links of a list at `path`.
fn frame(
    path: &str,
    page: i64,
    more: bool,
    state: &AppState,
    locale: Locale,
    table: Markup,
) -> Markup {
    html! {
        p.note { (format(locale, "desk.contacts.retention", &[("days", state.contact_retention_days.to_string())])) }
        (table)
        p.pages {
            @if page > 1 { a rel="prev" href=(format!("{path}?page={}", page - 1)) { (t(locale, "desk.orders.newer")) } " " }
            (format(locale, "desk.orders.page", &[("page", page.to_string())]))
            @if more { " " a rel="next" href=(format!("{path}?page={}", page + 1)) { (t(locale, "desk.orders.older")) } }
        }
    }
}

/// A list's table: a header cell per message key, then the rows.
fn table(locale: Locale, heads: &[&str], rows: impl Iterator<Item = Markup>) -> Markup {
    html! {
        table {
            thead { tr { @for key in heads { th { (t(locale, key)) } } } }
            tbody { @for row in rows { (row) } }
        }
    }
}

/// `rows` cut to a page, and whether there was more.
fn cut<T>(mut rows: Vec<T>) -> (Vec<T>, bool) {
    let size = usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    let more = rows.len() > size;
    rows.truncate(size);
    (rows, more)
}

/// `GET /desk/swatch-requests`.
pub async fn swatch_requests(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    RawQuery(raw): RawQuery,
    staff: Staff,
) -> DeskResult<Response> {
    let (n, offset) = page(raw.as_deref())?;
    let (rows, more) = cut(state
        .store
        .desk_swatch_requests(PAGE_SIZE + 1, offset)
        .await?);
    let title = t(locale, "desk.nav.swatch_requests");
    let heads = [
        "desk.contacts.number",
        "desk.orders.date",
        "desk.orders.product",
        "desk.contacts.colors",
        "desk.contacts.contact",
        "desk.contacts.language",
    ];
    let table = table(
        locale,
        &heads,
        rows.iter().map(|r| swatch_row(&state, r, locale)),
    );
    let body =
        html! { h1 { (title) } (frame("/desk/swatch-requests", n, more, &state, locale, table)) };
    Ok(layout::page(locale, title, Some(&staff), body))
}

fn swatch_row(state: &AppState, r: &StoredSwatchRequest, locale: Locale) -> Markup {
    let colors: Vec<String> = serde_json::from_str(&r.colors).unwrap_or_default();
    let contact: Option<Value> = serde_json::from_str(&r.contact).ok();
    let field = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
    html! {
        tr {
            td { (r.id) }
            td { (show::timestamp(&r.created_at)) }
            td { (show::product(state, &r.product, locale)) }
            td { (color_names(state, &r.product, &colors, locale)) }
            td {
                @match &contact {
                    Some(c) => {
                        (field(c, "name")) br; (field(c, "email")) br; (field(c, "phone")) br;
                        @let a = &c["address"];
                        (field(a, "line1")) " " (field(a, "line2")) br;
                        (field(a, "postal_code")) " " (field(a, "city")) " " (field(a, "country"))
                    }
                    None => span.note { (t(locale, "desk.contacts.erased")) },
                }
            }
            td { (r.locale) }
        }
    }
}

/// `GET /desk/help-requests`.
pub async fn help_requests(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    RawQuery(raw): RawQuery,
    staff: Staff,
) -> DeskResult<Response> {
    let (n, offset) = page(raw.as_deref())?;
    let (rows, more) = cut(state
        .store
        .desk_help_requests(PAGE_SIZE + 1, offset)
        .await?);
    let title = t(locale, "desk.nav.help_requests");
    let heads = [
        "desk.contacts.number",
        "desk.orders.date",
        "desk.contacts.code",
        "desk.contacts.name",
        "desk.contacts.phone",
        "desk.contacts.when",
        "desk.contacts.language",
    ];
    let table = table(locale, &heads, rows.iter().map(|r| help_row(r, locale)));
    let body =
        html! { h1 { (title) } (frame("/desk/help-requests", n, more, &state, locale, table)) };
    Ok(layout::page(locale, title, Some(&staff), body))
}

fn help_row(r: &StoredHelpRequest, locale: Locale) -> Markup {
    let erased = r.name.is_empty() && r.phone.is_empty();
    html! {
        tr {
            td { (r.id) }
            td { (show::timestamp(&r.created_at)) }
            td { a href=(format!("/d/{}", r.code)) { (r.code) } }
            @if erased {
                td colspan="2" { span.note { (t(locale, "desk.contacts.erased")) } }
            } @else {
                td { (r.name) }
                td { (r.phone) }
            }
            td { (preferred_time(&r.preferred_time, locale)) }
            td { (r.locale) }
        }
    }
}

/// The colors of a swatch request by their catalog names (an id the catalog no longer has, as it is).
fn color_names(state: &AppState, product: &str, ids: &[String], locale: Locale) -> String {
    let catalog = state.catalogs.get(product).map(|l| &l.catalog);
    ids.iter()
        .map(|id| {
            catalog
                .and_then(|c| c.color(id))
                .map_or_else(|| id.clone(), |c| c.name.get(locale).to_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// When a shopper asked to be called, in words (a stored value the desk does not know, as it is).
fn preferred_time(stored: &str, locale: Locale) -> String {
    match stored {
        "morning" | "afternoon" | "evening" | "anytime" => {
            t(locale, &format!("desk.contacts.time.{stored}")).to_owned()
        }
        other => other.to_owned(),
    }
}

/// `GET /desk/designs`.
pub async fn designs(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    RawQuery(raw): RawQuery,
    staff: Staff,
) -> DeskResult<Response> {
    let (n, offset) = page(raw.as_deref())?;
    let (rows, more) = cut(state.store.desk_designs(PAGE_SIZE + 1, offset).await?);
    let title = t(locale, "desk.nav.designs");
    let heads = [
        "desk.contacts.code",
        "desk.orders.date",
        "desk.orders.product",
    ];
    let table = table(
        locale,
        &heads,
        rows.iter().map(|d| design_row(&state, d, locale)),
    );
    let body = html! {
        h1 { (title) }
        p.note { (t(locale, "desk.designs.kept")) }
        (frame("/desk/designs", n, more, &state, locale, table))
    };
    Ok(layout::page(locale, title, Some(&staff), body))
}

fn design_row(state: &AppState, d: &StoredDesign, locale: Locale) -> Markup {
    html! {
        tr {
            td { a href=(format!("/d/{}", d.code)) { (d.code) } }
            td { (show::timestamp(&d.created_at)) }
            td { (show::product(state, &d.product, locale)) }
        }
    }
}
