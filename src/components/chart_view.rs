//! A chart drawn with ECharts, with its text alternative and its data table. The caption and
//! table render at once; ECharts is loaded when the first such chart is made, and the picture
//! is drawn when it has loaded, in a box of fixed height so nothing jumps.

use leptos::html;
use leptos::prelude::*;

use crate::charts::echarts::{self, Instance};
use crate::charts::ChartData;
use crate::i18n::{Lang, Msg};
use crate::plan::number::format_number;
use crate::state::{after_next_paint, use_app, ChartsLib};

/// A chart's data as a table (the rows with a figure), for screen readers and for anyone who
/// wants the numbers; every chart has one under its picture.
pub fn data_table(d: &ChartData, lang: Lang) -> impl IntoView {
    let rows: Vec<_> = d
        .categories
        .iter()
        .enumerate()
        .filter(|(i, _)| d.series.iter().any(|s| s.values.get(*i).copied().flatten().is_some()))
        .map(|(i, category)| {
            let cells = d
                .series
                .iter()
                .map(|s| {
                    let value = s.values.get(i).copied().flatten();
                    view! { <td>{value.map(|v| format_number(v, d.decimals, lang)).unwrap_or_default()}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{category.clone()}</th>{cells}</tr> }
        })
        .collect();
    let heads = d
        .series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="chart-data">
                <thead><tr><th scope="col">{d.unit.clone()}</th>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ChartView(
    kind: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] data: Signal<Option<ChartData>>,
    /// The file name of the PNG, without extension.
    #[prop(into)]
    file: String,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let el = NodeRef::<html::Div>::new();
    let instance = StoredValue::new_local(None::<Instance>);
    // ECharts is loaded by the first chart that draws with it, so that a page without one (the
    // overview, whose chart is SVG) never fetches or evaluates it.
    if app.charts.get_untracked() == ChartsLib::Loading {
        echarts::load(move |ok| {
            app.charts.set(if ok {
                ChartsLib::Ready
            } else {
                ChartsLib::Failed
            })
        });
    }

    // The chart's data is computed once per change and shared by the picture, the caption and
    // the table (a derived signal would compute it for each of them); an unchanged chart is not
    // redrawn.
    let data = Memo::new(move |_| data.get());

    // Draws, and redraws when the data, the language or the colour scheme change. The drawing
    // waits until the figures that changed with it have been painted: ECharts' redraw is most of
    // an entry's work, and the figures should not wait for the picture.
    Effect::new(move |_| {
        let (Some(div), ChartsLib::Ready) = (el.get(), app.charts.get()) else {
            return;
        };
        let dark = app.dark.get();
        let lang = lang.get();
        let Some(chart) = data.get() else { return };
        after_next_paint(move || {
            // The page may have changed in between; a detached box is not drawn into.
            if !div.is_connected() {
                return;
            }
            let previous = instance.try_update_value(Option::take).flatten();
            match echarts::draw(&div, previous, &chart, dark, lang) {
                Ok(drawn) => {
                    instance.try_update_value(|slot| *slot = Some(drawn));
                }
                Err(e) => leptos::logging::warn!("chart {kind}: {e}"),
            }
        });
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        instance.with_value(|i| {
            if let Some(i) = i {
                i.resize();
            }
        });
    });
    on_cleanup(move || {
        resize.remove();
        if let Some(i) = instance.try_update_value(Option::take).flatten() {
            i.dispose();
        }
    });

    let summary = move || data.with(|d| d.as_ref().map(|d| d.summary.clone()).unwrap_or_default());
    let table = move || {
        let lang = lang.get();
        data.with(|d| d.as_ref().map(|d| data_table(d, lang)))
    };
    // The PNG is drawn in light colours whatever the screen's scheme, then the chart is redrawn.
    let save_png = move |_| {
        let Some(div) = el.get_untracked() else {
            return;
        };
        let Some(chart) = data.get_untracked() else {
            return;
        };
        let lang = lang.get_untracked();
        let Some(light) = instance.try_update_value(Option::take).flatten() else {
            return;
        };
        let drawn = echarts::draw(&div, Some(light), &chart, false, lang);
        if let Ok(inst) = drawn {
            let source = app
                .tracking
                .with_untracked(|t| crate::present::source_line(t, app.plan.year, lang));
            if let Err(e) = echarts::save_png(
                &inst,
                &title.get_untracked(),
                &source,
                &format!("{file}.png"),
            ) {
                leptos::logging::warn!("png {kind}: {e}");
            }
            let dark = app.dark.get_untracked();
            match echarts::draw(&div, Some(inst), &chart, dark, lang) {
                Ok(inst) => instance.set_value(Some(inst)),
                Err(e) => leptos::logging::warn!("chart {kind}: {e}"),
            }
        }
    };
    let state_note = move || match app.charts.get() {
        ChartsLib::Loading => Some(Msg::ChartLoading.get(lang.get())),
        ChartsLib::Failed => Some(Msg::ChartUnavailable.get(lang.get())),
        ChartsLib::Ready => None,
    };
    view! {
        <figure class="chart-figure">
            <figcaption>
                <strong class="chart-title">{move || title.get()}</strong>
                <span class="chart-summary">{summary}</span>
            </figcaption>
            <div class="chart-box">
                <div class="chart" data-chart=kind node_ref=el></div>
                <span class="chart-note">{state_note}</span>
            </div>
            <div class="chart-actions no-print">
                <button type="button" class="chart-png" disabled=move || app.charts.get() != ChartsLib::Ready on:click=save_png>
                    {move || Msg::SavePng.get(lang.get())}
                </button>
            </div>
            <details class="chart-table">
                <summary>{move || Msg::DataTable.get(lang.get())}</summary>
                {table}
            </details>
        </figure>
    }
}
