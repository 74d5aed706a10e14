//! Which periods a target's figures are entered for, grouped as the entry form offers them, and
//! how each period is labelled where a target's figures are listed.
//!
//! A level (a rate or a count at a date) has one figure per month's end: "Quý II", "Tháng 6" and
//! "6 tháng" all say the level at the end of June, so only one of them is offered. A flow
//! (revenue, grain) and a rate of change over a span (growth on the same period a year before)
//! have two kinds of figure that differ: from January to the period's end ("9 tháng"), and a
//! month's or quarter's own ("Quý III (riêng quý)"); both are offered, grouped so that nobody
//! takes one for the other.

use super::{Period, Span};
use crate::i18n::Lang;
use crate::plan::model::{Domain, Measure, NumericGoal, Target};

/// How a target's figures relate to their period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A level at the period's end.
    AtEnd,
    /// A quantity over the period's span: a flow, or a rate of change over that span.
    OverSpan,
}

impl Reading {
    pub fn of(goal: &NumericGoal) -> Reading {
        match (goal.measure, goal.domain) {
            (Measure::Flow, _) | (Measure::Level, Domain::Change) => Reading::OverSpan,
            (Measure::Level, Domain::Amount | Domain::Proportion) => Reading::AtEnd,
        }
    }

    /// How a target's figures are read: its goal's reading, or at the period's end for the
    /// qualitative target (which has no figures to read).
    pub fn of_target(target: &Target) -> Reading {
        target.numeric().map_or(Reading::AtEnd, Reading::of)
    }
}

/// A group of periods the entry form offers together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// From January to the period's end: January, "2 tháng", the first quarter, … "Cả năm".
    FromJanuary,
    /// One month's own figure, February to December.
    OwnMonth,
    /// One quarter's own figure, the second to the fourth.
    OwnQuarter,
    /// A level at the end of a month, one period per month.
    AtEnd,
}

impl Offer {
    /// The group's name in the period list (an `<optgroup>` label).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Offer::FromJanuary => lang.pick("Lũy kế từ đầu năm", "Year to date (from January)"),
            Offer::OwnMonth => lang.pick("Riêng tháng", "A single month"),
            Offer::OwnQuarter => lang.pick("Riêng quý", "A single quarter"),
            Offer::AtEnd => lang.pick("Số tại thời điểm cuối kỳ", "Level at the period's end"),
        }
    }

    /// The group a period belongs to, for a target read so.
    pub fn of(period: Period, reading: Reading) -> Offer {
        match (reading, period.span(), period) {
            (Reading::AtEnd, _, _) => Offer::AtEnd,
            (Reading::OverSpan, Span::Cumulative, _) => Offer::FromJanuary,
            (Reading::OverSpan, Span::Own, Period::Quarter(_)) => Offer::OwnQuarter,
            (Reading::OverSpan, Span::Own, _) => Offer::OwnMonth,
        }
    }
}

/// The one period a level's figure at the end of `month` is entered for: the name reports
/// give it ("Quý I", "6 tháng", "9 tháng", "Cả năm"), else the month.
fn at_end_of(month: u8) -> Period {
    match month {
        3 => Period::Quarter(1),
        6 => Period::FIRST_HALF,
        9 => Period::NINE_MONTHS,
        12 => Period::Year,
        m => Period::Month(m),
    }
}

impl Period {
    /// The periods the entry form offers for a target, in groups, each in the year's order.
    /// No two mean the same figure: January to March is the first quarter ("Quý I"), never
    /// also "3 tháng".
    pub fn offered(goal: &NumericGoal) -> Vec<(Offer, Vec<Period>)> {
        match Reading::of(goal) {
            Reading::AtEnd => vec![(Offer::AtEnd, (1..=12).map(at_end_of).collect())],
            Reading::OverSpan => vec![
                (
                    Offer::FromJanuary,
                    [Period::Month(1), Period::ToDate(2), Period::Quarter(1)]
                        .into_iter()
                        .chain((4..=11).map(Period::ToDate))
                        .chain([Period::Year])
                        .collect(),
                ),
                (Offer::OwnMonth, (2..=12).map(Period::Month).collect()),
                (Offer::OwnQuarter, (2..=4).map(Period::Quarter).collect()),
            ],
        }
    }

    /// The offered periods, with `shown` added to its group when it is not one of them (a
    /// figure stored under another name of the same period, being edited), so that the form
    /// can show it.
    pub fn choices(goal: &NumericGoal, shown: Period) -> Vec<(Offer, Vec<Period>)> {
        let mut groups = Period::offered(goal);
        if groups.iter().any(|(_, periods)| periods.contains(&shown)) {
            return groups;
        }
        let group = Offer::of(shown, Reading::of(goal));
        if let Some((_, periods)) = groups.iter_mut().find(|(offer, _)| *offer == group) {
            periods.push(shown);
            periods.sort();
        }
        groups
    }

    /// The offered period that means what `self` means for this target: itself when offered,
    /// else the one ending in the same month, of the same span if there is one ("3 tháng" is
    /// "Quý I"; for a level, "5 tháng" is "Tháng 5").
    pub fn offered_like(self, goal: &NumericGoal) -> Period {
        let offered: Vec<Period> = Period::offered(goal)
            .into_iter()
            .flat_map(|(_, periods)| periods)
            .collect();
        let same_end = |p: &&Period| p.end_month() == self.end_month();
        offered
            .iter()
            .find(|p| **p == self)
            .or_else(|| {
                offered
                    .iter()
                    .filter(same_end)
                    .find(|p| p.span() == self.span())
            })
            .or_else(|| offered.iter().find(same_end))
            .copied()
            .unwrap_or(Period::Year)
    }

    /// The period the entry form starts at: the one last chosen, else the latest one with any
    /// figure, else the first offered; always one offered for this target.
    pub fn starting(
        goal: &NumericGoal,
        remembered: Option<Period>,
        latest: Option<Period>,
    ) -> Period {
        match remembered.or(latest) {
            Some(p) => p.offered_like(goal),
            None => Period::offered(goal)
                .first()
                .and_then(|(_, periods)| periods.first().copied())
                .unwrap_or(Period::Year),
        }
    }

    /// "riêng tháng" or "riêng quý" for a month's or a quarter's own figure, which its name
    /// alone leaves open; nothing for a period from January.
    pub fn own_mark(self, lang: Lang) -> Option<&'static str> {
        match (self.span(), self) {
            (Span::Own, Period::Quarter(_)) => Some(lang.pick("riêng quý", "that quarter")),
            (Span::Own, _) => Some(lang.pick("riêng tháng", "that month")),
            (Span::Cumulative, _) => None,
        }
    }

    /// The period as a list of this target's figures names it: a flow's own figures say so
    /// ("Quý III (riêng quý)"); a level's period is the date it is measured at ("Quý II").
    pub fn label_for(self, reading: Reading, lang: Lang) -> String {
        match reading {
            Reading::AtEnd => self.label(lang),
            Reading::OverSpan => self.long_label(lang),
        }
    }

    /// The period as an option of the entry form: as [`Period::label_for`], and the first
    /// quarter of a flow says that it is the first three months too.
    pub fn option_label(self, reading: Reading, lang: Lang) -> String {
        match (reading, self) {
            (Reading::OverSpan, Period::Quarter(1)) => {
                format!(
                    "{} ({})",
                    self.label(lang),
                    lang.pick("3 tháng", "3 months")
                )
            }
            _ => self.label_for(reading, lang),
        }
    }

    /// The period of a given year, as a sentence or a list names it: "9 tháng năm 2022",
    /// "Quý III/2022 (riêng quý)", "Tháng 5/2022", "Cả năm 2022".
    pub fn dated(self, year: u16, reading: Reading, lang: Lang) -> String {
        let base = match (lang, self) {
            (Lang::Vi, Period::Month(_) | Period::Quarter(_)) => {
                format!("{}/{year}", self.label(lang))
            }
            (Lang::Vi, Period::ToDate(_)) => format!("{} năm {year}", self.label(lang)),
            (Lang::Vi, Period::Year) => format!("Cả năm {year}"),
            (Lang::En, _) => format!("{} {year}", self.label(lang)),
        };
        match (reading, self.own_mark(lang)) {
            (Reading::OverSpan, Some(mark)) => format!("{base} ({mark})"),
            _ => base,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;

    fn goal(id: &str) -> NumericGoal {
        let plan = Plan::embedded().expect("plan");
        plan.target(id)
            .and_then(|t| t.numeric().cloned())
            .expect("numeric target")
    }

    fn codes(periods: &[Period]) -> Vec<String> {
        periods.iter().map(|p| p.code()).collect()
    }

    #[test]
    fn flows_and_growth_rates_are_offered_from_january_and_their_own_periods_apart() {
        let check = |id: &str, reading: Reading| {
            let g = goal(id);
            assert_eq!(Reading::of(&g), reading, "{id}");
            Period::offered(&g)
        };
        for id in [
            "grain-output",
            "budget-revenue",
            "jobs-created",
            "grdp-growth",
            "tourist-growth",
        ] {
            let groups = check(id, Reading::OverSpan);
            let offers: Vec<Offer> = groups.iter().map(|(o, _)| *o).collect();
            assert_eq!(
                offers,
                [Offer::FromJanuary, Offer::OwnMonth, Offer::OwnQuarter],
                "{id}"
            );
            assert_eq!(
                codes(&groups[0].1),
                ["M01", "C02", "Q1", "C04", "C05", "H1", "C07", "C08", "9M", "C10", "C11", "Y"]
            );
            assert_eq!(
                codes(&groups[1].1),
                ["M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11", "M12"]
            );
            assert_eq!(codes(&groups[2].1), ["Q2", "Q3", "Q4"]);
            // Every group holds what its name says, and no period is offered twice.
            for (offer, periods) in &groups {
                assert!(
                    periods
                        .iter()
                        .all(|p| Offer::of(*p, Reading::OverSpan) == *offer),
                    "{offer:?}"
                );
            }
            let all: Vec<Period> = groups.into_iter().flat_map(|(_, p)| p).collect();
            let mut unique = all.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), 26, "{id}");
            assert!(!all.contains(&Period::ToDate(3)), "3 tháng is Quý I");
        }
    }

    #[test]
    fn a_level_is_offered_once_per_months_end() {
        for id in [
            "forest-cover",
            "tea-area",
            "poverty-reduction",
            "structure-industry",
            "doctors-per-10k",
        ] {
            let g = goal(id);
            assert_eq!(Reading::of(&g), Reading::AtEnd, "{id}");
            let groups = Period::offered(&g);
            assert_eq!(groups.len(), 1);
            assert_eq!(groups[0].0, Offer::AtEnd);
            let periods = &groups[0].1;
            assert_eq!(
                codes(periods),
                ["M01", "M02", "Q1", "M04", "M05", "H1", "M07", "M08", "9M", "M10", "M11", "Y"]
            );
            let ends: Vec<u8> = periods.iter().map(|p| p.end_month()).collect();
            assert_eq!(ends, (1..=12).collect::<Vec<u8>>(), "one per month's end");
        }
    }

    #[test]
    fn a_period_not_offered_becomes_the_one_that_means_the_same() {
        let check = |id: &str, from: Period, to: Period| {
            assert_eq!(from.offered_like(&goal(id)), to, "{id} {from:?}");
        };
        check("grain-output", Period::ToDate(3), Period::Quarter(1));
        check("grain-output", Period::Quarter(3), Period::Quarter(3));
        check("grain-output", Period::NINE_MONTHS, Period::NINE_MONTHS);
        check("forest-cover", Period::Quarter(3), Period::NINE_MONTHS);
        check("forest-cover", Period::ToDate(5), Period::Month(5));
        check("forest-cover", Period::Month(12), Period::Year);
        check("forest-cover", Period::Quarter(2), Period::FIRST_HALF);
        check("forest-cover", Period::Month(3), Period::Quarter(1));
        check("grdp-growth", Period::Month(6), Period::Month(6));
    }

    #[test]
    fn the_form_starts_at_the_period_last_chosen_else_the_latest_with_a_figure() {
        let check = |id: &str, remembered, latest, expected: Period| {
            assert_eq!(
                Period::starting(&goal(id), remembered, latest),
                expected,
                "{id}"
            );
        };
        check("grain-output", None, None, Period::Month(1));
        check("forest-cover", None, None, Period::Month(1));
        check(
            "grain-output",
            None,
            Some(Period::NINE_MONTHS),
            Period::NINE_MONTHS,
        );
        check(
            "grain-output",
            Some(Period::Quarter(3)),
            Some(Period::Year),
            Period::Quarter(3),
        );
        // A quarter's own figure chosen for revenue means the quarter's end for forest cover.
        check(
            "forest-cover",
            Some(Period::Quarter(3)),
            None,
            Period::NINE_MONTHS,
        );
        check(
            "forest-cover",
            None,
            Some(Period::ToDate(5)),
            Period::Month(5),
        );
    }

    #[test]
    fn a_figure_stored_under_another_name_can_still_be_shown_for_editing() {
        let g = goal("forest-cover");
        let groups = Period::choices(&g, Period::Quarter(2));
        assert_eq!(
            codes(&groups[0].1)[4..8],
            ["M05", "Q2", "H1", "M07"],
            "in the year's order"
        );
        assert_eq!(Period::choices(&g, Period::FIRST_HALF), Period::offered(&g));
        let flow = goal("budget-revenue");
        let groups = Period::choices(&flow, Period::ToDate(3));
        assert_eq!(codes(&groups[0].1)[1..4], ["C02", "Q1", "C03"]);
    }

    #[test]
    fn labels_say_which_figure_is_which() {
        let check = |p: Period, reading, lang, list: &str, option: &str| {
            assert_eq!(
                (
                    p.label_for(reading, lang).as_str(),
                    p.option_label(reading, lang).as_str()
                ),
                (list, option),
                "{p:?}"
            );
        };
        let (span, end) = (Reading::OverSpan, Reading::AtEnd);
        check(
            Period::Quarter(3),
            span,
            Lang::Vi,
            "Quý III (riêng quý)",
            "Quý III (riêng quý)",
        );
        check(
            Period::Quarter(1),
            span,
            Lang::Vi,
            "Quý I",
            "Quý I (3 tháng)",
        );
        check(Period::Quarter(1), span, Lang::En, "Q1", "Q1 (3 months)");
        check(Period::Quarter(1), end, Lang::Vi, "Quý I", "Quý I");
        check(Period::Quarter(2), end, Lang::Vi, "Quý II", "Quý II");
        check(
            Period::Month(5),
            span,
            Lang::Vi,
            "Tháng 5 (riêng tháng)",
            "Tháng 5 (riêng tháng)",
        );
        check(Period::Month(5), end, Lang::Vi, "Tháng 5", "Tháng 5");
        check(Period::ToDate(5), span, Lang::Vi, "5 tháng", "5 tháng");
        check(Period::Year, span, Lang::En, "Full year", "Full year");
        assert_eq!(Offer::FromJanuary.label(Lang::Vi), "Lũy kế từ đầu năm");
        assert_eq!(Offer::OwnQuarter.label(Lang::Vi), "Riêng quý");
    }

    #[test]
    fn a_period_of_a_given_year_is_named_as_reports_write_it() {
        let check = |p: Period, reading, lang, expected: &str| {
            assert_eq!(p.dated(2022, reading, lang), expected);
        };
        let (span, end) = (Reading::OverSpan, Reading::AtEnd);
        check(Period::NINE_MONTHS, span, Lang::Vi, "9 tháng năm 2022");
        check(Period::Year, span, Lang::Vi, "Cả năm 2022");
        check(
            Period::Quarter(3),
            span,
            Lang::Vi,
            "Quý III/2022 (riêng quý)",
        );
        check(Period::Quarter(3), end, Lang::Vi, "Quý III/2022");
        check(
            Period::Month(5),
            span,
            Lang::Vi,
            "Tháng 5/2022 (riêng tháng)",
        );
        check(Period::Month(1), span, Lang::Vi, "Tháng 1/2022");
        check(Period::NINE_MONTHS, span, Lang::En, "Nine months 2022");
        check(Period::Quarter(3), span, Lang::En, "Q3 2022 (that quarter)");
        check(Period::Year, end, Lang::En, "Full year 2022");
    }
}
