//! The figures of a verdict in words, as a report writes them: the "% KH" cell (a share of the
//! plan, or a rate's gap in points), the reduction beside the level it leaves, the comparison
//! with the same period of the year before, how final a verdict is, and the plan's headline.

use crate::i18n::Lang;
use crate::plan::number::{format_actual, format_number, format_percent, format_with_unit};
use crate::plan::{
    same_period, Achievement, Change, Headline, NumericGoal, NumericKind, Period, Progress,
    SamePeriod, Stage, Target, Tracking, Unit,
};

/// A difference of two figures in the target's unit, without its sign: "11,77 điểm %" for a
/// rate in %, "0,3‰", "1.058 ha". "điểm %" is joined by a no-break space, so that a narrow
/// column never leaves "%" alone on a line.
pub fn points(diff: f64, decimals: u8, unit: Unit, lang: Lang) -> String {
    match unit {
        // A difference of two rates in % is in points; any other unit says itself.
        Unit::Percent => {
            let n = format_number(diff.abs(), decimals, lang);
            format!("{n} {}", lang.pick("điểm\u{a0}%", "points"))
        }
        Unit::PerMille
        | Unit::MillionDong
        | Unit::BillionDong
        | Unit::ThousandTonnes
        | Unit::Hectare
        | Unit::Commune
        | Unit::CriteriaPerCommune
        | Unit::DoctorsPer10k
        | Unit::Worker => format_with_unit(diff.abs(), decimals, unit, lang),
    }
}

/// Whether a figure shows as zero at that precision.
fn rounds_to_zero(value: f64, decimals: u8) -> bool {
    format_number(value.abs(), decimals, Lang::En)
        .chars()
        .all(|c| c == '0' || c == '.')
}

/// The "% KH" cell: "99,2%" of the plan, or for a rate or a share the gap in points with its
/// sign ("-11,77 điểm %", "+29,4 điểm %"); "—" when there is nothing to compare.
pub fn achievement(progress: &Progress, lang: Lang) -> String {
    match progress.achievement {
        None => "—".to_owned(),
        Some(Achievement::OfPlan(r)) => format_percent(r, lang),
        Some(Achievement::Points { gap, decimals }) => {
            let sign = match (rounds_to_zero(gap, decimals), gap > 0.0) {
                (true, _) => "",
                (false, true) => "+",
                (false, false) => "-",
            };
            format!("{sign}{}", points(gap, decimals, Unit::Percent, lang))
        }
    }
}

/// The gap to the plan in words: "cao hơn kế hoạch 29,4 điểm %", "thấp hơn kế hoạch 11,77
/// điểm %", "bằng kế hoạch".
pub fn gap_phrase(gap: f64, decimals: u8, lang: Lang) -> String {
    let size = points(gap, decimals, Unit::Percent, lang);
    match (rounds_to_zero(gap, decimals), gap > 0.0) {
        (true, _) => lang.pick("bằng kế hoạch", "equal to plan").to_owned(),
        (false, true) => match lang {
            Lang::Vi => format!("cao hơn kế hoạch {size}"),
            Lang::En => format!("{size} above plan"),
        },
        (false, false) => match lang {
            Lang::Vi => format!("thấp hơn kế hoạch {size}"),
            Lang::En => format!("{size} below plan"),
        },
    }
}

/// The current figure against the plan in words: "đạt 55,2% kế hoạch", "thấp hơn kế hoạch
/// 11,77 điểm %"; `None` when there is nothing to compare.
pub fn against_plan(progress: &Progress, lang: Lang) -> Option<String> {
    Some(match progress.achievement? {
        Achievement::OfPlan(r) => match lang {
            Lang::Vi => format!("đạt {} kế hoạch", format_percent(r, lang)),
            Lang::En => format!("{} of plan", format_percent(r, lang)),
        },
        Achievement::Points { gap, decimals } => gap_phrase(gap, decimals, lang),
    })
}

/// A reduce-by target's figure: the reduction in points beside the level it leaves ("giảm
/// 2,62 điểm %; tỷ lệ còn 23,88%"); with no 2022 value, the level named as one ("tỷ lệ
/// 23,88%"), never a bare level beside "giảm 3,6%".
pub fn reduction(goal: &NumericGoal, progress: &Progress, lang: Lang) -> Option<String> {
    let current = progress.current?;
    let level = format_actual(current.value, goal, lang);
    let rate = match (goal.unit, lang) {
        (Unit::PerMille, Lang::Vi) => "tỷ suất",
        (_, Lang::Vi) => "tỷ lệ",
        (_, Lang::En) => "rate",
    };
    Some(match progress.reduction {
        None => format!("{rate} {level}"),
        Some(r) => {
            let size = points(r.points, r.decimals, goal.unit, lang);
            match (lang, r.points >= 0.0) {
                (Lang::Vi, true) => format!("giảm {size}; {rate} còn {level}"),
                (Lang::Vi, false) => format!("tăng {size}; {rate} {level}"),
                (Lang::En, true) => format!("down {size}; {rate} now {level}"),
                (Lang::En, false) => format!("up {size}; {rate} now {level}"),
            }
        }
    })
}

/// The current value as the overview shows it: the figure in its unit, or for a reduction the
/// reduction beside the level; "—" when there is none.
pub fn current_value(target: &Target, progress: &Progress, lang: Lang) -> String {
    match (target.numeric(), progress.current) {
        (Some(goal), Some(_)) if goal.kind == NumericKind::ReduceBy => {
            reduction(goal, progress, lang).unwrap_or_default()
        }
        (Some(goal), Some(current)) => format_actual(current.value, goal, lang),
        _ => "—".to_owned(),
    }
}

/// How final a verdict is, in words.
pub fn stage(stage: Stage, lang: Lang) -> &'static str {
    match stage {
        Stage::Final => lang.pick("Kết quả cả năm", "The year's result"),
        Stage::Interim => lang.pick(
            "Tiến độ trước khi hết năm",
            "Progress before the year's end",
        ),
        Stage::Indicative => lang.pick(
            "Dấu hiệu, chưa phải kết quả cả năm",
            "An indication, not the year's result",
        ),
    }
}

/// "so với cùng kỳ năm 2022", or "so với năm 2022" for the whole year.
fn versus(period: Period, year: u16, lang: Lang) -> String {
    let before = super::figures::prior_year(year);
    match (lang, period.is_year()) {
        (Lang::Vi, true) => format!("so với năm {before}"),
        (Lang::Vi, false) => format!("so với cùng kỳ năm {before}"),
        (Lang::En, true) => format!("on {before}"),
        (Lang::En, false) => format!("on the same period of {before}"),
    }
}

/// A comparison with the same period in words: "tăng 3,0% so với cùng kỳ năm 2022", "giảm 2,62
/// điểm % so với năm 2022".
pub fn same_period_text(
    goal: &NumericGoal,
    compared: &SamePeriod,
    year: u16,
    lang: Lang,
) -> String {
    let versus = versus(compared.period, year, lang);
    match (lang, change_of(goal, compared, lang)) {
        (Lang::Vi, None) => format!("bằng {}", versus.trim_start_matches("so với ")),
        (Lang::En, None) => format!("level with {}", versus.trim_start_matches("on ")),
        (_, Some(change)) => format!("{change} {versus}"),
    }
}

/// The change alone, where the year it compares with is said beside it: "tăng 3,0%",
/// "giảm 0,50 điểm %", "không đổi".
pub fn same_period_change(goal: &NumericGoal, compared: &SamePeriod, lang: Lang) -> String {
    change_of(goal, compared, lang)
        .unwrap_or_else(|| lang.pick("không đổi", "unchanged").to_owned())
}

/// "tăng 3,0%", "down 0.50 points", or nothing when the change rounds to zero.
fn change_of(goal: &NumericGoal, compared: &SamePeriod, lang: Lang) -> Option<String> {
    let (size, up, zero) = match compared.change {
        Change::Ratio(r) => (
            format_percent(r.abs(), lang),
            r > 0.0,
            rounds_to_zero(r * 100.0, 1),
        ),
        Change::Points { diff, decimals } => (
            points(diff, decimals, goal.unit, lang),
            diff > 0.0,
            rounds_to_zero(diff, decimals),
        ),
    };
    if zero {
        return None;
    }
    Some(match (lang, up) {
        (Lang::Vi, true) => format!("tăng {size}"),
        (Lang::Vi, false) => format!("giảm {size}"),
        (Lang::En, true) => format!("up {size}"),
        (Lang::En, false) => format!("down {size}"),
    })
}

/// The comparison of a target's current figure with the same period of the year before, in
/// words, where that period's figure was entered (none for a growth rate).
pub fn versus_same_period(
    target: &Target,
    progress: &Progress,
    tracking: &Tracking,
    year: u16,
    lang: Lang,
) -> Option<String> {
    let goal = target.numeric()?;
    let current = progress.current?;
    let compared = same_period(target, tracking, &current)?;
    Some(same_period_text(goal, &compared, year, lang))
}

/// "Có 12/48 chỉ tiêu đạt và vượt kế hoạch".
pub fn headline_met(headline: &Headline, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Có {}/{} chỉ tiêu đạt và vượt kế hoạch",
            headline.met, headline.numeric
        ),
        Lang::En => format!(
            "{} of {} targets met or exceeded",
            headline.met, headline.numeric
        ),
    }
}

/// "Số liệu đến 9 tháng năm 2023", "Số liệu cả năm 2023", or "no figures yet".
pub fn figures_up_to(headline: &Headline, lang: Lang) -> String {
    let year = headline.year;
    match headline.up_to {
        None => lang.pick("Chưa có số liệu", "No figures yet").to_owned(),
        Some(Period::Year) => match lang {
            Lang::Vi => format!("Số liệu cả năm {year}"),
            Lang::En => format!("Figures for the full year {year}"),
        },
        Some(p) => {
            let label = mid_sentence(p, lang);
            match lang {
                Lang::Vi => format!("Số liệu đến {label} năm {year}"),
                Lang::En => format!("Figures up to {label} {year}"),
            }
        }
    }
}

/// A period's name as it reads mid-sentence: "quý III", "tháng 5", "9 tháng"; in English the
/// months and quarters keep their capitals ("May", "Q3"), the spans do not ("nine months",
/// "the first half").
pub fn mid_sentence(period: Period, lang: Lang) -> String {
    if (lang, period) == (Lang::En, Period::FIRST_HALF) {
        return "the first half".to_owned();
    }
    let label = period.label(lang);
    let lower = match (lang, period) {
        (Lang::Vi, _) | (Lang::En, Period::ToDate(_) | Period::Year) => true,
        (Lang::En, Period::Month(_) | Period::Quarter(_)) => false,
    };
    let mut chars = label.chars();
    match chars.next() {
        Some(first) if lower => first.to_lowercase().chain(chars).collect(),
        _ => label,
    }
}

#[cfg(test)]
mod tests;
