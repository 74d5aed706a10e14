//! The overview's chart of statuses by group, pre-rendered: the SVG drawing of
//! `charts::svg::stacked_bars`, its legend and its data table, the same markup as the app's
//! `GroupsChart` component, with every value that depends on the figures named for the first
//! paint (the bars' positions and lengths, the caption, the table's counts).

use super::writer::{Slot, Writer};
use crate::charts::svg::{decal, fill_id, stacked_bars, BarChart, BAR_PX};
use crate::charts::{groups_chart, status_color, ChartData};
use crate::i18n::{Lang, Msg};
use crate::plan::number::format_number;
use crate::plan::{Plan, Progress};

/// The ids of the drawing's title and description, which name and describe it for assistive
/// technology (the description is the caption's sentence).
pub const TITLE_ID: &str = "groups-chart-title";
pub const DESC_ID: &str = "groups-chart-desc";

/// The colour and pattern of every status drawn, as SVG `<pattern>`s, in the drawing's
/// `<defs>`: markup with no values that depend on the language or the figures.
fn patterns(chart: &BarChart) -> String {
    chart
        .legend
        .iter()
        .map(|(status, _)| {
            let color = status_color(*status);
            match decal(*status) {
                Some(d) => format!(
                    "<pattern id=\"{id}\" width=\"{s}\" height=\"{s}\" patternUnits=\"userSpaceOnUse\" \
                     patternTransform=\"rotate({r})\"><rect width=\"{s}\" height=\"{s}\" fill=\"{color}\"></rect>\
                     <path d=\"{p}\" fill=\"rgba(0,0,0,0.25)\"></path></pattern>",
                    id = fill_id(*status),
                    s = d.size,
                    r = d.rotate,
                    p = d.path,
                ),
                None => format!(
                    "<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\
                     <rect width=\"8\" height=\"8\" fill=\"{color}\"></rect></pattern>",
                    id = fill_id(*status),
                ),
            }
        })
        .collect()
}

/// The figure of the groups chart: caption, drawing, legend and table.
pub fn groups_figure(w: &mut Writer, plan: &Plan, lang: Lang, all: &[Progress]) {
    let title = Msg::ChartByGroup.get(lang);
    let data = groups_chart(plan, all, lang);
    let chart = stacked_bars(&data, title, lang);
    // The slot the app moves this figure into while it draws its own (`GroupsChart`).
    w.raw("<div class=\"chart-slot\"><figure class=\"chart-figure\"><figcaption>");
    w.element(
        "strong",
        "class=\"chart-title\"",
        &[Slot::words("chart.title", title)],
    );
    w.element(
        "span",
        "class=\"chart-summary\"",
        &[Slot::figure_hidden("caption", &chart.description)],
    );
    w.raw(&format!(
        "</figcaption><div class=\"chart-box\"><svg class=\"bar-chart\" data-chart=\"groups\" \
         width=\"100%\" height=\"{}\" role=\"img\" aria-labelledby=\"{TITLE_ID}\" aria-describedby=\"{DESC_ID}\">",
        chart.height
    ));
    w.element(
        "title",
        &format!("id=\"{TITLE_ID}\""),
        &[Slot::words("chart.title", title)],
    );
    w.element(
        "desc",
        &format!("id=\"{DESC_ID}\""),
        &[Slot::figure_hidden("caption", &chart.description)],
    );
    w.raw(&format!(
        "<defs>{}</defs><g class=\"grid\">",
        patterns(&chart)
    ));
    for tick in &chart.ticks {
        w.raw(&format!(
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"0\" y2=\"{}\"></line>",
            chart.plot_bottom,
            x = tick.x
        ));
    }
    w.raw("</g><g class=\"axis\">");
    for tick in &chart.ticks {
        w.element(
            "text",
            &format!("x=\"{}\" y=\"{}\"", tick.x, chart.axis_y),
            &[Slot::words("tick", &tick.label)],
        );
    }
    w.raw("</g>");
    for row in &chart.rows {
        w.raw("<g class=\"bar-row\">");
        w.element(
            "text",
            &format!("class=\"bar-label\" x=\"0\" y=\"{}\"", row.label_y()),
            &[Slot::words("chart.group", &row.label)],
        );
        for segment in &row.segments {
            w.element(
                "rect",
                &format!(
                    "class=\"bar\" y=\"{}\" height=\"{BAR_PX}\" fill=\"url(#{})\"",
                    row.bar_y(),
                    fill_id(segment.status)
                ),
                &[
                    Slot::figure_attr("bar", "x", segment.x.to_string(), Some("0%")),
                    Slot::figure_attr("bar", "width", segment.width.to_string(), Some("0%")),
                ],
            );
        }
        w.raw("</g>");
    }
    w.raw("</svg></div><ul class=\"chart-legend\">");
    for (status, name) in &chart.legend {
        w.raw(&format!(
            "<li><svg class=\"legend-swatch\" width=\"14\" height=\"14\" aria-hidden=\"true\">\
             <rect width=\"14\" height=\"14\" fill=\"url(#{})\"></rect></svg>",
            fill_id(*status)
        ));
        w.text(Slot::words("status.word", name));
        w.raw("</li>");
    }
    w.raw("</ul><div class=\"chart-actions no-print\">");
    w.element(
        "button",
        "type=\"button\" class=\"chart-png\" disabled",
        &[Slot::words("chart.png", Msg::SavePng.get(lang))],
    );
    w.raw("</div>");
    table(w, &data, lang);
    w.raw("</figure></div>");
}

/// The chart's data as a table, as the app's charts have it.
fn table(w: &mut Writer, data: &ChartData, lang: Lang) {
    w.raw("<details class=\"chart-table\">");
    w.element(
        "summary",
        "",
        &[Slot::words("chart.table", Msg::DataTable.get(lang))],
    );
    w.raw("<div class=\"table-scroll\"><table class=\"chart-data\"><thead><tr>");
    w.element(
        "th",
        "scope=\"col\"",
        &[Slot::words("chart.unit", &data.unit)],
    );
    for series in &data.series {
        w.element(
            "th",
            "scope=\"col\"",
            &[Slot::words("status.word", &series.name)],
        );
    }
    w.raw("</tr></thead><tbody>");
    for (i, category) in data.categories.iter().enumerate() {
        w.raw("<tr>");
        w.element(
            "th",
            "scope=\"row\"",
            &[Slot::words("chart.group", category)],
        );
        for series in &data.series {
            let value = series.values.get(i).copied().flatten();
            w.element(
                "td",
                "",
                &[Slot::figure(
                    "n",
                    value
                        .map(|v| format_number(v, data.decimals, lang))
                        .unwrap_or_default(),
                )],
            );
        }
        w.raw("</tr>");
    }
    w.raw("</tbody></table></div></details>");
}
