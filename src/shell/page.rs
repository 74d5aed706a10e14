//! The page shell in the browser: the page's build, and keeping the first paint's record of
//! what the app draws (through `storage::local`, the only door to storage).

use super::first_paint::{paint_of, Record};
use crate::i18n::Lang;
use crate::plan::{Plan, Progress, Tracking};
use crate::storage::local;

/// The page's build, from `<meta name="app-build">` (written by `scripts/pwa/post-build.mjs`):
/// the app keeps its record under it, and the first paint draws only a record of this build.
fn page_build() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=\"app-build\"]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

/// Keeps what the overview shows of the stored data in `lang` (`all`: every target's progress,
/// from exactly the data this tab last read or wrote), for the next visit's first paint.
pub fn keep_first_paint(plan: &Plan, lang: Lang, all: &[Progress], tracking: &Tracking) {
    let build = page_build();
    if build.is_empty() {
        return;
    }
    local::save_first_paint(|data, kept| {
        let record = Record::new(&build, data, lang, Vec::new());
        if kept.is_some_and(|kept| record.same_source(kept)) {
            return None;
        }
        let fill = paint_of(plan, lang, all, tracking);
        Some(Record { fill, ..record }.encode())
    });
}
