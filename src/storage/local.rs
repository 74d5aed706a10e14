//! The browser side of storage, and the only code that touches localStorage (through
//! gloo-storage). Every failure comes back as a value for the interface to show.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::schema::{
    encode, migration_backup_key, restore, Envelope, RestoreError, Stamp, BACKUP_KEY, DATA_KEY,
    EXPORT_KEY, FIRST_PAINT_KEY, LANG_KEY, UNREADABLE_KEY,
};
use super::sync::{plan_save, SavePlan};
use crate::exchange::ExportMark;
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

/// What became of a save.
pub enum SaveOutcome {
    /// Written; the stamp of the value now stored.
    Saved(Stamp),
    /// Another tab saved since this one last looked; nothing was written. Merge and retry.
    Changed(Box<Envelope>),
    /// A newer app's value is stored; nothing was written.
    Newer(u32),
    /// The stored value cannot be read; it was set aside, and nothing was written.
    Unreadable(String),
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

thread_local! {
    /// The text of the stored value this tab last read or wrote, with its stamp: while storage
    /// holds exactly that text, a save need not parse it again (see `sync::plan_save`).
    static SEEN: RefCell<Option<(Stamp, String)>> = const { RefCell::new(None) };
}

fn remember(stamp: Stamp, raw: String) {
    SEEN.with_borrow_mut(|seen| *seen = Some((stamp, raw)));
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
        Ok(envelope) => {
            // An older schema was migrated: keep the value as it was, under its own key, once.
            if let Some(from) = envelope.migrated_from {
                let key = migration_backup_key(from);
                if matches!(storage.get_item(&key), Ok(None)) {
                    storage.set_item(&key, &raw).map_err(|e| js_error(&e))?;
                }
            }
            remember(envelope.stamp(), raw);
            Ok(Loaded::Restored(envelope))
        }
        Err(RestoreError::NewerSchema(v)) => Ok(Loaded::Newer(v)),
        Err(RestoreError::Unreadable(detail)) => {
            set_aside(&storage, &raw)?;
            Ok(Loaded::Unreadable(detail))
        }
    }
}

/// Keeps the first paint's record (`shell::first_paint`) of what the app draws from the data
/// this tab last read or wrote: `record` makes its text from that data's text. A cache: failing
/// to write it loses nothing, so the error is dropped; an unchanged record is not written again.
pub fn save_first_paint(record: impl FnOnce(Option<&str>) -> String) {
    if !available() {
        return;
    }
    let record = SEEN.with_borrow(|seen| record(seen.as_ref().map(|(_, text)| text.as_str())));
    let storage = LocalStorage::raw();
    if storage.get_item(FIRST_PAINT_KEY).ok().flatten().as_deref() != Some(record.as_str()) {
        let _ = storage.set_item(FIRST_PAINT_KEY, &record);
    }
}

/// Keeps the first unreadable value found; a later one never replaces it.
fn set_aside(storage: &web_sys::Storage, raw: &str) -> Result<(), SaveError> {
    if matches!(storage.get_item(UNREADABLE_KEY), Ok(None)) {
        storage
            .set_item(UNREADABLE_KEY, raw)
            .map_err(|e| js_error(&e))?;
    }
    Ok(())
}

/// Saves the user's data in its envelope, but only over the value this tab last read or wrote
/// (`known`): what is stored is read again first, so a stale tab never overwrites a newer
/// value. The stored value, when good, is copied to [`BACKUP_KEY`] first (one generation).
pub fn save(data: &Tracking, known: &Stamp) -> Result<SaveOutcome, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let stored = storage.get_item(DATA_KEY).map_err(|e| js_error(&e))?;
    let plan = SEEN.with_borrow(|seen| {
        let seen = seen.as_ref().map(|(stamp, text)| (stamp, text.as_str()));
        plan_save(stored.as_deref(), known, seen)
    });
    let (revision, backup) = match plan {
        SavePlan::Write { revision, backup } => (revision, backup),
        SavePlan::Changed(envelope) => return Ok(SaveOutcome::Changed(envelope)),
        SavePlan::Newer(v) => return Ok(SaveOutcome::Newer(v)),
        SavePlan::Unreadable(detail) => {
            if let Some(raw) = stored.as_deref() {
                set_aside(&storage, raw)?;
            }
            return Ok(SaveOutcome::Unreadable(detail));
        }
    };
    let saved_at = String::from(js_sys::Date::new_0().to_iso_string());
    let raw = encode(data, &saved_at, revision).map_err(|e| SaveError::Other(e.0))?;
    let write = || -> Result<(), SaveError> {
        if let (true, Some(old)) = (backup, stored.as_deref()) {
            storage
                .set_item(BACKUP_KEY, old)
                .map_err(|e| js_error(&e))?;
        }
        storage.set_item(DATA_KEY, &raw).map_err(|e| js_error(&e))
    };
    match write() {
        // The first paint's record is only a cache: when space runs out it gives way to the data.
        Err(SaveError::QuotaExceeded)
            if matches!(storage.get_item(FIRST_PAINT_KEY), Ok(Some(_))) =>
        {
            storage
                .remove_item(FIRST_PAINT_KEY)
                .map_err(|e| js_error(&e))?;
            write()?;
        }
        result => result?,
    }
    let stamp = Stamp { revision, saved_at };
    remember(stamp.clone(), raw);
    Ok(SaveOutcome::Saved(stamp))
}

/// After unreadable data, when the user starts afresh: the stored value is removed only once
/// it is safely set aside under [`UNREADABLE_KEY`], so that the next save may write.
pub fn clear_set_aside_value() -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let stored = storage.get_item(DATA_KEY).map_err(|e| js_error(&e))?;
    if let Some(raw) = stored {
        if restore(&raw).is_ok() {
            return Ok(());
        }
        set_aside(&storage, &raw)?;
        // Only the very value set aside may go; a different unreadable value stays put.
        if storage.get_item(UNREADABLE_KEY).map_err(|e| js_error(&e))? == Some(raw) {
            storage.remove_item(DATA_KEY).map_err(|e| js_error(&e))?;
        }
    }
    Ok(())
}

/// The unreadable value set aside, for the user to download.
pub fn unreadable_value() -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(UNREADABLE_KEY).ok().flatten()
}

/// When the last export was made, if ever (and if storage can tell).
pub fn load_export_mark() -> Option<ExportMark> {
    if !available() {
        return None;
    }
    LocalStorage::get::<ExportMark>(EXPORT_KEY).ok()
}

/// Remembers an export; failing to only means the nudge comes early, so the error is dropped.
pub fn save_export_mark(mark: &ExportMark) {
    if available() {
        let _ = LocalStorage::set(EXPORT_KEY, mark);
    }
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
