//! A status shown by colour, icon and word together, never by colour alone.

use leptos::prelude::*;

use crate::plan::Status;
use crate::state::use_app;

#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<Status>) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <span class="status" data-status=move || status.get().code()>
            <span class="status-icon" aria-hidden="true">{move || status.get().icon()}</span>
            <span class="status-word">{move || status.get().label(lang.get())}</span>
        </span>
    }
}
