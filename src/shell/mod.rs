//! The page shell: what the page shows before the app's WASM has arrived. At build time the
//! overview, pre-rendered as plain HTML with the app's markup (`overview`, `chart`), the script
//! that writes the user's figures into it (`first_paint.js`), and the message shown when the
//! app cannot load; in the app, the record of its figures that the next visit's script draws
//! (`first_paint`). It depends on the domain (plan, wording, charts' builders), never the
//! reverse; only its browser part (`page`) touches storage, through `storage::local`.

mod chart;
pub mod first_paint;
pub mod overview;
pub mod writer;

#[cfg(target_arch = "wasm32")]
pub mod page;

use crate::i18n::{Lang, Msg};
use crate::plan::Plan;
use overview::{overview, Figures, BUILD_LANG};
use writer::esc;

pub use chart::{DESC_ID, TITLE_ID};

/// The markers in `index.html` between which the page shell is written.
pub const START: &str = "<!-- prerender -->";
pub const END: &str = "<!-- /prerender -->";

/// The id of the message shown when the app's files cannot be loaded (the start script, written
/// by `scripts/pwa/start.mjs`, shows it), and of its button.
pub const FAILED_ID: &str = "app-failed";
pub const RELOAD_ID: &str = "app-reload";

/// The message, in both languages (the start script keeps the reader's), hidden until needed.
fn failure() -> String {
    let both = |msg: Msg, tag: &str| {
        [Lang::Vi, Lang::En]
            .map(|lang| {
                format!(
                    "<{tag} lang=\"{}\">{}</{tag}>",
                    lang.code(),
                    esc(msg.get(lang))
                )
            })
            .concat()
    };
    format!(
        "<div id=\"{FAILED_ID}\" class=\"banner\" role=\"alert\" hidden>{}\
         <button id=\"{RELOAD_ID}\" type=\"button\">{}</button></div>",
        both(Msg::AppLoadFailed, "p"),
        both(Msg::ReloadPage, "span"),
    )
}

/// The id of the data block that holds the values of a plan with no figures (JSON, not run).
pub const FIRST_VISIT_ID: &str = "first-visit";

/// The id of the first paint's script: `index.html` holds the page's first rendering until it is
/// parsed (`<link rel="expect" href="#first-paint" blocking="render">`), so that the first frame
/// shows the overview with the user's figures, not a part of it without them.
pub const FIRST_PAINT_ID: &str = "first-paint";

/// What the build writes into `index.html`: the message for an app that cannot load, the
/// overview with the plan's words, the values of a plan with no figures for a first visit (a
/// data block after the overview, so that it neither delays the overview's bytes nor is parsed
/// as markup), and the first paint's script.
pub fn page(plan: &Plan) -> String {
    let built = overview(plan, BUILD_LANG, Figures::Unknown);
    // JSON inside a script element: only "</" could end it early.
    let empty = first_paint::empty_fill(plan).replace("</", "<\\/");
    format!(
        "{}\n{}\n<script type=\"application/json\" id=\"{FIRST_VISIT_ID}\">{empty}</script>\n<script id=\"{FIRST_PAINT_ID}\">\n{}</script>",
        failure(),
        built.html,
        first_paint::SCRIPT
    )
}

/// Why the shell could not be written into the page.
#[derive(Debug, PartialEq, Eq)]
pub struct NoMarkers;

/// `index` with `fragment` written between the markers, replacing what was there, so that
/// running it twice gives the same page.
pub fn insert(index: &str, fragment: &str) -> Result<String, NoMarkers> {
    let start = index.find(START).ok_or(NoMarkers)? + START.len();
    let end = index[start..].find(END).ok_or(NoMarkers)? + start;
    Ok(format!("{}{fragment}{}", &index[..start], &index[end..]))
}

#[cfg(test)]
mod tests;
