//! The importer's core, shared by every format: what a file would change ([`Preview`],
//! [`Change`], [`Subject`]), where a problem is ([`Place`]), and the accumulator the format
//! readers feed row by row, which checks each figure against its target.
//!
//! An import never changes data by itself: only a preview with no rejection can be applied,
//! and then whole. A row about a target or task this build does not know (a backup from a newer
//! build, a hand-edited file) is not a rejection: it is skipped and listed, so that everything
//! known can still be restored. Importing merges: it adds and replaces figures, never deletes.

use std::collections::BTreeSet;

use super::reason::{Reason, MAX_IMPORT_BYTES, MAX_NOTE_CHARS};
use crate::i18n::{Lang, Msg};
use crate::plan::number::check_domain;
use crate::plan::{Basis, Entry, Goal, ItemId, Period, Plan, Target, TargetId, Tracking};

/// What one imported figure would do to the current data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Replaced,
    /// The same value is already there.
    Unchanged,
}

/// What an imported row is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Entry {
        target: TargetId,
        period: Period,
        basis: Basis,
    },
    /// A figure of the year before the plan, for one period (`Year`: the whole year).
    Prior(TargetId, Period),
    Assessment(TargetId),
    Item(ItemId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub subject: Subject,
    pub kind: ChangeKind,
}

/// Where in the file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    File,
    /// A CSV line, counted from 1 as editors do.
    Line(usize),
    /// A JSON path such as `data.entries.forest-cover[0].value`.
    Path(String),
}

impl Place {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Place::File => lang.pick("Cả tệp", "Whole file").to_owned(),
            Place::Line(n) => format!("{} {n}", lang.pick("Dòng", "Line")),
            Place::Path(p) => p.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    pub place: Place,
    pub reason: Reason,
}

/// What an import would do. Only a preview without rejections can be applied, and then whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub changes: Vec<Change>,
    pub rejected: Vec<Rejection>,
    /// Rows about a target or task this build does not know: listed, not imported.
    pub skipped: Vec<Rejection>,
    result: Tracking,
}

impl Preview {
    /// A preview refused as a whole: nothing would change.
    pub(super) fn rejected(current: &Tracking, place: Place, reason: Reason) -> Preview {
        Preview {
            changes: Vec::new(),
            rejected: vec![Rejection { place, reason }],
            skipped: Vec::new(),
            result: current.clone(),
        }
    }

    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// Whether applying would change anything and nothing was rejected.
    pub fn can_apply(&self) -> bool {
        self.rejected.is_empty() && self.changes.iter().any(|c| c.kind != ChangeKind::Unchanged)
    }

    /// The data after the import, or `None` when anything was rejected: all or nothing.
    pub fn apply(&self) -> Option<Tracking> {
        self.rejected.is_empty().then(|| self.result.clone())
    }
}

/// The preview of a file too large to read, decided from its size alone.
pub fn oversized(bytes: u64, current: &Tracking) -> Option<Preview> {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    (bytes > MAX_IMPORT_BYTES)
        .then(|| Preview::rejected(current, Place::File, Reason::TooLarge { bytes }))
}

impl Subject {
    /// What the row is about, in words: the target's name, the period and the kind of figure.
    pub fn describe(&self, plan: &Plan, lang: Lang) -> String {
        let name = |id: &TargetId| {
            plan.target(id.as_str())
                .map_or_else(|| id.to_string(), |t| t.name(lang).to_owned())
        };
        match self {
            Subject::Entry {
                target,
                period,
                basis,
            } => format!(
                "{} — {} — {}",
                name(target),
                period.label(lang),
                basis.label(lang)
            ),
            Subject::Prior(target, Period::Year) => {
                format!("{} — {}", name(target), Msg::Baseline2022.get(lang))
            }
            Subject::Prior(target, period) => format!(
                "{} — {} — {}",
                name(target),
                Msg::Baseline2022.get(lang),
                period.label(lang)
            ),
            Subject::Assessment(target) => {
                format!("{} — {}", name(target), Msg::Assessment.get(lang))
            }
            Subject::Item(id) => plan.items.iter().find(|i| i.id == *id).map_or_else(
                || id.as_str().to_owned(),
                |i| format!("{} {}", i.label(), i.title(lang)),
            ),
        }
    }
}

/// Collects what an import would do, row by row: the format readers feed it, it checks for
/// duplicates and records each change against the current data.
pub(super) struct Acc<'a> {
    pub(super) plan: &'a Plan,
    pub(super) current: &'a Tracking,
    pub(super) result: Tracking,
    changes: Vec<Change>,
    rejected: Vec<Rejection>,
    skipped: Vec<Rejection>,
    seen: BTreeSet<(TargetId, String, Basis)>,
}

impl<'a> Acc<'a> {
    pub(super) fn new(plan: &'a Plan, current: &'a Tracking) -> Acc<'a> {
        Acc {
            plan,
            current,
            result: current.clone(),
            changes: Vec::new(),
            rejected: Vec::new(),
            skipped: Vec::new(),
            seen: BTreeSet::new(),
        }
    }

    /// Refuses a row; one about an id this build does not know is skipped instead.
    pub(super) fn reject(&mut self, place: Place, reason: Reason) {
        let rejection = Rejection { place, reason };
        match rejection.reason {
            Reason::UnknownTarget(_) | Reason::UnknownItem(_) => self.skipped.push(rejection),
            _ => self.rejected.push(rejection),
        }
    }

    pub(super) fn finish(self) -> Preview {
        Preview {
            changes: self.changes,
            rejected: self.rejected,
            skipped: self.skipped,
            result: self.result,
        }
    }

    /// A target that takes figures, or the reason it does not.
    pub(super) fn numeric_target(&self, id: &str) -> Result<&'a Target, Reason> {
        match self.plan.target(id) {
            None => Err(Reason::UnknownTarget(id.to_owned())),
            Some(t) => match &t.goal {
                Goal::Numeric(_) => Ok(t),
                Goal::Maintain => Err(Reason::WrongKindOfTarget(id.to_owned())),
            },
        }
    }

    pub(super) fn add_entry(&mut self, place: Place, target: &Target, entry: Entry) {
        let key = (target.id.clone(), entry.period.code(), entry.basis);
        if !self.seen.insert(key) {
            self.reject(
                place,
                Reason::Duplicate {
                    period: entry.period,
                    basis: entry.basis,
                },
            );
            return;
        }
        let existing = self.current.entry(&target.id, entry.period, entry.basis);
        let kind = match existing {
            None => ChangeKind::Added,
            Some(e) if *e == entry => ChangeKind::Unchanged,
            Some(_) => ChangeKind::Replaced,
        };
        self.changes.push(Change {
            subject: Subject::Entry {
                target: target.id.clone(),
                period: entry.period,
                basis: entry.basis,
            },
            kind,
        });
        self.result.upsert_entry(&target.id, entry);
    }

    pub(super) fn record<T: PartialEq>(&mut self, subject: Subject, old: Option<T>, new: &T) {
        let kind = match old {
            None => ChangeKind::Added,
            Some(o) if o == *new => ChangeKind::Unchanged,
            Some(_) => ChangeKind::Replaced,
        };
        self.changes.push(Change { subject, kind });
    }
}

/// A figure checked against its target: finite and within the quantity's range.
pub(super) fn check_value(value: f64, target: &Target) -> Result<f64, Reason> {
    if !value.is_finite() {
        return Err(Reason::NotFinite);
    }
    match target.numeric() {
        Some(goal) => check_domain(value, goal)
            .map(|()| value)
            .map_err(Reason::Value),
        None => Err(Reason::WrongKindOfTarget(target.id.to_string())),
    }
}

pub(super) fn check_note(note: &str) -> Result<String, Reason> {
    if note.chars().count() > MAX_NOTE_CHARS {
        Err(Reason::NoteTooLong)
    } else {
        Ok(note.to_owned())
    }
}

#[cfg(test)]
mod tests;
