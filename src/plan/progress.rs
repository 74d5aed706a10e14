//! Progress and status: turns a target and the user's figures into the current value, the
//! achievement ("đạt x% kế hoạch", or the gap in points for a rate), a status and the rule that
//! gave it, the way a provincial plan report judges a target.
//!
//! The method, with the published methods it follows, is `docs/progress-method.md`; the
//! constants below are the single place its thresholds are set, and every rule carries the
//! figures it compared, so that the sentence explaining it (`present::why`) prints exactly
//! what decided the status. One file per family of targets: `levels.rs` (levels and
//! reductions), `flows.rs` (year-to-date flows), `rates.rs` (growth rates), `shares.rs`
//! (the economic structure); the current value is found in `current.rs`, and the counts and
//! headline of the whole plan in `summary.rs`.

mod current;
mod flows;
mod levels;
mod rates;
mod shares;
mod summary;

pub use current::{current_of, year_to_date};
pub use flows::{prior_to_date, seasonal_share};
pub use shares::{structure_sums, Shift, StructureSum, STRUCTURE_SUM_TOLERANCE};
pub use summary::{headline, Headline, Summary, COUNTED};

use super::model::{Domain, Goal, Measure, NumericGoal, NumericKind, Plan, Target};
use super::period::{Basis, Period};
use super::tracking::{Assessment, Tracking};

/// Pace at or above which a target is on track (Statistics Canada, UNSD: 0,95).
pub const ON_TRACK: f64 = 0.95;
/// Pace at or above which a target is at risk rather than off track (Statistics Canada: 0,6).
pub const AT_RISK: f64 = 0.6;
/// "Khoảng" (about): a value this share of the plan value below it, or closer, counts as met.
pub const ABOUT_TOLERANCE: f64 = 0.02;
/// A growth rate before the year's end this many points below its target, or closer, is on
/// track as an indication.
pub const RATE_ON_TRACK_POINTS: f64 = 0.5;
/// A growth rate before the year's end this many points below its target, or closer, is at
/// risk; further below, off track.
pub const RATE_AT_RISK_POINTS: f64 = 2.0;
/// A share of the economy this many points from its planned share, or closer, meets it.
pub const SHARE_TOLERANCE_POINTS: f64 = 0.5;
/// A share before the year's end this many points from its planned share, or closer, is at
/// risk; further, off track.
pub const SHARE_AT_RISK_POINTS: f64 = 2.0;

/// Where a target stands. Every status is also said in words and an icon in the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Met or exceeded: by the whole year's figure, or already before the year's end.
    Achieved,
    /// Before the year's end: at the pace the year's target needs.
    OnTrack,
    /// Before the year's end: behind the pace, but not far.
    AtRisk,
    /// Before the year's end: far behind, or moving away from the target.
    OffTrack,
    /// The whole year's figure falls short: final.
    Missed,
    NoData,
    /// A reduce-by target with figures but no 2022 value to measure the reduction from.
    NeedsBaseline,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::Missed,
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
            Status::Missed => "missed",
            Status::NoData => "no-data",
            Status::NeedsBaseline => "needs-baseline",
        }
    }

    /// The word a report uses: "Đạt/vượt", "Không đạt".
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            Status::Achieved => lang.pick("Đạt/vượt", "Met/exceeded"),
            Status::OnTrack => lang.pick("Đúng tiến độ", "On track"),
            Status::AtRisk => lang.pick("Có nguy cơ", "At risk"),
            Status::OffTrack => lang.pick("Chậm tiến độ", "Off track"),
            Status::Missed => lang.pick("Không đạt", "Missed"),
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
            Status::OffTrack => "▼",
            Status::Missed => "✖",
            Status::NoData => "○",
            Status::NeedsBaseline => "?",
        }
    }
}

/// How final a verdict is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// A figure for the whole year (estimate or official): the target is met or missed.
    Final,
    /// A figure before the year's end, judged by its pace towards the year's target.
    Interim,
    /// A growth rate or a share of the economy for part of the year, compared with the year's
    /// target: an indication of the year, never its result.
    Indicative,
}

/// How the current figure was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A figure as entered.
    Entered,
    /// A flow's year-to-date made by adding the month's or quarter's own figures that follow,
    /// without a gap, the latest figure from January (`base`), or January itself when there
    /// is none.
    Summed { base: Option<Period>, parts: u8 },
}

/// The figure that stands for a target now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Current {
    pub value: f64,
    pub period: Period,
    pub basis: Basis,
    pub source: Source,
}

/// Where the share of the year a flow should have reached by now comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpectedPath {
    /// As many twelfths of the plan as months have passed: when nothing better is known.
    Linear,
    /// The share of its whole year that 2022 had reached by the same period.
    PriorYear,
}

/// How far the current figure is from the plan, as the "% KH" column shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Achievement {
    /// "Đạt x% kế hoạch": 1.0 = 100 %, uncapped. For a lower-is-better target the plan value
    /// over the current one; for a reduction, the reduction made over the one planned.
    OfPlan(f64),
    /// A growth rate or a share: the current value less the plan value, in percentage points,
    /// to the precision of the two figures it is the difference of.
    Points { gap: f64, decimals: u8 },
}

/// A reduce-by target's reduction from its 2022 value: the 2022 value less the current one, in
/// the target's unit (points of a rate), to the precision of the two figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reduction {
    pub points: f64,
    pub decimals: u8,
}

/// Which rule gave the status, with the figures it compared, so the interface can say why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    NoEntries,
    /// A flow whose figures are all a month's or a quarter's own, none from January: none of
    /// them measures the year's plan. `latest` is the latest of them.
    NoYearToDate {
        latest: Period,
    },
    /// A reduce-by target with figures but no 2022 value.
    MissingBaseline,
    /// A qualitative target, assessed by the user.
    Assessed,
    /// The plan value is met (or the reduction made): by the year's figure, or before.
    TargetMet,
    /// An "about" target short of its value by `tolerance` or less (in the target's unit).
    WithinAbout {
        tolerance: f64,
    },
    /// The whole year's figure falls short of the plan: the year's result.
    YearMissed,
    /// A flow's year-to-date share of the plan against the share expected by now.
    FlowPace {
        share_of_plan: f64,
        expected: f64,
        path: ExpectedPath,
        /// The share of the plan at or above which the flow is on track (expected × 0,95).
        on_track_at: f64,
        /// … and at risk (expected × 0,6).
        at_risk_at: f64,
    },
    /// A level's (or a reduction's) share of the way from the 2022 value to the target,
    /// against the share of the year elapsed.
    PathFromBaseline {
        baseline: f64,
        travelled: f64,
        expected: f64,
        on_track_at: f64,
        at_risk_at: f64,
    },
    /// A level further from its target than the 2022 value was, before the year's end.
    MovingAway {
        baseline: f64,
    },
    /// A level with no usable 2022 value: its shortfall from the target (a share of it)
    /// against the share of the year left.
    ShortfallAndTimeLeft {
        shortfall: f64,
        left: f64,
        /// The shortfall at or below which it is on track ((1 − 0,95) × left).
        on_track_within: f64,
        /// … and at risk ((1 − 0,6) × left).
        at_risk_within: f64,
    },
    /// A growth rate for part of the year against the year's target, in points: an indication.
    RateIndication {
        gap: f64,
        on_track_within: f64,
        at_risk_within: f64,
    },
    /// A share of the economy against its planned share, in points.
    ShareBand {
        deviation: f64,
        tolerance: f64,
        at_risk_within: f64,
    },
    /// A share that has shifted from its 2022 value beyond the planned share, the way the
    /// plan asks.
    ShareShiftExceeded {
        baseline: f64,
        asked: Shift,
    },
    /// A share that has shifted from its 2022 value the other way than the plan asks.
    ShareWrongWay {
        baseline: f64,
        asked: Shift,
    },
}

/// Everything the interface shows about one target's progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub status: Status,
    pub rule: Rule,
    /// How final the status is; `None` where nothing is judged (no figures, qualitative).
    pub stage: Option<Stage>,
    pub current: Option<Current>,
    pub achievement: Option<Achievement>,
    /// Levels: the share of the way from the 2022 value to the target travelled so far.
    pub from_baseline: Option<f64>,
    /// Reduce-by targets: the reduction from the 2022 value so far.
    pub reduction: Option<Reduction>,
    /// Flows before the year's end: the share of the plan expected by now, and whence.
    pub expected: Option<(f64, ExpectedPath)>,
    /// Flows before the year's end: the year's figure if the path so far holds.
    pub forecast: Option<f64>,
}

impl Progress {
    fn bare(status: Status, rule: Rule, current: Option<Current>) -> Progress {
        Progress {
            status,
            rule,
            stage: None,
            current,
            achievement: None,
            from_baseline: None,
            reduction: None,
            expected: None,
            forecast: None,
        }
    }

    /// A judged progress: the status, rule and stage of a verdict on `current`.
    fn judged(current: Current, (status, rule): (Status, Rule), stage: Stage) -> Progress {
        Progress {
            stage: Some(stage),
            ..Progress::bare(status, rule, Some(current))
        }
    }
}

/// The stage of a verdict on a figure of `period`: final for the whole year, else `before`.
fn stage_of(period: Period, before: Stage) -> Stage {
    if period.is_year() {
        Stage::Final
    } else {
        before
    }
}

/// The status of a pace (a ratio of progress made to progress needed), or of a figure against
/// the bars it must reach to be on track and at risk.
fn by_bars(value: f64, on_track_at: f64, at_risk_at: f64) -> Status {
    if at_least(value, on_track_at) {
        Status::OnTrack
    } else if at_least(value, at_risk_at) {
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

/// Whether a higher or a lower figure is better for a target of this kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Better {
    Higher,
    Lower,
}

fn better(kind: NumericKind) -> Better {
    match kind {
        NumericKind::Below | NumericKind::ReduceTo => Better::Lower,
        NumericKind::AtLeast
        | NumericKind::About
        | NumericKind::Growth
        | NumericKind::ReduceBy
        | NumericKind::Share => Better::Higher,
    }
}

/// Every target's progress, aligned with `plan.targets`: what the overview, its summary and
/// the groups chart read.
pub fn progress_all(plan: &Plan, tracking: &Tracking) -> Vec<Progress> {
    plan.targets.iter().map(|t| progress(t, tracking)).collect()
}

/// The progress of one target, from the user's figures.
pub fn progress(target: &Target, tracking: &Tracking) -> Progress {
    let goal = match &target.goal {
        Goal::Maintain => return qualitative(tracking.assessments.get(&target.id).copied()),
        Goal::Numeric(goal) => goal,
    };
    let entries = tracking.entries(&target.id);
    // Only a figure from January measures a flow against the year's plan.
    let current = match goal.measure {
        Measure::Flow => year_to_date(entries),
        Measure::Level => current_of(entries),
    };
    let Some(current) = current else {
        return match current_of(entries) {
            Some(own) => Progress::bare(
                Status::NoData,
                Rule::NoYearToDate { latest: own.period },
                None,
            ),
            None => Progress::bare(Status::NoData, Rule::NoEntries, None),
        };
    };
    numeric(goal, current, target, tracking)
}

fn qualitative(assessment: Option<Assessment>) -> Progress {
    let status = match assessment {
        None => return Progress::bare(Status::NoData, Rule::NoEntries, None),
        Some(Assessment::Achieved) => Status::Achieved,
        Some(Assessment::OnTrack) => Status::OnTrack,
        Some(Assessment::AtRisk) => Status::AtRisk,
        Some(Assessment::OffTrack) => Status::OffTrack,
        Some(Assessment::Missed) => Status::Missed,
    };
    Progress::bare(status, Rule::Assessed, None)
}

/// Picks the family of rules: shares and growth rates first (what they measure decides),
/// then reductions, flows and levels.
fn numeric(goal: &NumericGoal, current: Current, target: &Target, tracking: &Tracking) -> Progress {
    let baseline = tracking.baseline(&target.id);
    match (goal.kind, goal.domain, goal.measure) {
        (NumericKind::Share, _, _) => shares::share(goal, current, baseline),
        (NumericKind::ReduceBy, _, _) => levels::reduce_by(goal, current, baseline),
        (_, Domain::Change, _) => rates::rate(goal, current),
        (_, _, Measure::Flow) if better(goal.kind) == Better::Higher => flows::flow(
            goal,
            current,
            flows::expected_path(target, tracking, current),
        ),
        (_, Domain::Proportion | Domain::Amount, Measure::Flow | Measure::Level) => {
            levels::level(goal, current, baseline)
        }
    }
}

#[cfg(test)]
mod tests;
