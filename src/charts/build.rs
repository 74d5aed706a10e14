//! The builders: one function per chart the app draws, from the plan and the figures.

use crate::i18n::{Lang, Msg};
use crate::plan::number::{format_actual, format_goal_value};
use crate::plan::progress::current_of;
use crate::plan::{
    Measure, NumericKind, Period, Plan, Progress, Status, Summary, Target, Tracking, COUNTED,
};

use super::{ChartData, ChartShape, SeriesData, SeriesRole};

/// The statuses the overview's chart stacks, as the summary counts them; "needs baseline"
/// joins "no data" there.
const STACKED: [Status; COUNTED.len()] = COUNTED;

/// Per group, how many targets stand in each status. `progress` is aligned with `plan.targets`.
pub fn groups_chart(plan: &Plan, progress: &[Progress], lang: Lang) -> ChartData {
    let categories = plan
        .groups
        .iter()
        .map(|g| format!("({}) {}", g.number, g.name(lang)))
        .collect();
    let series = STACKED
        .iter()
        .map(|&status| SeriesData {
            name: status.label(lang).to_owned(),
            role: SeriesRole::Status(status),
            values: plan
                .groups
                .iter()
                .map(|g| {
                    let n = plan
                        .targets
                        .iter()
                        .zip(progress)
                        .filter(|(t, p)| t.group == g.number && stacked_as(p.status) == status)
                        .count();
                    Some(n as f64)
                })
                .collect(),
        })
        .collect();
    let summary = Summary::of(progress);
    let counts: Vec<String> = STACKED
        .iter()
        .map(|&s| {
            let n = summary.count(s)
                + if s == Status::NoData {
                    summary.count(Status::NeedsBaseline)
                } else {
                    0
                };
            format!("{} {n}", s.label(lang).to_lowercase())
        })
        .collect();
    let summary = match lang {
        Lang::Vi => format!("Trong {} chỉ tiêu: {}.", summary.total(), counts.join(", ")),
        Lang::En => format!("Of {} targets: {}.", summary.total(), counts.join(", ")),
    };
    ChartData {
        shape: ChartShape::StackedBars,
        short_categories: Some(
            plan.groups
                .iter()
                .map(|g| format!("({})", g.number))
                .collect(),
        ),
        categories,
        series,
        unit: Msg::TargetsCount.get(lang).to_owned(),
        summary,
        decimals: 0,
    }
}

fn stacked_as(status: Status) -> Status {
    match status {
        Status::NeedsBaseline => Status::NoData,
        other => other,
    }
}

/// A target's figures over the months of 2023 against its plan; for flows also the expected
/// path and the year-end forecast. Levels start from the 2022 value when there is one.
pub fn target_chart(
    target: &Target,
    tracking: &Tracking,
    progress: &Progress,
    lang: Lang,
) -> Option<ChartData> {
    let goal = target.numeric()?;
    let entries = tracking.entries(&target.id);
    let baseline = tracking.baseline(&target.id);
    let is_flow = goal.measure == Measure::Flow;
    // Flows start the year at zero; levels have a "2022" column for the baseline.
    let months: Vec<u8> = (1..=12).collect();
    let mut categories: Vec<String> = Vec::with_capacity(13);
    if !is_flow {
        categories.push("2022".to_owned());
    }
    categories.extend(months.iter().map(|&m| Period::month_label(m, lang)));
    let at_month = |m: u8| {
        let same_end: Vec<_> = entries
            .iter()
            .filter(|e| e.period.end_month() == m)
            .cloned()
            .collect();
        current_of(&same_end).map(|c| c.value)
    };
    let mut actual: Vec<Option<f64>> = Vec::with_capacity(13);
    if !is_flow {
        actual.push(baseline);
    }
    actual.extend(months.iter().map(|&m| at_month(m)));
    // The level the plan asks for: for a reduce-by target, the 2022 value less the reduction.
    let plan_level = match goal.kind {
        NumericKind::ReduceBy => baseline.map(|b| b - goal.value),
        _ => Some(goal.value),
    };
    let mut series = vec![SeriesData {
        name: Msg::ActualSeries.get(lang).to_owned(),
        role: SeriesRole::Actual,
        values: actual,
    }];
    if let Some(level) = plan_level {
        series.push(SeriesData {
            name: Msg::PlanLine.get(lang).to_owned(),
            role: SeriesRole::Plan,
            values: vec![Some(level); categories.len()],
        });
    }
    if is_flow {
        series.push(SeriesData {
            name: Msg::ExpectedPath.get(lang).to_owned(),
            role: SeriesRole::Expected,
            values: months
                .iter()
                .map(|&m| Some(goal.value * f64::from(m) / 12.0))
                .collect(),
        });
        if let (Some(current), Some(forecast)) = (progress.current, progress.forecast) {
            let last = usize::from(current.period.end_month()) - 1;
            if last < 11 {
                let mut values = vec![None; 12];
                values[last] = Some(current.value);
                values[11] = Some(forecast);
                series.push(SeriesData {
                    name: Msg::ForecastSeries.get(lang).to_owned(),
                    role: SeriesRole::Forecast,
                    values,
                });
            }
        }
    }
    let plan_text = format_goal_value(goal.value, goal, lang);
    let summary = match progress.current {
        None => match lang {
            Lang::Vi => format!("Kế hoạch {plan_text}; chưa có số liệu thực hiện."),
            Lang::En => format!("Plan {plan_text}; no actual figures yet."),
        },
        Some(current) => {
            let value = format_actual(current.value, goal, lang);
            let against = crate::present::verdict::against_plan(progress, lang)
                .map(|a| format!(", {a}"))
                .unwrap_or_default();
            let status = progress.status.label(lang).to_lowercase();
            let period = current.period.label(lang);
            match lang {
                Lang::Vi => format!("Kế hoạch {plan_text}; {period}: {value}{against}; {status}."),
                Lang::En => format!("Plan {plan_text}; {period}: {value}{against}; {status}."),
            }
        }
    };
    Some(ChartData {
        shape: ChartShape::Lines,
        categories,
        short_categories: None,
        series,
        unit: goal.unit.label(lang).to_owned(),
        summary,
        decimals: goal.decimals.max(1),
    })
}

/// A one-word name of a sector, for a narrow chart.
fn structure_short(target: &Target, lang: Lang) -> String {
    let id = target.id.as_str();
    let word = match id.strip_prefix("structure-") {
        Some("agriculture") => lang.pick("Nông nghiệp", "Agriculture"),
        Some("industry") => lang.pick("Công nghiệp", "Industry"),
        Some("services") => lang.pick("Dịch vụ", "Services"),
        Some("product-taxes") => lang.pick("Thuế SP", "Taxes"),
        _ => id,
    };
    word.to_owned()
}

/// The economic structure: the planned shares beside the latest actual ones.
pub fn structure_chart(plan: &Plan, tracking: &Tracking, lang: Lang) -> ChartData {
    let shares: Vec<&Target> = plan.structure().collect();
    let categories = shares
        .iter()
        .map(|t| {
            t.name(lang)
                .split_once(": ")
                .map_or(t.name(lang), |(_, part)| part)
                .to_owned()
        })
        .collect();
    let planned: Vec<Option<f64>> = shares
        .iter()
        .map(|t| t.numeric().map(|g| g.value))
        .collect();
    let actual: Vec<Option<f64>> = shares
        .iter()
        .map(|t| current_of(tracking.entries(&t.id)).map(|c| c.value))
        .collect();
    let known = actual.iter().flatten().count();
    let summary = match lang {
        Lang::Vi => format!(
            "Cơ cấu kinh tế kế hoạch và thực hiện; có số liệu thực hiện cho {known}/4 khu vực."
        ),
        Lang::En => format!(
            "Planned and actual economic structure; actual figures for {known} of 4 sectors."
        ),
    };
    ChartData {
        shape: ChartShape::GroupedBars,
        short_categories: Some(shares.iter().map(|t| structure_short(t, lang)).collect()),
        categories,
        series: vec![
            SeriesData {
                name: Msg::PlanComposition.get(lang).to_owned(),
                role: SeriesRole::Plan,
                values: planned,
            },
            SeriesData {
                name: Msg::ActualComposition.get(lang).to_owned(),
                role: SeriesRole::Actual,
                values: actual,
            },
        ],
        unit: "%".to_owned(),
        summary,
        decimals: 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{progress, progress_all, Basis, Entry};

    fn plan() -> Plan {
        Plan::embedded().expect("plan")
    }

    fn with(tracking: &mut Tracking, id: &str, period: Period, value: f64) {
        let target = crate::plan::TargetId(id.to_owned());
        tracking.upsert_entry(
            &target,
            Entry {
                period,
                basis: Basis::Estimate,
                value,
                note: String::new(),
            },
        );
    }

    #[test]
    fn the_groups_chart_counts_every_target_once() {
        let plan = plan();
        let mut tracking = Tracking::default();
        with(&mut tracking, "forest-cover", Period::Year, 53.0);
        let list = progress_all(&plan, &tracking);
        let chart = groups_chart(&plan, &list, Lang::Vi);
        assert_eq!(chart.categories.len(), 10);
        let total: f64 = chart
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .sum();
        assert_eq!(total as usize, plan.targets.len());
        assert!(
            chart.summary.starts_with("Trong 49 chỉ tiêu: đạt/vượt 1,"),
            "{}",
            chart.summary
        );
        // The chart serialises to the option object ECharts reads.
        let json = chart.to_option_json(false, false);
        assert!(chart.to_option_json(false, true).contains("\"(10)\""));
        assert!(json.contains("\"stack\":\"status\""), "{json}");
        // ECharts fails on an empty `decals` list, which charming writes; ours has none. The
        // chart's accessible name is the summary, in the page's language.
        assert!(
            json.contains(&format!(
                "\"label\":{{\"description\":\"{}\"",
                chart.summary
            )),
            "{json}"
        );
        assert!(
            json.contains("\"aria\":{\"decal\":{\"show\":true},\"enabled\":true,"),
            "{json}"
        );
    }

    #[test]
    fn a_flow_chart_has_the_expected_path_and_a_forecast() {
        let plan = plan();
        let revenue = plan.target("budget-revenue").expect("target");
        let mut tracking = Tracking::default();
        with(&mut tracking, "budget-revenue", Period::NINE_MONTHS, 1837.5);
        let p = progress(revenue, &tracking);
        let chart = target_chart(revenue, &tracking, &p, Lang::Vi).expect("numeric");
        assert_eq!(chart.categories.len(), 12);
        let roles: Vec<SeriesRole> = chart.series.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                SeriesRole::Actual,
                SeriesRole::Plan,
                SeriesRole::Expected,
                SeriesRole::Forecast
            ]
        );
        assert_eq!(chart.series[0].values[8], Some(1837.5));
        assert_eq!(chart.series[3].values[11], Some(2450.0));
        assert_eq!(chart.series[2].values[5], Some(1225.0));
        assert!(
            chart.summary.contains("đạt 75,0% kế hoạch"),
            "{}",
            chart.summary
        );
    }

    #[test]
    fn a_level_chart_starts_from_the_baseline_and_reduce_by_plans_from_it() {
        let plan = plan();
        let poverty = plan.target("poverty-reduction").expect("target");
        let mut tracking = Tracking::default();
        let p = progress(poverty, &tracking);
        let chart = target_chart(poverty, &tracking, &p, Lang::En).expect("numeric");
        // Without a baseline there is no level to plot the plan at.
        assert_eq!(chart.series.len(), 1);
        tracking.set_baseline(&poverty.id, Some(25.1));
        with(&mut tracking, "poverty-reduction", Period::FIRST_HALF, 23.0);
        let p = progress(poverty, &tracking);
        let chart = target_chart(poverty, &tracking, &p, Lang::En).expect("numeric");
        assert_eq!(chart.categories[0], "2022");
        assert_eq!(chart.series[0].values[0], Some(25.1));
        assert_eq!(chart.series[0].values[6], Some(23.0));
        assert!((chart.series[1].values[0].unwrap_or_default() - 21.5).abs() < 1e-9);
        assert!(plan
            .target("preschool-universal")
            .is_some_and(|t| target_chart(t, &tracking, &p, Lang::Vi).is_none()));
    }

    #[test]
    fn the_structure_chart_sets_plan_beside_actual() {
        let plan = plan();
        let mut tracking = Tracking::default();
        with(&mut tracking, "structure-services", Period::Year, 39.0);
        let chart = structure_chart(&plan, &tracking, Lang::Vi);
        assert_eq!(
            chart.categories,
            [
                "nông, lâm nghiệp và thủy sản",
                "công nghiệp và xây dựng",
                "dịch vụ",
                "thuế sản phẩm trừ trợ cấp sản phẩm"
            ]
        );
        assert_eq!(chart.series[1].values, [None, None, Some(39.0), None]);
        assert!(chart.summary.contains("1/4"));
    }
}
