//! The focus tasks (3.a–h) and main solutions (4.a–e), each with a progress and a note.

use leptos::prelude::*;

use crate::components::task_item::TaskItem;
use crate::i18n::Msg;
use crate::plan::Section;
use crate::state::use_app;

#[component]
pub fn Tasks() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let section = move |which: Section, title: Msg| {
        let items = app
            .plan
            .items
            .iter()
            .filter(move |i| i.section == which)
            .map(|item| view! { <TaskItem item=item/> })
            .collect_view();
        view! {
            <section class="tasks-section">
                <h2>{move || title.get(lang.get())}</h2>
                {items}
            </section>
        }
    };
    view! {
        <h1 class="page-title">{move || Msg::TasksTitle.get(lang.get())}</h1>
        {section(Section::Focus, Msg::FocusTasks)}
        {section(Section::Solution, Msg::Solutions)}
    }
}
