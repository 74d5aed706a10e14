//! The figures of the year before the plan for one target: the whole year ("TH 2022") and
//! the same periods ("cùng kỳ": 9 tháng năm 2022), which reports compare the plan year's
//! figures with. A section with the figures entered and the form to enter or edit one; the
//! year is the plan's year less one.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::components::period_options::PeriodOptions;
use crate::components::prior_year_table::PriorYearTable;
use crate::components::voice::{Part, Voice};
use crate::i18n::{Lang, Msg};
use crate::plan::edit::Edit;
use crate::plan::number::{format_actual, parse_for};
use crate::plan::period::Reading;
use crate::plan::{NumericGoal, Period, Target};
use crate::present;
use crate::state::{use_app, Action};

/// The form's fields, shared with the table so that "edit" can fill them.
#[derive(Clone, Copy)]
pub struct PriorDraft {
    pub period: RwSignal<Period>,
    pub value: RwSignal<String>,
    /// The period whose figure is being edited; its period is then fixed.
    pub editing: RwSignal<Option<Period>>,
    pub error: RwSignal<Option<String>>,
    /// Says what became of this section's edits.
    pub voice: Voice,
    pub value_input: NodeRef<html::Input>,
}

impl PriorDraft {
    fn new(voice: Voice) -> PriorDraft {
        PriorDraft {
            period: RwSignal::new(Period::Year),
            value: RwSignal::new(String::new()),
            editing: RwSignal::new(None),
            error: RwSignal::new(None),
            voice,
            value_input: NodeRef::new(),
        }
    }

    /// Fills the form with a figure to edit, and puts the cursor in the value.
    pub fn edit(&self, period: Period, value: f64, lang: Lang) {
        self.period.set(period);
        self.value.set(present::editable(value, lang));
        self.editing.set(Some(period));
        self.error.set(None);
        self.voice.hush(Part::PriorYear);
        if let Some(input) = self.value_input.get_untracked() {
            let _ = input.focus();
        }
    }

    fn reset(&self) {
        self.value.set(String::new());
        self.editing.set(None);
        self.error.set(None);
    }
}

#[component]
pub fn PriorYearForm(
    target: &'static Target,
    goal: &'static NumericGoal,
    voice: Voice,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let reading = Reading::of(goal);
    let year = present::figures::prior_year(app.plan.year);
    let draft = PriorDraft::new(voice);
    let dated = move |p: Period, lang: Lang| p.dated(year, reading, lang);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        match parse_for(&draft.value.get_untracked(), lang, goal) {
            Err(e) => draft.error.set(Some(e.message(lang))),
            Ok(None) => draft
                .error
                .set(Some(Msg::ValueRequired.get(lang).to_owned())),
            Ok(Some(value)) => {
                voice.speak(Part::PriorYear);
                app.dispatch(Action::Edit(Edit::SetPrior {
                    target: target.id.clone(),
                    period: draft.period.get_untracked(),
                    value: Some(value),
                }));
                draft.reset();
            }
        }
    };
    // The figure already entered for the period chosen, which saving would replace: said
    // beside the field, so that nothing is replaced unseen (and the undo is at hand after).
    let existing = move || {
        let period = draft.period.get();
        if draft.editing.get() == Some(period) {
            return None;
        }
        let value = app.tracking.with(|t| t.prior(&target.id, period))?;
        let lang = lang.get();
        let value = format_actual(value, goal, lang);
        Some(match lang {
            Lang::Vi => format!("Kỳ này đã có số {value}; lưu sẽ thay số đó."),
            Lang::En => format!("This period has {value} already; saving replaces it."),
        })
    };
    let heading = move || {
        let lang = lang.get();
        match draft.editing.get() {
            Some(p) => format!(
                "{} {}",
                lang.pick("Sửa số liệu", "Edit the figure of"),
                dated(p, lang)
            ),
            None => lang
                .pick(
                    "Nhập số liệu năm trước",
                    "Enter a figure of the year before",
                )
                .to_owned(),
        }
    };
    let period_label = move || {
        let lang = lang.get();
        format!(
            "{} {year}: {}",
            lang.pick("Kỳ của năm", "Period of"),
            target.name(lang)
        )
    };
    let value_label = move || {
        present::figures::prior_value_label(target, draft.period.get(), app.plan.year, lang.get())
    };
    let intro = move || {
        match lang.get() {
        Lang::Vi => format!(
            "Thực hiện cả năm {year} (TH {year}) và số cùng kỳ năm {year} (ví dụ 9 tháng năm {year}), để so sánh với số liệu năm {}.",
            app.plan.year
        ),
        Lang::En => format!(
            "The outturn of the whole year {year} and of the same periods of {year} (e.g. nine months {year}), which {}'s figures are compared with.",
            app.plan.year
        ),
    }
    };
    // While a figure is edited its period stays: to move it, delete it and enter it anew.
    let period_field = move || {
        match draft.editing.get() {
        Some(p) => view! {
            <p class="field fixed-period">{move || period_label()} ": " <strong>{move || dated(p, lang.get())}</strong></p>
        }
        .into_any(),
        None => view! {
            <div class="field">
                <label for="prior-period">{period_label}</label>
                <select
                    id="prior-period"
                    on:change=move |ev| {
                        if let Ok(p) = event_target_value(&ev).parse::<Period>() {
                            draft.period.set(p);
                            voice.hush(Part::PriorYear);
                        }
                    }
                    prop:value=move || draft.period.get().code()
                >
                    <PeriodOptions goal chosen=draft.period name=dated/>
                </select>
            </div>
        }
        .into_any(),
    }
    };
    view! {
        <section class="prior-year" aria-labelledby="prior-title">
            <h2 id="prior-title">{move || format!("{} {year}", lang.get().pick("Số liệu năm", "Figures of"))}</h2>
            <p class="hint">{intro}</p>
            <PriorYearTable target=target goal=goal draft=draft/>
            <form id="prior-form" class="prior-form" on:submit=submit novalidate aria-labelledby="prior-form-title">
                <h3 id="prior-form-title">{heading}</h3>
                {period_field}
                <div class="field">
                    <label for="prior-value">{value_label}</label>
                    <input
                        id="prior-value"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-describedby="prior-existing prior-error"
                        aria-invalid=move || draft.error.with(Option::is_some).then_some("true")
                        node_ref=draft.value_input
                        prop:value=move || draft.value.get()
                        on:input=move |ev| {
                            draft.value.set(event_target_value(&ev));
                            draft.error.set(None);
                            voice.hush(Part::PriorYear);
                        }
                    />
                    <p id="prior-existing" class="hint">{existing}</p>
                    <p id="prior-error" class="error" role="alert">{move || draft.error.get()}</p>
                </div>
                <div class="actions">
                    <button id="prior-save" type="submit" class="primary">{move || Msg::Save.get(lang.get())}</button>
                    {move || draft.editing.get().map(|_| view! {
                        <button type="button" id="prior-cancel" on:click=move |_| draft.reset()>{Msg::Cancel.get(lang.get())}</button>
                    })}
                </div>
                <p class="form-status">{move || voice.notice(Part::PriorYear)}</p>
            </form>
        </section>
    }
}
