//! The header row of a table of targets, shared by the overview and a shared snapshot.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_app;

/// Whether the table has the note column that only the printed report shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteColumn {
    Printed,
    Absent,
}

#[component]
pub fn TargetsHead(note: NoteColumn) -> impl IntoView {
    let lang = use_app().lang;
    let head = |msg: Msg| view! { <th scope="col">{move || msg.get(lang.get())}</th> };
    view! {
        <thead>
            <tr>
                {head(Msg::Target)}
                {head(Msg::PlanValue)}
                {head(Msg::CurrentValue)}
                {head(Msg::Achievement)}
                {head(Msg::Status)}
                {(note == NoteColumn::Printed).then(|| view! {
                    <th scope="col" class="print-only">{move || Msg::Note.get(lang.get())}</th>
                })}
            </tr>
        </thead>
    }
}
