//! A snapshot shared by link, shown read-only and clearly marked as someone else's figures,
//! with the offer to import it into the user's own data: previewed like a file, then applied
//! whole, with undo.

use leptos::prelude::*;

use crate::components::import_preview::ImportPreview;
use crate::components::question_prompt::QuestionPrompt;
use crate::components::status_badge::StatusBadge;
use crate::components::targets_head::{NoteColumn, TargetsHead};
use crate::exchange::snapshot::{decode, Moment};
use crate::exchange::{snapshot_preview, Preview};
use crate::i18n::Msg;
use crate::plan::edit::{Edit, Undoable};
use crate::plan::progress_all;
use crate::present;
use crate::state::{io, use_app, Action};

/// Where the reader is in importing the snapshot into their own data.
#[derive(Clone)]
enum Step {
    Offer,
    /// What the import would add and replace, checked like a file; nothing changed yet.
    Preview(Preview),
    Imported,
    /// The snapshot could not be turned into an import (a figure that is not a number).
    Failed(String),
}

#[component]
pub fn SnapshotPage(payload: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let plan = app.plan;
    // The reader's clock, which the link's date may not be later than.
    let now = Moment(io::now_ms());
    let snapshot = match decode(plan, &payload, now) {
        Ok(snapshot) => snapshot,
        Err(e) => {
            // Said as text: the line quoted comes from the link.
            return view! {
                <h1 class="page-title">{move || Msg::SnapshotTitle.get(lang.get())}</h1>
                <p class="banner banner-warning" role="alert" data-snapshot="refused">{move || e.message(lang.get())}</p>
                <p><a href="#/">{move || Msg::BackToOverview.get(lang.get())}</a></p>
            }
            .into_any();
        }
    };
    let list = progress_all(plan, &snapshot.tracking);
    // Importing a snapshot is checked and previewed like a file, then applied whole.
    let step = RwSignal::new(Step::Offer);
    let (shared, shared_at) = (snapshot.clone(), snapshot.taken_at.clone());
    let check = move |_| {
        let current = app.tracking.get_untracked();
        // A link without notes leaves the reader's own notes as they are.
        let shared = shared.for_import(&current);
        step.set(
            match snapshot_preview(plan, &current, &shared, &shared_at) {
                Ok(preview) => Step::Preview(preview),
                Err(e) => Step::Failed(e),
            },
        );
    };
    let apply = move |_| {
        if let Step::Preview(preview) = step.get_untracked() {
            if let Some(result) = preview.apply() {
                app.dispatch(Action::Edit(Edit::ApplyImport(result)));
                step.set(Step::Imported);
            }
        }
    };
    let import_step = move || {
        lang.track();
        match step.get() {
            Step::Offer => view! {
                <button id="snapshot-import" type="button" class="primary" on:click=check.clone()>
                    {Msg::SnapshotImport.get(lang.get_untracked())}
                </button>
            }
            .into_any(),
            Step::Preview(preview) => {
                let can_apply = preview.can_apply();
                view! {
                    <ImportPreview preview=preview/>
                    <div class="actions">
                        {can_apply.then(|| view! {
                            <button id="snapshot-apply" type="button" class="primary" on:click=apply>
                                {Msg::ApplyImport.get(lang.get_untracked())}
                            </button>
                        })}
                        <button type="button" on:click=move |_| step.set(Step::Offer)>
                            {Msg::Cancel.get(lang.get_untracked())}
                        </button>
                    </div>
                }
                .into_any()
            }
            Step::Imported => view! {
                <p class="form-status">{Msg::SnapshotImported.get(lang.get_untracked())}</p>
                <div class="actions">
                    <QuestionPrompt shown=Signal::derive(move || app.pending.with(|p| p.as_ref().is_some_and(|p| matches!(p.edit, Edit::Undo(Undoable::Import)))))/>
                    <button type="button" on:click=move |_| { app.dispatch(Action::Edit(Edit::Undo(Undoable::Import))); if app.pending.with_untracked(Option::is_none) { step.set(Step::Offer) } }>
                        {Msg::Undo.get(lang.get_untracked())}
                    </button>
                    <a class="button-link" href="#/">{Msg::BackToOverview.get(lang.get_untracked())}</a>
                </div>
            }
            .into_any(),
            Step::Failed(detail) => view! { <p class="error" role="alert">{detail}</p> }.into_any(),
        }
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
                    <td class="achievement" data-label=move || present::details::achievement_label(target, lang.get())>{move || present::achievement(&p, lang.get())}</td>
                    <td class="status-cell" data-label=move || Msg::Status.get(lang.get())><StatusBadge status=Signal::derive(move || p.status)/></td>
                </tr>
            }
        })
        .collect_view();
    // The sender's moment, in the reader's time zone and language.
    let taken = io::local_parts(&snapshot.taken_at);
    let taken_at = move || match taken {
        Some((year, month, day, hour, minute)) => {
            present::date_time(year, month, day, hour, minute, lang.get())
        }
        None => snapshot.taken_at.clone(),
    };
    view! {
        <h1 class="page-title">{move || Msg::SnapshotTitle.get(lang.get())}</h1>
        <div class="banner banner-snapshot" data-snapshot="read-only">
            <p>{move || Msg::SnapshotNotice.get(lang.get())} " " <time>{taken_at}</time>"."</p>
            <div class="snapshot-import">{import_step}</div>
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
