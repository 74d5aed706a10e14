//! The app's state and every action a user can take. Components read signals and dispatch
//! [`Action`]s; the one effect that saves to storage lives here.

use leptos::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::plan::{
    progress, Assessment, Basis, Entry, ItemId, ItemProgress, Period, Plan, Progress, TargetId,
    Tracking, Upsert,
};
use crate::route::Route;
use crate::storage::local::{self, Loaded, SaveError};

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
    /// The latest message for the live region ("Đã lưu.").
    pub announcement: RwSignal<String>,
    /// The entry deleted last, for undo.
    pub last_deleted: RwSignal<Option<(TargetId, Entry)>>,
    /// Progress of every target, aligned with `plan.targets`.
    pub progress: Memo<Vec<Progress>>,
}

impl AppState {
    /// Builds the state from what storage holds, and starts saving on every change.
    pub fn new(plan: &'static Plan, route: Route) -> AppState {
        let (tracking, status) = match local::load() {
            Ok(Loaded::Empty) => (Tracking::default(), StorageStatus::Ok(None)),
            Ok(Loaded::Restored(envelope)) => {
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
        let tracking = RwSignal::new(tracking);
        let progress = Memo::new(move |_| {
            tracking.with(|t| {
                plan.targets
                    .iter()
                    .map(|target| progress(target, t))
                    .collect()
            })
        });
        let state = AppState {
            plan,
            tracking,
            lang: RwSignal::new(local::load_lang().unwrap_or_default()),
            route: RwSignal::new(route),
            storage: RwSignal::new(status),
            charts: RwSignal::new(ChartsLib::Loading),
            dark: RwSignal::new(false),
            announcement: RwSignal::new(String::new()),
            last_deleted: RwSignal::new(None),
            progress,
        };
        // The one effect that writes the user's data: after every change, never at start.
        Effect::watch(
            move || tracking.track(),
            move |_, _, _| state.persist(),
            false,
        );
        state
    }

    fn persist(&self) {
        if !self.storage.with_untracked(StorageStatus::writes_allowed) {
            return;
        }
        let result = self.tracking.with_untracked(local::save);
        self.storage.set(match result {
            Ok(saved_at) => StorageStatus::Ok(Some(saved_at)),
            Err(SaveError::QuotaExceeded) => StorageStatus::Full,
            Err(SaveError::Unavailable) => StorageStatus::Unavailable,
            Err(SaveError::Other(e)) => StorageStatus::Failed(e),
        });
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
            }
            Action::StartFresh => {
                self.storage.set(StorageStatus::Ok(None));
                self.persist();
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
