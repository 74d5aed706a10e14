//! Growth rates (GRDP growth, value added, livestock, trade, exports, tourists): percentages of
//! change on the year before, judged against their target directly, by the gap in percentage
//! points — never as a percent of the plan, never against the 2022 value (a growth already is
//! a comparison with the year before). A rate for part of the year is an indication. Rules 2
//! and 3 of `docs/progress-method.md`.

use super::{
    at_least, better, stage_of, Achievement, Better, Current, Progress, Rule, Stage, Status,
    ABOUT_TOLERANCE, RATE_AT_RISK_POINTS, RATE_ON_TRACK_POINTS,
};
use crate::plan::model::{NumericGoal, NumericKind};
use crate::plan::number::decimals_of;

pub(super) fn rate(goal: &NumericGoal, current: Current) -> Progress {
    let (a, t) = (current.value, goal.value);
    let gap = a - t;
    // How far on the good side of the target: above it, or below it for a rate to keep down.
    let ahead = match better(goal.kind) {
        Better::Higher => gap,
        Better::Lower => -gap,
    };
    let tolerance = match goal.kind {
        NumericKind::About => ABOUT_TOLERANCE * t.abs(),
        NumericKind::AtLeast
        | NumericKind::Below
        | NumericKind::ReduceTo
        | NumericKind::ReduceBy
        | NumericKind::Growth
        | NumericKind::Share => 0.0,
    };
    let verdict = if current.period.is_year() {
        if at_least(ahead, 0.0) {
            (Status::Achieved, Rule::TargetMet)
        } else if tolerance > 0.0 && at_least(ahead, -tolerance) {
            (Status::Achieved, Rule::WithinAbout { tolerance })
        } else {
            (Status::Missed, Rule::YearMissed)
        }
    } else {
        let on_track_within = RATE_ON_TRACK_POINTS.max(tolerance);
        let at_risk_within = RATE_AT_RISK_POINTS.max(on_track_within);
        let status = if at_least(ahead, -on_track_within) {
            Status::OnTrack
        } else if at_least(ahead, -at_risk_within) {
            Status::AtRisk
        } else {
            Status::OffTrack
        };
        (
            status,
            Rule::RateIndication {
                gap,
                on_track_within,
                at_risk_within,
            },
        )
    };
    Progress {
        achievement: Some(Achievement::Points {
            gap,
            decimals: goal.decimals.max(decimals_of(a)).max(decimals_of(t)),
        }),
        ..Progress::judged(
            current,
            verdict,
            stage_of(current.period, Stage::Indicative),
        )
    }
}
