//! The app's state and every action a user can take. Components read signals and dispatch
//! [`Action`]s; the one effect that saves to storage lives here.

use std::time::Duration;

use leptos::prelude::*;

use crate::exchange::ExportMark;
use crate::i18n::{Lang, Msg};
use crate::plan::{
    progress_all, Assessment, Basis, Entry, ItemId, ItemProgress, Period, Plan, Progress, TargetId,
    Tracking, Upsert,
};
use crate::route::Route;
use crate::storage::local::{self, Loaded, SaveError, SaveOutcome};
use crate::storage::persist::{self, Persistence};
use crate::storage::schema::{restore, Envelope, RestoreError, Stamp, DATA_KEY, EXPORT_KEY};
use crate::storage::sync::merge;

/// Whether saving works, and if not why; shown in a banner.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageStatus {
    /// Saving works; the time of the last save, if any this session.
    Ok(Option<String>),
    Unavailable,
    Full,
    Failed(String),
    /// The saved data could not be read; saving waits until the user starts afresh.
    Unreadable(String),
    /// The saved data is from a newer app; this one stays read-only.
    Newer(u32),
}

impl StorageStatus {
    /// Saving over the stored value is allowed only when it was ours and readable.
    fn writes_allowed(&self) -> bool {
        match self {
            StorageStatus::Ok(_) | StorageStatus::Full | StorageStatus::Failed(_) => true,
            StorageStatus::Unavailable | StorageStatus::Unreadable(_) | StorageStatus::Newer(_) => {
                false
            }
        }
    }
}

/// Whether ECharts has loaded; figures never wait for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartsLib {
    Loading,
    Ready,
    Failed,
}

/// Whether the page shown is fully rendered or still adding parts, one task at a time (issue 7:
/// the overview draws its groups so, and no single task blocks a slow phone for long).
/// `main[data-app-ready]` waits for `Complete`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendering {
    InSteps,
    Complete,
}

/// Everything a user can do that changes their data.
#[derive(Clone, Debug)]
pub enum Action {
    /// Saves an entry; `replacing` names the entry being edited, removed if its period or basis changed.
    SaveEntry {
        target: TargetId,
        entry: Entry,
        replacing: Option<(Period, Basis)>,
    },
    DeleteEntry {
        target: TargetId,
        period: Period,
        basis: Basis,
    },
    UndoDelete,
    SetBaseline {
        target: TargetId,
        value: Option<f64>,
    },
    SetAssessment {
        target: TargetId,
        value: Option<Assessment>,
    },
    SetItemProgress {
        item: ItemId,
        progress: ItemProgress,
    },
    SetItemNote {
        item: ItemId,
        note: String,
    },
    SetLang(Lang),
    /// After unreadable data: start saving again (the unreadable value stays set aside).
    StartFresh,
    // issue 5: backup and exchange.
    /// Replaces the data with an import's checked result (a file, or a snapshot shared by link);
    /// undone by `UndoImport`.
    ApplyImport(Tracking),
    UndoImport,
    /// An export was downloaded at this time.
    ExportDone {
        exported_at: String,
    },
}

/// Runs `f` in a task after the next frame has been painted: an animation frame comes before
/// the paint, a timeout set from it after. Work that the screen need not wait for goes there.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// The app's shared state, passed as context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: &'static Plan,
    pub tracking: RwSignal<Tracking>,
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub storage: RwSignal<StorageStatus>,
    pub charts: RwSignal<ChartsLib>,
    pub dark: RwSignal<bool>,
    pub rendering: RwSignal<Rendering>,
    /// The latest message for the live region ("Đã lưu.").
    pub announcement: RwSignal<String>,
    /// The entry deleted last, for undo.
    pub last_deleted: RwSignal<Option<(TargetId, Entry)>>,
    /// Progress of every target, aligned with `plan.targets`.
    pub progress: Memo<Vec<Progress>>,
    /// Whether the browser keeps the data when space runs low; asked after the first save.
    pub persistence: RwSignal<Persistence>,
    // issue 5: the stored value this tab last read or wrote, and its data (the base of a
    // merge when another tab saved meanwhile); the last export; the data before an import.
    pub stamp: RwSignal<Stamp>,
    base: StoredValue<Tracking>,
    /// issue 7: a save is waiting for the task after the next paint (see `schedule_save`).
    save_pending: StoredValue<bool>,
    pub last_export: RwSignal<Option<ExportMark>>,
    pub before_import: RwSignal<Option<Tracking>>,
}

impl AppState {
    /// Builds the state from what storage holds, and starts saving on every change.
    pub fn new(plan: &'static Plan, route: Route) -> AppState {
        let mut stamp = Stamp::default();
        let (tracking, status) = match local::load() {
            Ok(Loaded::Empty) => (Tracking::default(), StorageStatus::Ok(None)),
            Ok(Loaded::Restored(envelope)) => {
                stamp = envelope.stamp();
                (envelope.data, StorageStatus::Ok(Some(envelope.saved_at)))
            }
            Ok(Loaded::Unreadable(detail)) => {
                (Tracking::default(), StorageStatus::Unreadable(detail))
            }
            Ok(Loaded::Newer(version)) => (Tracking::default(), StorageStatus::Newer(version)),
            Err(SaveError::Unavailable) => (Tracking::default(), StorageStatus::Unavailable),
            Err(SaveError::QuotaExceeded) => (Tracking::default(), StorageStatus::Full),
            Err(SaveError::Other(e)) => (Tracking::default(), StorageStatus::Failed(e)),
        };
        let base = StoredValue::new(tracking.clone());
        let tracking = RwSignal::new(tracking);
        let progress = Memo::new(move |_| tracking.with(|t| progress_all(plan, t)));
        let state = AppState {
            plan,
            tracking,
            lang: RwSignal::new(local::load_lang().unwrap_or_default()),
            route: RwSignal::new(route),
            storage: RwSignal::new(status),
            charts: RwSignal::new(ChartsLib::Loading),
            dark: RwSignal::new(false),
            rendering: RwSignal::new(Rendering::Complete),
            announcement: RwSignal::new(String::new()),
            last_deleted: RwSignal::new(None),
            progress,
            persistence: RwSignal::new(Persistence::NotAsked),
            stamp: RwSignal::new(stamp),
            base,
            save_pending: StoredValue::new(false),
            last_export: RwSignal::new(local::load_export_mark()),
            before_import: RwSignal::new(None),
        };
        // issue 5: another tab saved; adopt its value (merged with anything unsaved here).
        let storage_listener = window_event_listener(leptos::ev::storage, move |ev| {
            state.on_storage_event(ev.key(), ev.new_value());
        });
        on_cleanup(move || storage_listener.remove());
        // issue 4: a grant from an earlier visit shows at once; otherwise it is asked after a save.
        persist::check(move |p| {
            // A request made meanwhile has the newer answer.
            if state.persistence.get_untracked() == Persistence::NotAsked {
                state.persistence.set(p);
            }
        });
        // The one effect that writes the user's data: after every change, never at start.
        Effect::watch(
            move || tracking.track(),
            move |_, _, _| state.schedule_save(),
            false,
        );
        // issue 7: the next visit's first paint shows what this one does (a new build's first
        // visit, or data written by an older one, has no record of it yet).
        state.schedule_first_paint();
        // A page being left or hidden (a phone switching apps may then end it) saves at once.
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.save_now());
        let hiding = window_event_listener_untyped("visibilitychange", move |_| {
            if web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden())
            {
                state.save_now();
            }
        });
        on_cleanup(move || {
            leaving.remove();
            hiding.remove();
        });
        state
    }

    /// issue 7: saves in the task after the next paint, so that what was typed shows within the
    /// frame (writing a year of figures, twice, took a slow phone several milliseconds). Changes
    /// made before then are saved together; leaving or hiding the page saves at once.
    fn schedule_save(&self) {
        if self.save_pending.get_value() {
            return;
        }
        self.save_pending.set_value(true);
        let state = *self;
        after_next_paint(move || state.save_now());
    }

    /// issue 7: keeps what the overview shows of the stored data, for the next visit's first
    /// paint (`shell::first_paint`), in the task after the next paint.
    fn schedule_first_paint(&self) {
        let state = *self;
        after_next_paint(move || state.keep_first_paint());
    }

    /// Writes the first paint's record when the figures shown are exactly those stored: not
    /// while a save waits (it writes the record itself), nor when storage holds no data of ours.
    fn keep_first_paint(&self) {
        let stored = self
            .tracking
            .with_untracked(|t| self.base.with_value(|b| b == t));
        if !stored || !matches!(self.storage.get_untracked(), StorageStatus::Ok(_)) {
            return;
        }
        let lang = self.lang.get_untracked();
        self.progress
            .with_untracked(|all| crate::shell::page::keep_first_paint(self.plan, lang, all));
    }

    /// Saves now if a save is waiting (and does nothing once the state is gone).
    fn save_now(&self) {
        if self.save_pending.try_get_value() == Some(true) {
            self.save_pending.set_value(false);
            self.persist();
        }
    }

    fn persist(&self) {
        self.persist_with(false);
    }

    /// Saves unless the data is what storage already holds (`force` saves anyway). When another
    /// tab saved first, its value is merged in and the save tried again, a few times at most.
    fn persist_with(&self, force: bool) {
        if !self.storage.with_untracked(StorageStatus::writes_allowed) {
            return;
        }
        for _ in 0..3 {
            let ours = self.tracking.get_untracked();
            let stored_already = self.base.with_value(|b| *b == ours);
            if stored_already
                && !force
                && matches!(self.storage.get_untracked(), StorageStatus::Ok(_))
            {
                return;
            }
            let result = local::save(&ours, &self.stamp.get_untracked());
            self.storage.set(match result {
                Ok(SaveOutcome::Saved(stamp)) => {
                    self.ask_persistence();
                    let saved_at = stamp.saved_at.clone();
                    self.stamp.set(stamp);
                    self.base.set_value(ours);
                    StorageStatus::Ok(Some(saved_at))
                }
                Ok(SaveOutcome::Changed(theirs)) => {
                    self.adopt(*theirs);
                    continue;
                }
                Ok(SaveOutcome::Newer(v)) => StorageStatus::Newer(v),
                Ok(SaveOutcome::Unreadable(detail)) => StorageStatus::Unreadable(detail),
                Err(SaveError::QuotaExceeded) => StorageStatus::Full,
                Err(SaveError::Unavailable) => StorageStatus::Unavailable,
                Err(SaveError::Other(e)) => StorageStatus::Failed(e),
            });
            // Saved: the next visit's first paint shows these figures.
            self.keep_first_paint();
            return;
        }
    }

    /// Takes in a value another tab saved: this tab's unsaved changes are merged into it, and a
    /// figure both changed keeps the saved one (the user is told).
    fn adopt(&self, theirs: Envelope) {
        let ours = self.tracking.get_untracked();
        let merged = self
            .base
            .with_value(|base| merge(base, &ours, &theirs.data));
        self.stamp.set(theirs.stamp());
        self.base.set_value(theirs.data);
        if merged.conflicts > 0 {
            self.announce(Msg::OtherTabConflict);
        } else if merged.data != ours {
            self.announce(Msg::UpdatedFromOtherTab);
        }
        if merged.data != ours {
            self.tracking.set(merged.data);
        }
    }

    /// The `storage` event: fired in every other tab of this site when one saves.
    fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        match key.as_deref() {
            Some(DATA_KEY) => match new_value.as_deref().map(restore) {
                Some(Ok(theirs)) if theirs.stamp() != self.stamp.get_untracked() => {
                    // A value this tab may write over again (not a blocked one) is adopted.
                    if self.storage.with_untracked(StorageStatus::writes_allowed) {
                        self.adopt(theirs);
                    }
                }
                Some(Err(RestoreError::NewerSchema(v))) => {
                    self.storage.set(StorageStatus::Newer(v))
                }
                // Removed, unreadable or our own: the next save reads storage again and decides.
                Some(Ok(_)) | Some(Err(RestoreError::Unreadable(_))) | None => {}
            },
            Some(EXPORT_KEY) => self.last_export.set(local::load_export_mark()),
            _ => {}
        }
    }

    /// Asks the browser once a session to keep the data, now that there is some.
    fn ask_persistence(&self) {
        if self.persistence.get_untracked() == Persistence::NotAsked {
            self.persistence.set(Persistence::Asking);
            let persistence = self.persistence;
            persist::request(move |p| persistence.set(p));
        }
    }

    fn announce(&self, msg: Msg) {
        self.announcement
            .set(msg.get(self.lang.get_untracked()).to_owned());
    }

    /// Carries out what the user did.
    pub fn dispatch(&self, action: Action) {
        match action {
            Action::SaveEntry {
                target,
                entry,
                replacing,
            } => {
                let mut outcome = Upsert::Added;
                self.tracking.update(|t| {
                    if let Some((period, basis)) =
                        replacing.filter(|&(p, b)| (p, b) != (entry.period, entry.basis))
                    {
                        t.remove_entry(&target, period, basis);
                    }
                    outcome = t.upsert_entry(&target, entry);
                });
                self.announce(match (outcome, replacing) {
                    (Upsert::Replaced, None) => Msg::Replaced,
                    _ => Msg::Saved,
                });
            }
            Action::DeleteEntry {
                target,
                period,
                basis,
            } => {
                let removed = self.tracking.with_untracked(|t| {
                    t.entries(&target)
                        .iter()
                        .find(|e| e.period == period && e.basis == basis)
                        .cloned()
                });
                self.tracking.update(|t| {
                    t.remove_entry(&target, period, basis);
                });
                self.last_deleted.set(removed.map(|e| (target, e)));
                self.announce(Msg::Deleted);
            }
            Action::UndoDelete => {
                if let Some((target, entry)) = self.last_deleted.get_untracked() {
                    self.tracking.update(|t| {
                        t.upsert_entry(&target, entry);
                    });
                    self.last_deleted.set(None);
                    self.announce(Msg::Restored);
                }
            }
            Action::SetBaseline { target, value } => {
                self.tracking.update(|t| t.set_baseline(&target, value));
                self.announce(if value.is_some() {
                    Msg::BaselineSaved
                } else {
                    Msg::BaselineCleared
                });
            }
            Action::SetAssessment { target, value } => {
                self.tracking.update(|t| t.set_assessment(&target, value));
                self.announce(Msg::Saved);
            }
            Action::SetItemProgress { item, progress } => {
                self.tracking
                    .update(|t| t.set_item_progress(&item, progress));
                self.announce(Msg::Saved);
            }
            Action::SetItemNote { item, note } => {
                if self.tracking.with_untracked(|t| t.item(&item).note != note) {
                    self.tracking.update(|t| t.set_item_note(&item, note));
                    self.announce(Msg::Saved);
                }
            }
            Action::SetLang(lang) => {
                self.lang.set(lang);
                local::save_lang(lang);
                self.schedule_first_paint();
            }
            Action::StartFresh => {
                // The unreadable value is set aside under its own key; only then may it go.
                match local::clear_set_aside_value() {
                    Ok(()) => {
                        self.stamp.set(Stamp::default());
                        self.storage.set(StorageStatus::Ok(None));
                        self.persist_with(true);
                    }
                    Err(SaveError::Unavailable) => self.storage.set(StorageStatus::Unavailable),
                    Err(SaveError::QuotaExceeded) => self.storage.set(StorageStatus::Full),
                    Err(SaveError::Other(e)) => self.storage.set(StorageStatus::Failed(e)),
                }
            }
            Action::ApplyImport(result) => {
                self.before_import.set(Some(self.tracking.get_untracked()));
                self.tracking.set(result);
                self.announce(Msg::ImportApplied);
            }
            Action::UndoImport => {
                if let Some(before) = self.before_import.get_untracked() {
                    self.tracking.set(before);
                    self.before_import.set(None);
                    self.announce(Msg::ImportUndone);
                }
            }
            Action::ExportDone { exported_at } => {
                let mark = ExportMark {
                    exported_at,
                    revision: self.stamp.get_untracked().revision,
                };
                local::save_export_mark(&mark);
                self.last_export.set(Some(mark));
            }
        }
    }

    /// The index of a target in the plan, which `progress` is aligned with.
    pub fn target_index(&self, id: &str) -> Option<usize> {
        self.plan.targets.iter().position(|t| t.id.as_str() == id)
    }
}

/// The app's state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
