//! A snapshot shared by link, shown read-only and clearly marked as someone else's figures,
//! with the offer to import it into the user's own data.

use leptos::prelude::*;

use crate::components::status_badge::StatusBadge;
use crate::components::targets_head::{NoteColumn, TargetsHead};
use crate::i18n::Msg;
use crate::plan::{progress, Progress};
use crate::present;
use crate::snapshot::{decode, SnapshotError};
use crate::state::{use_app, Action};

#[component]
pub fn SnapshotPage(payload: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let plan = app.plan;
    let snapshot = match decode(plan, &payload) {
        Ok(snapshot) => snapshot,
        Err(e) => {
            let detail = match e {
                SnapshotError::Damaged => "damaged".to_owned(),
                SnapshotError::UnknownVersion => "version".to_owned(),
                SnapshotError::BadRecord(line) => line,
            };
            return view! {
                <h1 class="page-title">{move || Msg::SnapshotTitle.get(lang.get())}</h1>
                <p class="banner banner-warning" role="alert">{move || Msg::SnapshotDamaged.get(lang.get())} " " {detail}</p>
            }
            .into_any();
        }
    };
    let list: Vec<Progress> = plan
        .targets
        .iter()
        .map(|t| progress(t, &snapshot.tracking))
        .collect();
    let imported = RwSignal::new(false);
    let tracking = snapshot.tracking.clone();
    let import = move |_| {
        app.dispatch(Action::ImportSnapshot(tracking.clone()));
        imported.set(true);
    };
    let rows = plan
        .targets
        .iter()
        .zip(list)
        .map(|(target, p)| {
            view! {
                <tr data-target=target.id.0.clone()>
                    <th scope="row" class="target-name">{move || target.name(lang.get()).to_owned()}</th>
                    <td class="plan-value" data-label=move || Msg::PlanValue.get(lang.get())>{move || present::plan_value(target, lang.get())}</td>
                    <td class="current-value" data-label=move || Msg::CurrentValue.get(lang.get())>{move || present::current_value(target, &p, lang.get())}</td>
                    <td class="achievement" data-label=move || Msg::Achievement.get(lang.get())>{move || present::achievement(&p, lang.get())}</td>
                    <td class="status-cell" data-label=move || Msg::Status.get(lang.get())><StatusBadge status=Signal::derive(move || p.status)/></td>
                </tr>
            }
        })
        .collect_view();
    // The sender's moment, in the reader's time zone and language.
    let taken = js_sys::Date::new(&snapshot.taken_at.as_str().into());
    let taken_at = move || {
        if taken.get_time().is_nan() {
            return snapshot.taken_at.clone();
        }
        present::date_time(
            taken.get_full_year(),
            taken.get_month() + 1,
            taken.get_date(),
            taken.get_hours(),
            taken.get_minutes(),
            lang.get(),
        )
    };
    view! {
        <h1 class="page-title">{move || Msg::SnapshotTitle.get(lang.get())}</h1>
        <div class="banner banner-snapshot" data-snapshot="read-only">
            <p>{move || Msg::SnapshotNotice.get(lang.get())} " " <time>{taken_at}</time>"."</p>
            <div class="actions">
                <Show
                    when=move || !imported.get()
                    fallback=move || view! {
                        <p class="form-status">{move || Msg::SnapshotImported.get(lang.get())}</p>
                        <button type="button" on:click=move |_| { app.dispatch(Action::UndoImport); imported.set(false); }>
                            {move || Msg::Undo.get(lang.get())}
                        </button>
                        <a class="button-link" href="#/">{move || Msg::BackToOverview.get(lang.get())}</a>
                    }
                >
                    <button id="snapshot-import" type="button" class="primary" on:click=import.clone()>
                        {move || Msg::SnapshotImport.get(lang.get())}
                    </button>
                </Show>
            </div>
        </div>
        <section class="group">
            <table class="targets snapshot">
                <TargetsHead note=NoteColumn::Absent/>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
    .into_any()
}
