//! The comparison with the same period of the year before the plan ("so với cùng kỳ"), the
//! first figure a Vietnamese report gives beside each target: for flows and amounts a ratio
//! ("tăng 5,2% so với cùng kỳ"), for rates and levels in % or ‰ the change in points; for a
//! growth rate none, since a growth rate is already a comparison with the year before (rule 7
//! of `docs/progress-method.md`).

use super::model::{Domain, Measure, Target, TargetId};
use super::number::decimals_of;
use super::period::{Period, Span};
use super::progress::Current;
use super::tracking::Tracking;

/// How the current figure compares with the same period a year before.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// An amount: the current figure over the earlier one, less one (0,052 = "tăng 5,2%").
    Ratio(f64),
    /// A rate or a level in % or ‰: the current figure less the earlier one, in points, to the
    /// precision of the two figures.
    Points { diff: f64, decimals: u8 },
}

/// The comparison of a current figure with the same period of the year before.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SamePeriod {
    /// The earlier year's period compared with (the current figure's, or one that ends the
    /// same month and measures the same: a level at that date, a flow from January).
    pub period: Period,
    pub prior: f64,
    pub change: Change,
}

/// The earlier year's figure of the same period as `period`: that very period if entered, else
/// for a level any period that ends the same month (a level at the same date), for a flow any
/// period from January that ends then.
fn same_period_prior(
    tracking: &Tracking,
    id: &TargetId,
    measure: Measure,
    period: Period,
) -> Option<(Period, f64)> {
    if let Some(v) = tracking.prior(id, period) {
        return Some((period, v));
    }
    tracking
        .priors(id)
        .filter(|(p, _)| p.end_month() == period.end_month())
        .filter(|(p, _)| match measure {
            Measure::Level => true,
            Measure::Flow => p.span() == Span::Cumulative && period.span() == Span::Cumulative,
        })
        .max_by_key(|(p, _)| p.order_key())
}

/// The comparison of `current` with the same period of the year before, where the user gave
/// that period's figure; `None` for a growth rate, a qualitative target, or no such figure.
pub fn same_period(target: &Target, tracking: &Tracking, current: &Current) -> Option<SamePeriod> {
    let goal = target.numeric()?;
    let (period, prior) = match goal.domain {
        Domain::Change => return None,
        Domain::Proportion | Domain::Amount => {
            same_period_prior(tracking, &target.id, goal.measure, current.period)?
        }
    };
    let a = current.value;
    let change = match goal.domain {
        Domain::Proportion => Change::Points {
            diff: a - prior,
            decimals: goal.decimals.max(decimals_of(a)).max(decimals_of(prior)),
        },
        Domain::Amount | Domain::Change if prior > 0.0 => Change::Ratio(a / prior - 1.0),
        Domain::Amount | Domain::Change => return None,
    };
    Some(SamePeriod {
        period,
        prior,
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{progress, Basis, Entry, Plan};

    /// The comparison of `id`'s figure for `period` with the 2022 figures given.
    #[track_caller]
    fn check(id: &str, period: Period, value: f64, priors: &[(Period, f64)]) -> Option<SamePeriod> {
        let plan = Plan::embedded().expect("plan");
        let target = plan.target(id).expect("target");
        let mut t = Tracking::default();
        t.upsert_entry(
            &target.id,
            Entry {
                period,
                basis: Basis::Estimate,
                value,
                note: String::new(),
            },
        );
        for &(p, v) in priors {
            t.set_prior(&target.id, p, Some(v));
        }
        let current = progress(target, &t).current?;
        same_period(target, &t, &current)
    }

    #[test]
    fn flows_and_amounts_compare_as_a_ratio() {
        // Grain: 124,12 thousand tonnes at nine months against 120,5 a year before: +3,0 %.
        let grain = check(
            "grain-output",
            Period::NINE_MONTHS,
            124.12,
            &[(Period::NINE_MONTHS, 120.5), (Period::Year, 219.6)],
        );
        assert!(
            matches!(grain, Some(SamePeriod { period: Period::ToDate(9), prior, change: Change::Ratio(r) })
            if prior == 120.5 && (r - (124.12 / 120.5 - 1.0)).abs() < 1e-12)
        );
        // A flow's "Quý I" compares with 2022's "3 tháng": both run from January.
        let q1 = check(
            "budget-revenue",
            Period::Quarter(1),
            520.0,
            &[(Period::ToDate(3), 500.0)],
        );
        assert!(
            matches!(q1, Some(SamePeriod { period: Period::ToDate(3), change: Change::Ratio(r), .. }) if (r - 0.04).abs() < 1e-12)
        );
        // Per-capita GRDP, an amount: 47,2 million against 2022's 44,0.
        let per_capita = check(
            "grdp-per-capita",
            Period::Year,
            47.2,
            &[(Period::Year, 44.0)],
        );
        assert!(
            matches!(per_capita, Some(SamePeriod { change: Change::Ratio(r), .. }) if (r - (47.2 / 44.0 - 1.0)).abs() < 1e-12)
        );
        // No figure of the same period: nothing to compare with, not the whole year.
        assert_eq!(
            check(
                "grain-output",
                Period::NINE_MONTHS,
                124.12,
                &[(Period::Year, 219.6)]
            ),
            None
        );
    }

    #[test]
    fn rates_compare_in_points_and_growth_not_at_all() {
        // The poverty rate, 23,88 % for the year against 26,5 %: −2,62 points.
        let poverty = check(
            "poverty-reduction",
            Period::Year,
            23.88,
            &[(Period::Year, 26.5)],
        );
        assert!(
            matches!(poverty, Some(SamePeriod { change: Change::Points { diff, decimals: 2 }, .. }) if (diff + 2.62).abs() < 1e-9)
        );
        // A level at the end of June compares with 2022's "6 tháng" figure.
        let forest = check(
            "forest-cover",
            Period::Quarter(2),
            51.9,
            &[(Period::FIRST_HALF, 51.2)],
        );
        assert!(
            matches!(forest, Some(SamePeriod { period: Period::ToDate(6), change: Change::Points { diff, decimals: 1 }, .. }) if (diff - 0.7).abs() < 1e-9)
        );
        // Tourism +37 %: a growth rate is already y/y.
        assert_eq!(
            check(
                "tourist-growth",
                Period::Year,
                37.0,
                &[(Period::Year, 30.0)]
            ),
            None
        );
    }
}
