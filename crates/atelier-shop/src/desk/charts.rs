//! The dashboard's charts, drawn by `plotters` into SVG text on the server: vertical bars per day, a line per
//! day, and horizontal bars per labelled option. No script and no inline style sheet, so they show under the
//! shop's CSP when the page embeds them inline. Which numbers go in is `dashboard.rs`'s.

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

/// The chart's size in SVG units.
const SIZE: (u32, u32) = (760, 300);

/// A chart's colors.
const BAR: RGBColor = RGBColor(0x1f, 0x2a, 0x44);
const LINE: RGBColor = RGBColor(0xc0, 0x4b, 0x2d);

/// Why a chart could not be drawn (a `plotters` error, as text: its type carries the backend's).
pub type ChartError = String;

fn err(e: impl std::fmt::Display) -> ChartError {
    e.to_string()
}

/// The largest value, at least 1, with a tenth of headroom.
fn top(values: &[i64]) -> i64 {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    max + max / 10 + 1
}

/// Vertical bars: `values[i]` over `labels[i]` (a few labels are written, not all, when there are many).
pub fn bars(caption: &str, labels: &[String], values: &[i64]) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let n = labels.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(56)
            .build_cartesian_2d((0..n).into_segmented(), 0..top(values))
            .map_err(err)?;
        let label = |x: &SegmentValue<usize>| match x {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                labels.get(*i).cloned().unwrap_or_default()
            }
            SegmentValue::Last => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(n.min(8))
            .x_label_formatter(&label)
            .draw()
            .map_err(err)?;
        chart
            .draw_series(values.iter().enumerate().map(|(i, v)| {
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0),
                        (SegmentValue::Exact(i + 1), *v),
                    ],
                    BAR.filled(),
                );
                bar.set_margin(0, 0, 2, 2);
                bar
            }))
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// A line through `values[i]` over `labels[i]`, with a dot per point; the values written by `value` on the
/// axis (money in its currency).
pub fn line(
    caption: &str,
    labels: &[String],
    values: &[i64],
    value: &dyn Fn(i64) -> String,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let n = labels.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(90)
            .build_cartesian_2d(0..n.saturating_sub(1).max(1), 0..top(values))
            .map_err(err)?;
        let label = |i: &usize| labels.get(*i).cloned().unwrap_or_default();
        let y_label = |v: &i64| value(*v);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(n.min(8))
            .x_label_formatter(&label)
            .y_label_formatter(&y_label)
            .draw()
            .map_err(err)?;
        let points: Vec<(usize, i64)> = values.iter().copied().enumerate().collect();
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                LINE.stroke_width(2),
            ))
            .map_err(err)?;
        chart
            .draw_series(points.iter().map(|p| Circle::new(*p, 3, LINE.filled())))
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// Horizontal bars, one per `(label, count)`, top to bottom in the order given.
pub fn ranking(caption: &str, rows: &[(String, i64)]) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let height = 60 + 26 * u32::try_from(rows.len().max(1)).unwrap_or(1);
        let root = SVGBackend::with_string(&mut svg, (SIZE.0, height)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let n = rows.len().max(1);
        let counts: Vec<i64> = rows.iter().map(|(_, c)| *c).collect();
        let mut chart = ChartBuilder::on(&root)
            .caption(caption, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(260)
            .build_cartesian_2d(0..top(&counts), (0..n).into_segmented())
            .map_err(err)?;
        // Row 0 is drawn at the bottom of the axis; reversed, the first row stands at the top.
        let label = |y: &SegmentValue<usize>| match y {
            SegmentValue::CenterOf(i) => (n.checked_sub(1 + *i))
                .and_then(|row| rows.get(row))
                .map(|(l, _)| l.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE)
            .y_labels(n)
            .y_label_formatter(&label)
            .draw()
            .map_err(err)?;
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, count))| {
                let at = n - 1 - i;
                let mut bar = Rectangle::new(
                    [
                        (0, SegmentValue::Exact(at)),
                        (*count, SegmentValue::Exact(at + 1)),
                    ],
                    BAR.filled(),
                );
                bar.set_margin(3, 3, 0, 0);
                bar
            }))
            .map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_svg_with_their_labels_and_no_script() {
        let labels: Vec<String> = ["12-01", "12-02", "12-03"].map(String::from).to_vec();
        for svg in [
            bars("Orders", &labels, &[1, 0, 4]).expect("draws"),
            line("Revenue", &labels, &[159_000, 0, 318_000], &|v| {
                format!("₩{v}")
            })
            .expect("draws"),
            ranking(
                "Options",
                &[("Toe box: Navy".into(), 7), ("Laces: White".into(), 2)],
            )
            .expect("draws"),
        ] {
            assert!(svg.starts_with("<svg"), "{svg}");
            assert!(svg.trim_end().ends_with("</svg>"), "{svg}");
            assert!(!svg.contains("<script"), "{svg}");
        }
        let ranked = ranking("Options", &[("A & <B>".into(), 1)]).expect("draws");
        assert!(!ranked.contains("<B>"), "labels are escaped: {ranked}");
        assert!(
            bars("Orders", &labels, &[1, 0, 4])
                .expect("draws")
                .contains("12-01")
        );
        // Nothing to show still draws an empty chart rather than failing.
        assert!(bars("Orders", &[], &[]).is_ok());
        assert!(ranking("Options", &[]).is_ok());
    }
}
