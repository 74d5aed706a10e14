//! The overview's chart of statuses by group as an SVG description, drawn without ECharts: a
//! bar per group, stacked by status, in the status colours with a pattern each (for readers who
//! cannot tell the colours apart), the groups' names above their bars, a value axis, and the
//! chart's title and description. Pure: made from the same [`ChartData`] as the ECharts chart
//! (`groups_chart`), and rendered by the app's `GroupsChart` component and by the page shell's
//! pre-rendered overview (`shell::chart`), so that the chart is in the first paint.
//!
//! Horizontal positions are percentages of the chart's width and vertical ones pixels, so that
//! one drawing fits a 360 px phone and a 1280 px screen without scaling its text.

use super::{ChartData, SeriesRole};
use crate::i18n::Lang;
use crate::plan::number::format_number;
use crate::plan::Status;

/// Pixels from the top of a row to its label's baseline.
const LABEL_BASELINE: u32 = 13;
/// Pixels from the top of a row to its bar, and the bar's height.
const BAR_TOP: u32 = 19;
const BAR_HEIGHT: u32 = 14;
/// Pixels from one row's top to the next.
const ROW: u32 = 40;
/// Room under the last row for the axis' labels.
const AXIS: u32 = 22;

/// A share of the chart's width, written as an SVG length ("37.5%").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percent(pub f64);

impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Three decimals are well below a pixel at any width; trailing zeros are dropped so that
        // the text is the same whichever side writes it.
        let text = format!("{:.3}", self.0);
        let text = text.trim_end_matches('0').trim_end_matches('.');
        write!(f, "{text}%")
    }
}

/// One status' part of a group's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub status: Status,
    pub x: Percent,
    pub width: Percent,
}

/// A group: its label, where its row starts, and its bar's parts, one per stacked status (a
/// status with no target has a part of width 0, so that every part has its place).
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub top: u32,
    pub segments: Vec<Segment>,
}

impl BarRow {
    pub fn label_y(&self) -> u32 {
        self.top + LABEL_BASELINE
    }

    pub fn bar_y(&self) -> u32 {
        self.top + BAR_TOP
    }
}

/// A mark of the value axis, with its gridline.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: Percent,
    pub label: String,
}

/// The whole drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The chart's accessible name and description (SVG `<title>` and `<desc>`).
    pub title: String,
    pub description: String,
    /// The drawing's height in pixels (its width is the box's).
    pub height: u32,
    pub rows: Vec<BarRow>,
    pub ticks: Vec<Tick>,
    /// Pixels from the top to the axis' labels' baseline, and the bottom of the gridlines.
    pub axis_y: u32,
    pub plot_bottom: u32,
    /// The statuses stacked, in order, with their names: the legend.
    pub legend: Vec<(Status, String)>,
}

/// Bar height, for the renderers.
pub const BAR_PX: u32 = BAR_HEIGHT;

/// The id of a status' fill (its colour and pattern) among the drawing's definitions.
pub fn fill_id(status: Status) -> String {
    format!("decal-{}", status.code())
}

/// The pattern drawn over a status' colour, in the spirit of ECharts' decals: what is drawn in
/// one tile (SVG path data, in tile units), the tile's size and its rotation in degrees.
pub struct Decal {
    pub size: u32,
    pub rotate: i32,
    pub path: &'static str,
}

/// Every status has a pattern of its own, so that no two parts of a bar are told apart by
/// colour alone. "No data" stays plain, as the background of the others.
pub fn decal(status: Status) -> Option<Decal> {
    match status {
        // Thin lines, slanted.
        Status::Achieved => Some(Decal {
            size: 6,
            rotate: 30,
            path: "M0 0H6V1.5H0Z",
        }),
        // Dots.
        Status::OnTrack => Some(Decal {
            size: 8,
            rotate: 0,
            path: "M2 1.2a0.8 0.8 0 1 0 0.01 0ZM6 5.2a0.8 0.8 0 1 0 0.01 0Z",
        }),
        // Lines slanted the other way, wider apart.
        Status::AtRisk => Some(Decal {
            size: 7,
            rotate: -45,
            path: "M0 0H7V2H0Z",
        }),
        // A checkerboard.
        Status::OffTrack => Some(Decal {
            size: 8,
            rotate: 0,
            path: "M0 0H4V4H0ZM4 4H8V8H4Z",
        }),
        // A cross-hatch: the year's end missed, heavier than off track.
        Status::Missed => Some(Decal {
            size: 8,
            rotate: 45,
            path: "M0 0H8V1.5H0ZM0 0H1.5V8H0Z",
        }),
        Status::NoData | Status::NeedsBaseline => None,
    }
}

/// A step between the axis' marks that gives at most about ten of them.
fn step(max: f64) -> f64 {
    [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .find(|s| max / s <= 10.0)
        .unwrap_or(max.max(1.0))
}

/// The drawing of a chart of stacked bars (`ChartShape::StackedBars`), from its data. `title`
/// is the chart's title as the page shows it above.
pub fn stacked_bars(data: &ChartData, title: &str, lang: Lang) -> BarChart {
    let total = |i: usize| -> f64 {
        data.series
            .iter()
            .filter_map(|s| s.values.get(i).copied().flatten())
            .sum()
    };
    let largest = (0..data.categories.len()).map(total).fold(0.0, f64::max);
    let step = step(largest);
    // The axis ends at a mark, so that the longest bar ends on a gridline or before it.
    let max = ((largest / step).ceil() * step).max(step);
    let share = |value: f64| Percent(100.0 * value / max);
    let rows: Vec<BarRow> = data
        .categories
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut start = 0.0;
            let segments = data
                .series
                .iter()
                .filter_map(|s| match s.role {
                    SeriesRole::Status(status) => Some((status, s)),
                    _ => None,
                })
                .map(|(status, s)| {
                    let value = s.values.get(i).copied().flatten().unwrap_or(0.0);
                    let segment = Segment {
                        status,
                        x: share(start),
                        width: share(value),
                    };
                    start += value;
                    segment
                })
                .collect();
            BarRow {
                label: label.clone(),
                top: ROW * i as u32,
                segments,
            }
        })
        .collect();
    let plot_bottom = ROW * rows.len() as u32;
    let marks = (max / step).round() as u32;
    let ticks = (0..=marks)
        .map(|k| {
            let value = f64::from(k) * step;
            Tick {
                x: share(value),
                label: format_number(value, 0, lang),
            }
        })
        .collect();
    let legend = data
        .series
        .iter()
        .filter_map(|s| match s.role {
            SeriesRole::Status(status) => Some((status, s.name.clone())),
            _ => None,
        })
        .collect();
    BarChart {
        title: title.to_owned(),
        description: data.summary.clone(),
        height: plot_bottom + AXIS,
        rows,
        ticks,
        axis_y: plot_bottom + AXIS - 6,
        plot_bottom,
        legend,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::groups_chart;
    use crate::plan::{progress_all, Basis, Entry, Period, Plan, Tracking, COUNTED};

    fn chart(tracking: &Tracking) -> (Plan, BarChart) {
        let plan = Plan::embedded().expect("plan");
        let all = progress_all(&plan, tracking);
        let data = groups_chart(&plan, &all, Lang::Vi);
        let chart = stacked_bars(&data, "Tình trạng", Lang::Vi);
        (plan, chart)
    }

    #[test]
    fn lengths_are_written_the_same_way_whoever_writes_them() {
        let check = |value: f64, text: &str| assert_eq!(Percent(value).to_string(), text);
        check(0.0, "0%");
        check(12.5, "12.5%");
        check(100.0, "100%");
        check(100.0 / 3.0, "33.333%");
        check(2.0 / 3.0, "0.667%");
    }

    #[test]
    fn every_group_has_a_bar_as_long_as_its_targets_and_every_status_a_part() {
        let (plan, chart) = chart(&Tracking::default());
        assert_eq!(chart.rows.len(), plan.groups.len());
        let largest = plan
            .groups
            .iter()
            .map(|g| plan.targets.iter().filter(|t| t.group == g.number).count())
            .max()
            .expect("groups");
        for (row, group) in chart.rows.iter().zip(&plan.groups) {
            let count = plan
                .targets
                .iter()
                .filter(|t| t.group == group.number)
                .count();
            assert!(row.label.contains(group.name_vi.as_str()));
            assert_eq!(row.segments.len(), COUNTED.len(), "{}", row.label);
            // With no figures every target has no data: the bar is one grey part.
            let no_data = row.segments.last().expect("segment");
            assert_eq!(no_data.status, Status::NoData);
            assert!((no_data.width.0 - 100.0 * count as f64 / largest as f64).abs() < 1e-9);
            let before_last = row.segments.len() - 1;
            assert!(row.segments[..before_last].iter().all(|s| s.width.0 == 0.0));
        }
        // The axis runs from 0 to the largest group, one mark per target.
        let labels: Vec<&str> = chart.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"0"));
        assert_eq!(labels.last(), Some(&largest.to_string().as_str()));
        assert_eq!(chart.ticks.last().map(|t| t.x), Some(Percent(100.0)));
    }

    #[test]
    fn the_parts_follow_each_other_in_the_legends_order() {
        let plan = Plan::embedded().expect("plan");
        let mut tracking = Tracking::default();
        let id = plan.target("budget-revenue").expect("target").id.clone();
        tracking.upsert_entry(
            &id,
            Entry {
                period: Period::Year,
                basis: Basis::Official,
                value: 1.0e9,
                note: String::new(),
            },
        );
        let (_, chart) = chart(&tracking);
        let group = plan.target("budget-revenue").expect("target").group;
        let index = plan
            .groups
            .iter()
            .position(|g| g.number == group)
            .expect("group");
        let row = &chart.rows[index];
        let achieved = &row.segments[0];
        assert_eq!(achieved.status, Status::Achieved);
        assert!(achieved.width.0 > 0.0);
        for pair in row.segments.windows(2) {
            assert!((pair[1].x.0 - (pair[0].x.0 + pair[0].width.0)).abs() < 1e-9);
        }
        let legend: Vec<Status> = chart.legend.iter().map(|(s, _)| *s).collect();
        let parts: Vec<Status> = row.segments.iter().map(|s| s.status).collect();
        assert_eq!(legend, parts);
    }

    #[test]
    fn every_status_drawn_but_no_data_has_a_pattern_of_its_own() {
        let (_, chart) = chart(&Tracking::default());
        let patterns: Vec<&str> = chart
            .legend
            .iter()
            .filter_map(|(s, _)| decal(*s).map(|d| d.path))
            .collect();
        assert_eq!(patterns.len(), chart.legend.len() - 1);
        let mut unique = patterns.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), patterns.len());
        assert!(decal(Status::NoData).is_none());
    }

    #[test]
    fn the_axis_steps_keep_about_ten_marks() {
        let check = |max: f64, expected: f64| assert_eq!(step(max), expected, "{max}");
        check(0.0, 1.0);
        check(8.0, 1.0);
        check(10.0, 1.0);
        check(11.0, 2.0);
        check(48.0, 5.0);
    }
}
