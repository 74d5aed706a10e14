//! The quiet prompt that a new version of the app is ready: reload to use it, or later.
//!
//! The service worker is registered by `public/sw-register.js`, which dispatches
//! `app-update-ready` on the window (and marks `<html data-update="ready">` in case the app
//! starts after it did). Accepting dispatches `app-update-accept`; the script then lets the new
//! worker take over and reloads. The user's data is in localStorage, which an update never touches.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::{io, use_app};

/// Where the prompt stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prompt {
    /// No new version waits.
    Hidden,
    Offered,
    /// The user chose later; the new version starts when every tab of the app has closed.
    Dismissed,
    /// Accepted: the page reloads as soon as the new version has taken over.
    Reloading,
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let lang = use_app().lang;
    let prompt = RwSignal::new(if io::update_waiting() {
        Prompt::Offered
    } else {
        Prompt::Hidden
    });
    let listener = window_event_listener_untyped(io::UPDATE_READY_EVENT, move |_| {
        if prompt.get_untracked() == Prompt::Hidden {
            prompt.set(Prompt::Offered);
        }
    });
    on_cleanup(move || listener.remove());

    move || match prompt.get() {
        Prompt::Hidden | Prompt::Dismissed => None,
        state @ (Prompt::Offered | Prompt::Reloading) => Some(view! {
            <div class="update-banner" role="status" data-update=match state {
                Prompt::Reloading => "reloading",
                Prompt::Hidden | Prompt::Dismissed | Prompt::Offered => "offered",
            }>
                <p>{move || Msg::UpdateAvailable.get(lang.get())}</p>
                <button type="button" class="update-reload" disabled=state == Prompt::Reloading
                    on:click=move |_| {
                        prompt.set(Prompt::Reloading);
                        io::accept_update();
                    }>
                    {move || Msg::UpdateReload.get(lang.get())}
                </button>
                <button type="button" class="update-later" on:click=move |_| prompt.set(Prompt::Dismissed)>
                    {move || Msg::UpdateLater.get(lang.get())}
                </button>
            </div>
        }),
    }
}
