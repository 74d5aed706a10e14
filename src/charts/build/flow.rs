//! A flow's series (budget revenue, grain, new planting, jobs, training): amounts that
//! accumulate over the year. The line of figures holds only year-to-date figures (from January,
//! or made from January by the months' and quarters' own figures that follow without a gap, as
//! the verdict makes them); a month's or a quarter's own figure is a bar of its own. The
//! expected path is the one the verdict used: 2022's seasonal path where 2022's same-period and
//! whole-year figures are given, evenly by month otherwise; 2022's same periods are a faint
//! line of their own ("Cùng kỳ 2022"), which a statistician compares with first.

use super::target::Drawn;
use super::{figure_tip, PRIOR_YEAR};
use crate::charts::{SeriesData, SeriesRole};
use crate::i18n::{Lang, Msg};
use crate::plan::number::{format_actual, format_with_unit};
use crate::plan::progress::{current_of, prior_to_date, seasonal_share, year_to_date};
use crate::plan::{
    Current, Entry, ExpectedPath, NumericGoal, Period, Progress, Source, Span, Target, Tracking,
};

/// The months of the year, as the chart's categories run.
const MONTHS: std::ops::RangeInclusive<u8> = 1..=12;

pub(super) fn drawn(
    target: &Target,
    goal: &NumericGoal,
    tracking: &Tracking,
    progress: &Progress,
    decimals: u8,
    lang: Lang,
) -> Drawn {
    let entries = tracking.entries(&target.id);
    let amount = |v: f64| format_with_unit(v, decimals, goal.unit, lang);
    let mut notes = Vec::new();

    let to_date_at: Vec<Option<Current>> = MONTHS.map(|m| year_to_date_at(entries, m)).collect();
    let mut series = vec![SeriesData {
        name: lang
            .pick("Thực hiện (lũy kế)", "Actual (year to date)")
            .to_owned(),
        role: SeriesRole::Actual,
        values: to_date_at.iter().map(|c| c.map(|c| c.value)).collect(),
        tips: to_date_at
            .iter()
            .map(|c| c.map(|c| cumulative_tip(c, goal, lang)))
            .collect(),
    }];

    let own: Vec<SeriesData> = [
        (OwnKind::Month, lang.pick("Riêng tháng", "Month only")),
        (OwnKind::Quarter, lang.pick("Riêng quý", "Quarter only")),
    ]
    .into_iter()
    .filter_map(|(kind, name)| own_series(entries, kind, name, goal, lang))
    .collect();
    if !own.is_empty() {
        notes.push(
            lang.pick(
                "Cột: số riêng của tháng, quý; đường: lũy kế từ đầu năm.",
                "Bars: a month's or a quarter's own figure; line: the year to date.",
            )
            .to_owned(),
        );
    }
    series.extend(own);

    series.push(SeriesData {
        name: Msg::PlanLine.get(lang).to_owned(),
        role: SeriesRole::Plan,
        values: vec![Some(goal.value); 12],
        tips: vec![Some(amount(goal.value)); 12],
    });

    let seasonal: Vec<Option<f64>> = MONTHS
        .map(|m| seasonal_share(tracking, &target.id, m).map(|share| share * goal.value))
        .collect();
    // The path the verdict used; with no verdict to follow (no figure yet, or the year's),
    // 2022's wherever it is known.
    let path = match progress.expected {
        Some((_, path)) => path,
        None if seasonal.iter().any(Option::is_some) => ExpectedPath::PriorYear,
        None => ExpectedPath::Linear,
    };
    let (values, name, note) = match path {
        ExpectedPath::PriorYear => (
            seasonal,
            match lang {
                Lang::Vi => format!("Tiến độ cần đạt (theo cùng kỳ {PRIOR_YEAR})"),
                Lang::En => format!("Expected path (as in {PRIOR_YEAR})"),
            },
            match lang {
                Lang::Vi => format!("Tiến độ cần đạt theo mùa vụ: phần của cả năm {PRIOR_YEAR} đã đạt đến cùng kỳ {PRIOR_YEAR}."),
                Lang::En => format!("Expected path by season: the share of {PRIOR_YEAR}'s whole year reached by the same period of {PRIOR_YEAR}."),
            },
        ),
        ExpectedPath::Linear => (
            MONTHS
                .map(|m| Some(goal.value * f64::from(m) / 12.0))
                .collect(),
            lang.pick(
                "Tiến độ cần đạt (chia đều các tháng)",
                "Expected path (even by month)",
            )
            .to_owned(),
            match lang {
                Lang::Vi => format!("Tiến độ cần đạt chia đều các tháng (chưa có số cùng kỳ và cả năm {PRIOR_YEAR})."),
                Lang::En => format!("Expected path evenly by month ({PRIOR_YEAR}'s same-period and whole-year figures not given)."),
            },
        ),
    };
    notes.push(note);
    series.push(SeriesData {
        name,
        role: SeriesRole::Expected,
        tips: to_month_tips(&values, &amount, "", lang),
        values,
    });

    let prior: Vec<Option<f64>> = MONTHS
        .map(|m| prior_to_date(tracking, &target.id, m))
        .collect();
    if prior.iter().any(Option::is_some) {
        series.push(SeriesData {
            name: format!("{} {PRIOR_YEAR}", lang.pick("Cùng kỳ", "Same period")),
            role: SeriesRole::PriorYear,
            tips: to_month_tips(&prior, &|v| format_actual(v, goal, lang), PRIOR_YEAR, lang),
            values: prior,
        });
    }

    if let (Some(current), Some(forecast)) = (progress.current, progress.forecast) {
        let last = usize::from(current.period.end_month()).saturating_sub(1);
        if last < 11 {
            let mut values = vec![None; 12];
            let mut tips = vec![None; 12];
            values[last] = Some(current.value);
            // The forecast starts at the current figure; its tooltip says that it is its start.
            tips[last] = Some(format!(
                "{} {}",
                lang.pick("Xuất phát từ", "Starting at"),
                cumulative_tip(current, goal, lang)
            ));
            values[11] = Some(forecast);
            tips[11] = Some(format!(
                "{} ({}): {}",
                Period::Year.label(lang),
                lang.pick("dự báo", "forecast"),
                amount(forecast)
            ));
            series.push(SeriesData {
                name: Msg::ForecastSeries.get(lang).to_owned(),
                role: SeriesRole::Forecast,
                values,
                tips,
            });
        }
    }

    Drawn {
        categories: MONTHS.map(|m| Period::month_label(m, lang)).collect(),
        series,
        notes,
    }
}

/// The year to date at the end of month `m`, as the verdict makes it from the figures up to
/// then: `None` when that falls before `m` (no figure from January reaches it).
fn year_to_date_at(entries: &[Entry], m: u8) -> Option<Current> {
    let up_to: Vec<Entry> = entries
        .iter()
        .filter(|e| e.period.end_month() <= m)
        .cloned()
        .collect();
    year_to_date(&up_to).filter(|c| c.period.end_month() == m)
}

/// A year-to-date figure's tooltip; one made by adding own figures says so.
fn cumulative_tip(current: Current, goal: &NumericGoal, lang: Lang) -> String {
    let period = match current.source {
        Source::Entered => current.period.label(lang),
        Source::Summed { .. } => format!(
            "{} ({})",
            current.period.label(lang),
            lang.pick("cộng dồn", "summed")
        ),
    };
    figure_tip(&period, current.basis, current.value, goal, lang)
}

/// Which own figures a bar series holds.
#[derive(Clone, Copy)]
enum OwnKind {
    Month,
    Quarter,
}

/// The months' (or the quarters') own figures, at the months they end; of one period the
/// official figure. `None` when there is none.
fn own_series(
    entries: &[Entry],
    kind: OwnKind,
    name: &str,
    goal: &NumericGoal,
    lang: Lang,
) -> Option<SeriesData> {
    let of_kind = |p: Period| match (kind, p) {
        (OwnKind::Month, Period::Month(_)) | (OwnKind::Quarter, Period::Quarter(_)) => {
            p.span() == Span::Own
        }
        _ => false,
    };
    let at: Vec<Option<Current>> = MONTHS
        .map(|m| {
            let same: Vec<Entry> = entries
                .iter()
                .filter(|e| of_kind(e.period) && e.period.end_month() == m)
                .cloned()
                .collect();
            current_of(&same)
        })
        .collect();
    at.iter().any(Option::is_some).then(|| SeriesData {
        name: name.to_owned(),
        role: SeriesRole::OwnPeriod,
        values: at.iter().map(|c| c.map(|c| c.value)).collect(),
        tips: at
            .iter()
            .map(|c| {
                c.map(|c| figure_tip(&c.period.long_label(lang), c.basis, c.value, goal, lang))
            })
            .collect(),
    })
}

/// Tooltips of a line of year-to-date amounts, each written by `amount`: "9 tháng: 125,87
/// nghìn tấn", or with `year` after the period, "9 tháng 2022: 120,5 nghìn tấn".
fn to_month_tips(
    values: &[Option<f64>],
    amount: &dyn Fn(f64) -> String,
    year: &str,
    lang: Lang,
) -> Vec<Option<String>> {
    values
        .iter()
        .zip(MONTHS)
        .map(|(v, m)| {
            v.map(|v| {
                let period = Period::to_date(m).label(lang);
                let period = format!("{period} {year}");
                format!("{}: {}", period.trim_end(), amount(v))
            })
        })
        .collect()
}
