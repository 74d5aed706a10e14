//! The overview's chart of statuses by group, drawn as SVG (no ECharts): the drawing of
//! `charts::svg::stacked_bars`, its legend and its data table. The page shell pre-renders the
//! same markup (`shell::chart`), so the chart is in the first paint; when the first paint drew
//! the user's figures into it, the app shows that very drawing until its own is made, in a task
//! after its first render (the drawing is about a fifth of that render's work on a slow phone).

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;

use crate::charts::status_color;
use crate::charts::svg::{decal, fill_id, stacked_bars, BarChart, BAR_PX};
use crate::charts::ChartData;
use crate::components::chart_view::data_table;
use crate::i18n::Msg;
use crate::plan::Status;
use crate::shell::{DESC_ID, TITLE_ID};
use crate::state::use_app;

/// A status' colour and pattern, as the drawing's `<defs>` hold it.
fn pattern(status: Status) -> impl IntoView {
    let color = status_color(status);
    let id = fill_id(status);
    match decal(status) {
        Some(d) => {
            let size = d.size.to_string();
            let (w, h, rw, rh) = (size.clone(), size.clone(), size.clone(), size);
            view! {
                <pattern id=id width=w height=h patternUnits="userSpaceOnUse" patternTransform=format!("rotate({})", d.rotate)>
                    <rect width=rw height=rh fill=color></rect>
                    <path d=d.path fill="rgba(0,0,0,0.25)"></path>
                </pattern>
            }
            .into_any()
        }
        None => view! {
            <pattern id=id width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" fill=color></rect>
            </pattern>
        }
        .into_any(),
    }
}

/// The drawing itself.
fn drawing(chart: &BarChart) -> impl IntoView {
    let bottom = chart.plot_bottom.to_string();
    let patterns = chart.legend.iter().map(|(s, _)| pattern(*s)).collect_view();
    let grid = chart
        .ticks
        .iter()
        .map(|t| view! { <line x1=t.x.to_string() x2=t.x.to_string() y1="0" y2=bottom.clone()></line> })
        .collect_view();
    let axis_y = chart.axis_y.to_string();
    let ticks = chart
        .ticks
        .iter()
        .map(|t| view! { <text x=t.x.to_string() y=axis_y.clone()>{t.label.clone()}</text> })
        .collect_view();
    let rows = chart
        .rows
        .iter()
        .map(|row| {
            let y = row.bar_y().to_string();
            let parts = row
                .segments
                .iter()
                .map(|s| {
                    view! {
                        <rect class="bar" y=y.clone() height=BAR_PX.to_string() fill=format!("url(#{})", fill_id(s.status)) x=s.x.to_string() width=s.width.to_string()></rect>
                    }
                })
                .collect_view();
            view! {
                <g class="bar-row">
                    <text class="bar-label" x="0" y=row.label_y().to_string()>{row.label.clone()}</text>
                    {parts}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="bar-chart" data-chart="groups" width="100%" height=chart.height.to_string() role="img" aria-labelledby=TITLE_ID aria-describedby=DESC_ID>
            // `title` alone would be HTML's element here: the SVG one is named.
            {leptos::svg::title().id(TITLE_ID).child(chart.title.clone())}
            <desc id=DESC_ID>{chart.description.clone()}</desc>
            <defs>{patterns}</defs>
            <g class="grid">{grid}</g>
            <g class="axis">{ticks}</g>
            {rows}
        </svg>
    }
}

thread_local! {
    /// The pre-rendered chart the app shows until its own is drawn (see [`adopt_prerendered`]).
    static ADOPTED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Keeps the pre-rendered chart of `page` (the page shell's overview, about to be removed) when
/// the first paint drew the stored figures into it, in the reader's language: then it is the
/// app's own drawing of the same data (a browser test proves the two DOMs equal), which the
/// next `GroupsChart` shows until it has drawn its own.
pub fn adopt_prerendered(page: &web_sys::Element) {
    if page.get_attribute("data-figures").as_deref() != Some("user") {
        return;
    }
    let figure = page
        .query_selector(".chart-slot > .chart-figure")
        .ok()
        .flatten();
    ADOPTED.with_borrow_mut(|slot| *slot = figure);
}

#[component]
pub fn GroupsChart(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] data: Signal<ChartData>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // Computed once per change and shared by the drawing, the caption and the table.
    let data = Memo::new(move |_| data.get());
    let chart = Memo::new(move |_| data.with(|d| stacked_bars(d, &title.get(), lang.get())));
    // The pre-rendered drawing, if the app may show it: moved (not copied) into the slot, and
    // replaced by the app's own in a task of its own.
    let adopted = ADOPTED.with_borrow_mut(Option::take);
    let drawn = RwSignal::new(adopted.is_none());
    let slot = NodeRef::<leptos::html::Div>::new();
    if let Some(figure) = adopted {
        slot.on_load(move |div| {
            if div.append_child(&figure).is_err() {
                drawn.set(true);
                return;
            }
            set_timeout(
                move || {
                    figure.remove();
                    drawn.try_set(true);
                },
                Duration::ZERO,
            );
        });
    }
    let legend = move || {
        chart.with(|c| {
            c.legend
                .iter()
                .map(|(status, name)| {
                    view! {
                        <li>
                            <svg class="legend-swatch" width="14" height="14" aria-hidden="true">
                                <rect width="14" height="14" fill=format!("url(#{})", fill_id(*status))></rect>
                            </svg>
                            {name.clone()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // The picture as a PNG, in light colours, with its title and the figures' source.
    let save_png = move |_| {
        let lang = lang.get_untracked();
        let source = app
            .tracking
            .with_untracked(|t| crate::present::source_line(t, app.plan.year, lang));
        let saved = chart.with_untracked(|c| {
            crate::charts::bars_png::save_png(
                c,
                &title.get_untracked(),
                &source,
                &format!("{}-nhom.png", app.plan.id),
            )
        });
        if let Err(e) = saved {
            leptos::logging::warn!("png groups: {e}");
        }
    };
    let figure = move || {
        drawn.get().then(|| view! {
        <figure class="chart-figure">
            <figcaption>
                <strong class="chart-title">{move || title.get()}</strong>
                <span class="chart-summary">{move || data.with(|d| d.summary.clone())}</span>
            </figcaption>
            <div class="chart-box">{move || chart.with(drawing)}</div>
            <ul class="chart-legend">{legend}</ul>
            <div class="chart-actions no-print">
                <button type="button" class="chart-png" on:click=save_png>{move || Msg::SavePng.get(lang.get())}</button>
            </div>
            <details class="chart-table">
                <summary>{move || Msg::DataTable.get(lang.get())}</summary>
                {move || data.with(|d| data_table(d, lang.get()))}
            </details>
        </figure>
        })
    };
    view! { <div class="chart-slot" node_ref=slot>{figure}</div> }
}
