//! The unreadable values kept aside, newest first, each with the time it was set aside and a
//! button that downloads it exactly as it was stored.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::state::{io, use_app, Action};

#[component]
pub fn SetAsideList() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let rows = move || {
        let lang = lang.get();
        app.kept
            .get()
            .into_iter()
            .map(|kept| {
                let when = match &kept.at {
                    Some(at) => format!(
                        "{} {}",
                        Msg::SetAsideAt.get(lang),
                        io::local_date_time(at, lang)
                    ),
                    None => Msg::SetAsideEarlier.get(lang).to_owned(),
                };
                let key = kept.key.clone();
                view! {
                    <li>
                        <span class="kept-time">{when}</span>
                        " "
                        <button type="button" class="download-kept" data-key=kept.key.clone()
                            on:click=move |_| app.dispatch(Action::DownloadKept(key.clone()))>
                            {Msg::DownloadUnreadable.get(lang)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <p>{move || Msg::SetAsideTitle.get(lang.get())}</p>
        <ul class="kept-list" data-count=move || app.kept.with(Vec::len)>{rows}</ul>
        <p class="error" role="alert">
            {move || app.download_error.get().map(|e| format!("{} {e}", Msg::DownloadFailed.get(lang.get())))}
        </p>
    }
}
