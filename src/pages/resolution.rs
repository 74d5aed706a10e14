//! The full text of Resolution 52/NQ-HĐND, as adopted, for reading and quoting.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::plan::model::RESOLUTION_TEXT;
use crate::state::use_app;

#[component]
pub fn Resolution() -> impl IntoView {
    let lang = use_app().lang;
    // The stored text marks emphasis with asterisks; the page shows the words only.
    let paragraphs = RESOLUTION_TEXT
        .split("\n\n")
        .map(|p| p.replace('*', "").trim().to_owned())
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p}</p> })
        .collect_view();
    view! {
        <h1 class="page-title">{move || Msg::ResolutionTitle.get(lang.get())}</h1>
        <article class="resolution-text" lang="vi">{paragraphs}</article>
    }
}
