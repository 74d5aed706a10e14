//! The app's state: its signals, every action a user can take, and [`AppState::dispatch`],
//! which carries an edit out through the domain's reducer (`plan::edit::reduce`). Saving is
//! `save`'s; task notes being typed are `notes`'s.

pub mod io;
mod notes;
mod save;

use std::time::Duration;

use leptos::prelude::*;

use crate::exchange::{export_csv, export_json, file_name, files, ExportMark, Format};
use crate::i18n::{Lang, Msg};
use crate::plan::edit::{reduce, Consent, Edit, Notice, Outcome, Question, Undos};
use crate::plan::{progress_all, ItemId, Plan, Progress, Tracking};
use crate::present::saving::after_edit;
use crate::report::{self, Bieu, Day};
use crate::route::Route;
use crate::storage::local::{self, Kept};
use crate::storage::persist::{self, Persistence};
use crate::storage::schema::Stamp;
pub use crate::storage::sync::StorageStatus;

/// Whether ECharts has loaded; figures never wait for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ChartsLib {
    Loading,
    Ready,
    Failed,
}

/// Whether the page shown is fully rendered or still adding parts, one task at a time (the
/// overview draws its groups so, and no single task blocks a slow phone for long).
/// `main[data-app-ready]` waits for `Complete`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendering {
    InSteps,
    Complete,
}

/// Everything a user can do: an edit of their data (decided by `plan::edit::reduce`), or an
/// action on the app itself.
#[derive(Clone, Debug)]
pub enum Action {
    Edit(Edit),
    /// The user answered the question asked before an edit: yes carries it out.
    Answer(Consent),
    /// A task's note as it is being typed: saved when typing pauses, or the page is left.
    TypeNote {
        item: ItemId,
        note: String,
    },
    /// The user left a task's note: saved now, and said so.
    FinishNote {
        item: ItemId,
        note: String,
    },
    SetLang(Lang),
    /// After unreadable data: start saving again (the unreadable values stay set aside).
    StartFresh,
    /// Download the unreadable value set aside under this key.
    DownloadKept(String),
    /// Download a backup or a CSV of the figures; why it failed, if it did, goes into
    /// `failed` (the page that asked shows it). A download made is remembered as the last export.
    Export {
        format: Format,
        failed: RwSignal<Option<String>>,
    },
    /// Download the Biểu as a workbook, dated `on`; why it failed, if it did, goes into
    /// `failed` (the page that asked shows it).
    DownloadBieu {
        on: Day,
        failed: RwSignal<Option<String>>,
    },
}

/// An edit waiting for the user's answer to a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub edit: Edit,
    pub question: Question,
}

/// What to say after an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tell {
    /// The reducer's notice, once the save has told what became of it.
    Notice,
    /// That the data is saved, even when it was already (a note saved while typed).
    Saved,
    /// Nothing: a note saved while it is being typed.
    Quiet,
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
    /// Whether saving works, and if not why.
    pub storage: RwSignal<StorageStatus>,
    /// How many changes on the page storage lacks, while saving fails.
    pub unsaved: RwSignal<usize>,
    /// The unreadable values set aside, newest first.
    pub kept: RwSignal<Vec<Kept>>,
    /// Why the last download of a value set aside failed, if it did.
    pub download_error: RwSignal<Option<String>>,
    pub charts: RwSignal<ChartsLib>,
    pub dark: RwSignal<bool>,
    pub rendering: RwSignal<Rendering>,
    /// The latest message for the live region ("Đã lưu.").
    pub announcement: RwSignal<String>,
    /// The undos at hand: the last change of a figure, and the last import.
    pub undos: RwSignal<Undos>,
    /// An edit that asked a question first, until the user answers it.
    pub pending: RwSignal<Option<Pending>>,
    /// Progress of every target, aligned with `plan.targets`.
    pub progress: Memo<Vec<Progress>>,
    /// Whether the browser keeps the data when space runs low; asked after the first save.
    pub persistence: RwSignal<Persistence>,
    /// The stored value this tab last read or wrote.
    pub stamp: RwSignal<Stamp>,
    pub last_export: RwSignal<Option<ExportMark>>,
    save: save::Saver,
    notes: notes::Notes,
}

impl AppState {
    /// Builds the state from what storage holds, and starts saving on every change.
    pub fn new(plan: &'static Plan, route: Route) -> AppState {
        let loaded = save::load();
        let tracking = RwSignal::new(loaded.data.clone());
        let progress = Memo::new(move |_| tracking.with(|t| progress_all(plan, t)));
        let state = AppState {
            plan,
            tracking,
            lang: RwSignal::new(local::load_lang().unwrap_or_default()),
            route: RwSignal::new(route),
            storage: RwSignal::new(loaded.status.clone()),
            unsaved: RwSignal::new(0),
            kept: RwSignal::new(local::kept()),
            download_error: RwSignal::new(None),
            charts: RwSignal::new(ChartsLib::Loading),
            dark: RwSignal::new(false),
            rendering: RwSignal::new(Rendering::Complete),
            announcement: RwSignal::new(String::new()),
            undos: RwSignal::new(Undos::default()),
            pending: RwSignal::new(None),
            progress,
            persistence: RwSignal::new(Persistence::NotAsked),
            stamp: RwSignal::new(loaded.stamp.clone()),
            last_export: RwSignal::new(local::load_export_mark()),
            save: save::Saver::new(&loaded),
            notes: notes::Notes::new(),
        };
        // A grant from an earlier visit shows at once; otherwise it is asked after a save.
        persist::check(move |p| {
            // A request made meanwhile has the newer answer.
            if state.persistence.get_untracked() == Persistence::NotAsked {
                state.persistence.set(p);
            }
        });
        state.listen();
        // The next visit's first paint shows what this one does (a new build's first
        // visit, or data written by an older one, has no record of it yet).
        state.schedule_first_paint();
        state
    }

    /// Asks the browser once a session to keep the data, now that there is some.
    fn ask_persistence(&self) {
        if self.persistence.get_untracked() == Persistence::NotAsked {
            self.persistence.set(Persistence::Asking);
            let persistence = self.persistence;
            persist::request(move |p| persistence.set(p));
        }
    }

    fn announce(&self, text: String) {
        self.announcement.set(text);
    }

    /// Carries out an edit through the reducer, or keeps it pending with its question.
    fn edit(&self, edit: Edit, consent: Consent, tell: Tell) {
        // Importing a good backup is how a user recovers from unreadable data: the unreadable
        // value is set aside first, as "start afresh" does, so that the import can be saved.
        if matches!(edit, Edit::ApplyImport(_))
            && matches!(self.storage.get_untracked(), StorageStatus::Unreadable(_))
        {
            self.clear_unreadable();
        }
        let outcome = self.tracking.with_untracked(|data| {
            self.undos
                .with_untracked(|undos| reduce(self.plan, data, undos, &edit, consent))
        });
        match outcome {
            Outcome::Ask(question) => {
                self.pending.set(Some(Pending { edit, question }));
            }
            Outcome::Done {
                data,
                changed,
                undos,
                notice,
            } => {
                self.pending.set(None);
                self.undos.set(undos);
                let said = match tell {
                    Tell::Notice => Some(notice),
                    Tell::Saved => Some(Notice::Saved),
                    Tell::Quiet => None,
                };
                if changed.is_empty() {
                    if let Some(notice) = said {
                        let lang = self.lang.get_untracked();
                        self.storage
                            .with_untracked(|s| self.announce(after_edit(notice, s, lang)));
                    }
                } else {
                    self.stamp_changes(&changed);
                    self.tracking.set(data);
                    // Told once the save says what became of it.
                    self.save.tell(said);
                    self.schedule_save();
                }
            }
        }
    }

    /// Carries out what the user did.
    pub fn dispatch(&self, action: Action) {
        match action {
            Action::Edit(edit) => {
                if let Edit::SetItemNote { item, .. } = &edit {
                    self.notes.forget(item);
                }
                self.edit(edit, Consent::NotAsked, Tell::Notice)
            }
            Action::Answer(consent) => {
                if let Some(pending) = self.pending.get_untracked() {
                    match consent {
                        Consent::Given => self.edit(pending.edit, Consent::Given, Tell::Notice),
                        Consent::NotAsked => self.pending.set(None),
                    }
                }
            }
            Action::TypeNote { item, note } => self.type_note(item, note),
            Action::FinishNote { item, note } => {
                self.notes.forget(&item);
                self.edit(
                    Edit::SetItemNote { item, note },
                    Consent::NotAsked,
                    Tell::Saved,
                );
            }
            Action::SetLang(lang) => {
                self.lang.set(lang);
                local::save_lang(lang);
                self.schedule_first_paint();
            }
            Action::StartFresh => self.start_fresh(),
            Action::DownloadKept(key) => self.download_kept(&key),
            Action::Export { format, failed } => self.export(format, failed),
            Action::DownloadBieu { on, failed } => self.download_bieu(on, failed),
        }
    }

    /// Offers the figures as a file of `format`, in the interface's language where the format
    /// has one, and remembers the export.
    fn export(&self, format: Format, failed: RwSignal<Option<String>>) {
        let now = io::now_iso();
        let lang = self.lang.get_untracked();
        let content = self.tracking.with_untracked(|t| match format {
            Format::Json => export_json(self.plan, t, &now),
            Format::Csv => Ok(export_csv(self.plan, t, lang)),
        });
        let name = file_name(self.plan, format, &now);
        let result = content.and_then(|c| files::download(&name, format.mime(), &c));
        if result.is_ok() {
            let mark = ExportMark {
                exported_at: now,
                revision: self.stamp.get_untracked().revision,
            };
            local::save_export_mark(&mark);
            self.last_export.set(Some(mark));
        }
        failed.set(result.err());
    }

    /// Offers the Biểu as an `.xlsx` file, made from the figures and in the language on the
    /// page; says so, or why not.
    fn download_bieu(&self, on: Day, failed: RwSignal<Option<String>>) {
        let lang = self.lang.get_untracked();
        let bieu = self.tracking.with_untracked(|t| {
            self.progress
                .with_untracked(|p| Bieu::of(self.plan, t, p, lang, Some(on)))
        });
        let result = report::workbook_bytes(&bieu).and_then(|bytes| {
            crate::exchange::files::download_bytes(
                &report::file_name(self.plan),
                crate::exchange::xlsx::MIME,
                &bytes,
            )
        });
        if result.is_ok() {
            self.announce(
                lang.pick("Đã tải Biểu (.xlsx).", "The form was downloaded (.xlsx).")
                    .to_owned(),
            );
        }
        failed.set(result.err());
    }

    /// Offers a value set aside as a file; a failure is shown in the banner.
    fn download_kept(&self, key: &str) {
        let result = local::kept_text(key)
            .ok_or_else(|| Msg::NothingKept.get(self.lang.get_untracked()).to_owned())
            .and_then(|raw| {
                crate::exchange::files::download(
                    "lai-chau-plan-unreadable-data.txt",
                    "text/plain;charset=utf-8",
                    &raw,
                )
            });
        self.download_error.set(result.err());
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
