//! What the interface shows of a target, as text: plan value, current value, achievement,
//! and the sentence that explains a status. Pure, so components only wire it. The figures of
//! a verdict in words are in `verdict.rs`, the sentence of each rule in `why.rs`.

pub mod details;
pub mod edit;
pub mod figures;
pub mod saving;
pub mod verdict;
pub mod why;

pub use verdict::{achievement, current_value};
pub use why::explain;

use crate::i18n::{Lang, Msg};
use crate::plan::number::{format_goal_value, format_number};
use crate::plan::{Goal, NumericGoal, NumericKind, Period, Target, Tracking};

/// The label of the entry form's value, naming the period chosen, the target and the
/// unit, so that a screen reader says all that the field asks ("Giá trị 9 tháng: Thu ngân sách
/// trên địa bàn (tỷ đồng)").
pub fn entry_value_label(target: &Target, period: Period, lang: Lang) -> String {
    // A flow's quarter says whether it is the quarter's own figure: "Giá trị quý III (riêng quý)".
    let period = period.label_for(crate::plan::period::Reading::of_target(target), lang);
    value_label(target, &period, lang)
}

/// "Giá trị {period}: {target} ({unit})", the period mid-sentence: Vietnamese writes it in
/// lower case there ("Giá trị quý III").
pub(crate) fn value_label(target: &Target, period: &str, lang: Lang) -> String {
    let unit = target
        .numeric()
        .map(|goal| format!(" ({})", goal.unit.label(lang)))
        .unwrap_or_default();
    let name = target.name(lang);
    match lang {
        Lang::Vi => {
            let mut chars = period.chars();
            let lower: String = chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default();
            format!("{} {lower}: {name}{unit}", Msg::Value.get(lang))
        }
        Lang::En => format!(
            "{period} {}: {name}{unit}",
            Msg::Value.get(lang).to_lowercase()
        ),
    }
}

/// The plan value with its unit and the wording's direction ("≤", "khoảng"), e.g. "2.450 tỷ đồng".
pub fn plan_value(target: &Target, lang: Lang) -> String {
    match &target.goal {
        // In Vietnamese the plan value reads exactly as the resolution writes it ("07 xã").
        Goal::Numeric(goal) => match (lang, goal.unit.sign()) {
            (Lang::Vi, Some(sign)) => format!("{}{sign}", goal.as_written),
            (Lang::Vi, None) => format!("{} {}", goal.as_written, goal.unit.label(lang)),
            (Lang::En, _) => format_goal_value(goal.value, goal, lang),
        },
        Goal::Maintain => lang.pick("Giữ vững", "Maintain").to_owned(),
    }
}

/// The plan value as a number only, as the resolution writes it (in English, its translation).
pub fn plan_number(target: &Target, lang: Lang) -> Option<String> {
    target.numeric().map(|g| goal_number(g, lang))
}

/// A goal's value as a number only, as the resolution writes it (in English, its translation).
pub fn goal_number(goal: &NumericGoal, lang: Lang) -> String {
    match lang {
        Lang::Vi => goal.as_written.clone(),
        Lang::En => format_number(goal.value, goal.decimals, lang),
    }
}

/// A short word for what the target asks: "≥", "<", "≈", "giảm".
pub fn direction(target: &Target, lang: Lang) -> &'static str {
    match &target.goal {
        Goal::Maintain => "",
        Goal::Numeric(goal) => match goal.kind {
            NumericKind::AtLeast | NumericKind::Growth => "≥",
            NumericKind::About | NumericKind::Share => "≈",
            NumericKind::Below => "<",
            NumericKind::ReduceTo => "≤",
            NumericKind::ReduceBy => lang.pick("giảm", "cut by"),
        },
    }
}

/// A value typed back into a field: the number in the language's format, full precision.
pub fn editable(value: f64, lang: Lang) -> String {
    let text = format!("{value}");
    let decimals = text
        .split_once('.')
        .map_or(0, |(_, f)| f.len().min(15) as u8);
    format_number(value, decimals, lang)
}

/// The latest period any figure reports on: the period a report covers.
pub fn latest_period(tracking: &Tracking) -> Option<Period> {
    tracking
        .entries
        .values()
        .flatten()
        .map(|e| e.period)
        .max_by_key(|p| p.order_key())
}

/// The period a report covers and the plan's year: "9 tháng 2023", or "no figures yet".
pub fn report_period(tracking: &Tracking, year: u16, lang: Lang) -> String {
    latest_period(tracking).map_or_else(
        || Msg::ReportNoPeriod.get(lang).to_owned(),
        |p| format!("{} {year}", p.label(lang)),
    )
}

/// A date as each language writes it: 27/11/2026 in Vietnamese, 27 November 2026 in English.
pub fn date(year: u32, month: u32, day: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{day:02}/{month:02}/{year}"),
        Lang::En => format!(
            "{day} {} {year}",
            Period::Month(month.clamp(1, 12) as u8).label(lang)
        ),
    }
}

/// A moment as each language writes it: "05/10/2023 15:04" or "5 October 2023 15:04".
pub fn date_time(year: u32, month: u32, day: u32, hour: u32, minute: u32, lang: Lang) -> String {
    format!("{} {hour:02}:{minute:02}", date(year, month, day, lang))
}

/// The source line under an exported chart.
pub fn source_line(tracking: &Tracking, year: u16, lang: Lang) -> String {
    format!(
        "{} {}.",
        Msg::SourceLine.get(lang),
        report_period(tracking, year, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Basis, Entry, Period, Plan, Tracking};

    fn plan() -> Plan {
        Plan::embedded().expect("plan")
    }

    #[test]
    fn the_entry_label_names_period_target_and_unit() {
        let plan = plan();
        let check = |id: &str, period, lang, expected: &str| {
            let target = plan.target(id).expect("target");
            assert_eq!(entry_value_label(target, period, lang), expected);
        };
        check(
            "budget-revenue",
            Period::NINE_MONTHS,
            Lang::Vi,
            "Giá trị 9 tháng: Thu ngân sách trên địa bàn (tỷ đồng)",
        );
        check(
            "forest-cover",
            Period::Quarter(3),
            Lang::Vi,
            "Giá trị quý III: Tỷ lệ che phủ rừng (%)",
        );
        check(
            "budget-revenue",
            Period::Month(2),
            Lang::En,
            "February (that month) value: State budget revenue collected in the province (billion VND)",
        );
        // A flow's quarter says it is the quarter's own figure; a level's needs no saying.
        check(
            "budget-revenue",
            Period::Quarter(3),
            Lang::Vi,
            "Giá trị quý III (riêng quý): Thu ngân sách trên địa bàn (tỷ đồng)",
        );
    }

    #[test]
    fn plan_values_read_as_in_the_resolution() {
        let plan = plan();
        let text = |id: &str, lang| {
            plan.target(id)
                .map(|t| plan_value(t, lang))
                .unwrap_or_default()
        };
        assert_eq!(text("budget-revenue", Lang::Vi), "2.450 tỷ đồng");
        assert_eq!(text("grdp-per-capita", Lang::Vi), "52,9 triệu đồng");
        assert_eq!(text("tea-area", Lang::En), "9,862 ha");
        assert_eq!(text("birth-rate-reduction", Lang::Vi), "0,4‰");
        assert_eq!(text("ntm-communes-15-18", Lang::Vi), "07 xã");
        assert_eq!(text("grdp-growth", Lang::Vi), "9,0%");
        for t in &plan.targets {
            if let Some(goal) = t.numeric() {
                assert_eq!(
                    plan_number(t, Lang::Vi).as_deref(),
                    Some(goal.as_written.as_str()),
                    "{}",
                    t.id
                );
                let english = plan_number(t, Lang::En).unwrap_or_default();
                assert_eq!(
                    crate::plan::number::parse_number(&english, Lang::En, None),
                    Ok(Some(goal.value))
                );
            }
        }
    }

    #[test]
    fn reports_name_their_period_and_the_plans_year() {
        let plan = plan();
        let mut tracking = Tracking::default();
        assert_eq!(
            report_period(&tracking, plan.year, Lang::Vi),
            "chưa có số liệu"
        );
        for (id, period) in [
            ("forest-cover", Period::FIRST_HALF),
            ("budget-revenue", Period::NINE_MONTHS),
        ] {
            tracking.upsert_entry(
                &crate::plan::TargetId(id.to_owned()),
                Entry {
                    period,
                    basis: Basis::Official,
                    value: 1.0,
                    note: String::new(),
                },
            );
        }
        assert_eq!(
            report_period(&tracking, plan.year, Lang::Vi),
            "9 tháng 2023"
        );
        // The year is the plan's, not one written in the code.
        assert_eq!(report_period(&tracking, 2024, Lang::En), "Nine months 2024");
        assert_eq!(date(2026, 11, 7, Lang::Vi), "07/11/2026");
        assert_eq!(date(2026, 11, 7, Lang::En), "7 November 2026");
        assert_eq!(date_time(2023, 10, 5, 15, 4, Lang::Vi), "05/10/2023 15:04");
    }

    #[test]
    fn editable_values_keep_their_precision() {
        assert_eq!(editable(1837.5, Lang::Vi), "1.837,5");
        assert_eq!(editable(22.98, Lang::En), "22.98");
        assert_eq!(editable(7.0, Lang::Vi), "7");
    }
}
