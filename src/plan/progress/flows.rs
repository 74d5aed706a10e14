//! Flows (budget revenue, grain, new planting, jobs, training): amounts that accumulate over the
//! year, measured year-to-date against the share of the year's plan expected by then. They are
//! seasonal, so where the user gave 2022's figure of the same period and 2022's whole year, the
//! share 2022 had reached by then is the expected path; linear only when nothing better is known.
//! Rule 5 of `docs/progress-method.md`.

use super::{
    at_least, by_bars, ratio, stage_of, Achievement, Current, ExpectedPath, Progress, Rule, Stage,
    Status, AT_RISK, ON_TRACK,
};
use crate::plan::model::{NumericGoal, Target, TargetId};
use crate::plan::period::Span;
use crate::plan::tracking::Tracking;

/// 2022's figure from January to the end of `month` (any cumulative period that ends then; the
/// whole year at December). The target chart draws it as "cùng kỳ 2022".
pub fn prior_to_date(tracking: &Tracking, id: &TargetId, month: u8) -> Option<f64> {
    tracking
        .priors(id)
        .filter(|(p, _)| p.span() == Span::Cumulative && p.end_month() == month)
        .max_by_key(|(p, _)| p.order_key())
        .map(|(_, v)| v)
}

/// The share of the year's plan a flow should have reached by the current figure's period:
/// 2022's share of its year by the same period (prior[P] / prior[Year]) where both are given
/// and make a share, else the months elapsed over twelve.
pub(super) fn expected_path(
    target: &Target,
    tracking: &Tracking,
    current: Current,
) -> (f64, ExpectedPath) {
    match seasonal_share(tracking, &target.id, current.period.end_month()) {
        Some(share) => (share, ExpectedPath::PriorYear),
        None => (current.period.elapsed(), ExpectedPath::Linear),
    }
}

/// The share of its whole year 2022 had reached by the end of `month`, where both figures are
/// given and make a share: the seasonal expected path, which the target chart draws too.
pub fn seasonal_share(tracking: &Tracking, id: &TargetId, month: u8) -> Option<f64> {
    let same = prior_to_date(tracking, id, month)?;
    let year = tracking.baseline(id)?;
    (year > 0.0 && same > 0.0 && same <= year).then(|| same / year)
}

pub(super) fn flow(
    goal: &NumericGoal,
    current: Current,
    (expected, path): (f64, ExpectedPath),
) -> Progress {
    let (a, t) = (current.value, goal.value);
    let share_of_plan = ratio(a, t).unwrap_or(0.0);
    let final_year = current.period.is_year();
    let verdict = if at_least(a, t) {
        (Status::Achieved, Rule::TargetMet)
    } else if final_year {
        (Status::Missed, Rule::YearMissed)
    } else {
        let (on_track_at, at_risk_at) = (expected * ON_TRACK, expected * AT_RISK);
        (
            by_bars(share_of_plan, on_track_at, at_risk_at),
            Rule::FlowPace {
                share_of_plan,
                expected,
                path,
                on_track_at,
                at_risk_at,
            },
        )
    };
    let before_end = !final_year;
    Progress {
        achievement: ratio(a, t).map(Achievement::OfPlan),
        expected: before_end.then_some((expected, path)),
        forecast: before_end.then(|| ratio(a, expected)).flatten(),
        ..Progress::judged(current, verdict, stage_of(current.period, Stage::Interim))
    }
}
