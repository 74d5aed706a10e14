//! The heading of the printed report, as a provincial report has it: title, the resolution,
//! the period reported and the date. Shown only in print.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::present;
use crate::state::use_app;

fn today(lang: crate::i18n::Lang) -> String {
    let now = js_sys::Date::new_0();
    present::date(
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        lang,
    )
}

#[component]
pub fn ReportHeading() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    view! {
        <header class="report-heading print-only">
            <p class="report-province">{move || lang.get().pick("TỈNH LAI CHÂU", "LAI CHÂU PROVINCE")}</p>
            <h1 class="report-title">{move || Msg::ReportTitle.get(lang.get())}</h1>
            <p class="report-basis">{move || Msg::ReportBasis.get(lang.get())}</p>
            <p class="report-meta">
                {move || format!(
                    "{}: {} · {}: {}",
                    Msg::ReportPeriod.get(lang.get()),
                    app.tracking.with(|t| present::report_period(t, app.plan.year, lang.get())),
                    Msg::ReportDate.get(lang.get()),
                    today(lang.get()),
                )}
            </p>
        </header>
    }
}
