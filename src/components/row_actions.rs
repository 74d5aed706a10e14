//! The edit and delete buttons of one figure's row, named for a screen reader by the figure
//! they act on; after a delete the keyboard goes to the undo, since the row has gone.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{Lang, Msg};

#[component]
pub fn RowActions(
    /// Which table the row is in ("entry", "prior"): the buttons' classes are `{kind}-edit` and
    /// `{kind}-delete`.
    kind: &'static str,
    /// The figure the row holds, said after each button's word: "Sửa 9 tháng · ước".
    what: String,
    lang: Lang,
    /// The undo button the delete leaves, where the keyboard goes next.
    undo_button: NodeRef<html::Button>,
    on_edit: impl Fn() + 'static,
    on_delete: impl Fn() + 'static,
) -> impl IntoView {
    let delete = move |_| {
        on_delete();
        request_animation_frame(move || {
            if let Some(button) = undo_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    view! {
        <td class="row-actions">
            <button
                type="button"
                class=format!("{kind}-edit")
                aria-label=format!("{} {what}", Msg::Edit.get(lang))
                on:click=move |_| on_edit()
            >
                {Msg::Edit.get(lang)}
            </button>
            <button
                type="button"
                class=format!("{kind}-delete")
                aria-label=format!("{} {what}", Msg::Delete.get(lang))
                on:click=delete
            >
                {Msg::Delete.get(lang)}
            </button>
        </td>
    }
}
