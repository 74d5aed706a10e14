//! Levels (a rate or an amount at a date: forest cover, tea area, underweight children) and
//! reductions from the 2022 value (the poverty rate "giảm 3,6%"). The whole year's figure is
//! final; before it, a level is judged by the way travelled from its 2022 value against the
//! time elapsed, or, with no 2022 value, by its shortfall against the time left. Rules 1 and 6
//! of `docs/progress-method.md`.

use super::{
    at_least, better, by_bars, ratio, stage_of, Achievement, Better, Current, Progress, Reduction,
    Rule, Stage, Status, ABOUT_TOLERANCE, AT_RISK, ON_TRACK,
};
use crate::plan::model::{NumericGoal, NumericKind};
use crate::plan::number::decimals_of;

/// A level target: reach at least, about, below, or down to its value.
pub(super) fn level(goal: &NumericGoal, current: Current, baseline: Option<f64>) -> Progress {
    let (a, t) = (current.value, goal.value);
    let direction = better(goal.kind);
    let achievement = match direction {
        Better::Higher => ratio(a, t),
        Better::Lower => ratio(t, a),
    };
    // A 2022 value already on the target's side gives no way to travel: it is not used.
    let usable = baseline.filter(|b| match direction {
        Better::Higher => *b < t,
        Better::Lower => *b > t,
    });
    let travelled = usable.and_then(|b| match direction {
        Better::Higher => ratio(a - b, t - b),
        Better::Lower => ratio(b - a, b - t),
    });
    let met = match goal.kind {
        NumericKind::Below => a < t,
        NumericKind::ReduceTo => at_least(t, a),
        NumericKind::AtLeast
        | NumericKind::About
        | NumericKind::Growth
        | NumericKind::ReduceBy
        | NumericKind::Share => at_least(a, t),
    };
    let about = (goal.kind == NumericKind::About).then(|| ABOUT_TOLERANCE * t.abs());
    let verdict = if met {
        (Status::Achieved, Rule::TargetMet)
    } else if let Some(tolerance) = about.filter(|tol| at_least(a, t - tol)) {
        (Status::Achieved, Rule::WithinAbout { tolerance })
    } else if current.period.ends_the_year() {
        (Status::Missed, Rule::YearMissed)
    } else {
        match (usable, travelled) {
            (Some(baseline), Some(travelled)) => pace(baseline, travelled, current),
            _ => shortfall(achievement.unwrap_or(0.0), current),
        }
    };
    Progress {
        achievement: achievement.map(Achievement::OfPlan),
        from_baseline: travelled,
        ..Progress::judged(current, verdict, level_stage(current.period))
    }
}

/// Before the year's end, with a usable 2022 value: the way travelled against the time
/// elapsed (UN ESCAP's time-weighted ratio, Statistics Canada's thresholds).
fn pace(baseline: f64, travelled: f64, current: Current) -> (Status, Rule) {
    if travelled < 0.0 {
        return (Status::OffTrack, Rule::MovingAway { baseline });
    }
    let expected = current.period.elapsed();
    let (on_track_at, at_risk_at) = (expected * ON_TRACK, expected * AT_RISK);
    (
        by_bars(travelled, on_track_at, at_risk_at),
        Rule::PathFromBaseline {
            baseline,
            travelled,
            expected,
            on_track_at,
            at_risk_at,
        },
    )
}

/// Before the year's end, with no usable 2022 value: the share of the target still missing,
/// against bars that narrow as the year runs out — the ratio thresholds (a ratio ≥ 0,95 is on
/// track, ≥ 0,6 at risk) at the year's start, nothing at its end.
fn shortfall(achievement: f64, current: Current) -> (Status, Rule) {
    let shortfall = 1.0 - achievement;
    let left = 1.0 - current.period.elapsed();
    let on_track_within = (1.0 - ON_TRACK) * left;
    let at_risk_within = (1.0 - AT_RISK) * left;
    let status = if at_least(on_track_within, shortfall) {
        Status::OnTrack
    } else if at_least(at_risk_within, shortfall) {
        Status::AtRisk
    } else {
        Status::OffTrack
    };
    (
        status,
        Rule::ShortfallAndTimeLeft {
            shortfall,
            left,
            on_track_within,
            at_risk_within,
        },
    )
}

/// A reduction from the 2022 value ("mức giảm tỷ lệ hộ nghèo 3,6%"): the reduction made is
/// the 2022 value less the current one, in the target's unit (points of a rate).
pub(super) fn reduce_by(goal: &NumericGoal, current: Current, baseline: Option<f64>) -> Progress {
    let Some(baseline) = baseline else {
        return Progress::bare(Status::NeedsBaseline, Rule::MissingBaseline, Some(current));
    };
    let reduction = baseline - current.value;
    let travelled = ratio(reduction, goal.value).unwrap_or(0.0);
    let verdict = if at_least(reduction, goal.value) {
        (Status::Achieved, Rule::TargetMet)
    } else if current.period.ends_the_year() {
        (Status::Missed, Rule::YearMissed)
    } else {
        pace(baseline, travelled, current)
    };
    Progress {
        achievement: Some(Achievement::OfPlan(travelled)),
        from_baseline: Some(travelled),
        reduction: Some(Reduction {
            points: reduction,
            decimals: goal
                .decimals
                .max(decimals_of(current.value))
                .max(decimals_of(baseline)),
        }),
        ..Progress::judged(current, verdict, level_stage(current.period))
    }
}

/// A level's figure at the end of December is the year's, whatever its period is called.
fn level_stage(period: crate::plan::Period) -> Stage {
    if period.ends_the_year() {
        Stage::Final
    } else {
        stage_of(period, Stage::Interim)
    }
}
