//! The banner that says when the figures are not being saved, why, and how many changes wait
//! (then, once they are saved at last, says that); after unreadable data, the values kept
//! aside and the way to start afresh.

use leptos::prelude::*;

use crate::components::set_aside_list::SetAsideList;
use crate::i18n::Msg;
use crate::present::saving::unsaved;
use crate::state::{io, use_app, Action, StorageStatus};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // The count of changes waiting, updated in place (the banner is not drawn again).
    let waiting = move || {
        let n = app.unsaved.get();
        (n > 0).then(
            || view! { <p class="banner-unsaved" data-unsaved=n>{unsaved(n, lang.get())}</p> },
        )
    };
    move || {
        let lang = lang.get();
        let (message, detail, fresh) = match app.storage.get() {
            StorageStatus::Ok(_) => return None,
            StorageStatus::Recovered(at) => {
                let when =
                    (!at.is_empty()).then(|| format!(" ({})", io::local_clock_time(&at, lang)));
                return Some(
                    view! {
                        <div class="banner banner-saved" role="status">
                            <p>{Msg::PendingSaved.get(lang)}{when}</p>
                        </div>
                    }
                    .into_any(),
                );
            }
            StorageStatus::Unavailable => (Msg::StorageUnavailable, None, false),
            StorageStatus::Full => (Msg::StorageFull, None, false),
            StorageStatus::Failed(e) => (Msg::StorageOther, Some(e), false),
            StorageStatus::Unreadable(e) => (Msg::StorageUnreadable, Some(e), true),
            StorageStatus::Newer(_) => (Msg::StorageNewer, None, false),
        };
        let retried = app.storage.with_untracked(StorageStatus::retried);
        Some(
            view! {
                <div class="banner banner-warning" role="alert">
                    <p>{message.get(lang)}</p>
                    {detail.map(|d| view! { <p class="banner-detail">{d}</p> })}
                    {waiting}
                    {retried.then(|| view! { <p class="banner-retry">{Msg::SaveRetrying.get(lang)}</p> })}
                    {fresh.then(|| view! {
                        // The unreadable values can be taken away before anything else.
                        <SetAsideList/>
                        <button id="start-fresh" type="button" on:click=move |_| app.dispatch(Action::StartFresh)>
                            {Msg::StartFresh.get(lang)}
                        </button>
                    })}
                </div>
            }
            .into_any(),
        )
    }
}
