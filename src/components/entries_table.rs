//! The figures entered for a target, each with its period named so that a figure from January
//! and a month's or quarter's own are told apart, with edit and delete, and the undo of the
//! last change of one of them.

use leptos::html;
use leptos::prelude::*;

use crate::components::entry_form::EntryDraft;
use crate::components::question_prompt::QuestionPrompt;
use crate::components::row_actions::RowActions;
use crate::components::voice::{Part, Voice};
use crate::i18n::{Lang, Msg};
use crate::plan::cell::Cell;
use crate::plan::edit::{Edit, Undoable};
use crate::plan::number::format_actual;
use crate::plan::period::Reading;
use crate::plan::{Entry, NumericGoal, Target};
use crate::present;
use crate::state::{use_app, Action};

#[component]
pub fn EntriesTable(
    target: &'static Target,
    goal: &'static NumericGoal,
    draft: EntryDraft,
    voice: Voice,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let reading = Reading::of(goal);
    let prior_year = present::figures::prior_year(app.plan.year);
    let entries = Memo::new(move |_| app.tracking.with(|t| t.entries(&target.id).to_vec()));
    let undo_button = NodeRef::<html::Button>::new();
    // Keyed rows: a new figure adds its row and leaves the others as they are, so an entry on a
    // page of many figures costs one row, not all of them.
    let rows = move || {
        let lang = lang.get();
        entries
            .get()
            .into_iter()
            .map(move |entry| (lang, entry))
            .collect::<Vec<_>>()
    };
    let row_key =
        |(lang, e): &(Lang, Entry)| (*lang, e.period, e.basis, e.value.to_bits(), e.note.clone());
    let row = move |(lang, entry): (Lang, Entry)| {
        let (period, basis) = (entry.period, entry.basis);
        let for_edit = entry.clone();
        let label = period.label_for(reading, lang);
        let what = format!("{label} · {}", basis.label(lang));
        let delete = move || {
            voice.speak(Part::Entries);
            app.dispatch(Action::Edit(Edit::DeleteEntry {
                target: target.id.clone(),
                period,
                basis,
            }));
        };
        view! {
            <tr data-period=period.code() data-basis=basis.code()>
                <th scope="row">{label}</th>
                <td class="num">{format_actual(entry.value, goal, lang)}</td>
                <td>{basis.label(lang)}</td>
                <td class="note">{entry.note.clone()}</td>
                <RowActions
                    kind="entry"
                    what
                    lang
                    undo_button
                    on_edit=move || draft.edit(&for_edit, lang)
                    on_delete=delete
                />
            </tr>
        }
    };
    // The last change of one of this target's figures can be undone here; the line says which.
    let offer = Memo::new(move |_| {
        app.undos.with(|u| {
            u.figure
                .as_ref()
                .filter(|undo| {
                    undo.touches(|c| matches!(c, Cell::Entry(id, ..) if *id == target.id))
                })
                .map(|undo| present::edit::undo_offer(undo, Some(target), prior_year, lang.get()))
        })
    });
    let asking = Memo::new(move |_| {
        app.pending.with(|p| {
            p.as_ref()
                .is_some_and(|p| matches!(p.edit, Edit::Undo(Undoable::Figure)))
        })
    });
    let undo = move |_| {
        voice.speak(Part::Entries);
        app.dispatch(Action::Edit(Edit::Undo(Undoable::Figure)));
    };
    let undo_line = move || {
        match offer.get() {
        Some(text) => view! {
            <p class="undo">
                {text} " "
                <button type="button" id="entry-undo" node_ref=undo_button on:click=undo>{Msg::Undo.get(lang.get())}</button>
            </p>
        }
        .into_any(),
        None => view! { <p class="form-status">{move || voice.notice(Part::Entries)}</p> }.into_any(),
    }
    };
    view! {
        <section class="entries-section" aria-labelledby="entries-title">
            <h2 id="entries-title">{move || Msg::Entries.get(lang.get())}</h2>
            {undo_line}
            <QuestionPrompt shown=asking/>
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
                        <tbody><For each=rows key=row_key children=row/></tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
