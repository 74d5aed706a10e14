//! Task notes as they are typed: each is saved when typing pauses, and at once when the page
//! is left or hidden, so that a note is never lost to a reload or a closed tab while the cursor
//! is still in the field (the field's `change` event never comes then).

use std::time::Duration;

use leptos::prelude::*;

use super::{AppState, Tell};
use crate::plan::edit::{Consent, Edit};
use crate::plan::ItemId;

/// How long typing must pause before a note is saved.
const PAUSE: Duration = Duration::from_millis(400);

/// The notes typed and not saved yet, and a count of keystrokes that tells a pause's timer
/// whether typing went on since it was set.
#[derive(Clone, Copy)]
pub(super) struct Notes {
    drafts: StoredValue<Vec<(ItemId, String)>>,
    typed: StoredValue<u64>,
}

impl Notes {
    pub(super) fn new() -> Notes {
        Notes {
            drafts: StoredValue::new(Vec::new()),
            typed: StoredValue::new(0),
        }
    }

    /// The note of `item` is being saved by other means: its draft goes.
    pub(super) fn forget(&self, item: &ItemId) {
        self.drafts.update_value(|d| d.retain(|(i, _)| i != item));
    }

    /// Keeps the latest text of a note; returns the keystroke's number.
    fn put(&self, item: ItemId, note: String) -> u64 {
        self.drafts.update_value(|d| {
            d.retain(|(i, _)| *i != item);
            d.push((item, note));
        });
        self.typed.update_value(|n| *n += 1);
        self.typed.get_value()
    }

    fn take(&self) -> Vec<(ItemId, String)> {
        self.drafts
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }
}

impl AppState {
    /// A keystroke in a note: saved once typing pauses.
    pub(super) fn type_note(&self, item: ItemId, note: String) {
        let keystroke = self.notes.put(item, note);
        let state = *self;
        set_timeout(
            move || {
                if state.notes.typed.try_get_value() == Some(keystroke) {
                    state.flush_notes();
                }
            },
            PAUSE,
        );
    }

    /// Saves every note typed and not saved yet, quietly (the user is typing, or leaving).
    pub(super) fn flush_notes(&self) {
        for (item, note) in self.notes.take() {
            self.edit(
                Edit::SetItemNote { item, note },
                Consent::NotAsked,
                Tell::Quiet,
            );
        }
    }
}
