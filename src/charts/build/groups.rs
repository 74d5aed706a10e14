//! The overview's chart: how many targets of each group stand in each status.

use crate::i18n::{Lang, Msg};
use crate::plan::{Plan, Progress, Summary, COUNTED};

use crate::charts::{ChartData, ChartShape, SeriesData, SeriesRole, ValueAxis};

/// Per group, how many targets stand in each status, as the summary shows them ("needs
/// baseline" joins "no data"). `progress` is aligned with `plan.targets`.
pub fn groups_chart(plan: &Plan, progress: &[Progress], lang: Lang) -> ChartData {
    let categories = plan
        .groups
        .iter()
        .map(|g| format!("({}) {}", g.number, g.name(lang)))
        .collect();
    let by_group: Vec<Summary> = plan
        .groups
        .iter()
        .map(|g| {
            Summary::of(
                plan.targets
                    .iter()
                    .zip(progress)
                    .filter(|(t, _)| t.group == g.number)
                    .map(|(_, p)| p),
            )
        })
        .collect();
    let series = COUNTED
        .iter()
        .map(|&status| SeriesData {
            name: status.label(lang).to_owned(),
            role: SeriesRole::Status(status),
            tips: Vec::new(),
            values: by_group
                .iter()
                .map(|s| Some(s.shown(status) as f64))
                .collect(),
        })
        .collect();
    let summary = Summary::of(progress);
    let counts: Vec<String> = COUNTED
        .iter()
        .map(|&s| format!("{} {}", s.label(lang).to_lowercase(), summary.shown(s)))
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
        axis_name: Msg::TargetsCount.get(lang).to_owned(),
        value_axis: ValueAxis::FromZero,
        better: None,
        summary,
        decimals: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::build::testing::{plan, with};
    use crate::plan::{progress_all, Period, Tracking};

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
}
