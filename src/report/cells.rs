//! The cells of one target's row of the Biểu: the unit, the plan with its bound, the 2022
//! figure, the figure that stands with its period and kind, "% KH" (or the gap in points of a
//! rate), "% cùng kỳ", the status word and the notes. Every figure is written by
//! `plan::number` and every comparison comes from `progress` and `compare`, as the overview
//! and the target's page show them.

use crate::i18n::{Lang, Msg};
use crate::plan::number::{decimals_of, format_actual, format_number, format_percent};
use crate::plan::{
    same_period, Achievement, Change, Current, Goal, NumericGoal, NumericKind, Progress, Rule,
    Stage, Status, Target, Tracking, Unit,
};
use crate::present::figures::{period_marker, prior_year};
use crate::present::verdict::{achievement, mid_sentence, points, reduction, stage};
use crate::present::why::summed_from;

use super::bieu::{Cell, Marker, Number, Shape, TargetLine};
use super::words;

/// The row of target number `stt`.
pub fn target_line(
    stt: usize,
    target: &Target,
    progress: &Progress,
    tracking: &Tracking,
    year: u16,
    lang: Lang,
) -> TargetLine {
    let status = progress.status;
    let mut line = TargetLine {
        id: target.id.as_str().to_owned(),
        stt: stt.to_string(),
        name: target.name(lang).to_owned(),
        unit: String::new(),
        plan: Cell::none(),
        prior: Cell::none(),
        value: Cell::none(),
        period: None,
        of_plan: Cell::none(),
        same_period: Cell::none(),
        status,
        verdict: status.label(lang).to_owned(),
        notes: Vec::new(),
    };
    let goal = match &target.goal {
        Goal::Maintain => {
            line.plan = Cell::text(lang.pick("Giữ vững", "Maintain"));
            if status == Status::NoData {
                line.verdict = Msg::NotAssessed.get(lang).to_owned();
            }
            line.notes.push(
                lang.pick("Chỉ tiêu định tính", "A qualitative target")
                    .to_owned(),
            );
            return line;
        }
        Goal::Numeric(goal) => goal,
    };
    line.unit = unit(goal, lang);
    line.plan = plan(goal, lang);
    let reduces = goal.kind == NumericKind::ReduceBy;
    // A reduction's 2022 figure is a level, not a reduction: it goes into the notes.
    if let (Some(v), false) = (tracking.baseline(&target.id), reduces) {
        line.prior = figure(v, goal.decimals.max(decimals_of(v)), lang);
    }
    if let Rule::NoYearToDate { latest } = progress.rule {
        line.notes.push(match lang {
            Lang::Vi => format!(
                "Chỉ có số riêng {}, chưa có số lũy kế từ đầu năm",
                mid_sentence(latest, lang)
            ),
            Lang::En => format!(
                "Only {}'s own figure, no year-to-date yet",
                mid_sentence(latest, lang)
            ),
        });
    }
    let Some(current) = progress.current else {
        return line;
    };
    line.period = period_marker(target, Some(current), lang).map(|m| Marker::of(&m));
    line.value = value(goal, progress, &current, lang);
    line.of_plan = of_plan(progress, lang);
    line.same_period = versus_same_period(target, goal, tracking, &current, lang);
    if reduces {
        line.notes
            .push(reduction_note(goal, progress, tracking, target, year, lang));
    }
    if let Some(how) = summed_from(&current, lang) {
        line.notes.push(capitalised(&how));
    }
    if progress.stage == Some(Stage::Indicative) {
        line.notes.push(stage(Stage::Indicative, lang).to_owned());
    }
    let note = tracking
        .entry(&target.id, current.period, current.basis)
        .map(|e| e.note.trim())
        .filter(|n| !n.is_empty());
    if let Some(note) = note {
        line.notes.push(note.to_owned());
    }
    line
}

/// "ĐVT": the unit as the resolution writes it; a reduction of a rate in % is in points.
fn unit(goal: &NumericGoal, lang: Lang) -> String {
    match (goal.kind, goal.unit) {
        (NumericKind::ReduceBy, Unit::Percent) => lang.pick("điểm %", "points").to_owned(),
        _ => goal.unit.label(lang).to_owned(),
    }
}

/// A figure in the row's unit, to `decimals`.
fn figure(value: f64, decimals: u8, lang: Lang) -> Cell {
    Cell {
        text: format_number(value, decimals, lang),
        number: Some(Number {
            value,
            shape: Shape::Figure { decimals },
        }),
    }
}

/// The plan as the resolution writes it, with its bound where the wording sets one: "xuống
/// dưới 16,7%" reads "< 16,7", "xuống 22,98%" reads "≤ 22,98".
fn plan(goal: &NumericGoal, lang: Lang) -> Cell {
    let written = crate::present::goal_number(goal, lang);
    let before = match goal.kind {
        NumericKind::Below => "< ",
        NumericKind::ReduceTo => "≤ ",
        NumericKind::AtLeast
        | NumericKind::About
        | NumericKind::ReduceBy
        | NumericKind::Growth
        | NumericKind::Share => "",
    };
    let shape = if before.is_empty() {
        Shape::Figure {
            decimals: goal.decimals,
        }
    } else {
        Shape::Bound {
            before,
            decimals: goal.decimals,
        }
    };
    Cell {
        // The sign is kept with its number on a narrow line.
        text: format!("{}{written}", before.replace(' ', "\u{a0}")),
        number: Some(Number {
            value: goal.value,
            shape,
        }),
    }
}

/// The figure that stands: as entered, or for a reduction the reduction made (none without
/// the 2022 level to measure it from).
fn value(goal: &NumericGoal, progress: &Progress, current: &Current, lang: Lang) -> Cell {
    match (goal.kind, progress.reduction) {
        (NumericKind::ReduceBy, Some(r)) => figure(rounded(r.points, r.decimals), r.decimals, lang),
        (NumericKind::ReduceBy, None) => Cell::none(),
        _ => figure(
            current.value,
            goal.decimals.max(decimals_of(current.value)),
            lang,
        ),
    }
}

/// The words after a gap in points of a rate.
fn points_after(lang: Lang) -> &'static str {
    lang.pick(" điểm %", " points")
}

/// A number rounded to `decimals`, as it reads: the spreadsheet holds what the page shows.
fn rounded(value: f64, decimals: u8) -> f64 {
    let scale = 10f64.powi(i32::from(decimals.min(15)));
    (value * scale).round() / scale
}

/// "% KH": a share of the plan ("75,0%"), or a rate's or a share's gap in points ("-11,77
/// điểm %").
fn of_plan(progress: &Progress, lang: Lang) -> Cell {
    let number = match progress.achievement {
        None => return Cell::none(),
        Some(Achievement::OfPlan(r)) => Number {
            value: r,
            shape: Shape::Ratio,
        },
        Some(Achievement::Points { gap, decimals }) => Number {
            value: rounded(gap, decimals),
            shape: Shape::Gap {
                decimals,
                after: points_after(lang),
            },
        },
    };
    Cell {
        text: achievement(progress, lang),
        number: Some(number),
    }
}

/// "% cùng kỳ": an amount over the same period's ("108,1%"); a rate's change in points ("+0,70
/// điểm %", "-0,3‰"); none for a growth rate or where that period's figure was not entered.
fn versus_same_period(
    target: &Target,
    goal: &NumericGoal,
    tracking: &Tracking,
    current: &Current,
    lang: Lang,
) -> Cell {
    let Some(compared) = same_period(target, tracking, current) else {
        return Cell::none();
    };
    match compared.change {
        Change::Ratio(r) => Cell {
            text: format_percent(1.0 + r, lang),
            number: Some(Number {
                value: 1.0 + r,
                shape: Shape::Ratio,
            }),
        },
        Change::Points { diff, decimals } => {
            let diff = rounded(diff, decimals);
            let sign = match (diff > 0.0, diff < 0.0) {
                (true, _) => "+",
                (_, true) => "-",
                _ => "",
            };
            let after = match goal.unit {
                Unit::PerMille => "‰",
                _ => points_after(lang),
            };
            Cell {
                text: format!("{sign}{}", points(diff, decimals, goal.unit, lang)),
                number: Some(Number {
                    value: diff,
                    shape: Shape::Gap { decimals, after },
                }),
            }
        }
    }
}

/// A reduction's levels in words: "Giảm 2,62 điểm %; tỷ lệ còn 23,88% (năm 2022: 26,5%)", or
/// with no 2022 level, the level and what is missing.
fn reduction_note(
    goal: &NumericGoal,
    progress: &Progress,
    tracking: &Tracking,
    target: &Target,
    year: u16,
    lang: Lang,
) -> String {
    let made = capitalised(&reduction(goal, progress, lang).unwrap_or_default());
    let before = prior_year(year);
    match tracking.baseline(&target.id) {
        Some(b) if progress.reduction.is_some() => {
            let level = format_actual(b, goal, lang);
            match lang {
                Lang::Vi => format!("{made} (năm {before}: {level})"),
                Lang::En => format!("{made} ({before}: {level})"),
            }
        }
        _ => match lang {
            Lang::Vi => format!("{made}; cần số năm {before} để tính mức giảm"),
            Lang::En => format!("{made}; the {before} level is needed for the reduction"),
        },
    }
}

/// A phrase made to open a line: its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => std::iter::once(words::upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}
