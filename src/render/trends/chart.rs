//! The line chart of trends.html: each theme's share of each meeting's cases.
//!
//! It is worked out here as numbers and shapes, and the template only draws them, as the
//! report's bar chart is. The chart must read in print and in greyscale, where colour
//! alone tells nothing, so every series has a marker shape and a dash pattern of its own
//! as well as a colour, and the legend shows all three beside the theme's name. The
//! y-axis always runs from 0 to 100% of a meeting's cases, so a small theme looks small.
//! Each point has a whisker through it, its 95% interval, drawn in the series' colour
//! and dash-free with a cap at each end, so that in greyscale it still reads as a range:
//! a reader sees at once how far a dozen cases leave the share uncertain.

use serde::Serialize;

use crate::model::ThemeKind;
use crate::view::wording::kind_label;

use crate::view::trends::{TrendsView, share_interval};

pub const WIDTH: f64 = 760.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 28.0;
const TOP: f64 = 14.0;
const PLOT_HEIGHT: f64 = 240.0;
/// Room inside the plot before the first meeting and after the last, so that their
/// markers are not cut by the axis.
const INSET: f64 = 28.0;
/// More meetings than this and their dates are set at a slant so that they do not touch.
const LEVEL_LABELS: usize = 6;
const LEGEND_ROW: f64 = 24.0;
const MARKER: f64 = 6.5;

/// Colours that differ in lightness as well as hue, so that even in greyscale two
/// neighbouring series are told apart by more than their markers.
const COLOURS: [&str; 6] = [
    "#1d3c6e", "#b34700", "#1b7a4b", "#7b3294", "#505a5f", "#0072b2",
];
/// Dash patterns, solid first.
const DASHES: [&str; 5] = ["", "8 4", "2 3", "10 3 2 3", "4 4"];

#[derive(Debug, Serialize)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub grid: Vec<Grid>,
    pub ticks: Vec<Tick>,
    pub slanted: bool,
    pub series: Vec<Series>,
    pub legend: Vec<LegendRow>,
}

/// A level of the y-axis: a rule across the plot and its percentage.
#[derive(Debug, Serialize)]
pub struct Grid {
    pub y: f64,
    pub label: String,
}

/// A meeting on the x-axis.
#[derive(Debug, Serialize)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct Series {
    pub id: String,
    pub label: String,
    pub colour: &'static str,
    pub dash: &'static str,
    /// Which of the marker shapes.
    pub shape: usize,
    /// Markers drawn white inside, for the series after the first round of shapes.
    pub hollow: bool,
    /// The polyline's points, `x,y x,y`: every meeting where some case recorded it.
    pub points: String,
    /// The same points in runs of neighbouring meetings, one polyline each, so that a
    /// meeting where no case recorded it is a gap in the line rather than a fall to 0%.
    pub runs: Vec<String>,
    pub markers: Vec<Marker>,
}

#[derive(Debug, Serialize)]
pub struct Marker {
    /// The shape's path.
    pub d: String,
    /// The whisker's path: its interval, capped at both ends.
    pub whisker: Option<String>,
    /// What a pointer over it shows: the meeting and the count.
    pub title: String,
}

/// A row of the legend: a group's heading, or a series' line, marker and name.
#[derive(Debug, Serialize)]
pub struct LegendRow {
    pub y: f64,
    pub heading: Option<String>,
    /// Index into `series`.
    pub series: Option<usize>,
    pub marker: Option<String>,
}

pub fn chart(view: &TrendsView) -> Chart {
    let l = view.labels;
    let count = view.meetings.len();
    let slanted = count > LEVEL_LABELS;
    let plot_bottom = TOP + PLOT_HEIGHT;
    let x_of = |i: usize| -> f64 {
        let (start, end) = (LEFT + INSET, WIDTH - RIGHT - INSET);
        if count < 2 {
            (start + end) / 2.0
        } else {
            start + (end - start) * i as f64 / (count - 1) as f64
        }
    };
    let y_of = |share: f64| round(plot_bottom - share * PLOT_HEIGHT);
    let grid = (0..=4)
        .map(|step| Grid {
            y: y_of(f64::from(step) / 4.0),
            label: format!("{}%", step * 25),
        })
        .collect();
    let ticks = view
        .meetings
        .iter()
        .enumerate()
        .map(|(i, m)| Tick {
            x: round(x_of(i)),
            label: m.date.clone(),
        })
        .collect();
    let series: Vec<Series> = view
        .themes
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let theme = t.theme;
            let shape = n % SHAPES;
            let mut runs: Vec<Vec<String>> = vec![Vec::new()];
            let mut at: Vec<(f64, f64, String, Option<String>)> = Vec::new();
            for (i, c) in t.cells.iter().enumerate() {
                let Some(share) = c.share else {
                    if runs.last().is_some_and(|r| !r.is_empty()) {
                        runs.push(Vec::new());
                    }
                    continue;
                };
                let (x, y) = (round(x_of(i)), y_of(share));
                if let Some(run) = runs.last_mut() {
                    run.push(format!("{x},{y}"));
                }
                let words = match c.interval {
                    Some(interval) => share_interval(l, &c.words, interval),
                    None => c.words.clone(),
                };
                let whisker = c.interval.map(|i| whisker(x, y_of(i.low), y_of(i.high)));
                at.push((x, y, format!("{}: {words}", c.date), whisker));
            }
            runs.retain(|r| !r.is_empty());
            Series {
                id: theme.id.clone(),
                label: theme.label.clone(),
                colour: COLOURS[n % COLOURS.len()],
                dash: DASHES[(n / SHAPES + n) % DASHES.len()],
                shape,
                hollow: (n / SHAPES) % 2 == 1,
                points: at
                    .iter()
                    .map(|(x, y, _, _)| format!("{x},{y}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                runs: runs.into_iter().map(|r| r.join(" ")).collect(),
                markers: at
                    .into_iter()
                    .map(|(x, y, title, whisker)| Marker {
                        d: marker(shape, size(n), x, y),
                        whisker,
                        title: format!("{}, {title}", theme.label),
                    })
                    .collect(),
            }
        })
        .collect();
    let labels_height = if slanted { 120.0 } else { 34.0 };
    let mut y = plot_bottom + labels_height + 10.0;
    let mut legend = Vec::new();
    for kind in ThemeKind::ALL {
        let members: Vec<usize> = (0..series.len())
            .filter(|&i| view.themes[i].theme.kind == kind)
            .collect();
        if members.is_empty() {
            continue;
        }
        if view.grouped_apart_from(kind) {
            y += LEGEND_ROW;
            legend.push(LegendRow {
                y,
                heading: Some(kind_label(l, kind).to_string()),
                series: None,
                marker: None,
            });
        }
        for i in members {
            y += LEGEND_ROW;
            legend.push(LegendRow {
                y,
                heading: None,
                series: Some(i),
                marker: Some(marker(i % SHAPES, size(i), LEFT + 22.0, y - 4.0)),
            });
        }
    }
    Chart {
        width: WIDTH,
        height: round(y + 12.0),
        left: LEFT,
        right: WIDTH - RIGHT,
        top: TOP,
        bottom: plot_bottom,
        grid,
        ticks,
        slanted,
        series,
        legend,
    }
}

/// Half a whisker's cap.
const CAP: f64 = 4.0;

/// A vertical line at `x` from `low` to `high` (the plot's y, lower down the larger),
/// with a cap across each end.
fn whisker(x: f64, low: f64, high: f64) -> String {
    let (a, b) = (round(x - CAP), round(x + CAP));
    format!("M{a},{low} H{b} M{x},{low} V{high} M{a},{high} H{b}")
}

/// The number of marker shapes.
const SHAPES: usize = 6;

/// The size of series `n`'s markers. Each series' markers are a little smaller than the
/// one's before, and drawn over it with a white edge, so that where two themes have the
/// same share at a meeting both markers still show, in greyscale too.
fn size(n: usize) -> f64 {
    MARKER * (1.2 - 0.15 * (n % 4) as f64)
}

/// Shape `shape` (circle, square, triangle, diamond, downward triangle, cross) of radius
/// `r`, centred on `x`, `y`, as a path.
fn marker(shape: usize, r: f64, x: f64, y: f64) -> String {
    let p = |dx: f64, dy: f64| format!("{},{}", round(x + dx), round(y + dy));
    match shape {
        0 => format!(
            "M{} a{r},{r} 0 1,0 {d},0 a{r},{r} 0 1,0 -{d},0 Z",
            p(-r, 0.0),
            r = round(r),
            d = round(2.0 * r)
        ),
        1 => {
            let s = r * 0.9;
            format!("M{} L{} L{} L{} Z", p(-s, -s), p(s, -s), p(s, s), p(-s, s))
        }
        2 => format!(
            "M{} L{} L{} Z",
            p(0.0, -r * 1.15),
            p(r, r * 0.8),
            p(-r, r * 0.8)
        ),
        3 => format!(
            "M{} L{} L{} L{} Z",
            p(0.0, -r * 1.2),
            p(r * 1.2, 0.0),
            p(0.0, r * 1.2),
            p(-r * 1.2, 0.0)
        ),
        4 => format!(
            "M{} L{} L{} Z",
            p(0.0, r * 1.15),
            p(r, -r * 0.8),
            p(-r, -r * 0.8)
        ),
        _ => {
            let (a, b) = (r, r * 0.35);
            format!(
                "M{} L{} L{} L{} L{} L{} L{} L{} L{} L{} L{} L{} Z",
                p(-b, -a),
                p(b, -a),
                p(b, -b),
                p(a, -b),
                p(a, b),
                p(b, b),
                p(b, a),
                p(-b, a),
                p(-b, b),
                p(-a, b),
                p(-a, -b),
                p(-b, -b)
            )
        }
    }
}

/// To a tenth, so the page does not carry floating-point noise.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::trends::example;

    #[test]
    fn one_series_per_theme_each_told_apart_without_colour() {
        let trends = example();
        let chart = chart(&TrendsView::new(
            &trends,
            &crate::catalogue::Labels::english(),
        ));
        assert_eq!(chart.series.len(), trends.themes.len());
        for s in &chart.series {
            assert_eq!(s.markers.len(), trends.meetings.len(), "{}", s.id);
        }
        let looks: std::collections::BTreeSet<(usize, &str, bool)> = chart
            .series
            .iter()
            .map(|s| (s.shape, s.dash, s.hollow))
            .collect();
        assert_eq!(looks.len(), chart.series.len(), "shape and dash differ");
        // The good-practice theme is listed under its own heading.
        let headings: Vec<&str> = chart
            .legend
            .iter()
            .filter_map(|r| r.heading.as_deref())
            .collect();
        assert_eq!(headings, ["Concerns", "Good practice"]);
    }

    #[test]
    fn points_sit_at_their_share_of_the_plot() {
        let trends = example();
        let chart = chart(&TrendsView::new(
            &trends,
            &crate::catalogue::Labels::english(),
        ));
        // 3 of 12 is a quarter of the way up; none is on the base line.
        let first = &chart.series[0].points;
        let y: f64 = first
            .split(' ')
            .next()
            .unwrap()
            .split(',')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(y, TOP + PLOT_HEIGHT * 0.75);
        let none = chart.series[1].points.split(' ').nth(2).unwrap();
        assert!(none.ends_with(&format!(",{}", TOP + PLOT_HEIGHT)), "{none}");
        assert_eq!(chart.ticks[0].label, "14 March 2023");
        // 3 of 12 runs from 9% to 53%: its whisker spans that share of the plot.
        let first = &chart.series[0].markers[0];
        let (low, high) = (
            round(TOP + PLOT_HEIGHT * (1.0 - 0.0889)),
            round(TOP + PLOT_HEIGHT * (1.0 - 0.5323)),
        );
        let whisker = first.whisker.as_deref().unwrap();
        assert!(
            whisker.contains(&format!(",{low} "))
                && whisker.ends_with(&format!(",{high} H{}", round(LEFT + INSET + CAP))),
            "{whisker}"
        );
        assert!(
            first
                .title
                .ends_with("3 of 12 (25%); 95% interval 9% to 53%"),
            "{}",
            first.title
        );
        assert!(!chart.slanted);
    }

    #[test]
    fn a_later_series_has_smaller_markers_so_both_show_where_they_meet() {
        assert!(size(1) < size(0));
        assert!((0..4).all(|n| size(n) > 3.0));
        assert_eq!(
            marker(1, 5.0, 10.0, 10.0),
            "M5.5,5.5 L14.5,5.5 L14.5,14.5 L5.5,14.5 Z"
        );
    }

    #[test]
    fn thirty_series_all_look_different() {
        let looks: std::collections::BTreeSet<(usize, &str, bool)> = (0..30)
            .map(|n| {
                (
                    n % SHAPES,
                    DASHES[(n / SHAPES + n) % DASHES.len()],
                    (n / SHAPES) % 2 == 1,
                )
            })
            .collect();
        assert_eq!(looks.len(), 30);
    }
}
