//! The heading of the Biểu, as a provincial report opens: the issuing authority at the left,
//! the nation's name and motto at the right, then the form's number, the title (the page's
//! h1) and what the Biểu is attached to. Its words are `report::Heading`'s.

use leptos::prelude::*;

use crate::report::Heading;

#[component]
pub fn ReportHeading(heading: Heading) -> impl IntoView {
    let Heading {
        authority: [authority, province],
        nation: [nation, motto],
        form,
        title,
        attached,
    } = heading;
    view! {
        <header class="bieu-heading">
            <div class="bieu-parties">
                <p class="bieu-authority">
                    <strong>{authority}</strong>
                    <strong class="bieu-rule">{province}</strong>
                </p>
                <p class="bieu-nation">
                    <strong>{nation}</strong>
                    <strong class="bieu-rule">{motto}</strong>
                </p>
            </div>
            <p class="bieu-form">{form}</p>
            <h1 class="bieu-title">{title}</h1>
            <p class="bieu-attached">{attached}</p>
        </header>
    }
}
