//! The question an edit asks before it is made ("Kỳ 9 tháng đã có số liệu …. Thay bằng số
//! mới?"), shown where the edit was made, with a yes and a no. Nothing changes until yes.

use leptos::html;
use leptos::prelude::*;

use crate::plan::edit::{Consent, Edit};
use crate::present;
use crate::state::{use_app, Action};

/// The target an edit is about, for the figures the question names.
fn target_of(edit: &Edit) -> Option<&crate::plan::TargetId> {
    match edit {
        Edit::SaveEntry { target, .. }
        | Edit::DeleteEntry { target, .. }
        | Edit::SetPrior { target, .. }
        | Edit::SetAssessment { target, .. } => Some(target),
        Edit::SetItemProgress { .. }
        | Edit::SetItemNote { .. }
        | Edit::ApplyImport(_)
        | Edit::Undo(_) => None,
    }
}

/// Shows the pending question when `shown` says it belongs here; `answered` runs after the
/// user's answer has been carried out, with the answer.
#[component]
pub fn QuestionPrompt(
    #[prop(into)] shown: Signal<bool>,
    #[prop(optional)] answered: Option<Callback<Consent>>,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let yes_button = NodeRef::<html::Button>::new();
    let text = move || {
        app.pending.with(|p| {
            p.as_ref().map(|p| {
                let target = target_of(&p.edit).and_then(|id| app.plan.target(id.as_str()));
                present::edit::question(target, &p.question, lang.get())
            })
        })
    };
    let answer = move |consent: Consent| {
        app.dispatch(Action::Answer(consent));
        if let Some(done) = answered {
            done.run(consent);
        }
    };
    // The question takes the focus, so that a keyboard user answers it first.
    Effect::new(move |_| {
        if shown.get() {
            if let Some(button) = yes_button.get() {
                let _ = button.focus();
            }
        }
    });
    move || {
        shown.get().then(|| {
            view! {
                <div class="question" role="alertdialog" aria-labelledby="question-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { answer(Consent::NotAsked) }>
                    <p id="question-text">{text}</p>
                    <div class="actions">
                        <button type="button" id="question-yes" class="primary" node_ref=yes_button
                            on:click=move |_| answer(Consent::Given)>
                            {move || lang.get().pick("Đồng ý", "Yes")}
                        </button>
                        <button type="button" id="question-no" on:click=move |_| answer(Consent::NotAsked)>
                            {move || lang.get().pick("Không", "No")}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
