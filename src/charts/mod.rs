//! Charts as data: pure builders that turn the plan and the figures into [`ChartData`] (the
//! series, a one-sentence summary and a table for screen readers), and that into a charming
//! `Chart`, or for the chart by group into an SVG description (`svg.rs`). The browser side lives
//! in `echarts.rs` (loading ECharts, drawing) and `bars_png.rs` (the SVG chart as a PNG).

#[cfg(target_arch = "wasm32")]
pub mod bars_png;
mod build;
#[cfg(target_arch = "wasm32")]
pub mod echarts;
pub mod svg;

pub use build::{groups_chart, structure_chart, target_chart};

use charming::component::{Axis, Grid, Legend};
use charming::element::{
    AxisLabel, AxisType, Color, ItemStyle, LineStyle, LineStyleType, SplitLine, Symbol,
};
use charming::series::{Bar, Line};
use charming::Chart;
use serde::Serialize;

use crate::plan::Status;

/// What a series stands for; it decides colour and line style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesRole {
    Actual,
    Plan,
    Expected,
    Forecast,
    Status(Status),
}

impl SeriesRole {
    /// Colours from the Okabe–Ito palette, told apart by people with colour-blindness; the
    /// decal patterns ECharts adds with `aria` carry the meaning too.
    pub fn color(self) -> &'static str {
        match self {
            SeriesRole::Actual => "#0072B2",
            SeriesRole::Plan => "#D55E00",
            SeriesRole::Expected => "#777777",
            SeriesRole::Forecast => "#56B4E9",
            SeriesRole::Status(status) => status_color(status),
        }
    }
}

/// The colour of each status, shared by the charts and the stylesheet's badges.
pub fn status_color(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#009E73",
        Status::OnTrack => "#56B4E9",
        Status::AtRisk => "#E69F00",
        Status::OffTrack => "#D55E00",
        Status::NoData => "#999999",
        Status::NeedsBaseline => "#CC79A7",
    }
}

/// One series: a name and a value per category (`None` where there is no figure).
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesData {
    pub name: String,
    pub role: SeriesRole,
    pub values: Vec<Option<f64>>,
}

/// How the series are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartShape {
    /// Lines over the months of the year.
    Lines,
    /// Horizontal bars stacked per category (status counts per group).
    StackedBars,
    /// Bars side by side per category (plan and actual structure).
    GroupedBars,
}

/// A chart before it is drawn: everything needed for the picture, its text alternative and its
/// data table.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub shape: ChartShape,
    pub categories: Vec<String>,
    /// Shorter category labels for a narrow screen, where there are such.
    pub short_categories: Option<Vec<String>>,
    pub series: Vec<SeriesData>,
    /// The unit of the values, for the axis.
    pub unit: String,
    /// A sentence that says what the chart shows, for screen readers and as a caption.
    pub summary: String,
    /// Decimals the values are shown with in the table.
    pub decimals: u8,
}

/// The option object as ECharts reads it, made of charming's own parts. Serialising a whole
/// charming `Chart` would compile the serialiser of every chart type and component ECharts has
/// (about 125 KB of WASM, 43 KB gzip, measured for issue 7); these few parts are all the app draws.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EchartsOption {
    animation: bool,
    legend: Legend,
    /// charming writes `grid` as a list; kept so, so both ways give the same option.
    grid: [Grid; 1],
    x_axis: Axis,
    y_axis: Axis,
    series: Vec<SeriesPart>,
    aria: Aria,
}

/// One drawn series: only the two kinds the app uses.
#[derive(Serialize)]
#[serde(untagged)]
enum SeriesPart {
    Line(Box<Line>),
    Bar(Box<Bar>),
}

/// ECharts' `aria`: decal patterns beside the colours, and the chart's accessible name. charming's
/// own writes `aria.decal.decals: []` and `label: null`, on which ECharts 6 throws.
#[derive(Serialize)]
struct Aria {
    decal: Decal,
    enabled: bool,
    label: AriaLabel,
}

/// ECharts would otherwise generate an English description ("This is a chart…", with NaN for
/// stacked bars) whatever the page's language; the summary sentence says it in the reader's.
#[derive(Serialize)]
struct AriaLabel {
    description: String,
}

#[derive(Serialize)]
struct Decal {
    show: bool,
}

/// The parts of a chart, shared by [`ChartData::to_option_json`] and [`ChartData::to_chart`].
struct Parts {
    legend: Legend,
    grid: Grid,
    x_axis: Axis,
    y_axis: Axis,
    series: Vec<SeriesPart>,
}

impl ChartData {
    /// The option object ECharts reads, as JSON: the chart's parts with ECharts' `aria` on.
    pub fn to_option_json(&self, dark: bool, narrow: bool) -> String {
        let parts = self.parts(dark, narrow);
        let option = EchartsOption {
            animation: false,
            legend: parts.legend,
            grid: [parts.grid],
            x_axis: parts.x_axis,
            y_axis: parts.y_axis,
            series: parts.series,
            aria: Aria {
                decal: Decal { show: true },
                enabled: true,
                label: AriaLabel {
                    description: self.summary.clone(),
                },
            },
        };
        serde_json::to_string(&option).unwrap_or_default()
    }

    /// The same chart as a charming `Chart`, without `aria` (see [`ChartData::to_option_json`]).
    /// The app draws from `to_option_json`; this stays for charming's other renderers and for
    /// the test that both give the same option.
    pub fn to_chart(&self, dark: bool, narrow: bool) -> Chart {
        let parts = self.parts(dark, narrow);
        let mut chart = Chart::new()
            .animation(false)
            .legend(parts.legend)
            .grid(parts.grid)
            .x_axis(parts.x_axis)
            .y_axis(parts.y_axis);
        for series in parts.series {
            chart = match series {
                SeriesPart::Line(line) => chart.series(*line),
                SeriesPart::Bar(bar) => chart.series(*bar),
            };
        }
        chart
    }

    fn parts(&self, dark: bool, narrow: bool) -> Parts {
        let categories = match (&self.short_categories, narrow) {
            (Some(short), true) => short.clone(),
            _ => self.categories.clone(),
        };
        let (text, rule) = if dark {
            ("#e6e6e6", "#3a4656")
        } else {
            ("#333333", "#e3e7ec")
        };
        let label = AxisLabel::new().color(text);
        let category_axis = Axis::new()
            .type_(AxisType::Category)
            .axis_label(label.clone())
            .data(categories);
        let value_axis = Axis::new()
            .type_(AxisType::Value)
            .axis_label(label)
            .name_text_style(charming::element::TextStyle::new().color(text))
            .split_line(SplitLine::new().line_style(LineStyle::new().color(rule)));
        let legend = Legend::new()
            .bottom(0)
            .text_style(charming::element::TextStyle::new().color(text));
        let grid = Grid::new()
            .left(8)
            .right(16)
            .top(32)
            .bottom(48)
            .contain_label(true);
        let (x_axis, y_axis) = match self.shape {
            ChartShape::StackedBars => (value_axis.min_interval(1.0), category_axis.inverse(true)),
            ChartShape::Lines | ChartShape::GroupedBars => (
                category_axis,
                value_axis.name(self.unit.clone()).scale(true),
            ),
        };
        let series = self
            .series
            .iter()
            .map(|s| {
                let color = Color::from(s.role.color());
                match self.shape {
                    ChartShape::Lines => SeriesPart::Line(Box::new(line(s, color))),
                    ChartShape::StackedBars => SeriesPart::Bar(Box::new(
                        Bar::new()
                            .name(s.name.clone())
                            .stack("status")
                            .item_style(ItemStyle::new().color(color))
                            .data(s.values.clone()),
                    )),
                    ChartShape::GroupedBars => SeriesPart::Bar(Box::new(
                        Bar::new()
                            .name(s.name.clone())
                            .item_style(ItemStyle::new().color(color))
                            .data(s.values.clone()),
                    )),
                }
            })
            .collect();
        Parts {
            legend,
            grid,
            x_axis,
            y_axis,
            series,
        }
    }
}

fn line(s: &SeriesData, color: Color) -> Line {
    let dashed = matches!(
        s.role,
        SeriesRole::Plan | SeriesRole::Expected | SeriesRole::Forecast
    );
    let style = LineStyle::new()
        .color(color.clone())
        .width(if s.role == SeriesRole::Actual { 3 } else { 2 })
        .type_(if dashed {
            LineStyleType::Dashed
        } else {
            LineStyleType::Solid
        });
    let symbol = match s.role {
        SeriesRole::Actual => Symbol::Circle,
        SeriesRole::Forecast => Symbol::Diamond,
        SeriesRole::Plan | SeriesRole::Expected | SeriesRole::Status(_) => Symbol::None,
    };
    Line::new()
        .name(s.name.clone())
        .symbol(symbol)
        .symbol_size(8)
        .connect_nulls(true)
        .line_style(style)
        .item_style(ItemStyle::new().color(color))
        .data(s.values.clone())
}

// issue 8: the palette checked under colour-blindness simulations.
#[cfg(test)]
mod palette_check;

#[cfg(test)]
mod tests {
    use super::*;

    fn data(shape: ChartShape) -> ChartData {
        let series = |name: &str, role, values: Vec<Option<f64>>| SeriesData {
            name: name.to_owned(),
            role,
            values,
        };
        ChartData {
            shape,
            categories: vec!["Một".to_owned(), "Hai".to_owned()],
            short_categories: Some(vec!["1".to_owned(), "2".to_owned()]),
            series: vec![
                series("Thực hiện", SeriesRole::Actual, vec![Some(1.5), None]),
                series("Kế hoạch", SeriesRole::Plan, vec![Some(2.0), Some(3.0)]),
                series("Dự báo", SeriesRole::Forecast, vec![None, Some(2.5)]),
            ],
            unit: "%".to_owned(),
            summary: String::new(),
            decimals: 1,
        }
    }

    /// The option drawn from the parts must be exactly the whole charming chart plus `aria`.
    #[test]
    fn the_option_from_parts_is_the_charming_chart_with_aria() {
        let check = |shape: ChartShape, dark: bool, narrow: bool| {
            let chart = data(shape);
            let mut whole = serde_json::to_value(chart.to_chart(dark, narrow)).unwrap_or_default();
            if let Some(map) = whole.as_object_mut() {
                map.insert(
                    "aria".to_owned(),
                    serde_json::json!({
                        "enabled": true,
                        "decal": { "show": true },
                        "label": { "description": chart.summary },
                    }),
                );
            }
            let parts: serde_json::Value =
                serde_json::from_str(&chart.to_option_json(dark, narrow)).unwrap_or_default();
            assert_eq!(parts, whole, "{shape:?} dark={dark} narrow={narrow}");
            assert!(parts["series"].as_array().is_some_and(|s| s.len() == 3));
        };
        for shape in [
            ChartShape::Lines,
            ChartShape::StackedBars,
            ChartShape::GroupedBars,
        ] {
            for (dark, narrow) in [(false, false), (true, true)] {
                check(shape, dark, narrow);
            }
        }
    }
}
