//! Charts as data: pure builders that turn the plan and the figures into [`ChartData`] (the
//! series, a one-sentence summary and a table for screen readers), and that into a charming
//! `Chart`. The browser side (loading ECharts, drawing) lives in `echarts.rs`.

mod build;
#[cfg(target_arch = "wasm32")]
pub mod echarts;

pub use build::{groups_chart, structure_chart, target_chart};

use charming::component::{Axis, Grid, Legend};
use charming::element::{
    AxisLabel, AxisType, Color, ItemStyle, LineStyle, LineStyleType, SplitLine, Symbol,
};
use charming::series::{Bar, Line};
use charming::Chart;

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

impl ChartData {
    /// The option object ECharts reads, as JSON: the charming chart with ECharts' `aria` on
    /// (a generated description and decal patterns beside the colours).
    pub fn to_option_json(&self, dark: bool, narrow: bool) -> String {
        let mut option = serde_json::to_value(self.to_chart(dark, narrow)).unwrap_or_default();
        // charming writes `aria.decal.decals: []` and `label: null`, on which ECharts 6 throws;
        // the option is set here instead.
        if let Some(map) = option.as_object_mut() {
            map.insert(
                "aria".to_owned(),
                serde_json::json!({ "enabled": true, "decal": { "show": true } }),
            );
        }
        option.to_string()
    }

    /// The charming chart without `aria` (see [`ChartData::to_option_json`]).
    pub fn to_chart(&self, dark: bool, narrow: bool) -> Chart {
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
        let mut chart = Chart::new()
            .animation(false)
            .legend(
                Legend::new()
                    .bottom(0)
                    .text_style(charming::element::TextStyle::new().color(text)),
            )
            .grid(
                Grid::new()
                    .left(8)
                    .right(16)
                    .top(32)
                    .bottom(48)
                    .contain_label(true),
            );
        chart = match self.shape {
            ChartShape::StackedBars => chart
                .x_axis(value_axis.min_interval(1.0))
                .y_axis(category_axis.inverse(true)),
            ChartShape::Lines | ChartShape::GroupedBars => chart
                .x_axis(category_axis)
                .y_axis(value_axis.name(self.unit.clone()).scale(true)),
        };
        for s in &self.series {
            let color = Color::from(s.role.color());
            chart = match self.shape {
                ChartShape::Lines => chart.series(line(s, color)),
                ChartShape::StackedBars => chart.series(
                    Bar::new()
                        .name(s.name.clone())
                        .stack("status")
                        .item_style(ItemStyle::new().color(color))
                        .data(s.values.clone()),
                ),
                ChartShape::GroupedBars => chart.series(
                    Bar::new()
                        .name(s.name.clone())
                        .item_style(ItemStyle::new().color(color))
                        .data(s.values.clone()),
                ),
            };
        }
        chart
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
