//! What a user's edit does to their data: one pure function, [`reduce`], from the data, the
//! undo at hand and the edit to the new data, the cells it changed, the undo it leaves and
//! what to tell the user — or a question to ask first. The app's state only carries it out.
//!
//! Undo is one mechanism for every edit that has one (a deletion, a figure saved over another,
//! an import): it remembers each cell's content before and after, and restores a cell only
//! while it still holds what the edit put there, so undoing never overwrites a figure typed
//! since (in this tab or another).

use super::cell::{diff, Cell, CellValue, Change};
use super::model::{ItemId, Plan, TargetId};
use super::period::{Basis, Period};
use super::plausible::{doubts, Doubt};
use super::tracking::{Assessment, Entry, ItemProgress, Tracking};

/// Everything a user can do to their data.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Saves a figure; `replacing` names the figure being edited, if it is an edit.
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
    /// Sets or clears a figure of the year before the plan.
    SetPrior {
        target: TargetId,
        period: Period,
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
    /// Replaces the data by an import's checked result (a file, or a link).
    ApplyImport(Tracking),
    /// Reverts the last edit of that kind, where nothing changed since.
    Undo(Undoable),
}

/// The two undos a user has at hand: the last change of one figure (on a target's page) and
/// the last import (on the data page). Typing after an import keeps the import's undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undoable {
    Figure,
    Import,
}

/// The undos at hand, one of each [`Undoable`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Undos {
    pub figure: Option<Undo>,
    pub import: Option<Undo>,
}

impl Undos {
    pub fn get(&self, which: Undoable) -> Option<&Undo> {
        match which {
            Undoable::Figure => self.figure.as_ref(),
            Undoable::Import => self.import.as_ref(),
        }
    }

    fn slot(&mut self, which: Undoable) -> &mut Option<Undo> {
        match which {
            Undoable::Figure => &mut self.figure,
            Undoable::Import => &mut self.import,
        }
    }
}

/// Whether the user already said yes to the question an edit raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    NotAsked,
    Given,
}

/// Which edit an undo reverts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoKind {
    Delete,
    /// A figure saved over another, or an edited figure.
    Overwrite,
    Import,
}

impl UndoKind {
    /// Which undo at hand an edit of this kind leaves.
    pub fn undoable(self) -> Undoable {
        match self {
            UndoKind::Delete | UndoKind::Overwrite => Undoable::Figure,
            UndoKind::Import => Undoable::Import,
        }
    }
}

/// What an undo restores: each changed cell's content before and after the edit.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub kind: UndoKind,
    pub changes: Vec<Change>,
}

impl Undo {
    /// Whether the undo would restore a cell that `which` picks (one target's figures, say).
    pub fn touches(&self, which: impl Fn(&Cell) -> bool) -> bool {
        self.changes.iter().any(|c| which(&c.cell))
    }
}

/// A question to ask before an edit is made.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// Saving would replace a different figure already entered for that period and basis by
    /// `value`, which may also be doubtful: both are asked at once, since one yes answers both.
    Overwrite {
        existing: Entry,
        value: f64,
        doubts: Vec<Doubt>,
    },
    /// The figure looks wrong for these reasons; save it anyway?
    Doubtful(Vec<Doubt>),
    /// Some cells the undo would restore changed since: restore only the others?
    UndoPartly {
        restorable: usize,
        changed_since: usize,
    },
}

/// What to tell the user after an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Saved,
    /// A figure replaced another (after the user agreed), or an edit changed one.
    Replaced,
    Deleted,
    PriorSaved,
    PriorCleared,
    ImportApplied {
        changed: usize,
    },
    /// An undo restored `restored` cells and left `kept` that had changed since.
    Undone {
        kind: UndoKind,
        restored: usize,
        kept: usize,
    },
    /// Nothing changed (the same value again, or nothing to undo).
    Unchanged,
    /// Every cell the undo would restore changed since: nothing was undone.
    UndoRefused,
}

/// The result of an edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Carried out: the new data and the cells that changed (empty when nothing did).
    Done {
        data: Tracking,
        changed: Vec<Cell>,
        undos: Undos,
        notice: Notice,
    },
    /// Nothing was changed: ask this first, then send the edit again with [`Consent::Given`].
    Ask(Question),
}

impl Outcome {
    fn unchanged(data: &Tracking, undos: &Undos) -> Outcome {
        Outcome::Done {
            data: data.clone(),
            changed: Vec::new(),
            undos: undos.clone(),
            notice: Notice::Unchanged,
        }
    }
}

/// Carries out `edit` on `data`, or says what to ask first.
pub fn reduce(
    plan: &Plan,
    data: &Tracking,
    undos: &Undos,
    edit: &Edit,
    consent: Consent,
) -> Outcome {
    let asked = consent == Consent::Given;
    let mut next = data.clone();
    let (undo_kind, notice) = match edit {
        Edit::SaveEntry {
            target,
            entry,
            replacing,
        } => {
            let slot = Cell::Entry(target.clone(), entry.period, entry.basis);
            let existing = next.get(&slot);
            let editing_this = *replacing == Some((entry.period, entry.basis));
            let new_value = CellValue::Entry {
                value: entry.value,
                note: entry.note.clone(),
            };
            if existing.as_ref() == Some(&new_value) && (editing_this || replacing.is_none()) {
                return Outcome::unchanged(data, undos);
            }
            if !asked {
                let found = plan.target(target.as_str()).map_or_else(Vec::new, |t| {
                    let mut others = next.clone();
                    if let Some((p, b)) = replacing {
                        others.remove_entry(target, *p, *b);
                    }
                    doubts(t, &others, entry)
                });
                // Saving over another figure of that period is never silent.
                let overwritten = next
                    .entry(target, entry.period, entry.basis)
                    .filter(|_| !editing_this);
                if let Some(existing) = overwritten {
                    return Outcome::Ask(Question::Overwrite {
                        existing: existing.clone(),
                        value: entry.value,
                        doubts: found,
                    });
                }
                if !found.is_empty() {
                    return Outcome::Ask(Question::Doubtful(found));
                }
            }
            if let Some((p, b)) = replacing.filter(|_| !editing_this) {
                next.remove_entry(target, p, b);
            }
            next.upsert_entry(target, entry.clone());
            match (existing, replacing) {
                (None, None) => (None, Notice::Saved),
                _ => (Some(UndoKind::Overwrite), Notice::Replaced),
            }
        }
        Edit::DeleteEntry {
            target,
            period,
            basis,
        } => {
            if !next.remove_entry(target, *period, *basis) {
                return Outcome::unchanged(data, undos);
            }
            (Some(UndoKind::Delete), Notice::Deleted)
        }
        Edit::SetPrior {
            target,
            period,
            value,
        } => {
            let before = next.prior(target, *period);
            next.set_prior(target, *period, *value);
            // A figure of the year before is sacred like any other: deleting it or saving over
            // it leaves an undo.
            match (before, value) {
                (_, None) => (Some(UndoKind::Delete), Notice::PriorCleared),
                (Some(_), Some(_)) => (Some(UndoKind::Overwrite), Notice::PriorSaved),
                (None, Some(_)) => (None, Notice::PriorSaved),
            }
        }
        Edit::SetAssessment { target, value } => {
            next.set_assessment(target, *value);
            (None, Notice::Saved)
        }
        Edit::SetItemProgress { item, progress } => {
            next.set_item_progress(item, *progress);
            (None, Notice::Saved)
        }
        Edit::SetItemNote { item, note } => {
            next.set_item_note(item, note.clone());
            (None, Notice::Saved)
        }
        Edit::ApplyImport(imported) => {
            next = imported.clone();
            let changed = diff(data, &next).len();
            (Some(UndoKind::Import), Notice::ImportApplied { changed })
        }
        Edit::Undo(which) => return undo_last(data, undos, *which, asked),
    };
    let changes = diff(data, &next);
    if changes.is_empty() {
        return Outcome::unchanged(data, undos);
    }
    let changed = changes.iter().map(|c| c.cell.clone()).collect();
    let mut undos = undos.clone();
    if let Some(kind) = undo_kind {
        *undos.slot(kind.undoable()) = Some(Undo { kind, changes });
    }
    Outcome::Done {
        data: next,
        changed,
        undos,
        notice,
    }
}

/// Restores each cell the last edit of that kind changed, where it still holds what that
/// edit put there.
fn undo_last(data: &Tracking, undos: &Undos, which: Undoable, asked: bool) -> Outcome {
    let Some(undo) = undos.get(which) else {
        return Outcome::unchanged(data, undos);
    };
    let (restorable, changed_since): (Vec<&Change>, Vec<&Change>) = undo
        .changes
        .iter()
        .partition(|c| data.get(&c.cell) == c.after);
    if !restorable.is_empty() && !changed_since.is_empty() && !asked {
        return Outcome::Ask(Question::UndoPartly {
            restorable: restorable.len(),
            changed_since: changed_since.len(),
        });
    }
    let mut next = data.clone();
    for c in &restorable {
        next.set(&c.cell, c.before.clone());
    }
    let notice = if restorable.is_empty() {
        Notice::UndoRefused
    } else {
        Notice::Undone {
            kind: undo.kind,
            restored: restorable.len(),
            kept: changed_since.len(),
        }
    };
    let mut rest = undos.clone();
    *rest.slot(which) = None;
    Outcome::Done {
        data: next,
        changed: restorable.iter().map(|c| c.cell.clone()).collect(),
        undos: rest,
        notice,
    }
}

#[cfg(test)]
mod tests;
