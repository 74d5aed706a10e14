//! The economic structure's chart: the four shares of GRDP (agriculture, industry, services,
//! product taxes) as bars — 2022's where entered, the plan's and the latest figures — from zero,
//! with names short enough that all four show on a phone.

use super::{figure_tip, table_decimals, PRIOR_YEAR};
use crate::charts::{ChartData, ChartShape, SeriesData, SeriesRole, ValueAxis};
use crate::i18n::{Lang, Msg};
use crate::plan::number::format_with_unit;
use crate::plan::progress::current_of;
use crate::plan::{Plan, Target, Tracking, Unit};

/// A one- or two-word name of a sector, for a narrow chart and for tooltips.
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

/// The economic structure: 2022's shares (where entered), the planned ones and the latest
/// actual ones, side by side per sector.
pub fn structure_chart(plan: &Plan, tracking: &Tracking, lang: Lang) -> ChartData {
    let shares: Vec<&Target> = plan.structure().collect();
    let short: Vec<String> = shares.iter().map(|t| structure_short(t, lang)).collect();
    let categories = shares
        .iter()
        .map(|t| {
            t.name(lang)
                .split_once(": ")
                .map_or(t.name(lang), |(_, part)| part)
                .to_owned()
        })
        .collect();
    let figures: Vec<f64> = shares
        .iter()
        .flat_map(|t| {
            tracking
                .entries(&t.id)
                .iter()
                .map(|e| e.value)
                .chain(tracking.baseline(&t.id))
        })
        .collect();
    let decimals = shares
        .iter()
        .filter_map(|t| t.numeric())
        .map(|g| table_decimals(g, figures.iter().copied()))
        .max()
        .unwrap_or(2);
    let share = |v: f64| format_with_unit(v, decimals, Unit::Percent, lang);

    let before: Vec<Option<f64>> = shares.iter().map(|t| tracking.baseline(&t.id)).collect();
    let planned: Vec<Option<f64>> = shares
        .iter()
        .map(|t| t.numeric().map(|g| g.value))
        .collect();
    let actual: Vec<_> = shares
        .iter()
        .map(|t| current_of(tracking.entries(&t.id)).zip(t.numeric()))
        .collect();

    let mut series = Vec::with_capacity(3);
    if before.iter().any(Option::is_some) {
        series.push(SeriesData {
            name: format!("{} {PRIOR_YEAR}", lang.pick("Năm", "Year")),
            role: SeriesRole::PriorYear,
            tips: before
                .iter()
                .zip(&short)
                .map(|(v, name)| v.map(|v| format!("{name} {PRIOR_YEAR}: {}", share(v))))
                .collect(),
            values: before,
        });
    }
    series.push(SeriesData {
        name: Msg::PlanComposition.get(lang).to_owned(),
        role: SeriesRole::Plan,
        tips: planned
            .iter()
            .zip(&short)
            .map(|(v, name)| v.map(|v| format!("{name}: {}", share(v))))
            .collect(),
        values: planned,
    });
    series.push(SeriesData {
        name: Msg::ActualComposition.get(lang).to_owned(),
        role: SeriesRole::Actual,
        values: actual.iter().map(|a| a.map(|(c, _)| c.value)).collect(),
        tips: actual
            .iter()
            .zip(&short)
            .map(|(a, name)| {
                a.map(|(c, goal)| {
                    let period = format!("{name} · {}", c.period.label(lang));
                    figure_tip(&period, c.basis, c.value, goal, lang)
                })
            })
            .collect(),
    });

    let known = actual.iter().flatten().count();
    let sectors = shares.len();
    // Shares of a whole, drawn as bars: a bar's height is the share, so the axis starts at 0.
    let value_axis = ValueAxis::FromZero;
    let axis = value_axis.caption(Unit::Percent, lang);
    let summary = match (lang, series.len()) {
        (Lang::Vi, 3) => format!(
            "Cơ cấu kinh tế năm {PRIOR_YEAR}, kế hoạch và thực hiện; có số liệu thực hiện cho {known}/{sectors} khu vực. {axis}"
        ),
        (Lang::Vi, _) => format!(
            "Cơ cấu kinh tế kế hoạch và thực hiện; có số liệu thực hiện cho {known}/{sectors} khu vực. {axis}"
        ),
        (Lang::En, 3) => format!(
            "Economic structure in {PRIOR_YEAR}, planned and actual; actual figures for {known} of {sectors} sectors. {axis}"
        ),
        (Lang::En, _) => format!(
            "Planned and actual economic structure; actual figures for {known} of {sectors} sectors. {axis}"
        ),
    };
    ChartData {
        shape: ChartShape::GroupedBars,
        short_categories: Some(short),
        categories,
        series,
        unit: "%".to_owned(),
        axis_name: "%".to_owned(),
        value_axis,
        better: None,
        summary,
        decimals,
    }
}

#[cfg(test)]
mod tests;
