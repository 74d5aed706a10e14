//! The browser side of storage, and the only code that touches localStorage (through
//! gloo-storage): reading and writing the user's data, setting unreadable values aside, and
//! the small records beside them. Every failure comes back as a value for the interface to
//! show; what to write is decided by `sync` and `set_aside`, natively tested.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::schema::{
    migration_backup_key, restore, set_aside_time, Envelope, ExportMark, RestoreError, Stamp,
    BACKUP_KEY, DATA_KEY, EXPORT_KEY, FIRST_PAINT_KEY, LANG_KEY,
};
use super::set_aside::plan_set_aside;
use super::sync::Seen;
use crate::i18n::Lang;

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
    /// The saved value could not be read; it was set aside (see [`set_aside`]).
    Unreadable(String),
    /// Written by a newer app; it must not be overwritten.
    Newer(u32),
}

thread_local! {
    /// The text of the stored value this tab last read or wrote, with its stamp: while storage
    /// holds exactly that text, a save need not parse it again (see `sync::decide`).
    static SEEN: RefCell<Option<(Stamp, String)>> = const { RefCell::new(None) };
}

/// Remembers the text of the stored value this tab just read or wrote.
pub fn remember(stamp: Stamp, raw: String) {
    SEEN.with_borrow_mut(|seen| *seen = Some((stamp, raw)));
}

/// Runs `f` with the text of the stored value this tab last read or wrote, and its stamp.
pub fn with_seen<R>(f: impl FnOnce(Option<Seen>) -> R) -> R {
    SEEN.with_borrow(|seen| f(seen.as_ref().map(|(stamp, text)| (stamp, text.as_str()))))
}

/// The time now, as stored values carry it (ISO 8601, UTC).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
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
            set_aside(&raw)?;
            Ok(Loaded::Unreadable(detail))
        }
    }
}

/// The text stored under the data key now, if any.
pub fn read_data() -> Result<Option<String>, SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw()
        .get_item(DATA_KEY)
        .map_err(|e| js_error(&e))
}

/// Writes `raw` as the user's data, first copying `backup_of` (the good value it replaces) to
/// the backup key, then reads it back to make sure it is what storage holds. When space runs
/// out, the first paint's record (a cache) gives way first, then the backup's refresh (the
/// older backup stays): the figures come before either.
pub fn write_data(raw: &str, backup_of: Option<&str>) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let put = |key: &str, value: &str| storage.set_item(key, value).map_err(|e| js_error(&e));
    if let Some(old) = backup_of {
        match put(BACKUP_KEY, old) {
            Ok(()) | Err(SaveError::QuotaExceeded) => {}
            Err(e) => return Err(e),
        }
    }
    put_before_the_cache(&storage, DATA_KEY, raw)?;
    match storage.get_item(DATA_KEY) {
        Ok(Some(back)) if back == raw => Ok(()),
        Ok(_) => Err(SaveError::Other(
            "the value read back is not the value written".to_owned(),
        )),
        Err(e) => Err(js_error(&e)),
    }
}

/// Keeps the first paint's record (`shell::first_paint`) of what the app draws from the data
/// this tab last read or wrote: `record` makes its text from that data's text and the record
/// kept now, or `None` when the kept one will do. A cache: failing to write it loses nothing,
/// so the error is dropped; an unchanged record is not written again.
pub fn save_first_paint(record: impl FnOnce(Option<&str>, Option<&str>) -> Option<String>) {
    if !available() {
        return;
    }
    let storage = LocalStorage::raw();
    let kept = storage.get_item(FIRST_PAINT_KEY).ok().flatten();
    let record = with_seen(|seen| record(seen.map(|(_, text)| text), kept.as_deref()));
    if let Some(record) = record.filter(|r| kept.as_deref() != Some(r.as_str())) {
        let _ = storage.set_item(FIRST_PAINT_KEY, &record);
    }
}

/// One unreadable value set aside: its key and when it was set aside (`None` for the one an
/// older build kept, whose time is unknown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    pub key: String,
    pub at: Option<String>,
}

/// Every value set aside, with its text, in storage's order.
fn kept_values(storage: &web_sys::Storage) -> Vec<(String, String)> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| set_aside_time(key).is_some())
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect()
}

/// Writes `value` under `key`; when storage is full, the first paint's record (a cache) gives
/// way first and the write is tried once more.
fn put_before_the_cache(
    storage: &web_sys::Storage,
    key: &str,
    value: &str,
) -> Result<(), SaveError> {
    let put = || storage.set_item(key, value).map_err(|e| js_error(&e));
    match put() {
        Err(SaveError::QuotaExceeded)
            if matches!(storage.get_item(FIRST_PAINT_KEY), Ok(Some(_))) =>
        {
            storage
                .remove_item(FIRST_PAINT_KEY)
                .map_err(|e| js_error(&e))?;
            put()
        }
        result => result,
    }
}

/// Sets an unreadable value aside under a key of its own, with the time (the same text is kept
/// once; beyond the limit the oldest goes), so that no save ever writes over it.
pub fn set_aside(raw: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let kept = kept_values(&storage);
    let kept: Vec<(String, &str)> = kept.iter().map(|(k, t)| (k.clone(), t.as_str())).collect();
    let plan = plan_set_aside(&kept, raw, &now_iso());
    let Some(key) = plan.write else {
        return Ok(());
    };
    put_before_the_cache(&storage, &key, raw)?;
    for old in plan.remove {
        storage.remove_item(&old).map_err(|e| js_error(&e))?;
    }
    Ok(())
}

/// The values set aside, newest first.
pub fn kept() -> Vec<Kept> {
    if !available() {
        return Vec::new();
    }
    let mut kept: Vec<Kept> = kept_values(&LocalStorage::raw())
        .into_iter()
        .map(|(key, _)| {
            let at = set_aside_time(&key).flatten().map(str::to_owned);
            Kept { key, at }
        })
        .collect();
    kept.sort_by(|a, b| b.at.cmp(&a.at));
    kept
}

/// The text of the value set aside under `key`, exactly as it was stored.
pub fn kept_text(key: &str) -> Option<String> {
    if !available() || set_aside_time(key).is_none() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// After unreadable data, when the user starts afresh: the stored value is removed only once
/// it is safely set aside, so that the next save may write. A good value, or a newer app's,
/// stays (the next save merges with the one, and never writes over the other).
pub fn clear_set_aside_value() -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let Some(raw) = storage.get_item(DATA_KEY).map_err(|e| js_error(&e))? else {
        return Ok(());
    };
    if !matches!(restore(&raw), Err(RestoreError::Unreadable(_))) {
        return Ok(());
    }
    set_aside(&raw)?;
    if kept_values(&storage).iter().any(|(_, text)| *text == raw) {
        storage.remove_item(DATA_KEY).map_err(|e| js_error(&e))?;
        Ok(())
    } else {
        Err(SaveError::Other(
            "the unreadable value could not be set aside".to_owned(),
        ))
    }
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

/// Where the entry form's last chosen period is kept: a preference of the interface, like the
/// language, never part of the data.
const ENTRY_PERIOD_KEY: &str = "lai-chau-plan-2023:entry-period";

/// The period last chosen in the entry form, if any (a code it cannot read counts as none).
pub fn load_entry_period() -> Option<crate::plan::Period> {
    if !available() {
        return None;
    }
    LocalStorage::get::<crate::plan::Period>(ENTRY_PERIOD_KEY).ok()
}

/// Remembers the period chosen; failing to only means the form starts elsewhere next time, so
/// the error is dropped on purpose.
pub fn save_entry_period(period: crate::plan::Period) {
    if available() {
        let _ = LocalStorage::set(ENTRY_PERIOD_KEY, period);
    }
}
