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

use crate::plan::Status;

// The value axis, chosen so that a small gap looks small; and the option ECharts reads (the
// same as a charming `Chart`).
mod axis;
mod option;

pub use axis::{Scale, ValueAxis, BAND_MARGIN};

/// What a series stands for; it decides colour and line style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesRole {
    Actual,
    Plan,
    Expected,
    Forecast,
    /// A month's or a quarter's own figure, beside a flow's line from January: bars.
    OwnPeriod,
    /// The year before the plan: 2022's figures of the same periods, or of its whole year.
    PriorYear,
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
            SeriesRole::OwnPeriod => "#E69F00",
            SeriesRole::PriorYear => "#CC79A7",
            SeriesRole::Status(status) => status_color(status),
        }
    }
}

/// The colour of each status in the charts (Okabe–Ito). The stylesheet's badges use darker
/// shades of the same hues, so that their words read at 4,5:1 (`palette_check`).
pub fn status_color(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#009E73",
        Status::OnTrack => "#56B4E9",
        Status::AtRisk => "#E69F00",
        Status::OffTrack => "#D55E00",
        Status::Missed => "#8B1A2F",
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
    /// Per value, what its tooltip says under the series' name, as plain text made here from
    /// the period, the kind of figure and the value ("9 tháng · ước: 124,12 nghìn tấn"); never
    /// a user's note. Empty for a chart without tooltips.
    pub tips: Vec<Option<String>>,
}

/// Which way a target's figures should go, said on its chart when lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    /// Below, reduce to, reduce by: the chart says "Thấp hơn là tốt hơn".
    Lower,
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
    /// The unit of the values, for the data table's corner.
    pub unit: String,
    /// The value axis' name: the unit, and "thấp hơn là tốt hơn" where lower is better.
    pub axis_name: String,
    /// Where the value axis starts and ends; the caption says it.
    pub value_axis: ValueAxis,
    /// Which way the figures should go, where the chart says it.
    pub better: Option<Better>,
    /// A sentence that says what the chart shows, for screen readers and as a caption.
    pub summary: String,
    /// Decimals the values are shown with in the table.
    pub decimals: u8,
}

// The palette, checked under colour-blindness simulations.
#[cfg(test)]
mod palette_check;
