//! The banner that says when the figures are not being saved, and why.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::{use_app, Action, StorageStatus};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    move || {
        let lang = lang.get();
        let (message, detail, fresh) = match app.storage.get() {
            StorageStatus::Ok(_) => return None,
            StorageStatus::Unavailable => {
                (Msg::StorageUnavailable.get(lang).to_owned(), None, false)
            }
            StorageStatus::Full => (Msg::StorageFull.get(lang).to_owned(), None, false),
            StorageStatus::Failed(e) => (Msg::StorageOther.get(lang).to_owned(), Some(e), false),
            StorageStatus::Unreadable(e) => {
                (Msg::StorageUnreadable.get(lang).to_owned(), Some(e), true)
            }
            StorageStatus::Newer(_) => (Msg::StorageNewer.get(lang).to_owned(), None, false),
        };
        Some(view! {
            <div class="banner banner-warning" role="alert">
                <p>{message}</p>
                {detail.map(|d| view! { <p class="banner-detail">{d}</p> })}
                {fresh.then(|| view! {
                    // issue 5: the unreadable value can be taken away before anything else.
                    <button id="download-unreadable-banner" type="button" on:click=move |_| {
                        let _ = crate::exchange::files::download_unreadable();
                    }>
                        {Msg::DownloadUnreadable.get(lang)}
                    </button>
                    <button type="button" on:click=move |_| app.dispatch(Action::StartFresh)>
                        {Msg::StartFresh.get(lang)}
                    </button>
                })}
            </div>
        })
    }
}
