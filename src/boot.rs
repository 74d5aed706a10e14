//! The first paint of the user's own figures, before the app's WASM has arrived. Built into a
//! small WASM of its own (`src/bin/boot.rs`, no Leptos), it reads the stored data without
//! writing, runs the same progress engine as the app, and fills the user's figures into the
//! build's pre-rendered overview (or, for a reader of the other language, draws it again in
//! theirs), with the same markup (`prerender`). The app removes it when it mounts; until then
//! links work and controls are shown disabled.

use crate::i18n::Lang;
use crate::plan::{progress_all, Plan};
use crate::prerender::{overview_html, FigureCells, Figures};
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
    let all = progress_all(&plan, &data);
    // In the build's language only the figures' cells change; otherwise every word does.
    if prerendered.get_attribute("data-lang").as_deref() == Some(lang.code()) {
        fill_in(&prerendered, &FigureCells::of(&plan, lang, &all));
    } else {
        prerendered.set_outer_html(&overview_html(&plan, lang, Figures::Known(&all)));
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.class_list().remove_1(HIDDEN);
    }
}

/// Writes the user's figures into the cells the pre-rendered page keeps for them: text as text,
/// the status badge as the markup `prerender` made of it (plan words and icons, escaped).
fn fill_in(page: &web_sys::Element, cells: &FigureCells) {
    let find = |selector: &str| page.query_selector(selector).ok().flatten();
    for row in &cells.rows {
        let Some(tr) = find(&format!("tr[data-prerendered=\"{}\"]", row.id)) else {
            continue;
        };
        let cell = |class: &str| tr.query_selector(class).ok().flatten();
        if let Some(td) = cell(".current-value") {
            td.set_text_content(Some(&row.current));
        }
        if let Some(td) = cell(".achievement") {
            td.set_text_content(Some(&row.achievement));
        }
        if let Some(td) = cell(".status-cell") {
            td.set_inner_html(&row.status_html);
        }
    }
    for (status, count) in &cells.counts {
        if let Some(el) = find(&format!("[data-summary=\"{}\"] .count", status.code())) {
            el.set_text_content(Some(&count.to_string()));
        }
    }
    if let Some(caption) = find(".chart-summary") {
        caption.set_text_content(Some(&cells.caption));
        let _ = caption.class_list().remove_1("prerender-hidden");
    }
    let _ = page.set_attribute("data-figures", "user");
}
