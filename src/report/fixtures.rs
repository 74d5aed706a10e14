//! (test) A realistic year of figures, as a statistician would have entered them by December
//! (`fixtures/year-2023.json`, the very envelope the browser tests seed): most targets with
//! the year's estimate or official figure, some at nine months, the 2022 figures and the same
//! periods, a summed flow, a reduction with and without its 2022 level, one target with no
//! figure, notes, the qualitative commitment assessed and every task's progress.

use crate::i18n::Lang;
use crate::plan::{progress_all, Plan, Progress, Tracking};
use crate::report::{Bieu, Day};
use crate::storage::schema::Envelope;

pub const YEAR_JSON: &str = include_str!("fixtures/year-2023.json");

pub fn plan() -> Plan {
    Plan::embedded().expect("plan")
}

pub fn year() -> Tracking {
    let envelope: Envelope = serde_json::from_str(YEAR_JSON).expect("the fixture is an envelope");
    let mut tracking = envelope.data;
    tracking.sort_entries();
    tracking.validate().expect("the fixture is valid");
    tracking
}

pub fn progress(plan: &Plan, tracking: &Tracking) -> Vec<Progress> {
    progress_all(plan, tracking)
}

/// The Biểu of the realistic year in `lang`, dated 5 December 2023.
pub fn bieu(lang: Lang) -> Bieu {
    let plan = plan();
    let tracking = year();
    let day = Day {
        year: 2023,
        month: 12,
        day: 5,
    };
    Bieu::of(
        &plan,
        &tracking,
        &progress(&plan, &tracking),
        lang,
        Some(day),
    )
}
