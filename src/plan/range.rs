//! The range a figure may take for a target: the one rule every door applies (typing, file
//! import, shared links), so that a slip of the keyboard or a hostile file cannot put a figure
//! on screen that no province could report.
//!
//! The rule, by the target's domain:
//!
//! - **a proportion** (a rate of a population, a coverage): 0 to 100 % (0 to 1.000 ‰);
//! - **a change** (a growth rate in %): from −100 % (the quantity fell to nothing) to
//!   [`unit_cap`] (+1.000 %, elevenfold);
//! - **an amount** (money, tonnes, hectares, communes, workers, doctors): from 0 to the
//!   smaller of [`unit_cap`], the most a province could report in that unit, and
//!   [`PLAN_MULTIPLE`] × the plan value, which catches a figure typed with three zeros too many
//!   while leaving far more room than any real year-to-date figure or 2022 value needs.
//!
//! A refused figure is never rounded or clipped into range: the person is told the range and
//! types it again. Figures already stored are not re-judged; only new ones are.

use super::model::{Domain, NumericGoal, Unit};

/// How many times its plan value an amount may be: two orders of magnitude.
pub const PLAN_MULTIPLE: f64 = 100.0;

/// The least and the most a figure of a target may be, both allowed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
}

impl Bounds {
    pub fn contains(self, value: f64) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

/// The largest magnitude a figure in `unit` can have for a Vietnamese province, whatever the
/// plan says. Each is above the largest province's real figure, and far below what breaks a
/// display.
pub fn unit_cap(unit: Unit) -> f64 {
    match unit {
        // A rate of change: more than elevenfold in a year is not a provincial statistic.
        Unit::Percent => 1_000.0,
        Unit::PerMille => 10_000.0,
        // GRDP per head: the richest province is far below a billion đồng.
        Unit::MillionDong => 10_000.0,
        // A million billion đồng: above the whole country's budget revenue in 2023.
        Unit::BillionDong => 1_000_000.0,
        // A hundred million tonnes: twice the country's grain harvest.
        Unit::ThousandTonnes => 100_000.0,
        // 50.000 km²: three times the largest province.
        Unit::Hectare => 5_000_000.0,
        // The most communes of any province is under 600.
        Unit::Commune => 1_000.0,
        // The national new-rural set has 19 criteria: an average per commune cannot exceed it.
        Unit::CriteriaPerCommune => 19.0,
        // A tenth of the population being doctors.
        Unit::DoctorsPer10k => 1_000.0,
        // Above the working population of the largest city.
        Unit::Worker => 10_000_000.0,
    }
}

/// The most a proportion can be in its unit: the whole.
fn whole(unit: Unit) -> f64 {
    match unit {
        Unit::PerMille => 1_000.0,
        Unit::Percent => 100.0,
        // No proportion is written in another unit; the unit's cap still bounds it.
        other => unit_cap(other),
    }
}

/// The range of a target's figures.
pub fn bounds(goal: &NumericGoal) -> Bounds {
    let cap = unit_cap(goal.unit);
    match goal.domain {
        Domain::Proportion => Bounds {
            min: 0.0,
            max: whole(goal.unit),
        },
        Domain::Change => Bounds {
            // A quantity cannot fall by more than all of itself.
            min: -whole(goal.unit).min(cap),
            max: cap,
        },
        Domain::Amount => {
            let by_plan = goal.value * PLAN_MULTIPLE;
            Bounds {
                min: 0.0,
                max: if by_plan > 0.0 { cap.min(by_plan) } else { cap },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Measure, NumericKind};
    use crate::plan::Plan;

    fn goal(domain: Domain, unit: Unit, value: f64) -> NumericGoal {
        NumericGoal {
            kind: NumericKind::AtLeast,
            value,
            as_written: String::new(),
            decimals: 0,
            unit,
            measure: Measure::Level,
            domain,
        }
    }

    #[track_caller]
    fn check(domain: Domain, unit: Unit, plan: f64, min: f64, max: f64) {
        assert_eq!(
            bounds(&goal(domain, unit, plan)),
            Bounds { min, max },
            "{domain:?} {unit:?} plan {plan}"
        );
    }

    #[test]
    fn the_range_follows_the_domain_the_unit_and_the_plan() {
        use Domain::*;
        use Unit::*;
        let table = [
            // Proportions: the whole, whatever the plan.
            (Proportion, Percent, 52.3, 0.0, 100.0),
            (Proportion, PerMille, 0.4, 0.0, 1_000.0),
            // Growth rates: no fall below −100 %, no rise above +1.000 %.
            (Change, Percent, 9.0, -100.0, 1_000.0),
            (Change, Percent, 0.0, -100.0, 1_000.0),
            // Amounts: 100 × the plan, unless the unit's cap is lower.
            (Amount, BillionDong, 2_450.0, 0.0, 245_000.0),
            (Amount, BillionDong, 50_000.0, 0.0, 1_000_000.0),
            (Amount, MillionDong, 52.9, 0.0, 5_290.0),
            (Amount, ThousandTonnes, 225.0, 0.0, 22_500.0),
            (Amount, Hectare, 9_862.0, 0.0, 986_200.0),
            (Amount, Hectare, 395.0, 0.0, 39_500.0),
            (Amount, Commune, 7.0, 0.0, 700.0),
            (Amount, Commune, 50.0, 0.0, 1_000.0),
            (Amount, CriteriaPerCommune, 13.9, 0.0, 19.0),
            (Amount, DoctorsPer10k, 13.0, 0.0, 1_000.0),
            (Amount, Worker, 8_440.0, 0.0, 844_000.0),
            // A plan of zero gives no multiple: the unit's cap alone.
            (Amount, Worker, 0.0, 0.0, 10_000_000.0),
        ];
        for (domain, unit, plan, min, max) in table {
            check(domain, unit, plan, min, max);
        }
    }

    #[test]
    fn every_plan_value_and_its_2022_neighbourhood_is_in_range() {
        let plan = Plan::embedded().expect("plan");
        for target in &plan.targets {
            let Some(goal) = target.numeric() else {
                continue;
            };
            let range = bounds(goal);
            for v in [goal.value, goal.value * 0.5, goal.value * 1.5] {
                let v = v.min(range.max);
                assert!(range.contains(v), "{}: {v} not in {range:?}", target.id);
            }
            assert!(range.contains(0.0), "{}", target.id);
            assert!(!range.contains(range.max * 1.001), "{}", target.id);
        }
    }
}
