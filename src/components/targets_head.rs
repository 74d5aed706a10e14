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

/// Whether the table has the column of each current figure's period and kind, after the
/// current value (the overview's rows have it; a table whose rows lack it leaves it out).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PeriodColumn {
    Shown,
    #[default]
    Absent,
}

#[component]
pub fn TargetsHead(note: NoteColumn, #[prop(optional)] period: PeriodColumn) -> impl IntoView {
    let lang = use_app().lang;
    let head = |msg: Msg| view! { <th scope="col">{move || msg.get(lang.get())}</th> };
    view! {
        <thead>
            <tr>
                {head(Msg::Target)}
                {head(Msg::PlanValue)}
                {head(Msg::CurrentValue)}
                {(period == PeriodColumn::Shown).then(|| view! {
                    <th scope="col" class="period">{move || Msg::FigurePeriod.get(lang.get())}</th>
                })}
                {head(Msg::VersusPlan)}
                {head(Msg::Status)}
                {(note == NoteColumn::Printed).then(|| view! {
                    <th scope="col" class="print-only">{move || Msg::Note.get(lang.get())}</th>
                })}
            </tr>
        </thead>
    }
}
