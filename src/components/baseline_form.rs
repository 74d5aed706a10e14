//! The 2022 value of a target, which reduce-by targets need and the others use to measure the
//! way travelled. Empty clears it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::i18n::Msg;
use crate::plan::edit::Edit;
use crate::plan::number::parse_for;
use crate::plan::{NumericGoal, Period, Target};
use crate::present;
use crate::state::{use_app, Action};

#[component]
pub fn BaselineForm(target: &'static Target, goal: &'static NumericGoal) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let stored = move || app.tracking.with(|t| t.baseline(&target.id));
    let text = RwSignal::new(
        stored()
            .map(|v| present::editable(v, lang.get_untracked()))
            .unwrap_or_default(),
    );
    // Re-show the stored value in the new language's format when the language changes.
    Effect::watch(
        move || lang.get(),
        move |lang, _, _| {
            text.set(
                stored()
                    .map(|v| present::editable(v, *lang))
                    .unwrap_or_default(),
            )
        },
        false,
    );
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        match parse_for(&text.get_untracked(), lang, goal) {
            Err(e) => error.set(Some(e.message(lang))),
            Ok(value) => {
                error.set(None);
                app.dispatch(Action::Edit(Edit::SetPrior {
                    target: target.id.clone(),
                    period: Period::Year,
                    value,
                }));
            }
        }
    };
    view! {
        <form class="baseline-form" on:submit=submit novalidate>
            <div class="field">
                <label for="baseline-value">
                    {move || format!("{}: {} ({})", Msg::Baseline.get(lang.get()), target.name(lang.get()), goal.unit.label(lang.get()))}
                </label>
                <input
                    id="baseline-value"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby="baseline-hint baseline-error"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
                <p id="baseline-hint" class="hint">{move || Msg::BaselineHelp.get(lang.get())}</p>
                <p id="baseline-error" class="error" role="alert">{move || error.get()}</p>
            </div>
            <button id="baseline-save" type="submit">{move || Msg::Save.get(lang.get())}</button>
        </form>
    }
}
