//! "Why this status": one sentence per rule of the progress engine, in both languages, made
//! from the figures the rule carries (the bars it compared, computed from the engine's
//! constants), so that the sentence prints exactly what decided the status (rule 9 of
//! `docs/progress-method.md`).

use crate::i18n::Lang;
use crate::plan::number::{format_actual, format_goal_value, format_number, format_percent};
use crate::plan::progress::{ABOUT_TOLERANCE, AT_RISK, ON_TRACK};
use crate::plan::{
    Achievement, Current, Domain, ExpectedPath, Goal, NumericGoal, NumericKind, Period, Progress,
    Rule, Shift, Source, Stage, Target, Unit,
};

use super::verdict::{against_plan, gap_phrase, mid_sentence, reduction};
use super::{direction, plan_value};

/// A constant share as a report writes it: 0,95 → "95%".
fn share_of(value: f64, lang: Lang) -> String {
    format!("{}%", format_number(value * 100.0, 0, lang))
}

/// A number with up to three decimals and no trailing zeros (0,18; 1,058).
fn trimmed(value: f64, lang: Lang) -> String {
    let text = format_number(value, 3, lang);
    let (dec, _) = lang.separators();
    if text.contains(dec) {
        text.trim_end_matches('0').trim_end_matches(dec).to_owned()
    } else {
        text
    }
}

/// A tolerance in the target's unit: "0,18 điểm %" for a rate, "1,058 triệu đồng".
fn tolerance_text(goal: &NumericGoal, tolerance: f64, lang: Lang) -> String {
    let n = trimmed(tolerance, lang);
    match (goal.domain, goal.unit) {
        (Domain::Change, _) | (_, Unit::Percent) => {
            format!("{n} {}", lang.pick("điểm %", "points"))
        }
        _ => match goal.unit.sign() {
            Some(sign) => format!("{n}{sign}"),
            None => format!("{n} {}", goal.unit.label(lang)),
        },
    }
}

/// What the plan asks, with its direction: "≥ 52,3%", "< 16,7%", "giảm 3,6%".
fn plan_text(target: &Target, lang: Lang) -> String {
    format!("{} {}", direction(target, lang), plan_value(target, lang))
}

/// How a flow's summed year-to-date was made, in brackets after its figure: "(số 6 tháng cộng
/// các số riêng từ tháng 7 đến tháng 9)"; nothing for a figure as entered.
fn source_note(current: &Current, lang: Lang) -> String {
    summed_from(current, lang).map_or_else(String::new, |how| format!(" ({how})"))
}

/// How a flow's summed year-to-date was made: "số 6 tháng cộng các số riêng từ tháng 7 đến
/// tháng 9", "cộng các số riêng từ tháng 1 đến tháng 5"; `None` for a figure as entered.
pub fn summed_from(current: &Current, lang: Lang) -> Option<String> {
    let Source::Summed { base, .. } = current.source else {
        return None;
    };
    let from_january = matches!(base, None | Some(Period::Month(1) | Period::Quarter(1)));
    let first = if from_january {
        1
    } else {
        base.map_or(1, |b| b.end_month() + 1)
    };
    let month = |m: u8| mid_sentence(Period::Month(m), lang);
    let (first, last) = (month(first), month(current.period.end_month()));
    Some(match (lang, base.filter(|_| !from_january)) {
        (Lang::Vi, None) => format!("cộng các số riêng từ {first} đến {last}"),
        (Lang::En, None) => format!("the own figures of {first} to {last} added up"),
        (Lang::Vi, Some(base)) => format!(
            "số {} cộng các số riêng từ {first} đến {last}",
            mid_sentence(base, lang)
        ),
        (Lang::En, Some(base)) => format!(
            "{} plus the own figures of {first} to {last}",
            mid_sentence(base, lang)
        ),
    })
}

/// The sentence's opening: the period and the figure against the plan ("Cả năm: 51,87%, đạt
/// 99,2% kế hoạch"; "Cả năm: -2,77%, thấp hơn kế hoạch 11,77 điểm %"; "Cả năm: giảm 2,62 điểm
/// %; tỷ lệ còn 23,88%, đạt 72,8% mức giảm kế hoạch").
fn head(goal: &NumericGoal, progress: &Progress, current: &Current, lang: Lang) -> String {
    let period = current.period.label(lang);
    let value = format!(
        "{}{}",
        format_actual(current.value, goal, lang),
        source_note(current, lang)
    );
    let result = match (goal.kind, progress.achievement) {
        (NumericKind::ReduceBy, None) => reduction(goal, progress, lang).unwrap_or(value),
        (NumericKind::ReduceBy, Some(Achievement::OfPlan(r))) => {
            let made = reduction(goal, progress, lang).unwrap_or(value);
            match lang {
                Lang::Vi => format!("{made}, đạt {} mức giảm kế hoạch", format_percent(r, lang)),
                Lang::En => format!(
                    "{made}, {} of the planned reduction",
                    format_percent(r, lang)
                ),
            }
        }
        (NumericKind::Share, Some(Achievement::Points { gap, decimals })) => match lang {
            Lang::Vi => format!("tỷ trọng {value}, {}", gap_phrase(gap, decimals, lang)),
            Lang::En => format!("share {value}, {}", gap_phrase(gap, decimals, lang)),
        },
        (_, _) => match against_plan(progress, lang) {
            Some(against) => format!("{value}, {against}"),
            None => value,
        },
    };
    format!("{period}: {result}")
}

/// What the stage of a verdict adds: the year's figure is the result; a part of the year's
/// growth or structure only an indication.
fn stage_note(stage: Option<Stage>, kind: NumericKind, lang: Lang) -> &'static str {
    match (stage, kind) {
        (Some(Stage::Final), _) => lang.pick(
            " Số cả năm là kết quả cuối cùng.",
            " The full-year figure is the result.",
        ),
        (Some(Stage::Indicative), NumericKind::Share) => lang.pick(
            " Cơ cấu kinh tế của một phần năm chỉ là dấu hiệu cho cả năm, chưa phải kết quả.",
            " The structure over part of the year is only an indication for the year, not its result.",
        ),
        (Some(Stage::Indicative), _) => lang.pick(
            " Tốc độ tăng của một phần năm chỉ là dấu hiệu cho cả năm, chưa phải kết quả.",
            " Growth over part of the year is only an indication for the year, not its result.",
        ),
        (Some(Stage::Interim) | None, _) => "",
    }
}

/// One sentence (or two) on why the status is what it is, with its figures. `year` is the
/// plan's year; the year before it is the one the 2022 figures are of.
pub fn explain(target: &Target, progress: &Progress, year: u16, lang: Lang) -> String {
    let before = super::figures::prior_year(year);
    let (goal, current) = match (&target.goal, progress.current) {
        (Goal::Maintain, _) => {
            return match progress.rule {
                Rule::Assessed => {
                    lang.pick("Theo đánh giá của người dùng.", "As assessed by the user.")
                }
                _ => lang.pick("Chưa có đánh giá.", "Not assessed yet."),
            }
            .to_owned()
        }
        (Goal::Numeric(goal), Some(current)) => (goal, current),
        (Goal::Numeric(_), None) => return without_figure(progress.rule, lang),
    };
    let pct = |r: f64| format_percent(r, lang);
    let head = head(goal, progress, &current, lang);
    let note = stage_note(progress.stage, goal.kind, lang);
    let plan = plan_text(target, lang);
    let value = |v: f64| format_actual(v, goal, lang);
    match (progress.rule, lang) {
        (Rule::NoEntries | Rule::NoYearToDate { .. } | Rule::Assessed, _) => {
            without_figure(progress.rule, lang)
        }
        (Rule::MissingBaseline, Lang::Vi) => format!(
            "{head}. Chỉ tiêu là mức giảm so với năm {before}: hãy nhập số năm {before} để tính mức giảm."
        ),
        (Rule::MissingBaseline, Lang::En) => format!(
            "{head}. The target is a reduction from {before}: enter the {before} value to measure it."
        ),
        (Rule::TargetMet, Lang::Vi) if progress.stage == Some(Stage::Final) => {
            format!("{head} — đạt/vượt kế hoạch ({plan}).{note}")
        }
        (Rule::TargetMet, Lang::En) if progress.stage == Some(Stage::Final) => {
            format!("{head} — met or exceeded the plan ({plan}).{note}")
        }
        (Rule::TargetMet, Lang::Vi) => format!(
            "{head} — đã đạt kế hoạch năm ({plan}) trước khi hết năm; số cả năm sẽ là kết quả cuối cùng."
        ),
        (Rule::TargetMet, Lang::En) => format!(
            "{head} — the year's plan ({plan}) is met before the year's end; the full-year figure will be the result."
        ),
        (Rule::WithinAbout { tolerance }, Lang::Vi) => format!(
            "{head} — trong phạm vi «khoảng» {} (thiếu không quá {}, tức {} của kế hoạch): đạt kế hoạch.{note}",
            plan_value(target, lang),
            tolerance_text(goal, tolerance, lang),
            share_of(ABOUT_TOLERANCE, lang),
        ),
        (Rule::WithinAbout { tolerance }, Lang::En) => format!(
            "{head} — within “about” {} (short by at most {}, {} of the plan): met.{note}",
            plan_value(target, lang),
            tolerance_text(goal, tolerance, lang),
            share_of(ABOUT_TOLERANCE, lang),
        ),
        (Rule::YearMissed, Lang::Vi) => format!("{head} — không đạt kế hoạch ({plan}).{note}"),
        (Rule::YearMissed, Lang::En) => format!("{head} — short of the plan ({plan}).{note}"),
        (Rule::FlowPace { expected, path, on_track_at, at_risk_at, .. }, _) => {
            let path = path_text(path, expected, current.period, before, lang);
            match lang {
                Lang::Vi => format!(
                    "{head}; tiến độ cần đạt {} kế hoạch ({path}): đúng tiến độ khi từ {} ({} của {}), có nguy cơ khi từ {} ({} của {}).",
                    pct(expected), pct(on_track_at), share_of(ON_TRACK, lang), pct(expected), pct(at_risk_at), share_of(AT_RISK, lang), pct(expected),
                ),
                Lang::En => format!(
                    "{head}; expected by now {} of plan ({path}): on track from {} ({} of {}), at risk from {} ({} of {}).",
                    pct(expected), pct(on_track_at), share_of(ON_TRACK, lang), pct(expected), pct(at_risk_at), share_of(AT_RISK, lang), pct(expected),
                ),
            }
        }
        (Rule::PathFromBaseline { baseline, travelled, expected, on_track_at, at_risk_at }, _) => {
            let way = match (goal.kind, lang) {
                (NumericKind::ReduceBy, _) => String::new(),
                (_, Lang::Vi) => format!(
                    "; đã đi được {} chặng đường từ số năm {before} ({}) đến kế hoạch ({})",
                    pct(travelled), value(baseline), format_goal_value(goal.value, goal, lang),
                ),
                (_, Lang::En) => format!(
                    "; {} of the way from the {before} value ({}) to the plan ({})",
                    pct(travelled), value(baseline), format_goal_value(goal.value, goal, lang),
                ),
            };
            match lang {
                Lang::Vi => format!(
                    "{head}{way}, khi đã qua {} thời gian của năm: đúng tiến độ khi từ {} ({} của {}), có nguy cơ khi từ {} ({} của {}).",
                    pct(expected), pct(on_track_at), share_of(ON_TRACK, lang), pct(expected), pct(at_risk_at), share_of(AT_RISK, lang), pct(expected),
                ),
                Lang::En => format!(
                    "{head}{way}, with {} of the year gone: on track from {} ({} of {}), at risk from {} ({} of {}).",
                    pct(expected), pct(on_track_at), share_of(ON_TRACK, lang), pct(expected), pct(at_risk_at), share_of(AT_RISK, lang), pct(expected),
                ),
            }
        }
        (Rule::MovingAway { baseline }, Lang::Vi) => format!(
            "{head}; xa kế hoạch hơn số năm {before} ({}): đi ngược hướng kế hoạch.",
            value(baseline)
        ),
        (Rule::MovingAway { baseline }, Lang::En) => format!(
            "{head}; further from the plan than the {before} value ({}): moving away from it.",
            value(baseline)
        ),
        (Rule::ShortfallAndTimeLeft { shortfall, left, on_track_within, at_risk_within }, Lang::Vi) => format!(
            "{head}, còn cách kế hoạch {}; chưa có số năm {before} nên so với thời gian còn lại của năm ({}): đúng tiến độ khi cách không quá {} ({} × {}), có nguy cơ khi không quá {} ({} × {}).",
            pct(shortfall), pct(left), pct(on_track_within), share_of(1.0 - ON_TRACK, lang), pct(left), pct(at_risk_within), share_of(1.0 - AT_RISK, lang), pct(left),
        ),
        (Rule::ShortfallAndTimeLeft { shortfall, left, on_track_within, at_risk_within }, Lang::En) => format!(
            "{head}, {} away from the plan; with no {before} value, weighed against the year left ({}): on track within {} ({} × {}), at risk within {} ({} × {}).",
            pct(shortfall), pct(left), pct(on_track_within), share_of(1.0 - ON_TRACK, lang), pct(left), pct(at_risk_within), share_of(1.0 - AT_RISK, lang), pct(left),
        ),
        (Rule::RateIndication { on_track_within, at_risk_within, .. }, Lang::Vi) => format!(
            "{}.{note} Đúng tiến độ khi không kém kế hoạch quá {}, có nguy cơ khi không quá {}.",
            year_on_year(&head, current.period, lang),
            tolerance_text(goal, on_track_within, lang), tolerance_text(goal, at_risk_within, lang),
        ),
        (Rule::RateIndication { on_track_within, at_risk_within, .. }, Lang::En) => format!(
            "{}.{note} On track when at most {} worse than plan, at risk at most {}.",
            year_on_year(&head, current.period, lang),
            tolerance_text(goal, on_track_within, lang), tolerance_text(goal, at_risk_within, lang),
        ),
        (Rule::ShareBand { tolerance, at_risk_within, .. }, Lang::Vi) => match progress.stage {
            Some(Stage::Final) => format!(
                "{head} (cơ cấu kế hoạch {}); đạt khi lệch không quá {}.{note}",
                plan_value(target, lang), tolerance_text(goal, tolerance, lang),
            ),
            _ => format!(
                "{head} (cơ cấu kế hoạch {}).{note} Đúng tiến độ khi lệch không quá {}, có nguy cơ khi không quá {}.",
                plan_value(target, lang), tolerance_text(goal, tolerance, lang), tolerance_text(goal, at_risk_within, lang),
            ),
        },
        (Rule::ShareBand { tolerance, at_risk_within, .. }, Lang::En) => match progress.stage {
            Some(Stage::Final) => format!(
                "{head} (planned {}); met within {}.{note}",
                plan_value(target, lang), tolerance_text(goal, tolerance, lang),
            ),
            _ => format!(
                "{head} (planned {}).{note} On track within {}, at risk within {}.",
                plan_value(target, lang), tolerance_text(goal, tolerance, lang), tolerance_text(goal, at_risk_within, lang),
            ),
        },
        (Rule::ShareShiftExceeded { baseline, asked }, _) => format!(
            "{head}: {}.{note}",
            shift_text(asked, baseline, goal, before, Moved::Further, lang)
        ),
        (Rule::ShareWrongWay { baseline, asked }, _) => format!(
            "{head}: {}.{note}",
            shift_text(asked, baseline, goal, before, Moved::Back, lang)
        ),
    }
}

/// A rate's opening, saying that it compares with the same period a year before: "9 tháng (so
/// với cùng kỳ): …".
fn year_on_year(head: &str, period: Period, lang: Lang) -> String {
    let label = period.label(lang);
    let qualified = format!(
        "{label} ({}): ",
        lang.pick("so với cùng kỳ", "year on year")
    );
    head.replacen(&format!("{label}: "), &qualified, 1)
}

/// The sentence for a target with no figure to judge.
fn without_figure(rule: Rule, lang: Lang) -> String {
    match rule {
        Rule::NoYearToDate { latest } => match lang {
            Lang::Vi => format!(
                "Chỉ có số riêng của {}, không lũy kế từ đầu năm: chỉ tiêu năm được đo bằng số lũy kế. Hãy nhập số lũy kế (như «9 tháng») hoặc các số riêng từ tháng 1.",
                mid_sentence(latest, lang)
            ),
            Lang::En => format!(
                "Only {}'s own figure, not accumulated from January: the year's plan is measured by year-to-date figures. Enter one (such as “Nine months”) or the own figures from January.",
                mid_sentence(latest, lang)
            ),
        },
        _ => lang
            .pick("Chưa có số liệu thực hiện.", "No actual figures yet.")
            .to_owned(),
    }
}

/// Where a flow's expected share comes from: "tính đều 9/12 tháng", "như năm 2022: 9 tháng
/// đạt 55,3% cả năm".
fn path_text(path: ExpectedPath, expected: f64, period: Period, before: u16, lang: Lang) -> String {
    let months = period.end_month();
    match (path, lang) {
        (ExpectedPath::Linear, Lang::Vi) => format!("tính đều {months}/12 tháng"),
        (ExpectedPath::Linear, Lang::En) => format!("evenly, {months} of 12 months"),
        (ExpectedPath::PriorYear, Lang::Vi) => format!(
            "như năm {before}: {} đạt {} cả năm",
            mid_sentence(period, lang),
            format_percent(expected, lang)
        ),
        (ExpectedPath::PriorYear, Lang::En) => format!(
            "as in {before}: {} of its year by {}",
            format_percent(expected, lang),
            mid_sentence(period, lang)
        ),
    }
}

/// How a share moved against the shift the plan asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Moved {
    /// Past the planned share, the way the plan asks.
    Further,
    /// The other way from the 2022 share.
    Back,
}

fn shift_text(
    asked: Shift,
    baseline: f64,
    goal: &NumericGoal,
    before: u16,
    moved: Moved,
    lang: Lang,
) -> String {
    let from = format_actual(baseline, goal, lang);
    let to = format_goal_value(goal.value, goal, lang);
    let (vi_asked, vi_to, en_asked) = match asked {
        Shift::Up => ("tăng", "lên", "up"),
        Shift::Down => ("giảm", "xuống", "down"),
    };
    let vi_back = match asked {
        Shift::Up => "giảm",
        Shift::Down => "tăng",
    };
    let en_back = match asked {
        Shift::Up => "down",
        Shift::Down => "up",
    };
    match (moved, lang) {
        (Moved::Further, Lang::Vi) => format!(
            "kế hoạch {vi_asked} tỷ trọng từ {from} năm {before} {vi_to} {to}, tỷ trọng đã {vi_asked} vượt mức đó"
        ),
        (Moved::Further, Lang::En) => format!(
            "the plan moves the share {en_asked} from {from} in {before} to {to}, and it has moved further"
        ),
        (Moved::Back, Lang::Vi) => format!(
            "kế hoạch {vi_asked} tỷ trọng từ {from} năm {before} {vi_to} {to}, nhưng tỷ trọng lại {vi_back}: chuyển dịch ngược hướng"
        ),
        (Moved::Back, Lang::En) => format!(
            "the plan moves the share {en_asked} from {from} in {before} to {to}, but it went {en_back}: a shift the wrong way"
        ),
    }
}

#[cfg(test)]
mod tests;
