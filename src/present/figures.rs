//! What a list of figures says about their periods: the marker of a target's current figure
//! ("9 tháng · ước") and the figure of the year before the plan shown beside it.

use crate::i18n::{Lang, Msg};
use crate::plan::number::format_actual;
use crate::plan::period::Reading;
use crate::plan::progress::{Current, Source};
use crate::plan::{Measure, NumericGoal, NumericKind, Period, Span, Target, Tracking};

/// The year before the plan's, whose figures reports compare with ("TH 2022", "cùng kỳ").
pub fn prior_year(plan_year: u16) -> u16 {
    plan_year.saturating_sub(1)
}

/// The period and kind of a target's current figure: "9 tháng · ước", "Quý III (riêng quý) ·
/// chính thức"; nothing when there is none (the cell is then empty: a phone's card leaves it
/// out, a wide table shows a dash).
pub fn period_marker(target: &Target, current: Option<Current>, lang: Lang) -> Option<String> {
    let goal = target.numeric()?;
    let c = current?;
    let marker = format!(
        "{} · {}",
        c.period.label_for(Reading::of(goal), lang),
        c.basis.short(lang)
    );
    // A flow's year-to-date the app added up from periods' own figures says so.
    Some(match c.source {
        Source::Entered => marker,
        Source::Summed { .. } => format!("{marker} · {}", lang.pick("cộng dồn", "summed")),
    })
}

/// The label of the value of a figure of the year before: "Giá trị 9 tháng năm 2022: Tổng
/// sản lượng lương thực có hạt (nghìn tấn)", the period mid-sentence in lower case.
pub fn prior_value_label(target: &Target, period: Period, plan_year: u16, lang: Lang) -> String {
    let reading = Reading::of_target(target);
    let dated = period.dated(prior_year(plan_year), reading, lang);
    super::value_label(target, &dated, lang)
}

/// The figure of the year before the plan shown beside a current figure of `period`: the
/// same period's ("Cùng kỳ 2022: 118,5 nghìn tấn") where it was entered, else the whole
/// year's ("Năm 2022: 215 nghìn tấn"); nothing when neither was.
pub fn prior_beside(
    target: &Target,
    tracking: &Tracking,
    period: Option<Period>,
    plan_year: u16,
    lang: Lang,
) -> Option<String> {
    let goal = target.numeric()?;
    let year = prior_year(plan_year);
    let same = period
        .filter(|p| !p.is_year())
        .and_then(|p| tracking.prior(&target.id, p));
    let (label, value) = match same {
        Some(v) => (lang.pick("Cùng kỳ", "Same period"), v),
        None => (lang.pick("Năm", "Year"), tracking.baseline(&target.id)?),
    };
    Some(format!(
        "{label} {year}: {}",
        format_actual(value, goal, lang)
    ))
}

/// The overview's line under a current figure: the year before's figure beside it and, where
/// it is the same period's, the change on it ("Năm 2022: 220,4 nghìn tấn · tăng 2,1%").
pub fn prior_and_change(
    target: &Target,
    tracking: &Tracking,
    current: Option<Current>,
    plan_year: u16,
    lang: Lang,
) -> Option<String> {
    let beside = prior_beside(target, tracking, current.map(|c| c.period), plan_year, lang)?;
    let change = current
        .and_then(|c| crate::plan::same_period(target, tracking, &c))
        .zip(target.numeric())
        .map(|(compared, goal)| super::verdict::same_period_change(goal, &compared, lang));
    Some(match change {
        Some(change) => format!("{beside} · {change}"),
        None => beside,
    })
}

/// What the entry form's value asks for, given the period chosen: a flow's figure from January
/// or of the period alone, a growth rate over either span, or a level at the period's end.
pub fn entry_hint(goal: &NumericGoal, period: Period, lang: Lang) -> &'static str {
    match (goal.kind, Reading::of(goal), goal.measure, period.span()) {
        (NumericKind::ReduceBy, ..) => Msg::ReduceByHint.get(lang),
        (_, Reading::AtEnd, ..) => Msg::LevelHint.get(lang),
        (_, Reading::OverSpan, Measure::Flow, Span::Cumulative) => Msg::FlowHint.get(lang),
        (_, Reading::OverSpan, Measure::Flow, Span::Own) => lang.pick(
            "Số của riêng kỳ này, không cộng dồn từ đầu năm",
            "This period's own figure, not accumulated from January",
        ),
        (_, Reading::OverSpan, Measure::Level, Span::Cumulative) => lang.pick(
            "Tốc độ tăng (%) so với cùng kỳ năm trước, tính từ đầu năm đến hết kỳ",
            "Growth (%) on the same period a year before, from January to the period's end",
        ),
        (_, Reading::OverSpan, Measure::Level, Span::Own) => lang.pick(
            "Tốc độ tăng (%) của riêng kỳ này so với cùng kỳ năm trước",
            "Growth (%) of this period alone on the same period a year before",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Basis, Plan};

    #[test]
    fn the_current_figure_says_its_period_and_kind() {
        let plan = Plan::embedded().expect("plan");
        let check = |id: &str, period, basis, lang, expected: &str| {
            let target = plan.target(id).expect("target");
            let current = Current {
                value: 1.0,
                period,
                basis,
                source: Source::Entered,
            };
            assert_eq!(
                period_marker(target, Some(current), lang).as_deref(),
                Some(expected)
            );
        };
        check(
            "grain-output",
            Period::NINE_MONTHS,
            Basis::Estimate,
            Lang::Vi,
            "9 tháng · ước",
        );
        check(
            "grain-output",
            Period::Year,
            Basis::Official,
            Lang::Vi,
            "Cả năm · chính thức",
        );
        check(
            "budget-revenue",
            Period::Quarter(3),
            Basis::Estimate,
            Lang::Vi,
            "Quý III (riêng quý) · ước",
        );
        check(
            "forest-cover",
            Period::Quarter(2),
            Basis::Official,
            Lang::En,
            "Q2 · official",
        );
        let forest = plan.target("forest-cover").expect("target");
        assert_eq!(period_marker(forest, None, Lang::Vi), None);
        let qualitative = plan.target("preschool-universal").expect("target");
        let any = Current {
            value: 1.0,
            period: Period::Year,
            basis: Basis::Official,
            source: Source::Entered,
        };
        assert_eq!(period_marker(qualitative, Some(any), Lang::Vi), None);
        let revenue = plan.target("budget-revenue").expect("target");
        let summed = Current {
            value: 1650.0,
            period: Period::NINE_MONTHS,
            basis: Basis::Estimate,
            source: Source::Summed {
                base: Some(Period::FIRST_HALF),
                parts: 1,
            },
        };
        assert_eq!(
            period_marker(revenue, Some(summed), Lang::Vi).as_deref(),
            Some("9 tháng · ước · cộng dồn")
        );
    }

    #[test]
    fn the_value_of_a_figure_of_the_year_before_is_labelled_with_its_period() {
        let plan = Plan::embedded().expect("plan");
        let grain = plan.target("grain-output").expect("target");
        assert_eq!(
            prior_value_label(grain, Period::Year, 2023, Lang::Vi),
            "Giá trị cả năm 2022: Tổng sản lượng lương thực có hạt (nghìn tấn)"
        );
        assert_eq!(
            prior_value_label(grain, Period::Quarter(3), 2023, Lang::En),
            "Q3 2022 (that quarter) value: Total cereal output (thousand tonnes)"
        );
    }

    #[test]
    fn the_prior_year_beside_a_figure_is_its_same_period_else_the_whole_year() {
        let plan = Plan::embedded().expect("plan");
        let grain = plan.target("grain-output").expect("target");
        let mut t = Tracking::default();
        let check = |t: &Tracking, period, lang, expected: Option<&str>| {
            assert_eq!(
                prior_beside(grain, t, period, 2023, lang).as_deref(),
                expected
            );
        };
        check(&t, Some(Period::NINE_MONTHS), Lang::Vi, None);
        t.set_prior(&grain.id, Period::Year, Some(215.3));
        check(
            &t,
            Some(Period::NINE_MONTHS),
            Lang::Vi,
            Some("Năm 2022: 215,3 nghìn tấn"),
        );
        check(&t, None, Lang::Vi, Some("Năm 2022: 215,3 nghìn tấn"));
        t.set_prior(&grain.id, Period::NINE_MONTHS, Some(118.5));
        check(
            &t,
            Some(Period::NINE_MONTHS),
            Lang::Vi,
            Some("Cùng kỳ 2022: 118,5 nghìn tấn"),
        );
        check(
            &t,
            Some(Period::NINE_MONTHS),
            Lang::En,
            Some("Same period 2022: 118.5 thousand tonnes"),
        );
        check(
            &t,
            Some(Period::Year),
            Lang::Vi,
            Some("Năm 2022: 215,3 nghìn tấn"),
        );
    }

    #[test]
    fn the_overview_says_the_change_on_the_same_period_beside_it() {
        let plan = Plan::embedded().expect("plan");
        let grain = plan.target("grain-output").expect("target");
        let forest = plan.target("forest-cover").expect("target");
        let mut t = Tracking::default();
        let current = |period, value| {
            Some(Current {
                value,
                period,
                basis: Basis::Estimate,
                source: Source::Entered,
            })
        };
        t.set_prior(&grain.id, Period::NINE_MONTHS, Some(118.5));
        t.set_prior(&grain.id, Period::Year, Some(220.4));
        t.set_prior(&forest.id, Period::Year, Some(51.6));
        let check = |target, c, lang, expected: &str| {
            assert_eq!(
                prior_and_change(target, &t, c, 2023, lang).as_deref(),
                Some(expected)
            );
        };
        check(
            grain,
            current(Period::NINE_MONTHS, 124.12),
            Lang::Vi,
            "Cùng kỳ 2022: 118,5 nghìn tấn · tăng 4,7%",
        );
        check(
            grain,
            current(Period::Year, 225.0),
            Lang::En,
            "Year 2022: 220.4 thousand tonnes · up 2.1%",
        );
        check(
            forest,
            current(Period::Year, 51.87),
            Lang::Vi,
            "Năm 2022: 51,6% · tăng 0,27 điểm\u{a0}%",
        );
        check(
            forest,
            current(Period::Year, 51.6),
            Lang::Vi,
            "Năm 2022: 51,6% · không đổi",
        );
        // No same period entered: the whole year is shown, with no change beside it.
        check(
            forest,
            current(Period::NINE_MONTHS, 51.7),
            Lang::Vi,
            "Năm 2022: 51,6%",
        );
    }

    #[test]
    fn the_value_hint_follows_the_period_chosen() {
        let plan = Plan::embedded().expect("plan");
        let check = |id: &str, period, expected: &str| {
            let goal = plan.target(id).and_then(|t| t.numeric()).expect("numeric");
            assert_eq!(
                entry_hint(goal, period, Lang::Vi),
                expected,
                "{id} {period:?}"
            );
        };
        check(
            "grain-output",
            Period::NINE_MONTHS,
            "Lũy kế từ đầu năm đến hết kỳ",
        );
        check(
            "budget-revenue",
            Period::Quarter(3),
            "Số của riêng kỳ này, không cộng dồn từ đầu năm",
        );
        check(
            "budget-revenue",
            Period::Quarter(1),
            "Lũy kế từ đầu năm đến hết kỳ",
        );
        check(
            "grdp-growth",
            Period::FIRST_HALF,
            "Tốc độ tăng (%) so với cùng kỳ năm trước, tính từ đầu năm đến hết kỳ",
        );
        check(
            "grdp-growth",
            Period::Quarter(3),
            "Tốc độ tăng (%) của riêng kỳ này so với cùng kỳ năm trước",
        );
        check(
            "forest-cover",
            Period::Month(5),
            "Giá trị tại thời điểm cuối kỳ",
        );
        check(
            "poverty-reduction",
            Period::Year,
            Msg::ReduceByHint.get(Lang::Vi),
        );
    }
}
