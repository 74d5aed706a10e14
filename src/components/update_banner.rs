//! The quiet prompt that a new version of the app is ready: reload to use it, or later.
//!
//! The service worker is registered by `public/sw-register.js`, which dispatches
//! `app-update-ready` on the window (and marks `<html data-update="ready">` in case the app
//! starts after it did). Accepting dispatches `app-update-accept`; the script then lets the new
//! worker take over and reloads. The user's data is in localStorage, which an update never touches.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::use_app;

const READY_EVENT: &str = "app-update-ready";
const ACCEPT_EVENT: &str = "app-update-accept";

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

/// Whether the registration script found a waiting version before the app started.
fn already_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-update"))
        .is_some_and(|v| v == "ready")
}

fn accept() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(ACCEPT_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let lang = use_app().lang;
    let prompt = RwSignal::new(if already_waiting() {
        Prompt::Offered
    } else {
        Prompt::Hidden
    });
    let listener = window_event_listener_untyped(READY_EVENT, move |_| {
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
                        accept();
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
