//! One target's chart over the months of 2023: its figures against its plan, on a value axis
//! that does not exaggerate a small gap, saying where lower is better. A level (a rate, an
//! amount at a date) has its 2022 value in a first column and its figures at the months they
//! are of; a flow's series are made in `flow.rs`.

use super::{figure_tip, flow, table_decimals, PRIOR_YEAR};
use crate::charts::{Better, ChartData, ChartShape, Scale, SeriesData, SeriesRole, ValueAxis};
use crate::i18n::{Lang, Msg};
use crate::plan::number::format_actual;
use crate::plan::progress::current_of;
use crate::plan::{Measure, NumericGoal, NumericKind, Period, Progress, Rule, Target, Tracking};

/// The series of one target's chart and the sentences its caption adds about them.
pub(super) struct Drawn {
    pub categories: Vec<String>,
    pub series: Vec<SeriesData>,
    pub notes: Vec<String>,
}

/// A target's figures over the months of 2023 against its plan; for flows also the periods'
/// own figures, the expected path, 2022's same periods and the year-end forecast. `None` for
/// the qualitative target.
pub fn target_chart(
    target: &Target,
    tracking: &Tracking,
    progress: &Progress,
    lang: Lang,
) -> Option<ChartData> {
    let goal = target.numeric()?;
    let entered = tracking
        .entries(&target.id)
        .iter()
        .map(|e| e.value)
        .chain(tracking.priors(&target.id).map(|(_, v)| v));
    let decimals = table_decimals(goal, entered);
    let drawn = match goal.measure {
        Measure::Flow => flow::drawn(target, goal, tracking, progress, decimals, lang),
        Measure::Level => level(target, goal, tracking, lang),
    };
    let value_axis = ValueAxis::fit(
        Scale::of(goal),
        drawn
            .series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied()),
    );
    let better = better(goal.kind);
    let unit = goal.unit.label(lang).to_owned();
    let axis_name = match better {
        Better::Lower => format!(
            "{unit} · {}",
            lang.pick("thấp hơn là tốt hơn", "lower is better")
        ),
        Better::Higher => unit.clone(),
    };
    let mut sentences = vec![headline(target, goal, progress, lang)];
    if better == Better::Lower {
        sentences.push(
            lang.pick("Thấp hơn là tốt hơn.", "Lower is better.")
                .to_owned(),
        );
    }
    sentences.extend(drawn.notes);
    sentences.push(value_axis.caption(goal.unit, lang));
    Some(ChartData {
        shape: ChartShape::Lines,
        categories: drawn.categories,
        short_categories: None,
        series: drawn.series,
        unit,
        axis_name,
        value_axis,
        better: Some(better),
        summary: sentences.join(" "),
        decimals,
    })
}

/// Which way a target's figures should go: down for "below", "reduce to" and "reduce by" (a
/// reduction is read on the rate it leaves, which the chart draws).
pub(super) fn better(kind: NumericKind) -> Better {
    match kind {
        NumericKind::Below | NumericKind::ReduceTo | NumericKind::ReduceBy => Better::Lower,
        NumericKind::AtLeast | NumericKind::About | NumericKind::Growth | NumericKind::Share => {
            Better::Higher
        }
    }
}

/// The caption's first sentence: the plan, the current figure with its period and kind, how
/// it stands against the plan, and the status.
fn headline(target: &Target, goal: &NumericGoal, progress: &Progress, lang: Lang) -> String {
    let plan = format!(
        "{} {}",
        crate::present::direction(target, lang),
        crate::present::plan_value(target, lang)
    );
    let plan = plan.trim();
    match (progress.current, progress.rule) {
        (None, Rule::NoYearToDate { .. }) => match lang {
            Lang::Vi => format!(
                "Kế hoạch {plan}; chưa có số lũy kế từ đầu năm, chỉ có số riêng của tháng, quý."
            ),
            Lang::En => format!(
                "Plan {plan}; no year-to-date figure yet, only a month's or a quarter's own."
            ),
        },
        (None, _) => match lang {
            Lang::Vi => format!("Kế hoạch {plan}; chưa có số liệu thực hiện."),
            Lang::En => format!("Plan {plan}; no actual figures yet."),
        },
        (Some(current), _) => {
            let figure = figure_tip(
                &current.period.label(lang),
                current.basis,
                current.value,
                goal,
                lang,
            );
            let against = crate::present::verdict::against_plan(progress, lang)
                .map(|a| format!(", {a}"))
                .unwrap_or_default();
            let status = progress.status.label(lang).to_lowercase();
            match lang {
                Lang::Vi => format!("Kế hoạch {plan}; {figure}{against}; {status}."),
                Lang::En => format!("Plan {plan}; {figure}{against}; {status}."),
            }
        }
    }
}

/// A level: the 2022 value in the first column, then the figure at each month (of the periods
/// that end then, the longest; of one period the official figure), and the plan's level (for
/// a reduce-by target, the 2022 value less the reduction).
fn level(target: &Target, goal: &NumericGoal, tracking: &Tracking, lang: Lang) -> Drawn {
    let entries = tracking.entries(&target.id);
    let baseline = tracking.baseline(&target.id);
    let mut categories = vec![PRIOR_YEAR.to_owned()];
    categories.extend((1..=12).map(|m| Period::month_label(m, lang)));
    let mut values = vec![baseline];
    let mut tips = vec![baseline.map(|b| {
        let year = lang.pick("Năm", "Year");
        format!("{year} {PRIOR_YEAR}: {}", format_actual(b, goal, lang))
    })];
    for m in 1..=12u8 {
        let same_end: Vec<_> = entries
            .iter()
            .filter(|e| e.period.end_month() == m)
            .cloned()
            .collect();
        let current = current_of(&same_end);
        values.push(current.map(|c| c.value));
        // A level's figure is the level at the period's end, whatever the period's span.
        tips.push(current.map(|c| figure_tip(&c.period.label(lang), c.basis, c.value, goal, lang)));
    }
    let mut series = vec![SeriesData {
        name: Msg::ActualSeries.get(lang).to_owned(),
        role: SeriesRole::Actual,
        values,
        tips,
    }];
    let plan_level = match goal.kind {
        NumericKind::ReduceBy => baseline.map(|b| b - goal.value),
        _ => Some(goal.value),
    };
    if let Some(level) = plan_level {
        // The plan's level as the resolution writes it, or as the reduction leaves it.
        let tip = format_actual(level, goal, lang);
        series.push(SeriesData {
            name: Msg::PlanLine.get(lang).to_owned(),
            role: SeriesRole::Plan,
            values: vec![Some(level); categories.len()],
            tips: vec![Some(tip); categories.len()],
        });
    }
    Drawn {
        categories,
        series,
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
