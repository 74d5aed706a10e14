//! One focus task or solution: its text from the resolution, its progress and a note (saved
//! as it is typed).

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::plan::edit::Edit;
use crate::plan::{Item, ItemProgress};
use crate::state::{use_app, Action};

fn progress_label(p: ItemProgress) -> Msg {
    match p {
        ItemProgress::NotStarted => Msg::NotStarted,
        ItemProgress::InProgress => Msg::InProgress,
        ItemProgress::Done => Msg::Done,
    }
}

#[component]
pub fn TaskItem(item: &'static Item) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let id = item.id.as_str();
    let state = Memo::new(move |_| app.tracking.with(|t| t.item(&item.id)));
    let status_id = format!("item-status-{id}");
    let note_id = format!("item-note-{id}");
    let heading = move || format!("{} {}", item.label(), item.title(lang.get()));
    view! {
        <article class="task-item" data-item=id data-progress=move || state.get().progress.code()>
            <h3>{heading}</h3>
            <details>
                <summary>{move || Msg::OriginalTextVi.get(lang.get())}</summary>
                <div lang="vi" class="resolution-text">
                    {item.text_vi.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                </div>
            </details>
            <div class="task-fields">
                <div class="field">
                    <label for=status_id.clone()>{move || format!("{}: {}", Msg::ItemStatus.get(lang.get()), heading())}</label>
                    <select
                        id=status_id
                        class="item-status"
                        prop:value=move || state.get().progress.code()
                        on:change=move |ev| {
                            if let Some(progress) = ItemProgress::from_code(&event_target_value(&ev)) {
                                app.dispatch(Action::Edit(Edit::SetItemProgress { item: item.id.clone(), progress }));
                            }
                        }
                    >
                        {ItemProgress::ALL
                            .into_iter()
                            .map(|p| view! {
                                <option value=p.code() selected=move || state.get().progress == p>{move || progress_label(p).get(lang.get())}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=note_id.clone()>{move || format!("{}: {}", Msg::ItemNote.get(lang.get()), heading())}</label>
                    <textarea
                        id=note_id
                        class="item-note"
                        rows="2"
                        maxlength="2000"
                        prop:value=move || state.get().note
                        // Saved as it is typed (when typing pauses, or the page is left), and
                        // said to be saved when the field is left.
                        on:input=move |ev| app.dispatch(Action::TypeNote { item: item.id.clone(), note: event_target_value(&ev) })
                        on:change=move |ev| app.dispatch(Action::FinishNote { item: item.id.clone(), note: event_target_value(&ev) })
                    ></textarea>
                </div>
            </div>
        </article>
    }
}
