//! The figures entered for a target, with edit and delete (and undo of the last delete).

use leptos::prelude::*;

use crate::components::entry_form::EntryDraft;
use crate::i18n::Msg;
use crate::plan::number::format_actual;
use crate::plan::{NumericGoal, Target};
use crate::state::{use_app, Action};

#[component]
pub fn EntriesTable(
    target: &'static Target,
    goal: &'static NumericGoal,
    draft: EntryDraft,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let entries = Memo::new(move |_| app.tracking.with(|t| t.entries(&target.id).to_vec()));
    let rows = move || {
        let lang = lang.get();
        entries
            .get()
            .into_iter()
            .map(|entry| {
                let (period, basis) = (entry.period, entry.basis);
                let for_edit = entry.clone();
                let what = format!("{} · {}", period.label(lang), basis.label(lang));
                view! {
                    <tr data-period=period.code() data-basis=basis.code()>
                        <th scope="row">{period.label(lang)}</th>
                        <td class="num">{format_actual(entry.value, goal, lang)}</td>
                        <td>{basis.label(lang)}</td>
                        <td class="note">{entry.note.clone()}</td>
                        <td class="row-actions">
                            <button
                                type="button"
                                class="entry-edit"
                                aria-label=format!("{} {what}", Msg::Edit.get(lang))
                                on:click=move |_| draft.edit(&for_edit, lang)
                            >
                                {Msg::Edit.get(lang)}
                            </button>
                            <button
                                type="button"
                                class="entry-delete"
                                aria-label=format!("{} {what}", Msg::Delete.get(lang))
                                on:click=move |_| app.dispatch(Action::DeleteEntry { target: target.id.clone(), period, basis })
                            >
                                {Msg::Delete.get(lang)}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let undo = move || {
        app.last_deleted
            .get()
            .filter(|(id, _)| *id == target.id)
            .map(|_| view! {
                <p class="undo">
                    {Msg::Deleted.get(lang.get())} " "
                    <button type="button" on:click=move |_| app.dispatch(Action::UndoDelete)>{Msg::Undo.get(lang.get())}</button>
                </p>
            })
    };
    view! {
        <section class="entries-section" aria-labelledby="entries-title">
            <h2 id="entries-title">{move || Msg::Entries.get(lang.get())}</h2>
            {undo}
            <Show
                when=move || entries.with(|e| !e.is_empty())
                fallback=move || view! { <p class="empty">{move || Msg::NoEntries.get(lang.get())}</p> }
            >
                <div class="table-scroll">
                    <table class="entries">
                        <thead>
                            <tr>
                                <th scope="col">{move || Msg::Period.get(lang.get())}</th>
                                <th scope="col">{move || Msg::Value.get(lang.get())}</th>
                                <th scope="col">{move || Msg::Basis.get(lang.get())}</th>
                                <th scope="col">{move || Msg::Note.get(lang.get())}</th>
                                <th scope="col"><span class="visually-hidden">{move || lang.get().pick("Thao tác", "Actions")}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
