//! The reminder to back up after many changes since the last export; links to the data page.

use leptos::prelude::*;

use crate::exchange::{should_nudge, unexported_changes};
use crate::i18n::Msg;
use crate::route::Route;
use crate::state::use_app;

#[component]
pub fn ExportNudge() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let changes = Memo::new(move |_| {
        let revision = app.stamp.with(|s| s.revision);
        app.last_export.with(|mark| {
            should_nudge(mark.as_ref(), revision)
                .then(|| unexported_changes(mark.as_ref(), revision))
        })
    });
    move || {
        let n = changes.get()?;
        if app.route.with(|r| *r == Route::Data) {
            return None;
        }
        let lang = lang.get();
        Some(view! {
            <aside class="banner banner-info export-nudge" data-unexported=n>
                <p>
                    {format!("ⓘ {n} {} ", Msg::UnexportedChanges.get(lang))}
                    <a href=Route::Data.href()>{Msg::BackupNow.get(lang)}</a>
                </p>
            </aside>
        })
    }
}
