//! Saving: when to save (after the next paint, at once when the page is left or hidden, again
//! when another tab saved, and on a timer while storage refuses), and carrying out what
//! `storage::sync` decides (read, merge cell by cell, write a new revision, read back). The
//! decisions are pure and tested natively; this file only reads, writes and sets signals.

use std::time::Duration;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::AppState;
use crate::i18n::Msg;
use crate::plan::cell::Cell;
use crate::plan::edit::Notice;
use crate::plan::Tracking;
use crate::present::saving::after_edit;
use crate::storage::clock::Clock;
use crate::storage::local::{self, Loaded as Found, SaveError};
use crate::storage::schema::{encode, set_aside_time, Stamp, DATA_KEY, EXPORT_KEY};
use crate::storage::sync::{
    after_save, decide, retry_delay_ms, unsaved, Decision, Ended, Local, StorageStatus, Sync,
};

/// How long saves must pause before the first paint's record is written.
const RECORD_AFTER_MS: u64 = 1_500;

/// What storage held at start.
pub(super) struct Loaded {
    pub data: Tracking,
    pub clock: Clock,
    pub stamp: Stamp,
    pub status: StorageStatus,
}

/// Reads what storage holds at start; an unreadable value is set aside by `local::load`.
pub(super) fn load() -> Loaded {
    let nothing = |status| Loaded {
        data: Tracking::default(),
        clock: Clock::default(),
        stamp: Stamp::default(),
        status,
    };
    match local::load() {
        Ok(Found::Empty) => nothing(StorageStatus::Ok(None)),
        Ok(Found::Restored(envelope)) => Loaded {
            stamp: envelope.stamp(),
            status: StorageStatus::Ok(Some(envelope.saved_at)),
            data: envelope.data,
            clock: envelope.clock,
        },
        Ok(Found::Unreadable(detail)) => nothing(StorageStatus::Unreadable(detail)),
        Ok(Found::Newer(version)) => nothing(StorageStatus::Newer(version)),
        Err(e) => nothing(status_of(e)),
    }
}

fn status_of(error: SaveError) -> StorageStatus {
    match error {
        SaveError::Unavailable => StorageStatus::Unavailable,
        SaveError::QuotaExceeded => StorageStatus::Full,
        SaveError::Other(e) => StorageStatus::Failed(e),
    }
}

/// What a save's merge brought: changes of this tab that a later change in another tab
/// replaced, and whether the data changed at all.
#[derive(Default)]
struct Merged {
    overruled: usize,
    brought: bool,
}

/// The tries of a refused save: how many so far, and the timer of the next.
#[derive(Default)]
struct Retry {
    attempt: u32,
    timer: Option<TimeoutHandle>,
}

/// What saving keeps between saves.
#[derive(Clone, Copy)]
pub(super) struct Saver {
    /// The data of the stored value this tab last read or wrote (`AppState::stamp`).
    base: StoredValue<Tracking>,
    /// When each cell was last changed (saved with the data).
    clock: StoredValue<Clock>,
    /// This tab's id on the clock: it only orders two changes made in the same millisecond.
    tab: u32,
    /// A save is waiting for the task after the next paint.
    pending: StoredValue<bool>,
    /// The notice of the last edit, told once its save says what became of it.
    told: StoredValue<Option<Notice>>,
    retry: StoredValue<Retry>,
    /// The timer of the first paint's record, written once saves pause.
    record: StoredValue<Option<TimeoutHandle>>,
}

impl Saver {
    pub(super) fn new(loaded: &Loaded) -> Saver {
        Saver {
            base: StoredValue::new(loaded.data.clone()),
            clock: StoredValue::new(loaded.clock.clone()),
            tab: (js_sys::Math::random() * f64::from(u32::MAX)) as u32,
            pending: StoredValue::new(false),
            told: StoredValue::new(None),
            retry: StoredValue::new(Retry::default()),
            record: StoredValue::new(None),
        }
    }

    pub(super) fn tell(&self, notice: Option<Notice>) {
        if notice.is_some() {
            self.told.set_value(notice);
        }
    }
}

impl AppState {
    /// Listens for what calls for a save: another tab's save, the page being left or hidden,
    /// the page coming back (space may have been freed meanwhile).
    pub(super) fn listen(&self) {
        let state = *self;
        let storage = window_event_listener(leptos::ev::storage, move |ev| {
            state.on_storage_event(ev.key());
        });
        // A page being left or hidden (a phone switching apps may then end it) saves at once,
        // notes still being typed included.
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.leave());
        let visibility = window_event_listener_untyped("visibilitychange", move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden {
                state.leave();
            } else {
                state.retry_now();
            }
        });
        let focus = window_event_listener(leptos::ev::focus, move |_| state.retry_now());
        on_cleanup(move || {
            storage.remove();
            leaving.remove();
            visibility.remove();
            focus.remove();
        });
    }

    /// Stamps the cells an edit changed with a version later than any this tab has seen.
    pub(super) fn stamp_changes(&self, changed: &[Cell]) {
        let now = super::io::now_ms().max(0) as u64;
        let tab = self.save.tab;
        self.save.clock.update_value(|clock| {
            let version = clock.next(now, tab);
            clock.touch(changed, version);
        });
    }

    /// Saves in the task after the next paint, so that what was typed shows within the
    /// frame (writing a year of figures, twice, took a slow phone several milliseconds). Changes
    /// made before then are saved together; leaving or hiding the page saves at once.
    pub(super) fn schedule_save(&self) {
        if self.save.pending.get_value() {
            return;
        }
        self.save.pending.set_value(true);
        let state = *self;
        super::after_next_paint(move || state.save_now());
    }

    /// Saves now if a save is waiting, or one was refused (and does nothing once the state is
    /// gone).
    fn save_now(&self) {
        let waiting = self.save.pending.try_get_value() == Some(true);
        let refused = self.storage.try_with_untracked(StorageStatus::retried) == Some(true);
        if waiting || refused {
            self.sync();
        }
    }

    /// The page is being left or hidden: notes being typed and any waiting save, now.
    fn leave(&self) {
        self.flush_notes();
        self.save_now();
        if let Some(Some(timer)) = self.save.record.try_update_value(Option::take) {
            timer.clear();
            self.keep_first_paint();
        }
    }

    /// Tries a refused save again now (the page came back, another tab saved).
    fn retry_now(&self) {
        if self.storage.try_with_untracked(StorageStatus::retried) == Some(true) {
            self.sync();
        }
    }

    /// The `storage` event: another tab of this site wrote. Its save is merged in, and saved
    /// again when storage lacks anything this tab has (see `storage::sync`).
    fn on_storage_event(&self, key: Option<String>) {
        match key.as_deref() {
            Some(DATA_KEY) => self.sync(),
            Some(EXPORT_KEY) => self.last_export.set(local::load_export_mark()),
            Some(key) if set_aside_time(key).is_some() => self.kept.set(local::kept()),
            _ => {}
        }
    }

    /// Reads storage, merges, writes when storage lacks anything of the merge, and says what
    /// became of it.
    pub(super) fn sync(&self) {
        self.save.pending.set_value(false);
        let before = self.storage.get_untracked();
        let waiting = if before.saves() {
            0
        } else {
            self.count_unsaved()
        };
        let (ended, Merged { overruled, brought }) = self.read_merge_write();
        let status = after_save(&before, ended, waiting);
        let recovered = matches!(status, StorageStatus::Recovered(_))
            && !matches!(before, StorageStatus::Recovered(_));
        if status != before {
            self.storage.set(status.clone());
        }
        let left = if status.saves() {
            0
        } else {
            self.count_unsaved()
        };
        if self.unsaved.get_untracked() != left {
            self.unsaved.set(left);
        }
        self.plan_retry(&status, left);
        // One sentence: a change of this tab replaced by another's comes first, then the
        // changes saved at last, then the edit's own notice, then figures from another tab.
        let lang = self.lang.get_untracked();
        let told = self.save.told.try_update_value(Option::take).flatten();
        let said = if overruled > 0 {
            Some(Msg::OtherTabConflict.get(lang).to_owned())
        } else if recovered {
            Some(Msg::PendingSaved.get(lang).to_owned())
        } else if let Some(notice) = told {
            Some(after_edit(notice, &status, lang))
        } else {
            brought.then(|| Msg::UpdatedFromOtherTab.get(lang).to_owned())
        };
        if let Some(text) = said {
            self.announce(text);
        }
        // Saved: the next visit's first paint shows these figures, once saves pause.
        self.keep_first_paint_soon();
    }

    /// The changes on the page that storage lacks.
    fn count_unsaved(&self) -> usize {
        self.tracking
            .with_untracked(|t| self.save.base.with_value(|b| unsaved(b, t)))
    }

    /// One save: what it ended in, and what the merge brought.
    fn read_merge_write(&self) -> (Ended, Merged) {
        let none = Merged::default();
        if !local::available() {
            return (Ended::Failed(StorageStatus::Unavailable), none);
        }
        let stored = match local::read_data() {
            Ok(stored) => stored,
            Err(e) => return (Ended::Failed(status_of(e)), none),
        };
        let known = self.stamp.get_untracked();
        let decision = self.tracking.with_untracked(|data| {
            self.save.clock.with_value(|clock| {
                self.save.base.with_value(|base| {
                    local::with_seen(|seen| {
                        let local = Local {
                            data,
                            clock,
                            base,
                            known: &known,
                            seen,
                        };
                        decide(stored.as_deref(), local)
                    })
                })
            })
        });
        let sync = match decision {
            Decision::Go(sync) => sync,
            Decision::Newer(version) => {
                return (Ended::Failed(StorageStatus::Newer(version)), none)
            }
            Decision::Unreadable(detail) => {
                // Kept aside before anything else; it is never written over either way.
                let kept = stored.as_deref().map_or(Ok(()), local::set_aside);
                self.kept.set(local::kept());
                let detail = match kept {
                    Ok(()) => detail,
                    Err(e) => format!("{detail}; {:?}", e),
                };
                return (Ended::Failed(StorageStatus::Unreadable(detail)), none);
            }
        };
        let Sync {
            data,
            clock,
            write,
            stored: theirs,
            overruled,
        } = sync;
        let brought = self.tracking.with_untracked(|t| *t != data);
        if brought {
            self.tracking.set(data.clone());
        }
        let merged = Merged { overruled, brought };
        self.save.clock.set_value(clock.clone());
        let mut their_time = None;
        if let (Some(theirs), Some(raw)) = (theirs, stored.as_ref()) {
            let stamp = theirs.stamp();
            local::remember(stamp.clone(), raw.clone());
            their_time = Some(stamp.saved_at.clone());
            self.stamp.set(stamp);
            self.save.base.set_value(theirs.data);
        }
        let Some(write) = write else {
            return (Ended::NothingToWrite(their_time), merged);
        };
        let saved_at = local::now_iso();
        let raw = match encode(&data, &clock, &saved_at, write.revision) {
            Ok(raw) => raw,
            Err(e) => return (Ended::Failed(StorageStatus::Failed(e.0)), merged),
        };
        let backup = stored.as_deref().filter(|_| write.backup);
        if let Err(e) = local::write_data(&raw, backup) {
            return (Ended::Failed(status_of(e)), merged);
        }
        let stamp = Stamp {
            revision: write.revision,
            saved_at: saved_at.clone(),
        };
        local::remember(stamp.clone(), raw);
        self.stamp.set(stamp);
        self.save.base.set_value(data);
        self.ask_persistence();
        (Ended::Written(saved_at), merged)
    }

    /// While storage refuses a save with changes waiting, tries again on a timer, waiting
    /// longer each time; once saving works, the tries stop.
    fn plan_retry(&self, status: &StorageStatus, left: usize) {
        if !status.retried() || left == 0 {
            self.save.retry.update_value(|r| {
                r.attempt = 0;
                if let Some(timer) = r.timer.take() {
                    timer.clear();
                }
            });
            return;
        }
        if self.save.retry.with_value(|r| r.timer.is_some()) {
            return;
        }
        let attempt = self.save.retry.with_value(|r| r.attempt);
        let state = *self;
        let timer = set_timeout_with_handle(
            move || {
                let gone = state
                    .save
                    .retry
                    .try_update_value(|r| {
                        r.timer = None;
                        r.attempt += 1;
                    })
                    .is_none();
                if !gone {
                    state.sync();
                }
            },
            Duration::from_millis(u64::from(retry_delay_ms(attempt))),
        );
        self.save.retry.update_value(|r| r.timer = timer.ok());
    }

    /// The user starts afresh after unreadable data: the value is set aside (it stays, and
    /// can be downloaded), removed from the data key, and what the page holds is saved.
    pub(super) fn start_fresh(&self) {
        if self.clear_unreadable() {
            self.sync();
        }
    }

    /// Takes the unreadable value away from the data key once it is safely set aside; the
    /// next save then writes as into empty storage. False (and said) when it could not.
    pub(super) fn clear_unreadable(&self) -> bool {
        let cleared = local::clear_set_aside_value();
        self.kept.set(local::kept());
        match cleared {
            Ok(()) => {
                self.stamp.set(Stamp::default());
                self.save.base.set_value(Tracking::default());
                true
            }
            Err(e) => {
                self.storage.set(status_of(e));
                false
            }
        }
    }

    /// Keeps what the overview shows of the stored data, for the next visit's first
    /// paint (`shell::first_paint`), in the task after the next paint.
    pub(super) fn schedule_first_paint(&self) {
        let state = *self;
        super::after_next_paint(move || state.keep_first_paint());
    }

    /// Writes the first paint's record once saves have paused for a while, or when the page is
    /// left: drawing the whole overview's record takes several milliseconds on a slow phone,
    /// and a statistician typing one figure after another should not wait for it each time.
    /// The record is a cache: until it is written, the next visit's figures wait for the app.
    fn keep_first_paint_soon(&self) {
        if let Some(timer) = self.save.record.with_value(|t| *t) {
            timer.clear();
        }
        let state = *self;
        let timer = set_timeout_with_handle(
            move || {
                if state.save.record.try_set_value(None).is_none() {
                    state.keep_first_paint();
                }
            },
            Duration::from_millis(RECORD_AFTER_MS),
        );
        self.save.record.set_value(timer.ok());
    }

    /// Writes the first paint's record when the figures shown are exactly those stored: not
    /// while a save waits (it writes the record itself), nor when storage holds no data of ours.
    fn keep_first_paint(&self) {
        let stored = self
            .tracking
            .with_untracked(|t| self.save.base.with_value(|b| b == t));
        if !stored || !self.storage.with_untracked(StorageStatus::saves) {
            return;
        }
        let lang = self.lang.get_untracked();
        self.progress.with_untracked(|all| {
            self.tracking
                .with_untracked(|t| crate::shell::page::keep_first_paint(self.plan, lang, all, t))
        });
    }
}
