//! The user's assessment of a qualitative target ("giữ vững …"), which has no number.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::plan::edit::Edit;
use crate::plan::{Assessment, Status, Target};
use crate::state::{use_app, Action};

const CHOICES: [(Assessment, Status); 5] = [
    (Assessment::Achieved, Status::Achieved),
    (Assessment::OnTrack, Status::OnTrack),
    (Assessment::AtRisk, Status::AtRisk),
    (Assessment::OffTrack, Status::OffTrack),
    (Assessment::Missed, Status::Missed),
];

#[component]
pub fn AssessmentForm(target: &'static Target) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let current = move || {
        app.tracking
            .with(|t| t.assessments.get(&target.id).copied())
    };
    let code = move || {
        current()
            .and_then(|a| CHOICES.iter().find(|(c, _)| *c == a).map(|(_, s)| s.code()))
            .unwrap_or("")
    };
    let change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = CHOICES
            .iter()
            .find(|(_, s)| s.code() == value)
            .map(|(a, _)| *a);
        app.dispatch(Action::Edit(Edit::SetAssessment {
            target: target.id.clone(),
            value: chosen,
        }));
    };
    view! {
        <div class="assessment field">
            <label for="assessment">{move || format!("{}: {}", Msg::Assessment.get(lang.get()), target.name(lang.get()))}</label>
            <select id="assessment" on:change=change prop:value=code>
                <option value="" selected=move || code().is_empty()>{move || Msg::NotAssessed.get(lang.get())}</option>
                {CHOICES
                    .into_iter()
                    .map(|(_, status)| view! {
                        <option value=status.code() selected=move || code() == status.code()>{move || status.label(lang.get())}</option>
                    })
                    .collect_view()}
            </select>
            <p class="hint">{move || Msg::AssessmentHelp.get(lang.get())}</p>
        </div>
    }
}
