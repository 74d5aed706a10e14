//! The figures entered for a target, with edit and delete (and undo of the last delete).

use leptos::prelude::*;

use crate::components::entry_form::EntryDraft;
use crate::components::question_prompt::QuestionPrompt;
use crate::i18n::Msg;
use crate::plan::edit::{Edit, Undoable};
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
                                on:click=move |_| app.dispatch(Action::Edit(Edit::DeleteEntry { target: target.id.clone(), period, basis }))
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
        // The last change of one of this target's figures can be undone here.
        let here = app.undos.with(|u| {
            u.figure.as_ref().is_some_and(|undo| {
                undo.changes
                    .iter()
                    .any(|c| c.cell.target() == Some(&target.id))
            })
        });
        let asking = Signal::derive(move || {
            app.pending.with(|p| {
                p.as_ref()
                    .is_some_and(|p| matches!(p.edit, Edit::Undo(Undoable::Figure)))
            })
        });
        here.then(|| view! {
            <QuestionPrompt shown=asking/>
            <p class="undo">
                {move || app.announcement.get()} " "
                <button type="button" id="entry-undo" on:click=move |_| app.dispatch(Action::Edit(Edit::Undo(Undoable::Figure)))>{Msg::Undo.get(lang.get())}</button>
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
