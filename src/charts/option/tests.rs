//! The option ECharts reads: the same as charming's chart (with what charming cannot say), the
//! value axis bounded from Rust, tooltips of plain text drawn on the canvas, bars for a
//! period's own figures, room for the legend, and every series drawn exactly as the data table
//! lists it.

use super::*;
use crate::charts::{Better, SeriesData};
use serde_json::{json, Value};

fn series(name: &str, role: SeriesRole, values: Vec<Option<f64>>) -> SeriesData {
    let tips = values
        .iter()
        .map(|v| v.map(|v| format!("{name}: {v}")))
        .collect();
    SeriesData {
        name: name.to_owned(),
        role,
        values,
        tips,
    }
}

fn data(shape: ChartShape) -> ChartData {
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
        axis_name: "%".to_owned(),
        value_axis: ValueAxis::Band {
            min: 0.0,
            max: 10.0,
            interval: 2.0,
        },
        better: Some(Better::Higher),
        summary: "Tóm tắt.".to_owned(),
        decimals: 1,
    }
}

fn option(chart: &ChartData, dark: bool, narrow: bool) -> Value {
    serde_json::from_str(&chart.to_option_json(dark, narrow)).unwrap_or_default()
}

/// The option drawn from the parts must be exactly the whole charming chart plus `aria` and what
/// charming's tooltip cannot say.
#[test]
fn the_option_from_parts_is_the_charming_chart_with_aria_and_a_text_tooltip() {
    let check = |shape: ChartShape, dark: bool, narrow: bool| {
        let chart = data(shape);
        let mut whole = serde_json::to_value(chart.to_chart(dark, narrow)).unwrap_or_default();
        if let Some(map) = whole.as_object_mut() {
            map.insert(
                "aria".to_owned(),
                json!({
                    "enabled": true,
                    "decal": { "show": true },
                    "label": { "description": chart.summary },
                }),
            );
            if let Some(Value::Object(tooltip)) = map.get_mut("tooltip") {
                tooltip.insert("renderMode".to_owned(), json!("richText"));
                tooltip.insert("confine".to_owned(), json!(true));
                let text = if dark { "#e6e6e6" } else { "#333333" };
                tooltip.insert("textStyle".to_owned(), json!({ "color": text }));
            }
        }
        if shape == ChartShape::GroupedBars {
            whole["xAxis"]["axisLabel"]["lineHeight"] = json!(LABEL_LINE_HEIGHT);
        }
        let parts = option(&chart, dark, narrow);
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

#[test]
fn tooltips_are_plain_text_from_rust_drawn_on_the_canvas() {
    for shape in [ChartShape::Lines, ChartShape::GroupedBars] {
        let chart = data(shape);
        let option = option(&chart, false, false);
        let tooltip = &option["tooltip"];
        assert_eq!(tooltip["renderMode"], "richText", "{shape:?}");
        assert_eq!(tooltip["trigger"], "item");
        assert_eq!(tooltip["formatter"], TOOLTIP_TEMPLATE);
        assert_eq!(tooltip["confine"], true);
        // A point with a figure is an item named by its tooltip; one without is null.
        assert_eq!(
            option["series"][0]["data"],
            json!([{ "value": 1.5, "name": "Thực hiện: 1.5" }, null])
        );
    }
    // The overview's chart keeps no tooltip.
    assert!(option(&data(ChartShape::StackedBars), false, false)
        .get("tooltip")
        .is_none());
    // No formatter anywhere is a function: the option is data.
    let json = data(ChartShape::Lines).to_option_json(true, true);
    assert!(!json.contains("function") && !json.contains("=>"), "{json}");
}

#[test]
fn the_value_axis_is_bounded_from_rust() {
    let check = |axis: ValueAxis, name: &str, expected: Value| {
        let mut chart = data(ChartShape::Lines);
        chart.value_axis = axis;
        chart.axis_name = name.to_owned();
        let y = &option(&chart, false, true)["yAxis"];
        assert_eq!(y["type"], "value");
        for key in ["min", "max", "interval", "name"] {
            assert_eq!(y[key], expected[key], "{key} of {axis:?}");
        }
        // ECharts' `scale` would fit the axis to the data again.
        assert!(y.get("scale").is_none());
        assert_eq!(y["nameTextStyle"]["align"], "left");
    };
    check(
        ValueAxis::FromZero,
        "nghìn tấn",
        json!({ "min": 0, "max": null, "interval": null, "name": "nghìn tấn" }),
    );
    check(
        ValueAxis::Band {
            min: 46.0,
            max: 58.0,
            interval: 2.0,
        },
        "%",
        json!({ "min": 46.0, "max": 58.0, "interval": 2.0, "name": "%" }),
    );
    check(
        ValueAxis::Band {
            min: 10.0,
            max: 24.0,
            interval: 2.0,
        },
        "% · thấp hơn là tốt hơn",
        json!({ "min": 10.0, "max": 24.0, "interval": 2.0, "name": "% · thấp hơn là tốt hơn" }),
    );
}

#[test]
fn own_figures_are_bars_under_the_line_of_the_year_to_date() {
    let mut chart = data(ChartShape::Lines);
    chart.series.push(series(
        "Riêng quý",
        SeriesRole::OwnPeriod,
        vec![None, Some(0.8)],
    ));
    chart.series.push(series(
        "Cùng kỳ 2022",
        SeriesRole::PriorYear,
        vec![Some(1.2), Some(2.2)],
    ));
    let option = option(&chart, false, false);
    let kinds: Vec<(&str, &str)> = option["series"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|s| {
                    (
                        s["name"].as_str().unwrap_or_default(),
                        s["type"].as_str().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        kinds,
        [
            ("Thực hiện", "line"),
            ("Kế hoạch", "line"),
            ("Dự báo", "line"),
            ("Riêng quý", "bar"),
            ("Cùng kỳ 2022", "line"),
        ]
    );
    assert_eq!(option["series"][0]["z"], 3);
    assert_eq!(option["series"][4]["lineStyle"]["type"], "dotted");
}

/// The data table (the chart's text alternative) lists `ChartData`'s series and values; the
/// picture must draw exactly those, no more and no fewer, in the same order.
#[test]
fn every_series_drawn_is_a_column_of_the_data_table() {
    for shape in [ChartShape::Lines, ChartShape::GroupedBars] {
        let mut chart = data(shape);
        chart.series.push(series(
            "Riêng quý",
            SeriesRole::OwnPeriod,
            vec![None, Some(0.8)],
        ));
        let option = option(&chart, false, true);
        let drawn = option["series"].as_array().cloned().unwrap_or_default();
        assert_eq!(drawn.len(), chart.series.len());
        for (drawn, listed) in drawn.iter().zip(&chart.series) {
            assert_eq!(drawn["name"], listed.name.as_str());
            let values: Vec<Option<f64>> = drawn["data"]
                .as_array()
                .map(|points| {
                    points
                        .iter()
                        .map(|p| p.get("value").unwrap_or(p).as_f64())
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(values, listed.values, "{}", listed.name);
        }
    }
}

#[test]
fn the_grid_keeps_room_for_every_row_of_the_legend() {
    let rows = |names: &[&str], width: f64| legend_rows(names.iter().copied(), width);
    let grain = [
        "Thực hiện (lũy kế)",
        "Kế hoạch",
        "Tiến độ cần đạt (theo cùng kỳ 2022)",
        "Cùng kỳ 2022",
        "Dự báo",
    ];
    assert_eq!(rows(&["Thực hiện", "Kế hoạch"], LEGEND_WIDTH.0), 1);
    assert_eq!(rows(&grain, LEGEND_WIDTH.1), 2);
    assert_eq!(rows(&grain, LEGEND_WIDTH.0), 3);
    let mut chart = data(ChartShape::Lines);
    assert_eq!(option(&chart, false, true)["grid"][0]["bottom"], 48);
    chart.series = grain
        .iter()
        .map(|n| series(n, SeriesRole::Plan, vec![Some(1.0), None]))
        .collect();
    assert_eq!(option(&chart, false, true)["grid"][0]["bottom"], 96);
    assert_eq!(option(&chart, false, false)["grid"][0]["bottom"], 72);
}

#[test]
fn long_labels_break_evenly_between_words() {
    let check = |text: &str, width: usize, expected: &str| {
        assert_eq!(wrap(text, width), expected, "{text} in {width}");
    };
    check("dịch vụ", 18, "dịch vụ");
    check("công nghiệp và xây dựng", 18, "công nghiệp\nvà xây dựng");
    check(
        "nông, lâm nghiệp và thủy sản",
        18,
        "nông, lâm nghiệp\nvà thủy sản",
    );
    check("Nông nghiệp", 9, "Nông\nnghiệp");
    check("Agriculture", 9, "Agriculture");
    check("a b c d e f", 3, "a b\nc d\ne f");
}
