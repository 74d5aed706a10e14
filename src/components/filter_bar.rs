//! Find and filter on the overview: a text search that ignores diacritics, a group and a status.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::plan::{Status, COUNTED};
use crate::state::use_app;

/// The filter's fields, owned by the overview.
#[derive(Clone, Copy)]
pub struct FilterFields {
    pub text: RwSignal<String>,
    pub group: RwSignal<Option<u8>>,
    pub status: RwSignal<Option<Status>>,
}

impl FilterFields {
    pub fn new() -> FilterFields {
        FilterFields {
            text: RwSignal::new(String::new()),
            group: RwSignal::new(None),
            status: RwSignal::new(None),
        }
    }
}

impl Default for FilterFields {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn FilterBar(fields: FilterFields, #[prop(into)] matches: Signal<usize>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let groups = app.plan.groups.iter().map(|g| {
        let n = g.number;
        view! { <option value=n.to_string() selected=move || fields.group.get() == Some(n)>{move || format!("({n}) {}", g.name(lang.get()))}</option> }
    });
    let groups = groups.collect_view();
    view! {
        <search class="filter-bar" aria-label=move || Msg::SearchLabel.get(lang.get())>
            <div class="field">
                <label for="filter-text">{move || Msg::SearchLabel.get(lang.get())}</label>
                <input
                    id="filter-text"
                    type="search"
                    autocomplete="off"
                    placeholder=move || Msg::SearchPlaceholder.get(lang.get())
                    prop:value=move || fields.text.get()
                    on:input=move |ev| fields.text.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="filter-group">{move || Msg::FilterGroup.get(lang.get())}</label>
                <select id="filter-group" on:change=move |ev| fields.group.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || fields.group.get().is_none()>{move || Msg::AllGroups.get(lang.get())}</option>
                    {groups}
                </select>
            </div>
            <div class="field">
                <label for="filter-status">{move || Msg::FilterStatus.get(lang.get())}</label>
                <select
                    id="filter-status"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        fields.status.set(COUNTED.into_iter().find(|s| s.code() == code));
                    }
                >
                    <option value="" selected=move || fields.status.get().is_none()>{move || Msg::AllStatuses.get(lang.get())}</option>
                    {COUNTED
                        .into_iter()
                        .map(|s| view! { <option value=s.code() selected=move || fields.status.get() == Some(s)>{move || s.label(lang.get())}</option> })
                        .collect_view()}
                </select>
            </div>
            <p class="filter-count" aria-live="polite">
                {move || format!("{} {}", matches.get(), Msg::Matches.get(lang.get()))}
            </p>
        </search>
    }
}
