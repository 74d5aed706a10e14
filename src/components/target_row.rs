//! One target's row in the overview: name, plan value, current value, the period and kind of
//! that figure (with the year before's figure where entered), achievement, status.

use leptos::prelude::*;

use crate::components::status_badge::StatusBadge;
use crate::i18n::Msg;
use crate::plan::{Progress, Status};
use crate::present;
use crate::route::Route;
use crate::state::use_app;

#[component]
pub fn TargetRow(index: usize, #[prop(into)] shown: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let target = &app.plan.targets[index];
    let progress = Memo::new(move |_| app.progress.with(|all| all.get(index).copied()));
    let with = move |f: fn(&crate::plan::Target, &Progress, crate::i18n::Lang) -> String| {
        move || {
            progress
                .get()
                .map(|p| f(target, &p, lang.get()))
                .unwrap_or_default()
        }
    };
    let status = Signal::derive(move || progress.get().map_or(Status::NoData, |p| p.status));
    // The note of the figure that stands, printed in the report's last column.
    let note = move || {
        let current = progress.get().and_then(|p| p.current)?;
        app.tracking.with(|t| {
            t.entry(&target.id, current.period, current.basis)
                .map(|e| e.note.clone())
        })
    };
    // "9 tháng · ước", and under it the year before's figure for the same period or year.
    let period = move || {
        let current = progress.get().and_then(|p| p.current);
        present::figures::period_marker(target, current, lang.get())
    };
    let prior = move || {
        let current = progress.get().and_then(|p| p.current);
        app.tracking.with(|t| {
            present::figures::prior_and_change(target, t, current, app.plan.year, lang.get())
        })
    };
    let href = Route::Target(target.id.0.clone()).href();
    // A qualitative target has a commitment, not a plan value.
    let plan_class = if target.numeric().is_some() {
        "plan-value"
    } else {
        "plan-commitment"
    };
    view! {
        <tr data-target=target.id.0.clone() hidden=move || !shown.get()>
            <th scope="row" class="target-name">
                <a href=href>{move || target.name(lang.get()).to_owned()}</a>
            </th>
            <td class=plan_class data-label=move || Msg::PlanValue.get(lang.get())>
                <span class="direction">{move || present::direction(target, lang.get())}</span>
                " "
                {move || present::plan_value(target, lang.get())}
            </td>
            <td class="current-value" data-label=move || Msg::CurrentValue.get(lang.get())>
                {with(present::current_value)}
            </td>
            <td class="period" data-label=move || Msg::FigurePeriod.get(lang.get())>
                <span class="marker">{period}</span>
                " "
                <span class="prior">{prior}</span>
            </td>
            <td class="achievement" data-label=move || present::details::achievement_label(target, lang.get())>
                {move || progress.get().map(|p| present::achievement(&p, lang.get())).unwrap_or_default()}
            </td>
            <td class="status-cell" data-label=move || Msg::Status.get(lang.get())>
                <StatusBadge status=status/>
            </td>
            <td class="print-only note">{note}</td>
        </tr>
    }
}
