//! The first paint of the user's own figures, before the app's WASM has arrived. Built into a
//! small WASM of its own (`src/bin/boot.rs`: no Leptos, no plan, no JSON parser), it draws what
//! the app last drew of exactly the data stored (`storage::first_paint`, read without writing):
//! the figures' cells into the build's pre-rendered overview, in place, or the whole overview
//! in the reader's other language. On a first visit, with nothing stored, it fills in the cells
//! of a plan with no figures that the build wrote into the page. The app removes the overview
//! when it mounts; until then links work and controls are shown disabled.

use crate::i18n::Lang;
use crate::prerender::{FigureCells, EMPTY_ATTR};
use crate::route::Route;
use crate::storage::first_paint::{decode_cells, Choice, Paint};
use crate::storage::local;

/// The class of `<html>` that hides the pre-rendered overview (set by the inline script of
/// `index.html` for a deep link or an English reader).
const HIDDEN: &str = "no-prerender";

/// The page's build, from `<meta name="app-build">` (written by `scripts/pwa/post-build.mjs`):
/// the app keeps its drawing under it, and the boot module draws only a drawing of this build.
pub fn page_build(document: &web_sys::Document) -> String {
    document
        .query_selector("meta[name=\"app-build\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

/// Draws the user's figures on the overview when storage holds a drawing of them that may be
/// shown; otherwise leaves the page as it is, for the app.
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
    let Some(page) = document.get_element_by_id("prerender") else {
        return;
    };
    let page_lang = page
        .get_attribute("data-lang")
        .and_then(|code| Lang::from_code(&code));
    let lang = match local::peek_first_paint(&page_build(&document)) {
        Choice::Draw(lang, Paint::Cells(cells)) if Some(lang) == page_lang => {
            fill_in(&page, &cells);
            lang
        }
        Choice::Draw(lang, Paint::Page(html)) => {
            page.set_outer_html(&html);
            lang
        }
        Choice::NothingStored(lang) if Some(lang) == page_lang => {
            let Some(cells) = page
                .get_attribute(EMPTY_ATTR)
                .and_then(|text| decode_cells(&text))
            else {
                return;
            };
            fill_in(&page, &cells);
            lang
        }
        Choice::Draw(..) | Choice::NothingStored(_) | Choice::Wait => return,
    };
    // Only what changes is touched: an attribute set on `<html>` restyles the whole page.
    if let Some(root) = document.document_element() {
        if root.get_attribute("lang").as_deref() != Some(lang.code()) {
            let _ = root.set_attribute("lang", lang.code());
        }
        if root.class_list().contains(HIDDEN) {
            let _ = root.class_list().remove_1(HIDDEN);
        }
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
