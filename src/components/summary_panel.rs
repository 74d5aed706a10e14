//! The whole plan at a glance: how many targets stand in each status, and the chart by group
//! (SVG: the overview loads no ECharts).

use leptos::prelude::*;

use crate::charts::groups_chart;
use crate::components::groups_chart::GroupsChart;
use crate::i18n::Msg;
use crate::plan::{Status, Summary, COUNTED};
use crate::state::use_app;

#[component]
pub fn SummaryPanel() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let summary = Memo::new(move |_| app.progress.with(|all| Summary::of(all)));
    let count = move |status: Status| move || summary.get().shown(status);
    let chart = Signal::derive(move || {
        app.progress
            .with(|all| groups_chart(app.plan, all, lang.get()))
    });
    view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">
                {move || Msg::WholePlan.get(lang.get())}
                <span class="summary-total">
                    {move || format!(" · {} {}", summary.get().total(), Msg::TargetsCount.get(lang.get()))}
                </span>
            </h2>
            <ul class="summary-counts">
                {COUNTED
                    .into_iter()
                    .map(|status| view! {
                        <li class="summary-count" data-summary=status.code()>
                            <span class="count">{count(status)}</span>
                            <span class="status" data-status=status.code()>
                                <span class="status-icon" aria-hidden="true">{status.icon()}</span>
                                <span class="status-word">{move || status.label(lang.get())}</span>
                            </span>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <GroupsChart title=Signal::derive(move || Msg::ChartByGroup.get(lang.get()).to_owned()) data=chart/>
        </section>
    }
}
