//! The data page (`#/du-lieu`): export a JSON backup or a CSV for Excel, see when the last
//! export was made, and import a file through a preview that applies all or nothing, with undo.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::components::import_preview::ImportPreview;
use crate::exchange::files;
use crate::exchange::{export_csv, export_json, file_name, import, oversized, Format};
use crate::i18n::{Lang, Msg};
use crate::state::{use_app, Action};
use crate::storage::local;

/// An ISO time shown in the reader's locale and time zone.
fn local_time(iso: &str, lang: Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    String::from(date.to_locale_string(lang.code(), &JsValue::UNDEFINED))
}

#[component]
pub fn DataPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let export_error = RwSignal::new(None::<String>);
    let export = move |format: Format| {
        let now = String::from(js_sys::Date::new_0().to_iso_string());
        let content = app.tracking.with_untracked(|t| match format {
            Format::Json => export_json(app.plan, t, &now),
            Format::Csv => Ok(export_csv(app.plan, t)),
        });
        let name = file_name(app.plan, format, &now);
        match content.and_then(|c| files::download(&name, format.mime(), &c)) {
            Ok(()) => {
                export_error.set(None);
                app.dispatch(Action::ExportDone { exported_at: now });
            }
            Err(e) => export_error.set(Some(e)),
        }
    };

    // The chosen file, kept as text; the preview is recomputed against the current data, so
    // that what is applied is always checked against what is there now.
    let chosen = RwSignal::new(None::<(String, String)>);
    let too_large = RwSignal::new(None::<(String, u64)>);
    // The name of the file picked, shown beside the chooser in the page's language.
    let picked = RwSignal::new(None::<String>);
    let read_error = RwSignal::new(None::<String>);
    let preview = Memo::new(move |_| {
        if let Some((name, bytes)) = too_large.get() {
            return app.tracking.with(|t| oversized(&name, bytes, t));
        }
        chosen.with(|c| {
            c.as_ref()
                .map(|(name, text)| app.tracking.with(|t| import(app.plan, t, name, text)))
        })
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        let name = file.name();
        picked.set(Some(name.clone()));
        let bytes = file.size() as u64;
        read_error.set(None);
        chosen.set(None);
        too_large.set(None);
        // Refused before reading: a 1 GB file must not be loaded into the tab to be refused.
        if app
            .tracking
            .with_untracked(|t| oversized(&name, bytes, t))
            .is_some()
        {
            too_large.set(Some((name, bytes)));
            return;
        }
        spawn_local(async move {
            match files::read_text(&file).await {
                Ok(text) => chosen.set(Some((name, text))),
                Err(e) => read_error.set(Some(e)),
            }
        });
    };
    let apply = move |_| {
        let result = preview
            .with_untracked(|p| p.as_ref().filter(|p| p.can_apply()).and_then(|p| p.apply()));
        if let Some(result) = result {
            app.dispatch(Action::ApplyImport(result));
            chosen.set(None);
        }
    };
    let can_apply = move || preview.with(|p| p.as_ref().is_some_and(|p| p.can_apply()));

    let last_export = move || {
        let lang = lang.get();
        match app.last_export.get() {
            Some(mark) => format!(
                "{} {}",
                Msg::LastExport.get(lang),
                local_time(&mark.exported_at, lang)
            ),
            None => Msg::NeverExported.get(lang).to_owned(),
        }
    };
    let unreadable_kept = local::unreadable_value().is_some();

    view! {
        <h1 class="page-title">{move || Msg::DataTitle.get(lang.get())}</h1>
        <section class="data-section" aria-labelledby="export-title">
            <h2 id="export-title">{move || Msg::ExportTitle.get(lang.get())}</h2>
            <p>{move || Msg::ExportHelp.get(lang.get())}</p>
            <p id="last-export" class="last-export">{last_export}</p>
            <div class="actions">
                <button id="export-json" type="button" class="primary" on:click=move |_| export(Format::Json)>
                    {move || Msg::ExportJson.get(lang.get())}
                </button>
                <button id="export-csv" type="button" on:click=move |_| export(Format::Csv)>
                    {move || Msg::ExportCsv.get(lang.get())}
                </button>
            </div>
            <p class="error" role="alert">
                {move || export_error.get().map(|e| format!("{} {e}", Msg::ExportFailed.get(lang.get())))}
            </p>
            {unreadable_kept.then(|| view! {
                <p class="unreadable-kept">
                    {move || Msg::UnreadableKept.get(lang.get())}
                    " "
                    <button id="download-unreadable" type="button" on:click=move |_| {
                        if let Err(e) = files::download_unreadable() {
                            export_error.set(Some(e));
                        }
                    }>{move || Msg::DownloadUnreadable.get(lang.get())}</button>
                </p>
            })}
        </section>
        <section class="data-section" aria-labelledby="import-title">
            <h2 id="import-title">{move || Msg::ImportTitle.get(lang.get())}</h2>
            <p>{move || Msg::ImportHelp.get(lang.get())}</p>
            <div class="field">
                <label for="import-file">{move || Msg::ImportFile.get(lang.get())}</label>
                // The browser's own chooser speaks the browser's language ("Choose File"): it lies,
                // invisible, over a button in the page's, and is still the control that is
                // focused, clicked and announced (its name is the label above).
                <div class="file-picker">
                    <span class="file-choose">
                        <span class="file-button" aria-hidden="true">{move || Msg::ChooseFile.get(lang.get())}</span>
                        <input id="import-file" class="file-input" type="file" accept=".json,.csv,application/json,text/csv" on:change=on_file/>
                    </span>
                    <span class="file-name">{move || picked.get().unwrap_or_else(|| Msg::NoFileChosen.get(lang.get()).to_owned())}</span>
                </div>
            </div>
            <p class="error" role="alert">
                {move || read_error.get().map(|e| format!("{} {e}", Msg::ImportReadFailed.get(lang.get())))}
            </p>
            {move || {
                lang.track();
                preview.get().map(|p| view! { <ImportPreview preview=p/> })
            }}
            <div class="actions">
                {move || can_apply().then(|| view! {
                    <button id="import-apply" type="button" class="primary" on:click=apply>
                        {Msg::ApplyImport.get(lang.get())}
                    </button>
                })}
                {move || app.before_import.with(Option::is_some).then(|| view! {
                    <button id="import-undo" type="button" on:click=move |_| app.dispatch(Action::UndoImport)>
                        {Msg::UndoImport.get(lang.get())}
                    </button>
                })}
            </div>
            <p class="form-status" role="status">{move || app.announcement.get()}</p>
        </section>
    }
}
