//! The domain core: the plan of Resolution 52 as data, the user's figures, progress and status,
//! and numbers in and out. Plain Rust: nothing here knows about the browser.

pub mod cell;
pub mod compare;
pub mod edit;
pub mod model;
pub mod number;
pub mod period;
pub mod plausible;
pub mod progress;
pub mod range;
pub mod tracking;

#[cfg(test)]
mod data_tests;

pub use compare::{same_period, Change, SamePeriod};
pub use model::{
    Domain, Goal, Group, Item, ItemId, Measure, NumericGoal, NumericKind, Plan, PlanError, Section,
    Target, TargetId, Unit,
};
pub use period::{Basis, Period, Span};
pub use progress::{
    headline, progress, progress_all, structure_sums, Achievement, Current, ExpectedPath, Headline,
    Progress, Reduction, Rule, Shift, Source, Stage, Status, StructureSum, Summary, COUNTED,
};
pub use tracking::{Assessment, Entry, ItemProgress, ItemState, Tracking, Upsert};
