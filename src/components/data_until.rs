//! The line saying how far the figures go: "Số liệu đến 9 tháng năm 2023", the latest period
//! of any figure, with the plan's year; the report's heading says the same words.

use leptos::prelude::*;

use crate::plan::headline;
use crate::present::verdict::figures_up_to;
use crate::state::use_app;

#[component]
pub fn DataUntil() -> impl IntoView {
    let app = use_app();
    let text = move || {
        let lang = app.lang.get();
        app.progress.with(|all| {
            app.tracking
                .with(|t| figures_up_to(&headline(app.plan, all, t), lang))
        })
    };
    view! { <p class="data-until">{text}</p> }
}
