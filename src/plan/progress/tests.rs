//! Table tests of the progress rules, on the plan's own targets with figures like Lai Châu's of
//! 2023: one helper, one row per case. One file per family of rules in `tests/`.

mod flows;
mod levels;
mod rates;
mod shares;

use super::*;
use crate::plan::model::TargetId;
use crate::plan::tracking::Entry;

pub(super) use Basis::{Estimate as E, Official as O};
pub(super) use Period::{Month as M, Quarter as Q, ToDate as C, Year as Y};
pub(super) const H1: Period = Period::FIRST_HALF;
pub(super) const M9: Period = Period::NINE_MONTHS;

pub(super) fn plan() -> Plan {
    Plan::embedded().expect("the embedded plan")
}

/// The user's figures: entries of one target, and its figures of 2022 by period.
pub(super) fn tracking(
    id: &str,
    entries: &[(Period, Basis, f64)],
    priors: &[(Period, f64)],
) -> Tracking {
    let mut t = Tracking::default();
    let id = TargetId(id.to_owned());
    for &(period, basis, value) in entries {
        t.upsert_entry(
            &id,
            Entry {
                period,
                basis,
                value,
                note: String::new(),
            },
        );
    }
    for &(period, value) in priors {
        t.set_prior(&id, period, Some(value));
    }
    t
}

/// The progress of the plan's target `id` with these figures, checked for its status and
/// stage; returned for the row's further checks.
#[track_caller]
pub(super) fn check(
    id: &str,
    entries: &[(Period, Basis, f64)],
    priors: &[(Period, f64)],
    status: Status,
    stage: Option<Stage>,
) -> Progress {
    let plan = plan();
    let target = plan.target(id).expect("a target of the plan");
    let p = progress(target, &tracking(id, entries, priors));
    assert_eq!(
        (p.status, p.stage),
        (status, stage),
        "{id}: rule {:?}",
        p.rule
    );
    p
}

/// `a` and `b` equal but for binary rounding.
#[track_caller]
pub(super) fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

/// The ratio of progress.achievement, or a panic naming what it was.
#[track_caller]
pub(super) fn of_plan(p: &Progress) -> f64 {
    match p.achievement {
        Some(Achievement::OfPlan(r)) => r,
        other => panic!("not a share of the plan: {other:?}"),
    }
}

#[test]
fn no_entries_is_no_data_for_every_kind() {
    let plan = plan();
    for target in &plan.targets {
        let p = progress(target, &Tracking::default());
        assert_eq!(
            (p.status, p.rule, p.stage, p.current),
            (Status::NoData, Rule::NoEntries, None, None),
            "{}",
            target.id
        );
    }
}

#[test]
fn qualitative_targets_take_the_users_assessment() {
    let plan = plan();
    let target = plan.target("preschool-universal").expect("target");
    let check = |assessment: Option<Assessment>, status: Status, rule: Rule| {
        let mut t = Tracking::default();
        t.set_assessment(&target.id, assessment);
        let p = progress(target, &t);
        assert_eq!(
            (p.status, p.rule, p.stage),
            (status, rule, None),
            "{assessment:?}"
        );
    };
    check(None, Status::NoData, Rule::NoEntries);
    check(Some(Assessment::Achieved), Status::Achieved, Rule::Assessed);
    check(Some(Assessment::OnTrack), Status::OnTrack, Rule::Assessed);
    check(Some(Assessment::AtRisk), Status::AtRisk, Rule::Assessed);
    check(Some(Assessment::OffTrack), Status::OffTrack, Rule::Assessed);
    // A commitment not kept at the year's end is missed, as a numeric target would be.
    check(Some(Assessment::Missed), Status::Missed, Rule::Assessed);
}

#[test]
fn the_summary_counts_every_status_and_shows_needs_baseline_with_no_data() {
    let plan = plan();
    let mut t = tracking("forest-cover", &[(Y, O, 51.87)], &[]);
    t.merge(&tracking("budget-revenue", &[(Y, E, 2510.0)], &[]));
    t.merge(&tracking("grain-output", &[(M9, E, 124.12)], &[]));
    t.merge(&tracking("poverty-reduction", &[(Y, E, 23.88)], &[]));
    let all = progress_all(&plan, &t);
    let s = Summary::of(&all);
    assert_eq!(s.count(Status::Missed), 1);
    assert_eq!(s.count(Status::Achieved), 1);
    assert_eq!(s.count(Status::AtRisk), 1);
    assert_eq!(s.count(Status::NeedsBaseline), 1);
    assert_eq!(s.shown(Status::NoData), 46);
    assert_eq!(s.shown(Status::NeedsBaseline), 0);
    assert_eq!(s.total(), 49);
    // Every target is shown under exactly one of the counted statuses.
    assert_eq!(COUNTED.iter().map(|st| s.shown(*st)).sum::<usize>(), 49);
}

#[test]
fn the_headline_counts_numeric_targets_met_and_names_the_period() {
    let plan = plan();
    let mut t = Tracking::default();
    assert_eq!(
        headline(&plan, &progress_all(&plan, &t), &t).up_to,
        None,
        "no figures, no period"
    );
    for (id, entries, priors) in [
        ("tourist-growth", vec![(Y, E, 37.0)], vec![]),
        ("budget-revenue", vec![(Y, E, 2510.0)], vec![]),
        ("forest-cover", vec![(Y, E, 51.87)], vec![]),
        ("grain-output", vec![(M9, E, 124.12)], vec![]),
        ("health-insurance", vec![(M9, E, 96.4)], vec![]),
        ("poverty-reduction", vec![(Y, E, 22.8)], vec![(Y, 26.5)]),
    ] {
        t.merge(&tracking(id, &entries, &priors));
    }
    // The qualitative target's assessment is not one of the 48.
    t.set_assessment(
        &TargetId("preschool-universal".to_owned()),
        Some(Assessment::Achieved),
    );
    let h = headline(&plan, &progress_all(&plan, &t), &t);
    assert_eq!((h.met, h.numeric, h.year), (4, 48, 2023));
    assert_eq!(h.up_to, Some(Y));
    assert_eq!(h.summary.count(Status::Missed), 1);
    assert_eq!(h.summary.count(Status::AtRisk), 1);
    assert_eq!(h.summary.total(), 48);
}

#[test]
fn every_status_has_a_code_word_and_icon_of_its_own() {
    use crate::i18n::Lang;
    let mut seen = std::collections::HashSet::new();
    for s in Status::ALL {
        assert_eq!(Status::from_code(s.code()), Some(s));
        assert!(seen.insert(s.icon()), "{s:?} shares its icon");
        assert!(seen.insert(s.label(Lang::Vi)), "{s:?} shares its word");
    }
    assert_eq!(Status::Missed.label(Lang::Vi), "Không đạt");
    assert_eq!(Status::Achieved.label(Lang::Vi), "Đạt/vượt");
}

#[test]
fn the_status_that_asks_for_the_year_before_names_it() {
    let prior = (plan().year - 1).to_string();
    for lang in [crate::i18n::Lang::Vi, crate::i18n::Lang::En] {
        assert!(Status::NeedsBaseline.label(lang).contains(&prior));
    }
}
