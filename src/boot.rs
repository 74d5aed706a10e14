//! The first paint of the user's own figures, before the app's WASM has arrived. Built into a
//! small WASM of its own (`src/bin/boot.rs`, no Leptos), it reads the stored data without
//! writing, runs the same progress engine as the app, and draws the overview over the build's
//! pre-rendered one with the same markup (`prerender::overview_html`). The app removes it when
//! it mounts; until then links work and controls are shown disabled.

use crate::i18n::Lang;
use crate::plan::{progress, Plan, Progress};
use crate::prerender::{overview_html, Figures};
use crate::route::Route;
use crate::storage::local;

/// The class of `<html>` that hides the pre-rendered overview (set by the inline script of
/// `index.html` for a deep link or an English reader).
const HIDDEN: &str = "no-prerender";

/// Draws the overview with the user's figures when the page is the overview; otherwise, or
/// when storage cannot be read, leaves the page as it is for the app to handle.
pub fn run() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let hash = document
        .location()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    if Route::parse(&hash) != Route::Overview {
        return;
    }
    let (Some(prerendered), Some(data), Ok(plan)) = (
        document.get_element_by_id("prerender"),
        local::peek(),
        Plan::embedded(),
    ) else {
        return;
    };
    let lang = local::load_lang().unwrap_or(Lang::Vi);
    let all: Vec<Progress> = plan.targets.iter().map(|t| progress(t, &data)).collect();
    prerendered.set_outer_html(&overview_html(&plan, lang, Figures::Known(&all)));
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.class_list().remove_1(HIDDEN);
    }
}
