//! The home page: the whole plan's summary, then every target in its group with its figures.

use leptos::prelude::*;

use crate::components::{summary_panel::SummaryPanel, target_row::TargetRow};
use crate::i18n::Msg;
use crate::state::use_app;

#[component]
pub fn Overview() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let plan = app.plan;
    let groups = plan
        .groups
        .iter()
        .map(|group| {
            let heading_id = format!("group-{}", group.number);
            let rows = plan
                .targets
                .iter()
                .enumerate()
                .filter(|(_, t)| t.group == group.number)
                .map(|(index, _)| view! { <TargetRow index=index/> })
                .collect_view();
            view! {
                <section class="group" aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>
                        <span class="group-number">{format!("({})", group.number)}</span>
                        " "
                        {move || group.name(lang.get()).to_owned()}
                    </h2>
                    <table class="targets">
                        <thead>
                            <tr>
                                <th scope="col">{move || Msg::Target.get(lang.get())}</th>
                                <th scope="col">{move || Msg::PlanValue.get(lang.get())}</th>
                                <th scope="col">{move || Msg::CurrentValue.get(lang.get())}</th>
                                <th scope="col">{move || Msg::Achievement.get(lang.get())}</th>
                                <th scope="col">{move || Msg::Status.get(lang.get())}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 class="page-title">{move || lang.get().pick(&plan.title_vi, &plan.title_en).to_owned()}</h1>
        <SummaryPanel/>
        {groups}
    }
}
