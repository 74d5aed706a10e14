//! Makes a link that carries a snapshot of the current figures in its fragment, to send to a
//! colleague or a journalist; no server is involved. Notes, which may be internal, go into the
//! link only when the person ticks the box for them.

use leptos::prelude::*;

use crate::exchange::snapshot::{self, Notes};
use crate::i18n::Msg;
use crate::route::Route;
use crate::state::{io, use_app};

#[component]
pub fn SharePanel() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let link = RwSignal::new(None::<String>);
    let notes = RwSignal::new(Notes::default());
    let make = move || {
        let taken_at = io::now_iso();
        let payload = app
            .tracking
            .with_untracked(|t| snapshot::encode(t, &taken_at, notes.get_untracked()));
        link.set(Some(format!(
            "{}{}",
            io::page_address(),
            Route::Snapshot(payload).href()
        )));
    };
    let create = move |_| make();
    // A link already shown is made again at once, so that it always says what the box says.
    let choose_notes = move |ev| {
        let included = event_target_checked(&ev);
        notes.set(if included {
            Notes::Included
        } else {
            Notes::Left
        });
        if link.with_untracked(Option::is_some) {
            make();
        }
    };
    let copy = move |_| {
        if link.with_untracked(|l| l.as_deref().is_some_and(io::copy_text)) {
            app.announcement
                .set(Msg::ShareCopied.get(lang.get_untracked()).to_owned());
        }
    };
    view! {
        <section class="share-panel no-print" aria-labelledby="share-title">
            <h2 id="share-title">{move || Msg::ShareTitle.get(lang.get())}</h2>
            <p class="hint">{move || Msg::ShareHelp.get(lang.get())}</p>
            <div class="field share-notes">
                <label class="checkbox">
                    <input
                        id="share-notes"
                        type="checkbox"
                        aria-describedby="share-notes-hint"
                        prop:checked=move || notes.get() == Notes::Included
                        on:change=choose_notes
                    />
                    {move || lang.get().pick("Kèm các ghi chú", "Include the notes")}
                </label>
                <p id="share-notes-hint" class="hint">
                    {move || lang.get().pick(
                        "Ghi chú của số liệu, nhiệm vụ và giải pháp có thể chứa thông tin nội bộ; mặc định không đưa vào liên kết.",
                        "Notes on figures, tasks and solutions may hold internal information; by default they stay out of the link.",
                    )}
                </p>
            </div>
            <button id="share-create" type="button" on:click=create>{move || Msg::ShareCreate.get(lang.get())}</button>
            {move || link.get().map(|url| {
                let length = url.chars().count();
                view! {
                    <div class="field share-link">
                        <label for="share-link">
                            {move || format!("{} ({length} {})", Msg::ShareLink.get(lang.get()), lang.get().pick("ký tự", "characters"))}
                        </label>
                        <input id="share-link" type="text" readonly prop:value=url.clone() on:focus=move |ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        }/>
                        <button type="button" on:click=copy>{move || Msg::ShareCopy.get(lang.get())}</button>
                    </div>
                }
            })}
        </section>
    }
}
