//! `GET /desk/dashboard`: the last [`DAYS`] days at a glance: orders per day, revenue per day (in the
//! currency most orders were in), and per product how often each option was chosen (zone colors and
//! materials, choice options), counted from the stored specs of those orders. Cancelled orders are left out.
//! The charts are SVG drawn on the server ([`super::charts`]) and put into the page inline. The conversion
//! from designs started to orders is not shown: the app does not report designs started.

use super::charts;
use super::error::{DeskError, DeskResult};
use super::layout;
use super::messages::{format, t};
use super::session::Staff;
use crate::catalogs::Loaded;
use crate::locale::RequestLocale;
use crate::store::DayTotal;
use crate::{AppState, spec};
use atelier_core::Locale;
use axum::extract::State;
use axum::response::Response;
use maud::{Markup, PreEscaped, html};
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

/// How many days the dashboard covers, today included.
pub const DAYS: u32 = 30;

/// The most orders whose options are counted.
const SPECS_MAX: i64 = 20_000;

/// The most options one product's chart shows.
const OPTIONS_SHOWN: usize = 15;

/// The `DAYS` UTC days ending with the one of `now`, oldest first, `YYYY-MM-DD`.
fn days(now: SystemTime) -> Vec<String> {
    (0..DAYS)
        .rev()
        .map(|back| {
            let t = now - Duration::from_secs(86_400 * u64::from(back));
            spec::timestamp(t)[..10].to_owned()
        })
        .collect()
}

/// Orders and revenue per day of `days` (zero on days without orders), revenue in `currency`.
fn per_day(days: &[String], totals: &[DayTotal], currency: &str) -> (Vec<i64>, Vec<i64>) {
    let mut orders = vec![0; days.len()];
    let mut revenue = vec![0; days.len()];
    for total in totals {
        if let Some(i) = days.iter().position(|d| *d == total.day) {
            orders[i] += total.orders;
            if total.currency == currency {
                revenue[i] += total.revenue;
            }
        }
    }
    (orders, revenue)
}

/// The currency with the most orders among `totals`.
fn main_currency(totals: &[DayTotal]) -> Option<String> {
    let mut by: BTreeMap<&str, i64> = BTreeMap::new();
    for t in totals {
        *by.entry(t.currency.as_str()).or_default() += t.orders;
    }
    by.into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c.to_owned())
}

/// How often each option of `loaded`'s product was chosen in `specs`, most chosen first, labelled in
/// `locale` ("Toe box: Navy", "Toe box: Suede", "Laces: Waxed").
pub fn option_counts(loaded: &Loaded, specs: &[String], locale: Locale) -> Vec<(String, i64)> {
    let catalog = &loaded.catalog;
    let name = |l: Option<&atelier_core::Localized>, id: &str| {
        l.map_or_else(|| id.to_owned(), |l| l.get(locale).to_owned())
    };
    let mut counts: BTreeMap<String, i64> = BTreeMap::new();
    let designs = specs
        .iter()
        .filter_map(|s| spec::drawing(s))
        .map(|d| d.design);
    for design in designs.filter(|d| d.product == *catalog.id()) {
        for (zone, choice) in &design.zones {
            let zone = name(catalog.zone(zone.as_str()).map(|z| &z.name), zone.as_str());
            let color = name(
                catalog.color(choice.color.as_str()).map(|c| &c.name),
                choice.color.as_str(),
            );
            let material = name(
                catalog.material(choice.material.as_str()).map(|m| &m.name),
                choice.material.as_str(),
            );
            *counts.entry(format!("{zone}: {color}")).or_default() += 1;
            *counts.entry(format!("{zone}: {material}")).or_default() += 1;
        }
        for (group, option) in &design.choices {
            let g = catalog.choice(group.as_str());
            let option = name(
                g.and_then(|g| g.options.iter().find(|o| &o.id == option))
                    .map(|o| &o.name),
                option.as_str(),
            );
            *counts
                .entry(format!(
                    "{}: {option}",
                    name(g.map(|g| &g.name), group.as_str())
                ))
                .or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, i64)> = counts.into_iter().collect();
    // Most chosen first; among equals, by label, so the chart is the same every time.
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.truncate(OPTIONS_SHOWN);
    ranked
}

fn chart(svg: Result<String, charts::ChartError>) -> DeskResult<Markup> {
    let svg = svg.map_err(|e| DeskError::internal("chart", e))?;
    // The SVG is the shop's own drawing (plotters escapes the labels it writes), not a client's text.
    Ok(html! { figure.chart { (PreEscaped(svg)) } })
}

/// `GET /desk/dashboard`.
pub async fn page(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    staff: Staff,
) -> DeskResult<Response> {
    let now = SystemTime::now();
    let days = days(now);
    let since = format!("{}T00:00:00.000Z", days[0]);
    let totals = state.store.day_totals(&since).await?;
    let currency = main_currency(&totals).unwrap_or_else(|| "KRW".to_owned());
    let (orders, revenue) = per_day(&days, &totals, &currency);
    let labels: Vec<String> = days.iter().map(|d| d[5..].to_owned()).collect();
    let specs = state.store.recent_specs(&since, SPECS_MAX).await?;
    let mut option_charts = Vec::new();
    for loaded in state.catalogs.iter() {
        let counts = option_counts(loaded, &specs, locale);
        if !counts.is_empty() {
            let caption = format(
                locale,
                "desk.dashboard.options",
                &[("product", loaded.catalog.name().get(locale).to_owned())],
            );
            option_charts.push(chart(charts::ranking(&caption, &counts))?);
        }
    }
    let title = t(locale, "desk.nav.dashboard");
    let revenue_caption = format(
        locale,
        "desk.dashboard.revenue",
        &[("currency", currency.clone())],
    );
    let body = html! {
        h1 { (title) }
        p.note { (format(locale, "desk.dashboard.period", &[("days", DAYS.to_string())])) }
        (chart(charts::bars(t(locale, "desk.dashboard.orders"), &labels, &orders))?)
        (chart(charts::line(&revenue_caption, &labels, &revenue, &|v| super::show::money(v, &currency, locale)))?)
        @for c in &option_charts { (c) }
        @if option_charts.is_empty() { p { (t(locale, "desk.dashboard.no_orders")) } }
    };
    Ok(layout::page(locale, title, Some(&staff), body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_filled_with_zeros_and_revenue_is_one_currency() {
        let days: Vec<String> = ["2026-12-01", "2026-12-02", "2026-12-03"]
            .map(String::from)
            .to_vec();
        let total = |day: &str, currency: &str, orders, revenue| DayTotal {
            day: day.into(),
            currency: currency.into(),
            orders,
            revenue,
        };
        let totals = [
            total("2026-11-30", "KRW", 9, 9),
            total("2026-12-01", "KRW", 2, 300),
            total("2026-12-03", "KRW", 1, 100),
            total("2026-12-03", "USD", 1, 50),
        ];
        assert_eq!(main_currency(&totals).as_deref(), Some("KRW"));
        assert_eq!(
            per_day(&days, &totals, "KRW"),
            (vec![2, 0, 2], vec![300, 0, 100])
        );
    }

    #[test]
    fn the_period_ends_today() {
        let now = humantime::parse_rfc3339("2026-03-01T10:00:00Z").expect("time");
        let d = days(now);
        assert_eq!(d.len(), 30);
        assert_eq!(d.last().map(String::as_str), Some("2026-03-01"));
        assert_eq!(d[d.len() - 2], "2026-02-28");
    }
}
