//! The form that adds or edits one figure of a target: period, value, estimate or official,
//! note. The periods are those the domain offers for the target, grouped so that a figure
//! from January and a month's or quarter's own are never confused; the form starts at the
//! period chosen last. The value is parsed by the domain in the interface's language; a
//! refused value changes nothing and says why beside the field. A question the edit raises
//! (a figure already there, a doubtful value) is asked in place before anything is saved.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::components::period_options::PeriodOptions;
use crate::components::question_prompt::QuestionPrompt;
use crate::components::voice::{Part, Voice};
use crate::i18n::{Lang, Msg};
use crate::plan::edit::{Consent, Edit};
use crate::plan::number::parse_for;
use crate::plan::period::Reading;
use crate::plan::{Basis, Entry, NumericGoal, Period, Target};
use crate::present;
use crate::state::{use_app, Action};

/// The form's fields, shared with the entries table so that "edit" can fill them.
#[derive(Clone, Copy)]
pub struct EntryDraft {
    pub period: RwSignal<Period>,
    pub value: RwSignal<String>,
    pub basis: RwSignal<Basis>,
    pub note: RwSignal<String>,
    /// The entry being edited, if any.
    pub editing: RwSignal<Option<(Period, Basis)>>,
    pub error: RwSignal<Option<String>>,
    pub value_input: NodeRef<html::Input>,
}

impl EntryDraft {
    pub fn new() -> EntryDraft {
        EntryDraft {
            period: RwSignal::new(Period::Month(1)),
            value: RwSignal::new(String::new()),
            basis: RwSignal::new(Basis::Estimate),
            note: RwSignal::new(String::new()),
            editing: RwSignal::new(None),
            error: RwSignal::new(None),
            value_input: NodeRef::new(),
        }
    }

    /// Fills the form with an entry to edit, and puts the cursor in the value.
    pub fn edit(&self, entry: &Entry, lang: Lang) {
        self.period.set(entry.period);
        self.basis.set(entry.basis);
        self.value.set(present::editable(entry.value, lang));
        self.note.set(entry.note.clone());
        self.editing.set(Some((entry.period, entry.basis)));
        self.error.set(None);
        self.focus_value();
    }

    /// Puts the cursor in the value field.
    pub fn focus_value(&self) {
        if let Some(input) = self.value_input.get_untracked() {
            let _ = input.focus();
        }
    }

    /// Empties the form for the next figure; the period and basis stay, since the next figure
    /// is most often of the same period.
    fn reset(&self) {
        self.value.set(String::new());
        self.note.set(String::new());
        self.editing.set(None);
        self.error.set(None);
    }
}

impl Default for EntryDraft {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn EntryForm(
    target: &'static Target,
    goal: &'static NumericGoal,
    draft: EntryDraft,
    voice: Voice,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let reading = Reading::of(goal);
    // The period chosen last (on any target, in any visit), else the latest with a figure.
    let latest = app.tracking.with_untracked(present::latest_period);
    draft
        .period
        .set(Period::starting(goal, app.last_entry_period(), latest));
    // The pending question is this form's when it is about saving one of this target's figures.
    let asking = Memo::new(move |_| {
        app.pending.with(|p| {
            p.as_ref().is_some_and(
                |p| matches!(&p.edit, Edit::SaveEntry { target: t, .. } if *t == target.id),
            )
        })
    });
    // A question left unanswered goes with the page (the route's change clears it in `app.rs`):
    // coming back, the form is empty, and a yes never saves a value that is not on screen.
    // Changing what the question is about withdraws it: a "yes" must never save a value other
    // than the one on screen.
    let changed = move || {
        voice.hush(Part::EntryForm);
        if asking.get_untracked() {
            app.dispatch(Action::Answer(Consent::NotAsked));
        }
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        match parse_for(&draft.value.get_untracked(), lang, goal) {
            Err(e) => draft.error.set(Some(e.message(lang))),
            Ok(None) => draft
                .error
                .set(Some(Msg::ValueRequired.get(lang).to_owned())),
            Ok(Some(value)) => {
                let entry = Entry {
                    period: draft.period.get_untracked(),
                    basis: draft.basis.get_untracked(),
                    value,
                    note: draft.note.get_untracked().trim().to_owned(),
                };
                voice.speak(Part::EntryForm);
                app.dispatch(Action::Edit(Edit::SaveEntry {
                    target: target.id.clone(),
                    entry,
                    replacing: draft.editing.get_untracked(),
                }));
                // A question keeps the draft until it is answered (see `answered` below).
                if app.pending.with_untracked(Option::is_none) {
                    draft.reset();
                }
            }
        }
    };
    let answered = Callback::new(move |consent| {
        if consent == Consent::Given {
            draft.reset();
        }
        // Yes: the next figure is typed there; no: what was typed is there to correct.
        draft.focus_value();
    });
    // The label names the period chosen too, so a screen reader says all the field asks.
    let value_label = move || present::entry_value_label(target, draft.period.get(), lang.get());
    let hint = move || present::figures::entry_hint(goal, draft.period.get(), lang.get());
    let heading = move || {
        let action = if draft.editing.get().is_some() {
            Msg::EditEntry
        } else {
            Msg::AddEntry
        };
        action.get(lang.get())
    };
    let form_name = move || format!("{}: {}", heading(), target.name(lang.get()));
    let invalid = move || draft.error.with(Option::is_some).then_some("true");
    let basis_radio = move |basis: Basis, msg: Msg| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="basis"
                    value=basis.code()
                    prop:checked=move || draft.basis.get() == basis
                    on:change=move |_| {
                        draft.basis.set(basis);
                        changed();
                    }
                />
                {move || msg.get(lang.get())}
            </label>
        }
    };
    view! {
        // Named after the target, the form is a landmark a screen reader can jump to, and the
        // short labels inside it ("Kỳ", "Ghi chú") are heard in the target's context.
        <form id="entry-form" class="entry-form" on:submit=submit novalidate aria-label=form_name>
            <h2>{heading}</h2>
            <div class="field">
                <label for="entry-period">{move || format!("{}: {}", Msg::Period.get(lang.get()), target.name(lang.get()))}</label>
                <select
                    id="entry-period"
                    on:change=move |ev| {
                        if let Ok(p) = event_target_value(&ev).parse::<Period>() {
                            draft.period.set(p);
                            app.remember_entry_period(p);
                            changed();
                        }
                    }
                    prop:value=move || draft.period.get().code()
                >
                    <PeriodOptions goal chosen=draft.period name=move |p: Period, lang| p.option_label(reading, lang)/>
                </select>
            </div>
            <div class="field field-value">
                <label for="entry-value">{value_label}</label>
                <input
                    id="entry-value"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby="entry-value-hint entry-value-error"
                    aria-invalid=invalid
                    node_ref=draft.value_input
                    prop:value=move || draft.value.get()
                    on:input=move |ev| {
                        draft.value.set(event_target_value(&ev));
                        draft.error.set(None);
                        changed();
                    }
                />
                <p id="entry-value-hint" class="hint">{hint}</p>
                <p id="entry-value-error" class="error" role="alert">{move || draft.error.get()}</p>
            </div>
            <fieldset class="field">
                <legend>{move || Msg::Basis.get(lang.get())}</legend>
                {basis_radio(Basis::Estimate, Msg::Estimate)}
                {basis_radio(Basis::Official, Msg::Official)}
            </fieldset>
            <div class="field">
                <label for="entry-note">
                    {move || format!("{} ({}): {}", Msg::Note.get(lang.get()), draft.period.get().label_for(reading, lang.get()), target.name(lang.get()))}
                </label>
                <input
                    id="entry-note"
                    type="text"
                    maxlength="500"
                    prop:value=move || draft.note.get()
                    on:input=move |ev| {
                        draft.note.set(event_target_value(&ev));
                        changed();
                    }
                />
            </div>
            <div class="actions">
                <button id="entry-save" type="submit" class="primary">{move || Msg::Save.get(lang.get())}</button>
                {move || draft.editing.get().map(|_| view! {
                    <button type="button" id="entry-cancel" on:click=move |_| {
                        draft.reset();
                        changed();
                    }>{Msg::Cancel.get(lang.get())}</button>
                })}
            </div>
            <QuestionPrompt shown=asking answered=answered/>
            <p class="form-status">{move || voice.notice(Part::EntryForm)}</p>
        </form>
    }
}
