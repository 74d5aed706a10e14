//! The whole plan at a glance: how many targets stand in each status, and the headline a report
//! opens with ("Có x/48 chỉ tiêu đạt và vượt kế hoạch", "Số liệu đến 9 tháng 2023") as data
//! (rule 8 of `docs/progress-method.md`).

use super::{Progress, Status};
use crate::plan::model::Plan;
use crate::plan::period::Period;
use crate::plan::tracking::Tracking;

/// The statuses counted in the summary, in its order; "needs the 2022 value" is counted with
/// "no data" (see [`Summary::shown`]).
pub const COUNTED: [Status; 6] = [
    Status::Achieved,
    Status::OnTrack,
    Status::AtRisk,
    Status::OffTrack,
    Status::Missed,
    Status::NoData,
];

/// How many targets stand in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    counts: [usize; Status::ALL.len()],
}

impl Summary {
    pub fn of<'a>(statuses: impl IntoIterator<Item = &'a Progress>) -> Summary {
        let mut summary = Summary::default();
        for p in statuses {
            summary.counts[Self::slot(p.status)] += 1;
        }
        summary
    }

    fn slot(status: Status) -> usize {
        match status {
            Status::Achieved => 0,
            Status::OnTrack => 1,
            Status::AtRisk => 2,
            Status::OffTrack => 3,
            Status::Missed => 4,
            Status::NoData => 5,
            Status::NeedsBaseline => 6,
        }
    }

    pub fn count(&self, status: Status) -> usize {
        self.counts[Self::slot(status)]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The count shown beside a status in the summary, where "needs the 2022 value" is counted
    /// with "no data": both mean the target cannot be judged yet.
    pub fn shown(&self, status: Status) -> usize {
        match status {
            Status::NoData => self.count(Status::NoData) + self.count(Status::NeedsBaseline),
            Status::NeedsBaseline => 0,
            Status::Achieved
            | Status::OnTrack
            | Status::AtRisk
            | Status::OffTrack
            | Status::Missed => self.count(status),
        }
    }
}

/// What a report of the plan opens with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headline {
    /// Numeric targets met or exceeded.
    pub met: usize,
    /// Numeric targets in the plan (48 in Resolution 52).
    pub numeric: usize,
    /// The numeric targets per status (they add up to `numeric`).
    pub summary: Summary,
    /// The latest period any figure reports on: "Số liệu đến 9 tháng".
    pub up_to: Option<Period>,
    /// The plan's year.
    pub year: u16,
}

/// The headline of the plan; `progress` is aligned with `plan.targets`.
pub fn headline(plan: &Plan, progress: &[Progress], tracking: &Tracking) -> Headline {
    let numeric: Vec<&Progress> = plan
        .targets
        .iter()
        .zip(progress)
        .filter(|(t, _)| t.numeric().is_some())
        .map(|(_, p)| p)
        .collect();
    let summary = Summary::of(numeric.iter().copied());
    Headline {
        met: summary.count(Status::Achieved),
        numeric: numeric.len(),
        summary,
        up_to: tracking
            .entries
            .iter()
            .filter(|(id, _)| {
                plan.target(id.as_str())
                    .is_some_and(|t| t.numeric().is_some())
            })
            .flat_map(|(_, list)| list.iter().map(|e| e.period))
            .max(),
        year: plan.year,
    }
}
