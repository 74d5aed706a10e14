//! Progress and status: turns a target and the user's figures into the current value, the
//! achievement "đạt x% kế hoạch", and a status, by one rule per kind of target.
//!
//! The formulas and thresholds are documented, with the methods they follow, in
//! `docs/progress-method.md`; the constants below are the single place they are set.

use super::model::{Domain, Goal, Measure, NumericGoal, NumericKind, Plan, Target};
use super::period::{Basis, Period};
use super::tracking::{Assessment, Entry, Tracking};

/// Pace at or above which a target is on track (Statistics Canada, UNSD: 0,95).
pub const ON_TRACK: f64 = 0.95;
/// Pace at or above which a target is at risk rather than off track (Statistics Canada: 0,6).
pub const AT_RISK: f64 = 0.6;
/// "Khoảng" (about): a value within this share below the target counts as reached.
pub const ABOUT_TOLERANCE: f64 = 0.02;
/// Structure shares: deviations, in percentage points, for achieved / on track / at risk.
pub const SHARE_BANDS: [f64; 3] = [0.5, 1.0, 2.0];

/// Where a target stands. Every status is also said in words in the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
    /// A reduce-by target with figures but no 2022 value to measure the reduction from.
    NeedsBaseline,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NoData,
        Status::NeedsBaseline,
    ];

    /// The status of a [`Status::code`].
    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The stable code used in markup and exports.
    pub fn code(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::OffTrack => "off-track",
            Status::NoData => "no-data",
            Status::NeedsBaseline => "needs-baseline",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Status::Achieved => lang.pick("Đã đạt", "Achieved"),
            Status::OnTrack => lang.pick("Đúng tiến độ", "On track"),
            Status::AtRisk => lang.pick("Có nguy cơ", "At risk"),
            Status::OffTrack => lang.pick("Chậm tiến độ", "Off track"),
            Status::NoData => lang.pick("Chưa có số liệu", "No data"),
            Status::NeedsBaseline => lang.pick("Cần số năm 2022", "Needs 2022 value"),
        }
    }

    /// A symbol that carries the status beside its colour and word.
    pub fn icon(self) -> &'static str {
        match self {
            Status::Achieved => "✔",
            Status::OnTrack => "▲",
            Status::AtRisk => "◆",
            Status::OffTrack => "✖",
            Status::NoData => "○",
            Status::NeedsBaseline => "?",
        }
    }
}

/// The figure that stands for a target now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Current {
    pub value: f64,
    pub period: Period,
    pub basis: Basis,
}

/// Which rule gave the status, with its figures, so the interface can say why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    NoEntries,
    MissingBaseline,
    /// A qualitative target, assessed by the user.
    Assessed,
    /// The current value meets the target.
    TargetMet,
    /// An "about" target within [`ABOUT_TOLERANCE`] of its value.
    WithinAbout,
    /// A flow's year-to-date share of the plan against the share of the year elapsed.
    FlowPace {
        share_of_plan: f64,
        expected: f64,
    },
    /// A level's share of the way from the 2022 value to the target, against the year elapsed.
    PathFromBaseline {
        travelled: f64,
        expected: f64,
    },
    /// The ratio of the current value to the target, judged directly.
    RatioToTarget {
        ratio: f64,
    },
    /// A growth below zero, or a level moving away from its target.
    MovingAway,
    /// A structure share's deviation from the target, in percentage points.
    ShareBand {
        deviation: f64,
    },
}

/// Everything the interface shows about one target's progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub status: Status,
    pub rule: Rule,
    pub current: Option<Current>,
    /// "Đạt x% kế hoạch" as a ratio (1.0 = 100%), uncapped.
    pub achievement: Option<f64>,
    /// The share of the way from the 2022 value to the target travelled so far.
    pub from_baseline: Option<f64>,
    /// Reduce-by targets: the reduction from the 2022 value so far.
    pub reduction: Option<f64>,
    /// Flows: the share of the year elapsed at the latest period.
    pub expected: Option<f64>,
    /// Flows: the year-end value if the pace so far holds (linear).
    pub forecast: Option<f64>,
}

impl Progress {
    fn bare(status: Status, rule: Rule, current: Option<Current>) -> Progress {
        Progress {
            status,
            rule,
            current,
            achievement: None,
            from_baseline: None,
            reduction: None,
            expected: None,
            forecast: None,
        }
    }
}

/// The latest period's figure; of one period, the official figure replaces the estimate.
pub fn current_of(entries: &[Entry]) -> Option<Current> {
    entries
        .iter()
        .max_by_key(|e| (e.period.order_key(), e.basis))
        .map(|e| Current {
            value: e.value,
            period: e.period,
            basis: e.basis,
        })
}

fn by_pace(pace: f64) -> Status {
    if pace >= ON_TRACK {
        Status::OnTrack
    } else if pace >= AT_RISK {
        Status::AtRisk
    } else {
        Status::OffTrack
    }
}

/// `a ≥ b`, forgiving the rounding of decimal fractions in binary (22,98 − 0,01 …).
fn at_least(a: f64, b: f64) -> bool {
    a >= b - 1e-9 * b.abs().max(1.0)
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0).then(|| numerator / denominator)
}

/// Every target's progress, aligned with `plan.targets`: what the overview, its summary and
/// the groups chart read.
pub fn progress_all(plan: &Plan, tracking: &Tracking) -> Vec<Progress> {
    plan.targets.iter().map(|t| progress(t, tracking)).collect()
}

/// The progress of one target, from the user's figures.
pub fn progress(target: &Target, tracking: &Tracking) -> Progress {
    let current = current_of(tracking.entries(&target.id));
    match &target.goal {
        Goal::Maintain => qualitative(tracking.assessments.get(&target.id).copied()),
        Goal::Numeric(goal) => match current {
            None => Progress::bare(Status::NoData, Rule::NoEntries, None),
            Some(current) => numeric(goal, current, tracking.baseline(&target.id)),
        },
    }
}

fn qualitative(assessment: Option<Assessment>) -> Progress {
    let status = match assessment {
        None => return Progress::bare(Status::NoData, Rule::NoEntries, None),
        Some(Assessment::Achieved) => Status::Achieved,
        Some(Assessment::OnTrack) => Status::OnTrack,
        Some(Assessment::AtRisk) => Status::AtRisk,
        Some(Assessment::OffTrack) => Status::OffTrack,
    };
    Progress::bare(status, Rule::Assessed, None)
}

fn numeric(goal: &NumericGoal, current: Current, baseline: Option<f64>) -> Progress {
    match goal.kind {
        NumericKind::AtLeast | NumericKind::About | NumericKind::Growth => {
            higher_is_better(goal, current, baseline)
        }
        NumericKind::Below | NumericKind::ReduceTo => lower_is_better(goal, current, baseline),
        NumericKind::ReduceBy => reduce_by(goal, current, baseline),
        NumericKind::Share => share(goal, current),
    }
}

fn higher_is_better(goal: &NumericGoal, current: Current, baseline: Option<f64>) -> Progress {
    let (a, t, elapsed) = (current.value, goal.value, current.period.elapsed());
    let mut p = Progress::bare(Status::NoData, Rule::NoEntries, Some(current));
    p.achievement = ratio(a, t);
    let is_flow = goal.measure == Measure::Flow;
    if !is_flow {
        if let Some(b) = baseline.filter(|b| *b != t) {
            p.from_baseline = ratio(a - b, t - b);
        }
    } else {
        p.expected = Some(elapsed);
        p.forecast = Some(a / elapsed);
    }
    let (status, rule) =
        if goal.kind == NumericKind::About && at_least(a, t - ABOUT_TOLERANCE * t.abs()) {
            (Status::Achieved, Rule::WithinAbout)
        } else if at_least(a, t) {
            (Status::Achieved, Rule::TargetMet)
        } else if is_flow {
            let share_of_plan = p.achievement.unwrap_or(0.0);
            (
                by_pace(share_of_plan / elapsed),
                Rule::FlowPace {
                    share_of_plan,
                    expected: elapsed,
                },
            )
        } else if goal.domain == Domain::Change {
            // A growth rate is judged against its target directly: growth of a growth means nothing.
            if a < 0.0 && t > 0.0 {
                (Status::OffTrack, Rule::MovingAway)
            } else {
                let r = p.achievement.unwrap_or(0.0);
                (by_pace(r), Rule::RatioToTarget { ratio: r })
            }
        } else {
            path_or_ratio(
                p.from_baseline.filter(|_| baseline.is_some_and(|b| b < t)),
                p.achievement,
                elapsed,
            )
        };
    p.status = status;
    p.rule = rule;
    p
}

fn lower_is_better(goal: &NumericGoal, current: Current, baseline: Option<f64>) -> Progress {
    let (a, t, elapsed) = (current.value, goal.value, current.period.elapsed());
    let mut p = Progress::bare(Status::NoData, Rule::NoEntries, Some(current));
    p.achievement = ratio(t, a);
    if let Some(b) = baseline.filter(|b| *b != t) {
        p.from_baseline = ratio(b - a, b - t);
    }
    let met = match goal.kind {
        NumericKind::Below => a < t,
        _ => at_least(t, a),
    };
    let (status, rule) = if met {
        (Status::Achieved, Rule::TargetMet)
    } else {
        path_or_ratio(
            p.from_baseline.filter(|_| baseline.is_some_and(|b| b > t)),
            p.achievement,
            elapsed,
        )
    };
    p.status = status;
    p.rule = rule;
    p
}

/// With a 2022 value on the right side of the target, the share of the way travelled is judged
/// against the share of the year elapsed; without one, the ratio to the target directly.
fn path_or_ratio(travelled: Option<f64>, achievement: Option<f64>, elapsed: f64) -> (Status, Rule) {
    match travelled {
        Some(travelled) if travelled < 0.0 => (Status::OffTrack, Rule::MovingAway),
        Some(travelled) => (
            by_pace(travelled / elapsed),
            Rule::PathFromBaseline {
                travelled,
                expected: elapsed,
            },
        ),
        None => {
            let r = achievement.unwrap_or(0.0);
            (by_pace(r), Rule::RatioToTarget { ratio: r })
        }
    }
}

fn reduce_by(goal: &NumericGoal, current: Current, baseline: Option<f64>) -> Progress {
    let Some(b) = baseline else {
        return Progress::bare(Status::NeedsBaseline, Rule::MissingBaseline, Some(current));
    };
    let elapsed = current.period.elapsed();
    let reduction = b - current.value;
    let travelled = ratio(reduction, goal.value).unwrap_or(0.0);
    let mut p = Progress::bare(Status::NoData, Rule::NoEntries, Some(current));
    p.reduction = Some(reduction);
    p.achievement = Some(travelled);
    p.from_baseline = Some(travelled);
    let (status, rule) = if at_least(reduction, goal.value) {
        (Status::Achieved, Rule::TargetMet)
    } else {
        path_or_ratio(Some(travelled), None, elapsed)
    };
    p.status = status;
    p.rule = rule;
    p
}

fn share(goal: &NumericGoal, current: Current) -> Progress {
    let deviation = current.value - goal.value;
    let size = deviation.abs();
    let status = if size <= SHARE_BANDS[0] + 1e-9 {
        Status::Achieved
    } else if size <= SHARE_BANDS[1] + 1e-9 {
        Status::OnTrack
    } else if size <= SHARE_BANDS[2] + 1e-9 {
        Status::AtRisk
    } else {
        Status::OffTrack
    };
    let mut p = Progress::bare(status, Rule::ShareBand { deviation }, Some(current));
    p.achievement = ratio(current.value, goal.value);
    p
}

/// The statuses counted in the summary, in its order; "needs the 2022 value" is counted with
/// "no data" (see [`Summary::shown`]).
pub const COUNTED: [Status; 5] = [
    Status::Achieved,
    Status::OnTrack,
    Status::AtRisk,
    Status::OffTrack,
    Status::NoData,
];

/// How many targets stand in each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    counts: [usize; 6],
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
            Status::NoData => 4,
            Status::NeedsBaseline => 5,
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
            Status::Achieved | Status::OnTrack | Status::AtRisk | Status::OffTrack => {
                self.count(status)
            }
        }
    }
}

#[cfg(test)]
mod tests;
