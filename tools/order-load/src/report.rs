//! A run's figures as `make bench` prints them: `KEY.per_s`, `KEY.p50_ms`, `KEY.p99_ms`, `KEY.errors`
//! (orders refused) and `KEY.unfinished` (orders the deadline cut off before an answer), one `key: value unit` line each.

use crate::load::Report;

/// The `q` quantile (0–1) of `values`, nearest rank; 0 for none.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// The lines for `report` under `key` (`orders.sqlite`).
pub fn lines(key: &str, report: &Report) -> Vec<String> {
    let seconds = report.elapsed.as_secs_f64().max(f64::EPSILON);
    vec![
        format!(
            "{key}.per_s: {:.0} /s",
            report.acknowledged.len() as f64 / seconds
        ),
        format!(
            "{key}.p50_ms: {:.1} ms",
            quantile(&report.latencies_ms, 0.5)
        ),
        format!(
            "{key}.p99_ms: {:.1} ms",
            quantile(&report.latencies_ms, 0.99)
        ),
        format!("{key}.errors: {} orders", report.errors),
        format!("{key}.unfinished: {} orders", report.unfinished),
    ]
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn quantiles_by_nearest_rank() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        for (q, expect) in [(0.5, 50.0), (0.99, 99.0), (1.0, 100.0), (0.0, 1.0)] {
            assert_eq!(quantile(&values, q), expect, "{q}");
        }
        assert_eq!(quantile(&[], 0.5), 0.0);
        assert_eq!(quantile(&[7.0], 0.99), 7.0);
    }
}
