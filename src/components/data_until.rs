//! The line saying how far the figures go: "Số liệu đến: 9 tháng năm 2023", the latest period
//! of any figure, with the plan's year.

use leptos::prelude::*;

use crate::present;
use crate::state::use_app;

#[component]
pub fn DataUntil() -> impl IntoView {
    let app = use_app();
    let text = move || {
        app.tracking
            .with(|t| present::figures::data_until(t, app.plan.year, app.lang.get()))
    };
    view! { <p class="data-until">{text}</p> }
}
