//! Which part of a target's inputs acted last (the entry form, the figures entered, the year
//! before's figures), so that the notice of an edit ("Đã lưu.", or that nothing could be
//! saved) shows beside the part that made it and nowhere else. The notice itself is the app's
//! one announcement, told once the save says what became of the edit.

use leptos::prelude::*;

use crate::state::use_app;

/// A part of a target's inputs that says what became of its edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    EntryForm,
    Entries,
    PriorYear,
}

/// The part that acted last, shared by the parts of one target's page, with the app's
/// announcement it shows.
#[derive(Clone, Copy)]
pub struct Voice {
    last: RwSignal<Option<Part>>,
    announcement: RwSignal<String>,
}

impl Voice {
    /// Made in a component, where the app's state is at hand.
    pub fn new() -> Voice {
        Voice {
            last: RwSignal::new(None),
            announcement: use_app().announcement,
        }
    }

    /// Called just before `part` dispatches an edit: the notice that follows is its own, and
    /// until it comes nothing older is shown as if it were.
    pub fn speak(&self, part: Part) {
        self.announcement.set(String::new());
        self.last.set(Some(part));
    }

    /// The user went on (typed, chose): `part`'s last notice is no longer news.
    pub fn hush(&self, part: Part) {
        if self.last.get_untracked() == Some(part) {
            self.last.set(None);
        }
    }

    /// The notice to show beside `part`, if it acted last.
    pub fn notice(&self, part: Part) -> Option<String> {
        (self.last.get() == Some(part)).then(|| self.announcement.get())
    }
}

impl Default for Voice {
    fn default() -> Self {
        Self::new()
    }
}
