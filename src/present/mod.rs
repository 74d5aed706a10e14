//! What the interface shows of a target, as text: plan value, current value, achievement,
//! and the sentence that explains a status. Pure, so components only wire it.

pub mod edit;
pub mod figures;

use crate::i18n::{Lang, Msg};
use crate::plan::number::{
    decimals_of, format_actual, format_goal_value, format_number, format_percent,
};
use crate::plan::{Goal, Measure, NumericKind, Period, Progress, Rule, Target, Tracking};

/// issue 8: the label of the entry form's value, naming the period chosen, the target and the
/// unit, so that a screen reader says all that the field asks ("Giá trị 9 tháng: Thu ngân sách
/// trên địa bàn (tỷ đồng)").
pub fn entry_value_label(target: &Target, period: Period, lang: Lang) -> String {
    let unit = target
        .numeric()
        .map(|goal| format!(" ({})", goal.unit.label(lang)))
        .unwrap_or_default();
    let name = target.name(lang);
    let period = period.label(lang);
    match lang {
        // Mid-sentence, Vietnamese writes the period in lower case: "Giá trị quý III".
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
    target.numeric().map(|g| match lang {
        Lang::Vi => g.as_written.clone(),
        Lang::En => format_number(g.value, g.decimals, lang),
    })
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

/// The current value in the target's unit, or "—".
pub fn current_value(target: &Target, progress: &Progress, lang: Lang) -> String {
    match (target.numeric(), progress.current) {
        (Some(goal), Some(current)) => format_actual(current.value, goal, lang),
        _ => "—".to_owned(),
    }
}

/// "74,9%" of plan, or "—".
pub fn achievement(progress: &Progress, lang: Lang) -> String {
    progress
        .achievement
        .map_or_else(|| "—".to_owned(), |a| format_percent(a, lang))
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

/// "Kỳ báo cáo: 9 tháng", or "no figures yet".
pub fn report_period(tracking: &Tracking, lang: Lang) -> String {
    latest_period(tracking).map_or_else(
        || Msg::ReportNoPeriod.get(lang).to_owned(),
        |p| format!("{} {}", p.label(lang), 2023),
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
pub fn source_line(tracking: &Tracking, lang: Lang) -> String {
    format!(
        "{} {}.",
        Msg::SourceLine.get(lang),
        report_period(tracking, lang)
    )
}

/// The change on 2022 where the user gave the 2022 value: for a level, the difference (in
/// percentage points for rates); for a flow, only a whole-year figure compares with 2022's.
pub fn versus_2022(
    target: &Target,
    progress: &Progress,
    baseline: Option<f64>,
    lang: Lang,
) -> Option<String> {
    let goal = target.numeric()?;
    let current = progress.current?;
    let b = baseline?;
    match goal.measure {
        Measure::Flow if current.period != Period::Year => None,
        Measure::Flow => {
            let ratio = current.value / b;
            ratio.is_finite().then(|| match lang {
                Lang::Vi => format!("bằng {} năm 2022", format_percent(ratio, lang)),
                Lang::En => format!("{} of 2022", format_percent(ratio, lang)),
            })
        }
        Measure::Level => {
            let diff = current.value - b;
            let sign = if diff > 0.0 { "+" } else { "" };
            let decimals = goal
                .decimals
                .max(decimals_of(current.value))
                .max(decimals_of(b));
            let amount = format_number(diff, decimals, lang);
            Some(match goal.unit.sign() {
                Some('%') => format!("{sign}{amount} {}", lang.pick("điểm %", "points")),
                _ => format!("{sign}{amount} {}", goal.unit.label(lang)),
            })
        }
    }
}

/// One sentence on why the status is what it is, with its figures.
pub fn explain(target: &Target, progress: &Progress, lang: Lang) -> String {
    let pct = |r: f64| format_percent(r, lang);
    let period = progress
        .current
        .map(|c| c.period.label(lang))
        .unwrap_or_default();
    match progress.rule {
        Rule::NoEntries => match target.goal {
            Goal::Maintain => lang.pick("Chưa có đánh giá.", "Not assessed yet.").to_owned(),
            Goal::Numeric(_) => lang.pick("Chưa có số liệu thực hiện.", "No actual figures yet.").to_owned(),
        },
        Rule::MissingBaseline => lang
            .pick(
                "Chỉ tiêu giảm so với năm 2022: hãy nhập số năm 2022 để tính mức giảm.",
                "A reduction from 2022: enter the 2022 value to measure it.",
            )
            .to_owned(),
        Rule::Assessed => lang.pick("Theo đánh giá của người dùng.", "As assessed by the user.").to_owned(),
        Rule::TargetMet => match lang {
            Lang::Vi => format!("{period}: đạt {} kế hoạch, đã đạt chỉ tiêu.", achievement(progress, lang)),
            Lang::En => format!("{period}: {} of plan, the target is met.", achievement(progress, lang)),
        },
        Rule::WithinAbout => match lang {
            Lang::Vi => format!("{period}: đạt {} kế hoạch, trong phạm vi «khoảng» (±2%).", achievement(progress, lang)),
            Lang::En => format!("{period}: {} of plan, within “about” (±2%).", achievement(progress, lang)),
        },
        Rule::FlowPace { share_of_plan, expected } => match lang {
            Lang::Vi => format!(
                "{period} đạt {} kế hoạch năm; đúng tiến độ khi ≥ {} × 0,95 = {}.",
                pct(share_of_plan),
                pct(expected),
                pct(expected * 0.95)
            ),
            Lang::En => format!(
                "{period}: {} of the year's plan; on track at ≥ {} × 0.95 = {}.",
                pct(share_of_plan),
                pct(expected),
                pct(expected * 0.95)
            ),
        },
        Rule::PathFromBaseline { travelled, expected } => match lang {
            Lang::Vi => format!(
                "{period}: đã đi được {} chặng đường từ số năm 2022 đến chỉ tiêu; đúng tiến độ khi ≥ {} × 0,95.",
                pct(travelled),
                pct(expected)
            ),
            Lang::En => format!(
                "{period}: {} of the way from the 2022 value to the target; on track at ≥ {} × 0.95.",
                pct(travelled),
                pct(expected)
            ),
        },
        Rule::RatioToTarget { ratio } => match lang {
            Lang::Vi => format!("{period}: bằng {} chỉ tiêu; đúng tiến độ khi ≥ 95%, có nguy cơ khi ≥ 60%.", pct(ratio)),
            Lang::En => format!("{period}: {} of the target; on track at ≥ 95%, at risk at ≥ 60%.", pct(ratio)),
        },
        Rule::MovingAway => lang
            .pick("Số liệu đang đi ngược hướng chỉ tiêu.", "The figures are moving away from the target.")
            .to_owned(),
        Rule::ShareBand { deviation } => match lang {
            Lang::Vi => format!(
                "{period}: chênh lệch {} điểm phần trăm so với cơ cấu kế hoạch (đạt khi ≤ 0,5; đúng hướng ≤ 1; nguy cơ ≤ 2).",
                format_number(deviation, 2, lang)
            ),
            Lang::En => format!(
                "{period}: {} percentage points from the planned share (achieved ≤ 0.5; on track ≤ 1; at risk ≤ 2).",
                format_number(deviation, 2, lang)
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{progress, Basis, Entry, Period, Plan, Tracking};

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
            "February value: State budget revenue collected in the province (billion VND)",
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
    fn explanations_carry_the_figures() {
        let plan = plan();
        let revenue = plan.target("budget-revenue").expect("target");
        let mut tracking = Tracking::default();
        tracking.upsert_entry(
            &revenue.id,
            Entry {
                period: Period::NINE_MONTHS,
                basis: Basis::Estimate,
                value: 1739.5,
                note: String::new(),
            },
        );
        let p = progress(revenue, &tracking);
        assert_eq!(achievement(&p, Lang::Vi), "71,0%");
        assert_eq!(current_value(revenue, &p, Lang::Vi), "1.739,5 tỷ đồng");
        assert_eq!(
            explain(revenue, &p, Lang::Vi),
            "9 tháng đạt 71,0% kế hoạch năm; đúng tiến độ khi ≥ 75,0% × 0,95 = 71,3%."
        );
    }

    #[test]
    fn reports_name_their_period_and_compare_with_2022() {
        let plan = plan();
        let mut tracking = Tracking::default();
        assert_eq!(report_period(&tracking, Lang::Vi), "chưa có số liệu");
        let forest = plan.target("forest-cover").expect("target");
        let revenue = plan.target("budget-revenue").expect("target");
        let add = |t: &mut Tracking, target: &Target, period, value| {
            t.upsert_entry(
                &target.id,
                Entry {
                    period,
                    basis: Basis::Official,
                    value,
                    note: String::new(),
                },
            )
        };
        add(&mut tracking, forest, Period::FIRST_HALF, 52.5);
        add(&mut tracking, revenue, Period::NINE_MONTHS, 1800.0);
        assert_eq!(report_period(&tracking, Lang::Vi), "9 tháng 2023");
        assert_eq!(date(2026, 11, 7, Lang::Vi), "07/11/2026");
        assert_eq!(date(2026, 11, 7, Lang::En), "7 November 2026");
        assert_eq!(date_time(2023, 10, 5, 15, 4, Lang::Vi), "05/10/2023 15:04");
        let p = progress(forest, &tracking);
        assert_eq!(
            versus_2022(forest, &p, Some(51.2), Lang::Vi).as_deref(),
            Some("+1,3 điểm %")
        );
        assert_eq!(versus_2022(forest, &p, None, Lang::Vi), None);
        // A nine-month flow has no 2022 figure of the same period to compare with.
        let p = progress(revenue, &tracking);
        assert_eq!(versus_2022(revenue, &p, Some(2300.0), Lang::Vi), None);
        add(&mut tracking, revenue, Period::Year, 2415.0);
        let p = progress(revenue, &tracking);
        assert_eq!(
            versus_2022(revenue, &p, Some(2300.0), Lang::Vi).as_deref(),
            Some("bằng 105,0% năm 2022")
        );
    }

    #[test]
    fn editable_values_keep_their_precision() {
        assert_eq!(editable(1837.5, Lang::Vi), "1.837,5");
        assert_eq!(editable(22.98, Lang::En), "22.98");
        assert_eq!(editable(7.0, Lang::Vi), "7");
    }
}
