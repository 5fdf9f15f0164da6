//! `GET /desk/orders/{id}`: one order for the staff and the factory: its production preview per view (PNGs
//! drawn from the spec by [`super::preview`]), the design part by part, the personal text as typed and as
//! printed, the price breakdown, the status with the moves it may make (forms with the CSRF token, posted to
//! [`super::status_move`]) and its history, and the exact spec. `GET /desk/orders/{id}.json` is the spec as
//! stored ([`super::export::spec_json`]). Every value is text in the page (maud escapes), never markup.

use super::error::{DeskError, DeskResult};
use super::messages::{format, t};
use super::session::Staff;
use super::status::Status;
use super::{layout, show};
use crate::AppState;
use crate::catalogs::Loaded;
use crate::locale::RequestLocale;
use crate::order_id::is_order_id;
use crate::spec::{self, Drawing};
use crate::store::{StatusMove, StoredOrder};
use atelier_core::price_rows::price_rows;
use atelier_core::pricing;
use atelier_core::{Design, Locale};
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};
use serde_json::Value;

/// The order with `id` (a malformed id is a 404 without a query).
pub async fn find(state: &AppState, id: &str) -> DeskResult<StoredOrder> {
    if !is_order_id(id) {
        return Err(DeskError::NotFound);
    }
    state.store.get(id).await?.ok_or(DeskError::NotFound)
}

/// `GET /desk/orders/{id}` and, for `{id}.json`, the stored spec.
pub async fn page(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(file): Path<String>,
    staff: Staff,
) -> DeskResult<Response> {
    if let Some(id) = file.strip_suffix(".json") {
        return super::export::spec_json(&state, id).await;
    }
    let order = find(&state, &file).await?;
    let history = state.store.status_history(&order.id).await?;
    let spec: Option<Value> = order
        .spec
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok());
    let drawing = order.spec.as_deref().and_then(spec::drawing);
    let loaded = state.catalogs.get(&order.product);
    let title = format(locale, "desk.order.title", &[("order", order.id.clone())]);
    let body = html! {
        h1 { (title) }
        (summary(&state, &order, locale))
        (status_box(&order, &staff, &history, locale))
        @if let Some(drawing) = &drawing { (previews(&order.id, drawing, locale)) }
        @if let (Some(drawing), Some(loaded)) = (&drawing, loaded) { (design(loaded, &drawing.design, locale)) }
        (personal_text(spec.as_ref(), loaded, locale))
        (breakdown(&order, drawing.as_ref(), spec.as_ref(), loaded, locale))
        h2 { (t(locale, "desk.order.spec")) }
        p { a href=(format!("/desk/orders/{}.json", order.id)) { (t(locale, "desk.order.spec_json")) } }
        @match &spec {
            Some(spec) => pre { (serde_json::to_string_pretty(spec).unwrap_or_default()) },
            None => p.note { (t(locale, "desk.order.no_spec")) },
        }
    };
    Ok(layout::page(locale, &title, Some(&staff), body))
}

fn summary(state: &AppState, order: &StoredOrder, locale: Locale) -> Markup {
    html! {
        table.summary { tbody {
            tr { th { (t(locale, "desk.orders.date")) } td { (show::timestamp(&order.created_at)) } }
            tr { th { (t(locale, "desk.orders.product")) } td { (show::product(state, &order.product, locale)) } }
            tr { th { (t(locale, "desk.orders.price")) } td { (show::money(order.amount, &order.currency, locale)) } }
        } }
    }
}

fn status_box(
    order: &StoredOrder,
    staff: &Staff,
    history: &[StatusMove],
    locale: Locale,
) -> Markup {
    let current = Status::parse(&order.status);
    html! {
        h2 { (t(locale, "desk.order.status")) }
        p.status { (super::orders::status_label(&order.status, locale)) }
        @if let Some(current) = current {
            @for next in current.next() {
                form.inline method="post" action=(format!("/desk/orders/{}/status", order.id)) {
                    input type="hidden" name=(super::csrf::FIELD) value=(staff.csrf());
                    input type="hidden" name="from" value=(current.name());
                    input type="hidden" name="to" value=(next.name());
                    button type="submit" { (format(locale, "desk.order.move", &[("status", next.label(locale).to_owned())])) }
                }
                " "
            }
        }
        h3 { (t(locale, "desk.order.history")) }
        @if history.is_empty() {
            p.note { (t(locale, "desk.order.no_history")) }
        } @else {
            ol.history {
                @for m in history {
                    li { (format(locale, "desk.order.moved", &[
                        ("from", super::orders::status_label(&m.from_status, locale)),
                        ("to", super::orders::status_label(&m.to_status, locale)),
                        ("user", m.user_name.clone()),
                        ("at", show::unix_ms(m.moved_at)),
                    ])) }
                }
            }
        }
    }
}

fn previews(id: &str, drawing: &Drawing, locale: Locale) -> Markup {
    html! {
        h2 { (t(locale, "desk.order.previews")) }
        div.previews {
            @for view in drawing.proofs.keys() {
                @let src = format!("/desk/orders/{id}/preview/{}.png", view.as_str());
                figure {
                    img src=(format!("{src}?scale=1")) alt=(format(locale, "desk.order.preview_alt", &[("view", view.as_str().to_owned())]));
                    figcaption { (view.as_str()) " · " a href=(src) { (t(locale, "desk.order.production_png")) } }
                }
            }
        }
    }
}

fn design(loaded: &Loaded, design: &Design, locale: Locale) -> Markup {
    let catalog = &loaded.catalog;
    let name = |l: Option<&atelier_core::Localized>, id: &str| {
        l.map_or_else(|| id.to_owned(), |l| l.get(locale).to_owned())
    };
    html! {
        h2 { (t(locale, "desk.order.design")) }
        table { tbody {
            @if let Some(size) = &design.size {
                tr { th { (t(locale, "desk.order.size")) } td { (name(catalog.size(size.as_str()).map(|s| &s.name), size.as_str())) } }
            }
            @for (zone, choice) in &design.zones {
                tr {
                    th { (name(catalog.zone(zone.as_str()).map(|z| &z.name), zone.as_str())) }
                    td { (name(catalog.material(choice.material.as_str()).map(|m| &m.name), choice.material.as_str()))
                        " · " (name(catalog.color(choice.color.as_str()).map(|c| &c.name), choice.color.as_str())) }
                }
            }
            @for (group, option) in &design.choices {
                @let g = catalog.choice(group.as_str());
                tr {
                    th { (name(g.map(|g| &g.name), group.as_str())) }
                    td { (name(g.and_then(|g| g.options.iter().find(|o| &o.id == option)).map(|o| &o.name), option.as_str())) }
                }
            }
        } }
    }
}

/// The spec's `text` section as people read it: per placement, the text as typed and as printed.
fn personal_text(spec: Option<&Value>, loaded: Option<&Loaded>, locale: Locale) -> Markup {
    let Some(texts) = spec
        .and_then(|s| s["text"].as_object())
        .filter(|t| !t.is_empty())
    else {
        return html! {};
    };
    html! {
        h2 { (t(locale, "desk.order.personal_text")) }
        table { tbody {
            @for (placement, text) in texts {
                @let label = loaded.and_then(|l| l.catalog.text(placement)).map_or_else(|| placement.clone(), |p| p.name.get(locale).to_owned());
                tr {
                    th { (label) }
                    td.personal-text { (text["text"].as_str().unwrap_or_default()) }
                    td { (format(locale, "desk.order.printed", &[
                        ("printed", text["printed"].as_str().unwrap_or_default().to_owned()),
                        ("font", text["font"].as_str().unwrap_or_default().to_owned()),
                        ("size", text["size_mm"].to_string()),
                    ])) }
                }
            }
        } }
    }
}

/// The price breakdown: labelled rows when the shop's catalog is the one the order was priced with (the same
/// code then gives the same breakdown, which is checked against the stored one), else the stored lines as
/// they are.
fn breakdown(
    order: &StoredOrder,
    drawing: Option<&Drawing>,
    spec: Option<&Value>,
    loaded: Option<&Loaded>,
    locale: Locale,
) -> Markup {
    let stored: Option<Value> = serde_json::from_str(&order.breakdown).ok();
    let same_catalog =
        spec.and_then(|s| s["catalog_sha256"].as_str()) == loaded.map(|l| l.sha256.as_str());
    let labelled = match (drawing, loaded) {
        (Some(drawing), Some(loaded)) if same_catalog => drawing
            .design
            .validate(&loaded.catalog)
            .ok()
            .map(|valid| pricing::price(&valid))
            .filter(|priced| serde_json::to_value(priced).ok() == stored)
            .map(|priced| price_rows(&loaded.catalog, &drawing.design, &priced, locale)),
        _ => None,
    };
    html! {
        h2 { (t(locale, "desk.order.breakdown")) }
        table { tbody {
            @if let Some(rows) = labelled {
                @for row in rows { tr { td { (row.label) } td.num { (row.amount) } } }
            } @else if let Some(lines) = stored.as_ref().and_then(|b| b["lines"].as_array()) {
                @for line in lines {
                    tr {
                        td { (line["option"]["kind"].as_str().unwrap_or_default()) " " (line["option"]["id"].as_str().unwrap_or_default()) }
                        td.num { (show::money(line["amount"]["amount"].as_i64().unwrap_or_default(), line["amount"]["currency"].as_str().unwrap_or_default(), locale)) }
                    }
                }
            }
            tr { th { (t(locale, "desk.order.total")) } th.num { (show::money(order.amount, &order.currency, locale)) } }
        } }
    }
}
