//! One target's page: its wording in the resolution, where it stands and why, its chart, the
//! form to enter figures, the figures entered, and the figures of the year before the plan.

use leptos::prelude::*;

use crate::charts::{structure_chart, target_chart};
use crate::components::assessment_form::AssessmentForm;
use crate::components::chart_view::ChartView;
use crate::components::entries_table::EntriesTable;
use crate::components::entry_form::{EntryDraft, EntryForm};
use crate::components::prior_year_form::PriorYearForm;
use crate::components::status_badge::StatusBadge;
use crate::components::voice::Voice;
use crate::i18n::Msg;
use crate::plan::{Goal, NumericKind, Status, Target};
use crate::present;
use crate::state::use_app;

#[component]
pub fn TargetPage(id: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let Some(index) = app.target_index(&id) else {
        return view! {
            <h1>{move || Msg::NotFound.get(lang.get())}</h1>
            <p><a href="#/">{move || Msg::BackToOverview.get(lang.get())}</a></p>
        }
        .into_any();
    };
    let target: &'static Target = &app.plan.targets[index];
    let group = app.plan.group(target.group);
    let progress = Memo::new(move |_| app.progress.with(|all| all.get(index).copied()));
    let status = Signal::derive(move || progress.get().map_or(Status::NoData, |p| p.status));
    let text = move |f: fn(&Target, &crate::plan::Progress, crate::i18n::Lang) -> String| {
        move || {
            progress
                .get()
                .map(|p| f(target, &p, lang.get()))
                .unwrap_or_default()
        }
    };
    // The same marker as the overview's: "9 tháng · ước", "Quý III (riêng quý) · chính thức".
    let period = move || {
        present::figures::period_marker(target, progress.get().and_then(|p| p.current), lang.get())
    };

    // The lines under the status and the structure's warnings: made by the domain's words,
    // listed here.
    let details = move || {
        let lang = lang.get();
        let p = progress.get()?;
        let lines = app
            .tracking
            .with(|t| present::details::details(target, &p, t, app.plan.year, lang));
        Some(
            lines
                .into_iter()
                .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
                .collect_view(),
        )
    };
    let warnings = move || {
        app.tracking
            .with(|t| present::details::structure_warnings(app.plan, target, t, lang.get()))
            .into_iter()
            .map(|w| view! { <p class="structure-warning">{w}</p> })
            .collect_view()
    };
    let why = move || {
        progress
            .get()
            .map(|p| present::explain(target, &p, app.plan.year, lang.get()))
            .unwrap_or_default()
    };

    let chart = Signal::derive(move || {
        let p = progress.get()?;
        app.tracking
            .with(|t| target_chart(target, t, &p, lang.get()))
    });
    let is_share = matches!(target.numeric(), Some(g) if g.kind == NumericKind::Share);
    let structure = Signal::derive(move || {
        Some(
            app.tracking
                .with(|t| structure_chart(app.plan, t, lang.get())),
        )
    });
    let draft = EntryDraft::new();
    // Each part of the inputs says what became of its own edits, and only it.
    let voice = Voice::new();

    let inputs = match (&target.goal, target.numeric()) {
        (Goal::Numeric(_), Some(goal)) => view! {
            <EntryForm target=target goal=goal draft=draft voice=voice/>
            <EntriesTable target=target goal=goal draft=draft voice=voice/>
            <PriorYearForm target=target goal=goal voice=voice/>
        }
        .into_any(),
        _ => view! { <AssessmentForm target=target/> }.into_any(),
    };

    view! {
        <nav class="breadcrumb" aria-label=move || lang.get().pick("Vị trí", "Breadcrumb")>
            <a href="#/">{move || Msg::BackToOverview.get(lang.get())}</a>
        </nav>
        <h1 class="page-title" data-target-title=target.id.0.clone()>{move || target.name(lang.get()).to_owned()}</h1>
        {group.map(|g| view! {
            <p class="group-line">{move || format!("{} ({}) · {}", Msg::Group.get(lang.get()), g.number, g.name(lang.get()))}</p>
        })}
        <blockquote class="quote" lang="vi">
            <p>{format!("«{}»", target.quote)}</p>
            <footer>{move || Msg::QuoteFrom.get(lang.get())}</footer>
        </blockquote>
        <section class="target-summary" aria-labelledby="target-summary-title">
            <h2 id="target-summary-title" class="visually-hidden">{move || Msg::Status.get(lang.get())}</h2>
            <dl class="figures">
                <div><dt>{move || Msg::PlanValue.get(lang.get())}</dt><dd class=if target.numeric().is_some() { "plan-value" } else { "plan-commitment" }>{move || present::plan_value(target, lang.get())}</dd></div>
                <div>
                    <dt>{move || Msg::CurrentValue.get(lang.get())}</dt>
                    <dd><span class="current-value">{text(present::current_value)}</span><span class="current-period">{period}</span></dd>
                </div>
                <div><dt>{move || present::details::achievement_label(target, lang.get())}</dt><dd class="achievement">{move || progress.get().map(|p| present::achievement(&p, lang.get())).unwrap_or_default()}</dd></div>
                <div><dt>{move || Msg::Status.get(lang.get())}</dt><dd><StatusBadge status=status/></dd></div>
                {details}
            </dl>
            <p class="why">{why}</p>
            {warnings}
        </section>
        {target.numeric().map(|_| view! {
            <ChartView
                kind="target"
                title=Signal::derive(move || format!("{} — {}", target.name(lang.get()), Msg::TargetChartTitle.get(lang.get())))
                data=chart
                file=format!("{}-{}", app.plan.id, target.id)
            />
        })}
        {is_share.then(|| view! {
            <ChartView
                kind="structure"
                title=Signal::derive(move || Msg::StructureChartTitle.get(lang.get()).to_owned())
                data=structure
                file=format!("{}-co-cau", app.plan.id)
            />
        })}
        {inputs}
    }
    .into_any()
}
