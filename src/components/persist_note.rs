//! The footer's small line saying whether the browser keeps the user's data when space runs low.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_app;
use crate::storage::persist::Persistence;

#[component]
pub fn PersistNote() -> impl IntoView {
    let app = use_app();
    move || {
        let (msg, code) = match app.persistence.get() {
            Persistence::NotAsked | Persistence::Asking => return None,
            Persistence::Granted => (Msg::PersistGranted, "granted"),
            Persistence::Denied => (Msg::PersistDenied, "denied"),
            Persistence::Unsupported => (Msg::PersistUnsupported, "unsupported"),
        };
        Some(view! {
            <p class="persist-note" data-persist=code>{move || msg.get(app.lang.get())}</p>
        })
    }
}
