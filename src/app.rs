//! The root component: builds the state, keeps the route in step with the URL's hash, replaces
//! the pre-rendered overview, and lays out header, page and footer. (ECharts is loaded by the
//! first chart that draws with it: `ChartView`.)

use leptos::prelude::*;

use crate::components::{header::Header, storage_banner::StorageBanner};
use crate::components::{persist_note::PersistNote, update_banner::UpdateBanner};
use crate::i18n::Msg;
use crate::pages::{
    overview::Overview, resolution::Resolution, snapshot::SnapshotPage, target::TargetPage,
    tasks::Tasks,
};
use crate::plan::Plan;
use crate::route::Route;
use crate::state::{AppState, Rendering, StorageStatus};

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Focuses the page's h1 (never one shown only in print), made focusable by script
/// only (`tabindex=-1`), so that it is not a Tab stop.
fn focus_page_heading() {
    use wasm_bindgen::JsCast;
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("main h1:not(.print-only *)")
                .ok()
                .flatten()
        })
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h1) = heading {
        let _ = h1.set_attribute("tabindex", "-1");
        let _ = h1.focus();
    }
}

fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[component]
pub fn App() -> impl IntoView {
    let plan = match Plan::embedded() {
        Ok(plan) => &*Box::leak(Box::new(plan)),
        Err(e) => {
            return view! { <main id="main"><p role="alert">{e.to_string()}</p></main> }.into_any()
        }
    };
    // The overview written into index.html at build time has done its job: the app replaces it
    // in this same task, so no frame shows both. Its chart, when the first paint drew the
    // user's figures into it, stays on screen until the app has drawn its own.
    if let Some(prerendered) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
    {
        crate::components::groups_chart::adopt_prerendered(&prerendered);
        prerendered.remove();
    }
    let state = AppState::new(plan, Route::parse(&current_hash()));
    provide_context(state);
    state.dark.set(prefers_dark());

    // The hash is the route: links, back and forward all move it, on any static host.
    // A question left unanswered belongs to the page it was asked on: it goes with it, so that
    // a later "yes" never saves what is no longer on screen.
    let hash_listener = window_event_listener(leptos::ev::hashchange, move |_| {
        state.pending.set(None);
        state.route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || hash_listener.remove());

    // The page's language and title follow the switch.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            doc.set_title(Msg::AppTitle.get(lang));
        }
    });

    // A new page starts at its top, as a new document would; and focus moves to its
    // h1, so a screen reader says the new page and the next Tab starts from it. The first load
    // keeps the browser's own start (the watch is not immediate).
    Effect::watch(
        move || state.route.get(),
        |_, _, _| {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            // After the new page is in the DOM: the route's view renders in the same tick.
            request_animation_frame(focus_page_heading);
        },
        false,
    );

    // Every announcement goes into the live region as a new node, a frame after the
    // region was emptied, so that the same words twice ("Đã lưu." after a second save) are said
    // twice: a screen reader reads what is added to the region, and Leptos would only have
    // rewritten the same text in place. The words are a text node, never markup.
    let live_region = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let message = state.announcement.get();
        let Some(region) = live_region.get() else {
            return;
        };
        region.set_text_content(None);
        if message.is_empty() {
            return;
        }
        request_animation_frame(move || {
            let span = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("span").ok());
            if let Some(span) = span {
                span.set_text_content(Some(&message));
                let _ = region.append_child(&span);
            }
        });
    });

    let lang = state.lang;
    let page = move || match state.route.get() {
        Route::Overview => view! { <Overview/> }.into_any(),
        Route::Target(id) => view! { <TargetPage id=id/> }.into_any(),
        Route::Tasks => view! { <Tasks/> }.into_any(),
        Route::Resolution => view! { <Resolution/> }.into_any(),
        Route::Snapshot(payload) => view! { <SnapshotPage payload=payload/> }.into_any(),
        Route::Data => view! { <crate::pages::data::DataPage/> }.into_any(),
        Route::Report => view! { <crate::pages::report::ReportPage/> }.into_any(),
        Route::NotFound => view! {
            <h1>{move || Msg::NotFound.get(lang.get())}</h1>
            <p><a href="#/">{move || Msg::BackToOverview.get(lang.get())}</a></p>
        }
        .into_any(),
    };

    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main")) {
                use wasm_bindgen::JsCast;
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }>{move || Msg::SkipToContent.get(lang.get())}</a>
        <Header/>
        <StorageBanner/>
        <crate::components::export_nudge::ExportNudge/>
        <UpdateBanner/>
        // While nothing is saved, notices beside the forms say so in the warning's colour.
        <main id="main" tabindex="-1" data-app-ready=move || (state.rendering.get() == Rendering::Complete).then_some("")
            data-not-saved=move || (!state.storage.with(StorageStatus::saves)).then_some("")>{page}</main>
        <footer class="site-footer">
            <p>{move || Msg::Footer.get(lang.get())}</p>
            <PersistNote/>
        </footer>
        <div class="visually-hidden" role="status" aria-live="polite" node_ref=live_region></div>
    }
    .into_any()
}
