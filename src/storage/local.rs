//! The browser side of storage, and the only code that touches localStorage (through
//! gloo-storage). Every failure comes back as a value for the interface to show.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::schema::{encode, restore, Envelope, RestoreError, DATA_KEY, LANG_KEY, UNREADABLE_KEY};
use crate::i18n::Lang;
use crate::plan::Tracking;

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// localStorage is blocked or missing (disabled, some private modes).
    Unavailable,
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    Other(String),
}

/// What was found in storage at start.
pub enum Loaded {
    Empty,
    Restored(Envelope),
    /// The saved value could not be read; it was set aside under [`UNREADABLE_KEY`].
    Unreadable(String),
    /// Written by a newer app; it must not be overwritten.
    Newer(u32),
}

/// Whether localStorage can be used at all. gloo-storage throws (rather than returning an
/// error) when it is blocked, so this is asked before any gloo call.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

fn js_error(err: &wasm_bindgen::JsValue) -> SaveError {
    // Browsers differ: Chromium and Safari name it QuotaExceededError (code 22), Firefox used
    // NS_ERROR_DOM_QUOTA_REACHED (code 1014).
    if let Some(dom) = err.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        if name == "QuotaExceededError"
            || name == "NS_ERROR_DOM_QUOTA_REACHED"
            || matches!(dom.code(), 22 | 1014)
        {
            return SaveError::QuotaExceeded;
        }
        return SaveError::Other(format!("{name}: {}", dom.message()));
    }
    SaveError::Other(format!("{err:?}"))
}

/// Reads the user's data, setting aside a value that cannot be read.
pub fn load() -> Result<Loaded, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let raw = match storage.get_item(DATA_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Ok(Loaded::Empty),
        Err(e) => return Err(js_error(&e)),
    };
    match restore(&raw) {
        Ok(envelope) => Ok(Loaded::Restored(envelope)),
        Err(RestoreError::NewerSchema(v)) => Ok(Loaded::Newer(v)),
        Err(RestoreError::Unreadable(detail)) => {
            // Keep the first unreadable value found; a later one never replaces it.
            if matches!(storage.get_item(UNREADABLE_KEY), Ok(None)) {
                storage
                    .set_item(UNREADABLE_KEY, &raw)
                    .map_err(|e| js_error(&e))?;
            }
            Ok(Loaded::Unreadable(detail))
        }
    }
}

/// Saves the user's data in its envelope; returns the time it was saved at.
pub fn save(data: &Tracking) -> Result<String, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let saved_at = String::from(js_sys::Date::new_0().to_iso_string());
    let raw = encode(data, &saved_at).map_err(|e| SaveError::Other(e.0))?;
    LocalStorage::raw()
        .set_item(DATA_KEY, &raw)
        .map_err(|e| js_error(&e))?;
    Ok(saved_at)
}

/// The language chosen last time, if any.
pub fn load_lang() -> Option<Lang> {
    if !available() {
        return None;
    }
    LocalStorage::get::<Lang>(LANG_KEY).ok()
}

/// Remembers the language; failing to is harmless, so the error is dropped on purpose.
pub fn save_lang(lang: Lang) {
    if available() {
        let _ = LocalStorage::set(LANG_KEY, lang);
    }
}
