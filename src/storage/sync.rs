//! Keeping tabs in step without losing a figure: what a save writes, given what storage holds
//! now and this tab's data and clock (a merge, cell by cell, with `clock::merge`), and what
//! becomes of the saving status. Pure Rust; `state::save` carries the decisions out.
//!
//! Why a merge on every save and no lock: localStorage has no transactions, and Chromium keeps
//! a copy of it in each renderer process; a write lands in the writer's copy at once and
//! reaches the other processes a little later, by message. Two tabs can therefore each read,
//! merge and write without seeing the other's write, and the browser keeps whichever arrives
//! last. A Web Lock would not close that gap (it is granted over another channel, with no
//! order against storage's messages) and its callback comes later, which a save made while
//! the page is being left cannot wait for. What does close it: every save writes the merge of
//! what is stored with what the tab has, and a tab that hears of another's save (the `storage`
//! event) merges it in and writes again when the stored value lacks anything it has. The
//! merge is commutative, associative and idempotent, so the stored value grows to the merge
//! of every tab's data, and the tabs stop writing once each holds exactly what is stored.

use super::clock::{merge, Clock};
use super::schema::{restore, Envelope, RestoreError, Stamp};
use crate::plan::cell::diff;
use crate::plan::Tracking;

/// The text of a stored value this tab read or wrote, and its stamp.
pub type Seen<'a> = (&'a Stamp, &'a str);

/// What the tab holds when it saves.
#[derive(Clone, Copy, Debug)]
pub struct Local<'a> {
    pub data: &'a Tracking,
    pub clock: &'a Clock,
    /// The data of the stored value this tab last read or wrote (its `known` stamp).
    pub base: &'a Tracking,
    pub known: &'a Stamp,
    /// That value's text, when the tab still has it: a stored value with the very same text
    /// need not be read again (on a slow phone, parsing a year of figures on every save kept
    /// an entry from showing within a frame).
    pub seen: Option<Seen<'a>>,
}

/// How to write: at `revision`, copying the stored value to the backup key first when
/// `backup` is set (it is a good value, worth keeping one generation of).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Write {
    pub revision: u64,
    pub backup: bool,
}

/// A save that can go ahead: the data and clock the tab goes on with, and whether to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Sync {
    pub data: Tracking,
    pub clock: Clock,
    /// `None`: storage holds everything the tab has (or both are empty); nothing to write.
    pub write: Option<Write>,
    /// The stored value merged in, when it was not the one this tab knew.
    pub stored: Option<Box<Envelope>>,
    /// Changes of this tab not saved yet that a later change in another tab replaced.
    pub overruled: usize,
}

/// What to do with a save, given what storage holds now.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    Go(Sync),
    /// A newer app wrote the value; it must not be overwritten.
    Newer(u32),
    /// The stored value cannot be read; it must be set aside, not overwritten.
    Unreadable(String),
}

/// Decides a save: merge what is stored with what the tab has, and write when the stored
/// value lacks anything of the merge (a new revision above both that value's and the last
/// one this tab saw). A stale tab therefore never writes its old data over a newer value.
pub fn decide(stored: Option<&str>, local: Local) -> Decision {
    let ours = || Sync {
        data: local.data.clone(),
        clock: local.clock.clone(),
        write: None,
        stored: None,
        overruled: 0,
    };
    let Some(raw) = stored else {
        let empty = *local.data == Tracking::default() && *local.clock == Clock::default();
        return Decision::Go(Sync {
            write: (!empty).then_some(Write {
                revision: local.known.revision + 1,
                backup: false,
            }),
            ..ours()
        });
    };
    // The value this tab last read or wrote: its changes since are all later than it.
    if local
        .seen
        .is_some_and(|(stamp, text)| stamp == local.known && text == raw)
    {
        return Decision::Go(Sync {
            write: (local.data != local.base).then_some(Write {
                revision: local.known.revision + 1,
                backup: true,
            }),
            ..ours()
        });
    }
    let theirs = match restore(raw) {
        Ok(envelope) => envelope,
        Err(RestoreError::NewerSchema(v)) => return Decision::Newer(v),
        Err(RestoreError::Unreadable(detail)) => return Decision::Unreadable(detail),
    };
    let merged = merge((local.data, local.clock), (&theirs.data, &theirs.clock));
    let overruled = merged
        .taken
        .iter()
        .filter(|cell| local.data.get(cell) != local.base.get(cell))
        .count();
    let lacks = merged.data != theirs.data || merged.clock != theirs.clock;
    Decision::Go(Sync {
        write: lacks.then_some(Write {
            revision: theirs.revision.max(local.known.revision) + 1,
            backup: true,
        }),
        data: merged.data,
        clock: merged.clock,
        stored: Some(Box::new(theirs)),
        overruled,
    })
}

/// The changes on the page that storage does not hold: what the banner counts while saving
/// fails.
pub fn unsaved(base: &Tracking, data: &Tracking) -> usize {
    diff(base, data).len()
}

/// Whether saving works, and if not why; shown in a banner and in every notice after an edit.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageStatus {
    /// Saving works; the time of the last save, if any this session.
    Ok(Option<String>),
    /// Saved at this time after saving had failed: the changes kept waiting are stored now.
    Recovered(String),
    /// localStorage is blocked or missing (disabled, some private modes).
    Unavailable,
    /// The browser's quota is used up; the save is tried again.
    Full,
    /// The browser refused the write for another reason; the save is tried again.
    Failed(String),
    /// The saved data could not be read; saving waits until the user starts afresh.
    Unreadable(String),
    /// The saved data is from a newer app; this one stays read-only.
    Newer(u32),
}

impl StorageStatus {
    /// Whether what the tab holds is being saved.
    pub fn saves(&self) -> bool {
        match self {
            StorageStatus::Ok(_) | StorageStatus::Recovered(_) => true,
            StorageStatus::Unavailable
            | StorageStatus::Full
            | StorageStatus::Failed(_)
            | StorageStatus::Unreadable(_)
            | StorageStatus::Newer(_) => false,
        }
    }

    /// Whether the save is tried again by itself (on a timer, when the page comes back, when
    /// another tab saved): space may free up, a passing error may pass. The other failures
    /// wait for the user (start afresh, reload).
    pub fn retried(&self) -> bool {
        matches!(self, StorageStatus::Full | StorageStatus::Failed(_))
    }
}

/// How a save ended, for [`after_save`].
#[derive(Clone, Debug, PartialEq)]
pub enum Ended {
    /// Written at this time.
    Written(String),
    /// Nothing needed writing: storage held everything already (saved at this time, if known).
    NothingToWrite(Option<String>),
    Failed(StorageStatus),
}

/// The status after a save, given the one before and whether changes were waiting: a save
/// that works after saving had failed, with changes kept waiting, says so.
pub fn after_save(before: &StorageStatus, ended: Ended, waiting: usize) -> StorageStatus {
    let recovered = !before.saves() && waiting > 0;
    match ended {
        Ended::Written(at) if recovered => StorageStatus::Recovered(at),
        Ended::Written(at) => StorageStatus::Ok(Some(at)),
        Ended::NothingToWrite(at) if recovered => StorageStatus::Recovered(at.unwrap_or_default()),
        Ended::NothingToWrite(at) => match before {
            StorageStatus::Ok(_) | StorageStatus::Recovered(_) => before.clone(),
            _ => StorageStatus::Ok(at),
        },
        Ended::Failed(status) => status,
    }
}

/// The longest wait between two tries of a refused save.
pub const RETRY_MAX_MS: u32 = 60_000;

/// How long to wait before trying a refused save again: a second, then twice as long each
/// time, up to a minute (a tab left open with a full storage must not write every second).
pub fn retry_delay_ms(attempt: u32) -> u32 {
    1000u32
        .checked_shl(attempt.min(16))
        .map_or(RETRY_MAX_MS, |d| d.min(RETRY_MAX_MS))
}

#[cfg(test)]
mod race;
#[cfg(test)]
mod tests;
