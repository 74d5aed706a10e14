//! The builders: one function per chart the app draws, from the plan and the figures, one file
//! each — the overview's statuses by group (`groups`), one target over the year (`target`, a
//! flow's series in `flow`), the economic structure (`structure`) — and the texts their points
//! and captions share.

mod flow;
mod groups;
mod structure;
mod target;

pub use groups::groups_chart;
pub use structure::structure_chart;
pub use target::target_chart;

use crate::i18n::Lang;
use crate::plan::number::{decimals_of, format_actual};
use crate::plan::{Basis, NumericGoal};

/// The year before the plan, as the charts name it (the "2022" column, "Cùng kỳ 2022"); a test
/// holds it to the plan's year.
const PRIOR_YEAR: &str = "2022";

/// At most this many decimals in a chart's table, whatever was typed.
const MAX_DECIMALS: u8 = 4;

/// A figure's tooltip: its period, its kind and its value, "9 tháng · ước: 124,12 nghìn tấn".
fn figure_tip(period: &str, basis: Basis, value: f64, goal: &NumericGoal, lang: Lang) -> String {
    format!(
        "{period} · {}: {}",
        basis.short(lang),
        format_actual(value, goal, lang)
    )
}

/// The decimals a chart's table shows: the target's own, or more where a figure was typed with
/// more (51,87 stays 51,87), at most [`MAX_DECIMALS`].
fn table_decimals(goal: &NumericGoal, figures: impl IntoIterator<Item = f64>) -> u8 {
    figures
        .into_iter()
        .map(decimals_of)
        .fold(goal.decimals, u8::max)
        .min(MAX_DECIMALS)
}

/// What the tests of every chart share: the real plan, and figures entered as a user would.
#[cfg(test)]
pub(crate) mod testing {
    use crate::plan::{Basis, Entry, Period, Plan, TargetId, Tracking};

    pub fn plan() -> Plan {
        Plan::embedded().expect("plan")
    }

    /// Enters an estimate.
    pub fn with(tracking: &mut Tracking, id: &str, period: Period, value: f64) {
        entered(tracking, id, period, Basis::Estimate, value);
    }

    pub fn entered(tracking: &mut Tracking, id: &str, period: Period, basis: Basis, value: f64) {
        tracking.upsert_entry(
            &TargetId(id.to_owned()),
            Entry {
                period,
                basis,
                value,
                note: String::new(),
            },
        );
    }

    /// Gives 2022's figure of a period (`Period::Year`: the whole year).
    pub fn prior(tracking: &mut Tracking, id: &str, period: Period, value: f64) {
        tracking.set_prior(&TargetId(id.to_owned()), period, Some(value));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_prior_year_the_charts_name_is_the_year_before_the_plans() {
        let plan = super::testing::plan();
        assert_eq!(super::PRIOR_YEAR, (plan.year - 1).to_string());
    }
}
