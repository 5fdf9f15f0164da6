//! The order list's address: `?status=&product=&from=YYYY-MM-DD&to=YYYY-MM-DD&page=N`, parsed, then
//! checked into a [`store::OrderQuery`](crate::store::OrderQuery) and a page number, every problem reported at
//! once (a 400 page naming each). An empty value means "any"; an unknown or repeated parameter is a problem
//! (a mistyped `stauts=` silently showing every order would mislead). Dates are UTC days, `to` included.

use super::status::Status;
use crate::store::OrderQuery;
use std::time::Duration;

/// Orders per page.
pub const PAGE_SIZE: i64 = 50;

/// The highest page number accepted (beyond it an offset would be absurd).
const PAGE_MAX: i64 = 100_000;

/// A checked order list address.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The status asked for.
    pub status: Option<Status>,
    /// The product id asked for.
    pub product: Option<String>,
    /// The first day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// The last day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// The page, from 1.
    pub page: i64,
}

/// A problem with the address: a message key and the value it is about.
pub type Problem = (&'static str, String);

impl Filter {
    /// Parses and checks a raw query string; every problem at once.
    pub fn parse(raw: Option<&str>) -> Result<Filter, Vec<Problem>> {
        let mut filter = Filter {
            page: 1,
            ..Filter::default()
        };
        let mut problems = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            let shown: String = value.chars().take(40).collect();
            if seen.contains(&key.to_string()) {
                problems.push(("desk.filter.repeated", key.chars().take(40).collect()));
                continue;
            }
            seen.push(key.to_string());
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "status" => match Status::parse(&value) {
                    Some(s) => filter.status = Some(s),
                    None => problems.push(("desk.filter.bad_status", shown)),
                },
                "product" if is_product_id(&value) => filter.product = Some(value.into_owned()),
                "product" => problems.push(("desk.filter.bad_product", shown)),
                "from" | "to" if day_start(&value).is_some() => {
                    let slot = if key == "from" {
                        &mut filter.from
                    } else {
                        &mut filter.to
                    };
                    *slot = Some(value.into_owned());
                }
                "from" | "to" => problems.push(("desk.filter.bad_date", shown)),
                "page" => match value.parse::<i64>() {
                    Ok(n) if (1..=PAGE_MAX).contains(&n) && !value.starts_with('+') => {
                        filter.page = n
                    }
                    _ => problems.push(("desk.filter.bad_page", shown)),
                },
                _ => problems.push(("desk.filter.unknown", key.chars().take(40).collect())),
            }
        }
        if let (Some(from), Some(to)) = (&filter.from, &filter.to)
            && from > to
        {
            problems.push(("desk.filter.dates_reversed", format!("{from} > {to}")));
        }
        if problems.is_empty() {
            Ok(filter)
        } else {
            Err(problems)
        }
    }

    /// The store's query for this filter (the date range as timestamps: from the first day's start to the end
    /// of the last day).
    pub fn query(&self) -> OrderQuery {
        OrderQuery {
            status: self.status.map(|s| s.name().to_owned()),
            product: self.product.clone(),
            from: self.from.as_deref().and_then(day_start),
            before: self
                .to
                .as_deref()
                .and_then(|d| day_start_after(d, Duration::from_secs(86_400))),
        }
    }

    /// The filter as a query string (without the page), for links to other pages and the CSV export.
    pub fn to_query(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        if let Some(v) = self.status {
            s.append_pair("status", v.name());
        }
        for (k, v) in [
            ("product", &self.product),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if let Some(v) = v {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }

    /// The rows to skip for this page.
    pub fn offset(&self) -> i64 {
        (self.page - 1) * PAGE_SIZE
    }
}

/// The page number of a list that has no other filter (`?page=N`, default 1); any other parameter is a
/// problem, as on the order list.
pub fn page_only(raw: Option<&str>) -> Result<i64, Vec<Problem>> {
    let filter = Filter::parse(raw)?;
    if filter
        != (Filter {
            page: filter.page,
            ..Filter::default()
        })
    {
        return Err(vec![(
            "desk.filter.page_only",
            raw.unwrap_or("").chars().take(40).collect(),
        )]);
    }
    Ok(filter.page)
}

/// A catalog product id's shape: lowercase letters, digits and `-`, 1–64 characters.
fn is_product_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The start of UTC day `day` (`YYYY-MM-DD`, a real date) as the stored timestamps write it.
fn day_start(day: &str) -> Option<String> {
    day_start_after(day, Duration::ZERO)
}

/// `after` past the start of UTC day `day`, as a stored timestamp.
fn day_start_after(day: &str, after: Duration) -> Option<String> {
    let shaped = day.len() == 10
        && day.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    // humantime knows the calendar (month lengths, leap years): `2026-02-30` is refused there.
    let t = humantime::parse_rfc3339(&format!("{day}T00:00:00Z")).ok()?;
    Some(crate::spec::timestamp(t + after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, want: Result<Filter, Vec<&str>>) {
        let got = Filter::parse(Some(raw))
            .map_err(|ps| ps.into_iter().map(|(k, _)| k).collect::<Vec<_>>());
        assert_eq!(got, want, "{raw}");
    }

    #[test]
    fn addresses_parse_or_say_every_problem() {
        let all = Filter {
            page: 1,
            ..Filter::default()
        };
        check("", Ok(all.clone()));
        check("status=&product=&from=&to=", Ok(all.clone()));
        check(
            "status=in_production&product=runner-one&from=2026-02-28&to=2026-03-01&page=3",
            Ok(Filter {
                status: Some(Status::InProduction),
                product: Some("runner-one".into()),
                from: Some("2026-02-28".into()),
                to: Some("2026-03-01".into()),
                page: 3,
            }),
        );
        check(
            "from=2028-02-29",
            Ok(Filter {
                from: Some("2028-02-29".into()),
                ..all.clone()
            }),
        );
        check("status=done", Err(vec!["desk.filter.bad_status"]));
        check("product=Runner%20One", Err(vec!["desk.filter.bad_product"]));
        check(
            "from=2026-02-30&to=26-01-01&page=0",
            Err(vec![
                "desk.filter.bad_date",
                "desk.filter.bad_date",
                "desk.filter.bad_page",
            ]),
        );
        check("from=2026-1-01", Err(vec!["desk.filter.bad_date"]));
        check(
            "from=2026-03-02&to=2026-03-01",
            Err(vec!["desk.filter.dates_reversed"]),
        );
        check("page=-1", Err(vec!["desk.filter.bad_page"]));
        check("page=+2", Err(vec!["desk.filter.bad_page"]));
        check(
            "page=99999999999999999999",
            Err(vec!["desk.filter.bad_page"]),
        );
        check("stauts=shipped", Err(vec!["desk.filter.unknown"]));
        check(
            "status=shipped&status=received",
            Err(vec!["desk.filter.repeated"]),
        );
    }

    #[test]
    fn the_date_range_covers_whole_days() {
        let f = Filter::parse(Some("from=2026-02-28&to=2026-02-28")).expect("valid");
        let q = f.query();
        assert_eq!(q.from.as_deref(), Some("2026-02-28T00:00:00.000Z"));
        assert_eq!(q.before.as_deref(), Some("2026-03-01T00:00:00.000Z"));
        assert_eq!(f.to_query(), "from=2026-02-28&to=2026-02-28");
        assert_eq!(f.offset(), 0);
    }
}
