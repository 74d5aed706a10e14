//! The site header: the app's name, the navigation and the language switch.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::route::Route;
use crate::state::{use_app, Action};

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let current = move |route: Route| {
        move || {
            let here = app.route.get();
            let same = match (&here, &route) {
                (Route::Target(_), Route::Overview) => true,
                (a, b) => a == b,
            };
            same.then_some("page")
        }
    };
    view! {
        <header class="site-header">
            <div class="brand">
                <a class="brand-title" href="#/">{move || Msg::AppTitle.get(lang.get())}</a>
                <span class="brand-subtitle">{move || Msg::AppSubtitle.get(lang.get())}</span>
            </div>
            <nav class="site-nav" aria-label=move || lang.get().pick("Điều hướng chính", "Main navigation")>
                <a href="#/" aria-current=current(Route::Overview)>{move || Msg::NavOverview.get(lang.get())}</a>
                <a href="#/nhiem-vu" aria-current=current(Route::Tasks)>{move || Msg::NavTasks.get(lang.get())}</a>
                <a href="#/nghi-quyet" aria-current=current(Route::Resolution)>{move || Msg::NavResolution.get(lang.get())}</a>
                <a href="#/du-lieu" aria-current=current(Route::Data)>{move || Msg::NavData.get(lang.get())}</a>
                <button
                    id="lang-switch"
                    type="button"
                    lang=move || lang.get().other().code()
                    on:click=move |_| app.dispatch(Action::SetLang(lang.get_untracked().other()))
                >
                    {move || Msg::SwitchLanguage.get(lang.get())}
                </button>
            </nav>
        </header>
    }
}
