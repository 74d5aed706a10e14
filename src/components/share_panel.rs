//! Makes a link that carries a snapshot of the current figures in its fragment, to send to a
//! colleague or a journalist; no server is involved.

use leptos::prelude::*;

use crate::exchange::snapshot;
use crate::i18n::Msg;
use crate::route::Route;
use crate::state::use_app;

fn page_address() -> String {
    let location = web_sys::window().map(|w| w.location());
    let href = location.and_then(|l| l.href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let link = RwSignal::new(None::<String>);
    let create = move |_| {
        let taken_at = String::from(js_sys::Date::new_0().to_iso_string());
        let payload = app
            .tracking
            .with_untracked(|t| snapshot::encode(t, &taken_at));
        link.set(Some(format!(
            "{}{}",
            page_address(),
            Route::Snapshot(payload).href()
        )));
    };
    let copy = move |_| {
        if let (Some(text), Some(window)) = (link.get_untracked(), web_sys::window()) {
            let _ = window.navigator().clipboard().write_text(&text);
            app.announcement
                .set(Msg::ShareCopied.get(lang.get_untracked()).to_owned());
        }
    };
    view! {
        <section class="share-panel no-print" aria-labelledby="share-title">
            <h2 id="share-title">{move || Msg::ShareTitle.get(lang.get())}</h2>
            <p class="hint">{move || Msg::ShareHelp.get(lang.get())}</p>
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
