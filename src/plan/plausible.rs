//! Doubts about a figure before it is saved: a value far from the plan, from the figure before
//! it, or from the same period a year earlier is more often a slip (124.120 typed where
//! thousand tonnes are asked, 2,510 for 2.510 tỷ) than news, so the form asks first.
//!
//! The bounds are wide on purpose: a doubt must be rare enough that people read it.

use super::model::{Domain, Measure, NumericGoal, Target};
use super::period::{Period, Span};
use super::tracking::{Entry, Tracking};

/// An amount more than this many times its reference, or less than its inverse, is doubted.
pub const AMOUNT_FACTOR: f64 = 3.0;
/// A cumulative flow below this share of what the year's plan expects by then is doubted.
pub const FLOW_FLOOR: f64 = 0.05;
/// A percentage (a proportion or a rate of change) this many points from its reference is
/// doubted.
pub const POINTS_APART: f64 = 25.0;

/// Why a figure looks wrong, with the figure it was compared with.
#[derive(Clone, Debug, PartialEq)]
pub enum Doubt {
    /// Far from the plan's value (for a flow, from the share of it expected by then).
    FarFromPlan { plan: f64 },
    /// Far from the target's latest earlier figure.
    FarFromPrevious { period: Period, value: f64 },
    /// A cumulative figure smaller than an earlier cumulative one: a flow cannot shrink.
    BelowEarlierCumulative { period: Period, value: f64 },
    /// Far from the same period a year earlier.
    FarFromPriorYear { value: f64 },
}

/// Whether `value` is far from `reference` for a quantity of this goal.
fn far(goal: &NumericGoal, value: f64, reference: f64) -> bool {
    match goal.domain {
        Domain::Proportion | Domain::Change => (value - reference).abs() > POINTS_APART,
        Domain::Amount if reference > 0.0 => {
            let ratio = value / reference;
            !(1.0 / AMOUNT_FACTOR..=AMOUNT_FACTOR).contains(&ratio)
        }
        Domain::Amount => false,
    }
}

/// The doubts about saving `entry` for `target`, given what is entered already (the entry
/// being edited, if any, is not compared with itself).
pub fn doubts(target: &Target, tracking: &Tracking, entry: &Entry) -> Vec<Doubt> {
    let Some(goal) = target.numeric() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let v = entry.value;
    let cumulative_flow = goal.measure == Measure::Flow && entry.period.span() == Span::Cumulative;
    let plan_far = match (goal.measure, goal.domain) {
        // A cumulative flow is compared with the share of the plan expected by then.
        (Measure::Flow, Domain::Amount) if cumulative_flow && goal.value > 0.0 => {
            let expected = goal.value * entry.period.elapsed();
            v > goal.value * AMOUNT_FACTOR || v < expected * FLOW_FLOOR
        }
        // A month's or quarter's own flow has no plan of its own to compare with.
        (Measure::Flow, _) => false,
        (Measure::Level, _) => far(goal, v, goal.value),
    };
    if plan_far {
        out.push(Doubt::FarFromPlan { plan: goal.value });
    }
    // A level is compared with any earlier figure; a cumulative flow with an earlier
    // cumulative one; a month's or quarter's own flow with none (flows are seasonal).
    let comparable = |e: &&Entry| match goal.measure {
        Measure::Level => true,
        Measure::Flow => cumulative_flow && e.period.span() == Span::Cumulative,
    };
    let earlier = tracking
        .entries(&target.id)
        .iter()
        .filter(|e| e.period < entry.period)
        .filter(comparable)
        .max_by_key(|e| (e.period, e.basis));
    if let Some(prev) = earlier {
        if cumulative_flow && v < prev.value {
            out.push(Doubt::BelowEarlierCumulative {
                period: prev.period,
                value: prev.value,
            });
        } else if goal.measure == Measure::Level && far(goal, v, prev.value) {
            out.push(Doubt::FarFromPrevious {
                period: prev.period,
                value: prev.value,
            });
        }
    }
    if let Some(prior) = tracking.prior(&target.id, entry.period) {
        if far(goal, v, prior) {
            out.push(Doubt::FarFromPriorYear { value: prior });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Basis, Plan};

    fn entry(period: Period, value: f64) -> Entry {
        Entry {
            period,
            basis: Basis::Estimate,
            value,
            note: String::new(),
        }
    }

    #[track_caller]
    fn check(id: &str, tracking: &Tracking, period: Period, value: f64, expected: &[Doubt]) {
        let plan = Plan::embedded().expect("plan");
        let target = plan.target(id).expect("target");
        assert_eq!(doubts(target, tracking, &entry(period, value)), expected);
    }

    #[test]
    fn slips_of_a_thousand_are_doubted_and_real_figures_pass() {
        let none = Tracking::default();
        let plan = |v: f64| Doubt::FarFromPlan { plan: v };
        // Grain in tonnes where thousand tonnes are asked.
        check(
            "grain-output",
            &none,
            Period::NINE_MONTHS,
            124_120.0,
            &[plan(225.0)],
        );
        check("grain-output", &none, Period::NINE_MONTHS, 124.12, &[]);
        check("grain-output", &none, Period::Year, 225.0, &[]);
        // 2,510 typed for 2.510 tỷ.
        check("budget-revenue", &none, Period::Year, 2.51, &[plan(2450.0)]);
        check("budget-revenue", &none, Period::Year, 2510.0, &[]);
        // A month's own flow is not compared with the year's plan.
        check("budget-revenue", &none, Period::Month(5), 180.0, &[]);
        // Rates: points, not ratios.
        check("forest-cover", &none, Period::Year, 5.187, &[plan(52.3)]);
        check("forest-cover", &none, Period::Year, 51.87, &[]);
        check("grdp-growth", &none, Period::Year, -2.77, &[]);
        check("tourist-growth", &none, Period::Year, 37.0, &[plan(7.6)]);
        check("grdp-per-capita", &none, Period::Year, 47.2, &[]);
        check(
            "grdp-per-capita",
            &none,
            Period::Year,
            47_200.0,
            &[plan(52.9)],
        );
    }

    #[test]
    fn earlier_figures_and_the_prior_year_are_compared_too() {
        let plan = Plan::embedded().expect("plan");
        let grain = plan.target("grain-output").expect("target");
        let mut t = Tracking::default();
        t.upsert_entry(&grain.id, entry(Period::NINE_MONTHS, 124.12));
        check(
            "grain-output",
            &t,
            Period::Year,
            120.0,
            &[Doubt::BelowEarlierCumulative {
                period: Period::NINE_MONTHS,
                value: 124.12,
            }],
        );
        check("grain-output", &t, Period::Year, 225.0, &[]);
        t.set_prior(&grain.id, Period::Year, Some(215.0));
        check("grain-output", &t, Period::Year, 225.0, &[]);
        let forest = plan.target("forest-cover").expect("target");
        t.upsert_entry(&forest.id, entry(Period::FIRST_HALF, 51.9));
        check(
            "forest-cover",
            &t,
            Period::NINE_MONTHS,
            19.0,
            &[
                Doubt::FarFromPlan { plan: 52.3 },
                Doubt::FarFromPrevious {
                    period: Period::FIRST_HALF,
                    value: 51.9,
                },
            ],
        );
        t.set_prior(&forest.id, Period::Year, Some(51.6));
        check("forest-cover", &t, Period::Year, 51.87, &[]);
    }
}
