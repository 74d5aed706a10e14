//! The option object ECharts reads, made of charming's own parts from a [`ChartData`]: the axes
//! (the value axis bounded as `axis.rs` chose, named with its unit and, where lower is better,
//! with that), the series (lines, and bars for a period's own figures and for the structure),
//! the legend, and the tooltips.
//!
//! A tooltip is drawn by ECharts on the canvas (`renderMode: 'richText'`), from a template of
//! the series' name and the point's name, both plain text made in Rust ([`SeriesData::tips`]):
//! no HTML is built for it, no user's note is in it, and no formatter is a function made from
//! text (the page's Content-Security-Policy has no 'unsafe-eval').

use charming::component::{Axis, Grid, Legend};
use charming::datatype::{CompositeValue, DataPoint, DataPointItem};
use charming::element::{
    AxisLabel, AxisType, Color, ItemStyle, LineStyle, LineStyleType, NameLocation, SplitLine,
    Symbol, TextStyle, Tooltip, Trigger,
};
use charming::series::{Bar, Line};
use charming::Chart;
use serde::Serialize;

use super::{ChartData, ChartShape, SeriesData, SeriesRole, ValueAxis};

/// The tooltip's text: the series' name over the point's name (period, kind and value). ECharts
/// fills the template and escapes it; our names hold no markup or braces to escape.
pub const TOOLTIP_TEMPLATE: &str = "{a}\n{b}";

/// Characters per line of a category's label under grouped bars, on a narrow screen and a wide
/// one: a label is broken between words to fit, and every label is shown.
const LABEL_CHARS: (usize, usize) = (9, 18);

/// The height of a line of a category's label under grouped bars, in pixels (12 px text).
const LABEL_LINE_HEIGHT: u32 = 16;

/// The width the legend may take, in pixels, on a narrow screen and a wide one, and the height
/// of one of its rows: the grid keeps room below for as many rows as the names need.
const LEGEND_WIDTH: (f64, f64) = (300.0, 640.0);
const LEGEND_ROW: i32 = 24;

/// The option object as ECharts reads it, made of charming's own parts. Serialising a whole
/// charming `Chart` would compile the serialiser of every chart type and component ECharts has
/// (about 125 KB of WASM, 43 KB gzip, measured: BENCHMARKS.md); these few parts are all the app draws.
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
    #[serde(skip_serializing_if = "Option::is_none")]
    tooltip: Option<TooltipPart>,
    aria: Aria,
}

/// One drawn series: only the two kinds the app uses.
#[derive(Serialize)]
#[serde(untagged)]
enum SeriesPart {
    Line(Box<Line>),
    Bar(Box<Bar>),
}

/// charming's tooltip and what it cannot say: drawn on the canvas as plain text, kept inside
/// the chart (a phone's screen), and the text's colour for the colour scheme.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TooltipPart {
    #[serde(flatten)]
    base: Tooltip,
    render_mode: &'static str,
    confine: bool,
    text_style: TextStyle,
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
    tooltip: Option<(Tooltip, TextStyle)>,
}

impl ChartData {
    /// The option object ECharts reads, as JSON: the chart's parts with ECharts' `aria` on,
    /// and the tooltip drawn as plain text on the canvas.
    pub fn to_option_json(&self, dark: bool, narrow: bool) -> String {
        let parts = self.parts(dark, narrow);
        let option = EchartsOption {
            animation: false,
            legend: parts.legend,
            grid: [parts.grid],
            x_axis: parts.x_axis,
            y_axis: parts.y_axis,
            series: parts.series,
            tooltip: parts.tooltip.map(|(base, text_style)| TooltipPart {
                base,
                render_mode: "richText",
                confine: true,
                text_style,
            }),
            aria: Aria {
                decal: Decal { show: true },
                enabled: true,
                label: AriaLabel {
                    description: self.summary.clone(),
                },
            },
        };
        let Ok(mut json) = serde_json::to_value(&option) else {
            return String::new();
        };
        if self.shape == ChartShape::GroupedBars {
            // A sector's name broken over two lines needs a line height: without one ECharts 6
            // draws the second line over the first. charming's axis label has no such field.
            json["xAxis"]["axisLabel"]["lineHeight"] = serde_json::Value::from(LABEL_LINE_HEIGHT);
        }
        json.to_string()
    }

    /// The same chart as a charming `Chart`, without `aria` and without what charming's
    /// tooltip cannot say (see [`ChartData::to_option_json`]). The app draws from
    /// `to_option_json`; this stays for charming's other renderers and for the test that both
    /// give the same option.
    pub fn to_chart(&self, dark: bool, narrow: bool) -> Chart {
        let parts = self.parts(dark, narrow);
        let mut chart = Chart::new()
            .animation(false)
            .legend(parts.legend)
            .grid(parts.grid)
            .x_axis(parts.x_axis)
            .y_axis(parts.y_axis);
        if let Some((tooltip, _)) = parts.tooltip {
            chart = chart.tooltip(tooltip);
        }
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
        let category_axis = Axis::new().type_(AxisType::Category);
        let value_axis = Axis::new()
            .type_(AxisType::Value)
            .axis_label(label.clone())
            .name_text_style(charming::element::TextStyle::new().color(text))
            .split_line(SplitLine::new().line_style(LineStyle::new().color(rule)));
        let legend = Legend::new()
            .bottom(0)
            .text_style(charming::element::TextStyle::new().color(text));
        let grid = Grid::new().left(8).right(16).top(32).contain_label(true);
        let (x_axis, y_axis, grid) = match self.shape {
            // The overview's chart, as it was: its value axis counts targets from zero.
            ChartShape::StackedBars => (
                value_axis.min_interval(1.0),
                category_axis
                    .axis_label(label)
                    .data(categories)
                    .inverse(true),
                grid.bottom(48),
            ),
            ChartShape::Lines | ChartShape::GroupedBars => {
                let category_axis = if self.shape == ChartShape::GroupedBars {
                    // Four sectors: every name is shown, broken between words to fit.
                    let width = if narrow { LABEL_CHARS.0 } else { LABEL_CHARS.1 };
                    category_axis
                        .axis_label(label.interval(0.0))
                        .data(categories.iter().map(|c| wrap(c, width)).collect())
                } else {
                    category_axis.axis_label(label).data(categories)
                };
                let value_axis = value_axis
                    .name(self.axis_name.clone())
                    .name_location(NameLocation::End)
                    // The name starts at the axis and runs right, so a long one is not cut at
                    // the chart's left edge.
                    .name_text_style(TextStyle::new().color(text).align("left"));
                let value_axis = match self.value_axis {
                    ValueAxis::FromZero => value_axis.min(0),
                    ValueAxis::Band { min, max, interval } => {
                        value_axis.min(min).max(max).interval(interval)
                    }
                };
                let width = if narrow {
                    LEGEND_WIDTH.0
                } else {
                    LEGEND_WIDTH.1
                };
                let rows = legend_rows(self.series.iter().map(|s| s.name.as_str()), width);
                (
                    category_axis,
                    value_axis,
                    grid.bottom(LEGEND_ROW * (rows + 1)),
                )
            }
        };
        let series =
            self.series
                .iter()
                .map(|s| {
                    let color = Color::from(s.role.color());
                    match (self.shape, s.role) {
                        (ChartShape::Lines, SeriesRole::OwnPeriod)
                        | (ChartShape::GroupedBars, _) => SeriesPart::Bar(Box::new(
                            Bar::new()
                                .name(s.name.clone())
                                .item_style(ItemStyle::new().color(color))
                                .data(points(s)),
                        )),
                        (ChartShape::Lines, _) => SeriesPart::Line(Box::new(line(s, color))),
                        (ChartShape::StackedBars, _) => SeriesPart::Bar(Box::new(
                            Bar::new()
                                .name(s.name.clone())
                                .stack("status")
                                .item_style(ItemStyle::new().color(color))
                                .data(s.values.clone()),
                        )),
                    }
                })
                .collect();
        let tooltip = match self.shape {
            ChartShape::StackedBars => None,
            ChartShape::Lines | ChartShape::GroupedBars => {
                let (background, border) = if dark {
                    ("#1d2430", "#5b6778")
                } else {
                    ("#ffffff", "#8a94a3")
                };
                Some((
                    Tooltip::new()
                        .trigger(Trigger::Item)
                        .formatter(TOOLTIP_TEMPLATE)
                        .background_color(background)
                        .border_color(border),
                    TextStyle::new().color(text),
                ))
            }
        };
        Parts {
            legend,
            grid,
            x_axis,
            y_axis,
            series,
            tooltip,
        }
    }
}

/// A series' values with their tooltips' names: a point with a tip is an item named by it.
fn points(s: &SeriesData) -> Vec<DataPoint> {
    s.values
        .iter()
        .enumerate()
        .map(
            |(i, value)| match (value, s.tips.get(i).cloned().flatten()) {
                (Some(v), Some(tip)) => DataPoint::Item(DataPointItem::new(*v).name(tip)),
                (value, _) => DataPoint::Value(CompositeValue::from(*value)),
            },
        )
        .collect()
}

fn line(s: &SeriesData, color: Color) -> Line {
    let (width, kind, symbol, size) = match s.role {
        SeriesRole::Actual => (3.0, LineStyleType::Solid, Symbol::Circle, 8.0),
        SeriesRole::Plan | SeriesRole::Expected => (2.0, LineStyleType::Dashed, Symbol::None, 8.0),
        SeriesRole::Forecast => (2.0, LineStyleType::Dashed, Symbol::Diamond, 8.0),
        // The year before: thin and dotted, behind this year's figures.
        SeriesRole::PriorYear => (
            1.5,
            LineStyleType::Dotted,
            Symbol::Custom("emptyCircle".to_owned()),
            6.0,
        ),
        SeriesRole::OwnPeriod | SeriesRole::Status(_) => {
            (2.0, LineStyleType::Solid, Symbol::None, 8.0)
        }
    };
    let line = Line::new()
        .name(s.name.clone())
        .symbol(symbol)
        .symbol_size(size)
        .connect_nulls(true)
        .line_style(
            LineStyle::new()
                .color(color.clone())
                .width(width)
                .type_(kind),
        )
        .item_style(ItemStyle::new().color(color))
        .data(points(s));
    // This year's figures are drawn over the bars of the periods' own figures.
    match s.role {
        SeriesRole::Actual => line.z(3),
        _ => line,
    }
}

/// How many rows the legend takes for these names in `width` pixels: ECharts' plain legend puts
/// an item (a 25 px mark, a gap, the name at about 7 px a character, 10 px to the next) after
/// another and wraps.
fn legend_rows<'a>(names: impl Iterator<Item = &'a str>, width: f64) -> i32 {
    let mut rows = 1;
    let mut x = 0.0;
    for name in names {
        let item = 40.0 + 7.0 * name.chars().count() as f64;
        if x > 0.0 && x + item > width {
            rows += 1;
            x = item;
        } else {
            x += item;
        }
    }
    rows
}

/// Breaks `text` between words into as few lines of at most `width` characters as the words
/// allow, as even as they can be ("công nghiệp\nvà xây dựng", not "công nghiệp và xây\ndựng").
fn wrap(text: &str, width: usize) -> String {
    let length = text.chars().count();
    if length <= width {
        return text.to_owned();
    }
    let lines = length.div_ceil(width);
    (length.div_ceil(lines)..=width)
        .map(|target| greedy(text, target))
        .find(|broken| broken.len() <= lines)
        .unwrap_or_else(|| greedy(text, width))
        .join("\n")
}

/// Fills lines of at most `width` characters word by word (a longer word has a line alone).
fn greedy(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

#[cfg(test)]
mod tests;
