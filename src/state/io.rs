//! The app's doors to the browser other than storage: the clock and the reader's locale, file
//! reads, printing, the clipboard, the page's address, and the events of the update prompt.
//! Pages and components call these (or dispatch the downloads as actions); they do no I/O of
//! their own, so that every failure comes back here as a value.

use wasm_bindgen::JsValue;

use super::AppState;
use crate::i18n::Lang;
use crate::plan::Period;
use crate::report::Day;
use crate::storage::local;

/// Now, as the ISO 8601 text exports and links carry (the same text stored values carry).
pub use crate::storage::local::now_iso;

/// Now, in milliseconds since 1970.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today in the reader's time zone.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day {
        year: now.get_full_year(),
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

fn date_of(iso: &str) -> Option<js_sys::Date> {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    (!date.get_time().is_nan()).then_some(date)
}

/// An ISO time as the reader's locale writes a date and time; as written when unreadable.
pub fn local_date_time(iso: &str, lang: Lang) -> String {
    date_of(iso).map_or_else(
        || iso.to_owned(),
        |d| String::from(d.to_locale_string(lang.code(), &JsValue::UNDEFINED)),
    )
}

/// An ISO time as the reader's clock shows it; as written when unreadable.
pub fn local_clock_time(iso: &str, lang: Lang) -> String {
    date_of(iso).map_or_else(
        || iso.to_owned(),
        |d| String::from(d.to_locale_time_string(lang.code())),
    )
}

/// An ISO time in the reader's time zone: year, month, day, hour, minute.
pub fn local_parts(iso: &str) -> Option<(u32, u32, u32, u32, u32)> {
    date_of(iso).map(|d| {
        (
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes(),
        )
    })
}

/// Opens the browser's print dialog (where "Save as PDF" is too).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The page's address without its fragment: where a shared link points.
pub fn page_address() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Puts a text on the clipboard; false where the browser has no clipboard to offer.
pub fn copy_text(text: &str) -> bool {
    match web_sys::window() {
        Some(window) => {
            let _ = window.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// Reads a chosen file as text, then hands over the text or why it could not be read.
pub fn read_file(file: web_sys::File, done: impl FnOnce(Result<String, String>) + 'static) {
    leptos::task::spawn_local(async move {
        done(crate::exchange::files::read_text(&file).await);
    });
}

/// The event `public/sw-register.js` dispatches when a new version waits.
pub const UPDATE_READY_EVENT: &str = "app-update-ready";
const UPDATE_ACCEPT_EVENT: &str = "app-update-accept";

/// Whether the registration script found a waiting version before the app started (it marks
/// `<html data-update="ready">`).
pub fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-update"))
        .is_some_and(|v| v == "ready")
}

/// Tells the registration script to let the new version take over; it then reloads.
pub fn accept_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(UPDATE_ACCEPT_EVENT))
    {
        let _ = window.dispatch_event(&event);
    }
}

impl AppState {
    /// The period the entry form offered last, on any target and in any visit.
    pub fn last_entry_period(&self) -> Option<Period> {
        local::load_entry_period()
    }

    /// Remembers the period chosen in the entry form; a preference, so a failure is harmless.
    pub fn remember_entry_period(&self, period: Period) {
        local::save_entry_period(period);
    }
}
