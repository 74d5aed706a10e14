//! The home page: the whole plan's summary, find and filter, then every target in its group
//! with its figures; and the way to the report (the Biểu), to print or download.

use leptos::prelude::*;

use crate::components::filter_bar::{FilterBar, FilterFields};
use crate::components::targets_head::{NoteColumn, PeriodColumn, TargetsHead};
use crate::components::{
    data_until::DataUntil, share_panel::SharePanel, summary_panel::SummaryPanel,
    target_row::TargetRow,
};
use crate::i18n::Msg;
use crate::route::Route;
use crate::search::Filter;
use crate::state::{use_app, Rendering};

/// How many groups the overview's first render draws; the others follow one per task, so that
/// on a slow phone no task is long. The first screen (header, title, summary and
/// chart) holds no group, on a phone or a 1280 × 900 screen.
const FIRST_GROUPS: usize = 0;

/// Draws one more group in a task of its own, until all are drawn. Stops quietly once the
/// page has gone (its signals are disposed).
fn draw_next_groups(drawn: RwSignal<usize>, total: usize, rendering: RwSignal<Rendering>) {
    set_timeout(
        move || {
            let Some(now) = drawn.try_update(|n| {
                *n += 1;
                *n
            }) else {
                return;
            };
            if now < total {
                draw_next_groups(drawn, total, rendering);
            } else {
                rendering.set(Rendering::Complete);
            }
        },
        std::time::Duration::ZERO,
    );
}

#[component]
pub fn Overview() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let plan = app.plan;
    let fields = FilterFields::new();
    // Which targets the filter shows, aligned with `plan.targets`.
    let shown = Memo::new(move |_| {
        let filter = Filter::new(fields.group.get(), fields.status.get(), &fields.text.get());
        app.progress.with(|all| {
            plan.targets
                .iter()
                .zip(all)
                .map(|(t, p)| filter.fits(t, p))
                .collect::<Vec<bool>>()
        })
    });
    let matches = Signal::derive(move || shown.with(|s| s.iter().filter(|v| **v).count()));
    let total = plan.groups.len();
    let drawn = RwSignal::new(FIRST_GROUPS);
    if FIRST_GROUPS < total {
        app.rendering.set(Rendering::InSteps);
        on_cleanup(move || app.rendering.set(Rendering::Complete));
        // After the first render: the first step is a task of its own.
        Effect::new(move |_| draw_next_groups(drawn, total, app.rendering));
    }
    let groups = plan
        .groups
        .iter()
        .enumerate()
        .map(|(position, group)| {
            let is_drawn = Memo::new(move |_| drawn.get() > position);
            let heading_id = format!("group-{}", group.number);
            let indexes: Vec<usize> = plan.targets.iter().enumerate().filter(|(_, t)| t.group == group.number).map(|(i, _)| i).collect();
            let any_shown = {
                let indexes = indexes.clone();
                move || shown.with(|s| indexes.iter().any(|i| s[*i]))
            };
            let section = move || {
                let rows = indexes
                    .iter()
                    .map(|&index| view! { <TargetRow index=index shown=Signal::derive(move || shown.with(|s| s[index]))/> })
                    .collect_view();
                view! {
                    <section class="group" aria-labelledby=heading_id.clone() hidden=move || !any_shown()>
                        <h2 id=heading_id.clone()>
                            <span class="group-number">{format!("({})", group.number)}</span>
                            " "
                            {move || group.name(lang.get()).to_owned()}
                        </h2>
                        <table class="targets">
                            <TargetsHead note=NoteColumn::Printed period=PeriodColumn::Shown/>
                            <tbody>{rows}</tbody>
                        </table>
                    </section>
                }
            };
            move || is_drawn.get().then(section.clone())
        })
        .collect_view();
    // Below the first screen, or printed only: drawn with the first group, in the task after
    // the first render, which then holds only what the first screen shows.
    let later = Memo::new(move |_| drawn.get() > 0);
    view! {
        <div class="page-head">
            <h1 class="page-title">{move || lang.get().pick(&plan.title_vi, &plan.title_en).to_owned()}</h1>
            <a id="print-report" class="button no-print" href=Route::Report.href()>{move || Msg::PrintReport.get(lang.get())}</a>
        </div>
        <DataUntil/>
        <SummaryPanel/>
        {move || later.get().then(|| view! {
            <FilterBar fields=fields matches=matches/>
            <p class="empty no-print" hidden=move || matches.get() != 0>{move || Msg::NoMatch.get(lang.get())}</p>
        })}
        {groups}
        {move || later.get().then(|| view! { <SharePanel/> })}
    }
}
