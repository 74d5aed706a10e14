//! The economic structure: four shares of GRDP that sum to 100 %, judged as a composition —
//! the distance from the planned share in points, and the direction of the shift the plan asks
//! for from the 2022 share (industry and services up, agriculture down, as the 2022 shares
//! entered show). A structure for part of the year is an indication. Rule 4 of
//! `docs/progress-method.md`.

use super::{
    at_least, current_of, stage_of, Achievement, Current, Progress, Rule, Stage, Status,
    SHARE_AT_RISK_POINTS, SHARE_TOLERANCE_POINTS,
};
use crate::plan::model::{NumericGoal, Plan};
use crate::plan::number::decimals_of;
use crate::plan::period::{Basis, Period};
use crate::plan::tracking::Tracking;

/// The four shares entered for one period may miss 100 % by this many points (rounding).
pub const STRUCTURE_SUM_TOLERANCE: f64 = 0.5;

/// Which way the plan asks a share to move from its 2022 value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    Up,
    Down,
}

impl Shift {
    /// The shift from `from` to `to`, if there is one.
    fn between(from: f64, to: f64) -> Option<Shift> {
        if to > from {
            Some(Shift::Up)
        } else if to < from {
            Some(Shift::Down)
        } else {
            None
        }
    }
}

pub(super) fn share(goal: &NumericGoal, current: Current, baseline: Option<f64>) -> Progress {
    let (a, t) = (current.value, goal.value);
    let deviation = a - t;
    let final_year = current.period.is_year();
    let (met, short) = if final_year {
        (Status::Achieved, Status::Missed)
    } else {
        (Status::OnTrack, Status::OffTrack)
    };
    let band = Rule::ShareBand {
        deviation,
        tolerance: SHARE_TOLERANCE_POINTS,
        at_risk_within: SHARE_AT_RISK_POINTS,
    };
    let asked = baseline.and_then(|b| Some((b, Shift::between(b, t)?)));
    let verdict = match asked {
        _ if at_least(SHARE_TOLERANCE_POINTS, deviation.abs()) => (met, band),
        Some((baseline, asked)) if Shift::between(t, a) == Some(asked) => {
            (met, Rule::ShareShiftExceeded { baseline, asked })
        }
        Some((baseline, asked)) if Shift::between(baseline, a).is_some_and(|s| s != asked) => {
            (short, Rule::ShareWrongWay { baseline, asked })
        }
        _ if final_year => (Status::Missed, band),
        _ if at_least(SHARE_AT_RISK_POINTS, deviation.abs()) => (Status::AtRisk, band),
        _ => (Status::OffTrack, band),
    };
    Progress {
        achievement: Some(Achievement::Points {
            gap: deviation,
            decimals: goal.decimals.max(decimals_of(a)).max(decimals_of(t)),
        }),
        ..Progress::judged(
            current,
            verdict,
            stage_of(current.period, Stage::Indicative),
        )
    }
}

/// The sum of the shares of the economy entered for one period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StructureSum {
    pub period: Period,
    /// An estimate if any share of the sum is one.
    pub basis: Basis,
    pub sum: f64,
    /// How many of the shares have a figure for the period, of `of`.
    pub entered: usize,
    pub of: usize,
}

impl StructureSum {
    /// Whether the figures cannot all be right: every share entered and the sum more than the
    /// tolerance from 100 %, or some entered and already above it.
    pub fn is_wrong(&self) -> bool {
        if self.entered == self.of {
            (self.sum - 100.0).abs() > STRUCTURE_SUM_TOLERANCE + 1e-9
        } else {
            self.sum > 100.0 + STRUCTURE_SUM_TOLERANCE + 1e-9
        }
    }
}

/// Per period with any share entered, in period order, the sum of the shares (for each share
/// its official figure of the period, else its estimate).
pub fn structure_sums(plan: &Plan, tracking: &Tracking) -> Vec<StructureSum> {
    let shares: Vec<_> = plan.structure().collect();
    let mut periods: Vec<Period> = shares
        .iter()
        .flat_map(|t| tracking.entries(&t.id).iter().map(|e| e.period))
        .collect();
    periods.sort();
    periods.dedup();
    periods
        .into_iter()
        .map(|period| {
            let figures: Vec<Current> = shares
                .iter()
                .filter_map(|t| {
                    let of_period: Vec<_> = tracking
                        .entries(&t.id)
                        .iter()
                        .filter(|e| e.period == period)
                        .cloned()
                        .collect();
                    current_of(&of_period)
                })
                .collect();
            StructureSum {
                period,
                basis: figures
                    .iter()
                    .map(|c| c.basis)
                    .min()
                    .unwrap_or(Basis::Official),
                sum: figures.iter().map(|c| c.value).sum(),
                entered: figures.len(),
                of: shares.len(),
            }
        })
        .collect()
}
