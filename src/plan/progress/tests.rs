//! Table tests of the progress rules: one helper, one row per case, every kind and edge.

use super::*;
use crate::plan::model::{Measure, TargetId, Unit};
use crate::plan::tracking::Entry;

fn goal(kind: NumericKind, value: f64, measure: Measure, domain: Domain) -> Target {
    Target {
        id: TargetId("t".to_owned()),
        group: 1,
        name_vi: String::new(),
        name_en: String::new(),
        goal: Goal::Numeric(NumericGoal {
            kind,
            value,
            as_written: String::new(),
            decimals: 1,
            unit: Unit::Percent,
            measure,
            domain,
        }),
        quote: String::new(),
    }
}

fn tracking(entries: &[(Period, Basis, f64)], baseline: Option<f64>) -> Tracking {
    let mut t = Tracking::default();
    let id = TargetId("t".to_owned());
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
    t.set_baseline(&id, baseline);
    t
}

#[track_caller]
fn check(
    target: &Target,
    entries: &[(Period, Basis, f64)],
    baseline: Option<f64>,
    expected: Status,
) -> Progress {
    let p = progress(target, &tracking(entries, baseline));
    assert_eq!(p.status, expected, "rule {:?}", p.rule);
    p
}

use Basis::{Estimate as E, Official as O};
use Domain::{Amount, Change, Proportion};
use Measure::{Flow, Level};
use NumericKind::*;
use Period::{Quarter as Q, Year as Y};
const H1: Period = Period::FIRST_HALF;
const M9: Period = Period::NINE_MONTHS;

#[test]
fn no_entries_is_no_data_for_every_kind() {
    for kind in [AtLeast, About, Below, ReduceTo, ReduceBy, Growth, Share] {
        let p = check(
            &goal(kind, 10.0, Level, Proportion),
            &[],
            Some(5.0),
            Status::NoData,
        );
        assert_eq!(p.current, None);
        assert_eq!(p.rule, Rule::NoEntries);
    }
}

#[test]
fn flows_are_judged_against_the_share_of_the_year_elapsed() {
    let revenue = goal(AtLeast, 2450.0, Flow, Amount);
    // Nine months at 75% of plan is exactly on pace.
    let p = check(&revenue, &[(M9, E, 1837.5)], None, Status::OnTrack);
    assert_eq!(p.achievement, Some(0.75));
    assert_eq!(p.expected, Some(0.75));
    assert_eq!(p.forecast, Some(2450.0));
    assert_eq!(
        p.rule,
        Rule::FlowPace {
            share_of_plan: 0.75,
            expected: 0.75
        }
    );
    // 0,6 ≤ pace < 0,95 is at risk; below 0,6 off track.
    check(&revenue, &[(M9, E, 1500.0)], None, Status::AtRisk);
    check(&revenue, &[(M9, E, 1000.0)], None, Status::OffTrack);
    // The same 1.000 tỷ after one quarter is well ahead of pace.
    check(&revenue, &[(Q(1), E, 1000.0)], None, Status::OnTrack);
    // Year-to-date reaching the plan before the year ends is achieved.
    check(&revenue, &[(M9, E, 2450.0)], None, Status::Achieved);
    // Actual equal to target at year end.
    let p = check(&revenue, &[(Y, O, 2450.0)], None, Status::Achieved);
    assert_eq!(p.achievement, Some(1.0));
}

#[test]
fn the_latest_period_counts_and_official_replaces_estimate() {
    let revenue = goal(AtLeast, 2450.0, Flow, Amount);
    // Entered out of order: the nine-month figure is the latest whatever the order of entry.
    let p = check(
        &revenue,
        &[(M9, E, 1900.0), (Q(1), O, 400.0), (H1, E, 1100.0)],
        None,
        Status::OnTrack,
    );
    assert_eq!(p.current.map(|c| c.period), Some(M9));
    // An official figure of the same period wins over the estimate, whichever came first.
    let p = check(
        &revenue,
        &[(M9, O, 1200.0), (M9, E, 1900.0)],
        None,
        Status::AtRisk,
    );
    assert_eq!(p.current.map(|c| (c.basis, c.value)), Some((O, 1200.0)));
    // Only estimates: the estimate is used.
    let p = check(&revenue, &[(H1, E, 1300.0)], None, Status::OnTrack);
    assert_eq!(p.current.map(|c| c.basis), Some(E));
}

#[test]
fn levels_with_and_without_a_baseline() {
    let forest = goal(AtLeast, 52.3, Level, Proportion);
    let p = check(&forest, &[(Y, O, 52.5)], None, Status::Achieved);
    assert!((p.achievement.unwrap_or_default() - 52.5 / 52.3).abs() < 1e-12);
    check(&forest, &[(Y, O, 52.3)], Some(51.0), Status::Achieved);
    // Without a baseline, the ratio to the target: 50/52,3 = 0,956.
    check(&forest, &[(H1, E, 50.0)], None, Status::OnTrack);
    // With a baseline of 51,0, half-way through the year 51,4 has travelled 31% of the way.
    let p = check(&forest, &[(H1, E, 51.4)], Some(51.0), Status::AtRisk);
    assert!(matches!(p.rule, Rule::PathFromBaseline { expected, .. } if expected == 0.5));
    // Falling below the baseline is moving away.
    check(&forest, &[(H1, E, 50.8)], Some(51.0), Status::OffTrack);
    // Zero baseline: the way travelled is the value over the target.
    let p = check(&forest, &[(Y, E, 26.15)], Some(0.0), Status::OffTrack);
    assert_eq!(p.from_baseline, Some(0.5));
    // A target below its baseline (the baseline already met it): the ratio rule, no path.
    let p = check(&forest, &[(Y, E, 52.0)], Some(55.0), Status::OnTrack);
    assert!(matches!(p.rule, Rule::RatioToTarget { .. }));
}

#[test]
fn below_and_reduce_to_prefer_lower_values() {
    let underweight = goal(Below, 16.7, Level, Proportion);
    check(&underweight, &[(H1, E, 16.2)], None, Status::Achieved);
    // 16,7 / 17,9 = 0,933: at risk by the ratio rule.
    // "Xuống dưới": equal is not below.
    check(&underweight, &[(Y, O, 16.7)], None, Status::OnTrack);
    let p = check(&underweight, &[(H1, E, 17.9)], None, Status::AtRisk);
    assert!((p.achievement.unwrap_or_default() - 16.7 / 17.9).abs() < 1e-12);
    // With a baseline of 18,0: 17,9 half-way is 7,7% of the way; off track.
    check(&underweight, &[(H1, E, 17.9)], Some(18.0), Status::OffTrack);
    check(&underweight, &[(H1, E, 17.3)], Some(18.0), Status::OnTrack);
    check(&underweight, &[(H1, E, 18.5)], Some(18.0), Status::OffTrack);
    let stunted = goal(ReduceTo, 22.98, Level, Proportion);
    // "Xuống 22,98": equal is reached.
    check(&stunted, &[(Y, O, 22.98)], None, Status::Achieved);
    check(&stunted, &[(Y, O, 22.99)], None, Status::OnTrack);
}

#[test]
fn reduce_by_needs_a_baseline_and_measures_the_reduction() {
    let poverty = goal(ReduceBy, 3.6, Level, Proportion);
    let p = check(&poverty, &[(Y, E, 20.0)], None, Status::NeedsBaseline);
    assert_eq!(p.rule, Rule::MissingBaseline);
    assert_eq!(p.current.map(|c| c.value), Some(20.0));
    let p = check(&poverty, &[(Y, E, 21.5)], Some(25.1), Status::Achieved);
    assert!((p.reduction.unwrap_or_default() - 3.6).abs() < 1e-9);
    // Half the reduction is on pace at mid-year and off track at year end.
    check(&poverty, &[(H1, E, 23.3)], Some(25.1), Status::OnTrack);
    let p = check(&poverty, &[(Y, O, 23.3)], Some(25.1), Status::OffTrack);
    assert!((p.achievement.unwrap_or_default() - 0.5).abs() < 1e-9);
    check(&poverty, &[(Y, O, 25.5)], Some(25.1), Status::OffTrack);
    let birth = goal(ReduceBy, 0.4, Level, Proportion);
    check(&birth, &[(Y, O, 17.6)], Some(18.0), Status::Achieved);
    check(&birth, &[(H1, E, 17.8)], Some(18.0), Status::OnTrack);
}

#[test]
fn growth_rates_are_judged_directly_and_may_be_negative() {
    let trade = goal(Growth, 3.0, Level, Change);
    check(&trade, &[(Y, O, 3.0)], None, Status::Achieved);
    check(&trade, &[(H1, E, 2.9)], None, Status::OnTrack);
    check(&trade, &[(H1, E, 2.0)], None, Status::AtRisk);
    let p = check(&trade, &[(H1, E, -1.5)], None, Status::OffTrack);
    assert_eq!(p.rule, Rule::MovingAway);
    assert_eq!(p.achievement, Some(-0.5));
    // A baseline does not change how a rate is judged.
    check(&trade, &[(H1, E, 2.9)], Some(10.0), Status::OnTrack);
}

#[test]
fn about_allows_a_small_tolerance() {
    let grdp = goal(About, 9.0, Level, Change);
    check(&grdp, &[(Y, E, 8.85)], None, Status::Achieved);
    check(&grdp, &[(Y, E, 8.7)], None, Status::OnTrack);
    check(&grdp, &[(Y, E, -0.5)], None, Status::OffTrack);
    let per_capita = goal(About, 52.9, Level, Amount);
    check(&per_capita, &[(Y, E, 52.0)], None, Status::Achieved);
}

#[test]
fn shares_are_judged_by_their_deviation_in_points() {
    let services = goal(Share, 38.08, Level, Proportion);
    let p = check(&services, &[(Y, O, 38.5)], None, Status::Achieved);
    assert!(matches!(p.rule, Rule::ShareBand { deviation } if (deviation - 0.42).abs() < 1e-9));
    check(&services, &[(Y, O, 37.2)], None, Status::OnTrack);
    check(&services, &[(Y, O, 39.9)], None, Status::AtRisk);
    check(&services, &[(Y, O, 35.0)], None, Status::OffTrack);
}

#[test]
fn qualitative_targets_take_the_users_assessment() {
    let mut target = goal(AtLeast, 0.0, Level, Proportion);
    target.goal = Goal::Maintain;
    let mut t = Tracking::default();
    assert_eq!(progress(&target, &t).status, Status::NoData);
    t.set_assessment(&target.id, Some(Assessment::OnTrack));
    let p = progress(&target, &t);
    assert_eq!((p.status, p.rule), (Status::OnTrack, Rule::Assessed));
}

#[test]
fn summary_counts_every_status() {
    let revenue = goal(AtLeast, 2450.0, Flow, Amount);
    let list = [
        progress(&revenue, &tracking(&[(Y, O, 2500.0)], None)),
        progress(&revenue, &tracking(&[], None)),
        progress(&revenue, &tracking(&[(Y, O, 100.0)], None)),
        progress(&revenue, &tracking(&[(Y, O, 2600.0)], None)),
    ];
    let s = Summary::of(&list);
    assert_eq!(s.count(Status::Achieved), 2);
    assert_eq!(s.count(Status::NoData), 1);
    assert_eq!(s.count(Status::OffTrack), 1);
    assert_eq!(s.count(Status::OnTrack), 0);
    assert_eq!(s.total(), 4);
}

#[test]
fn the_summary_shows_needs_baseline_with_no_data() {
    let revenue = goal(AtLeast, 2450.0, Flow, Amount);
    let mut waiting = progress(&revenue, &tracking(&[(Y, O, 2500.0)], None));
    waiting.status = Status::NeedsBaseline;
    let list = [waiting, progress(&revenue, &tracking(&[], None))];
    let s = Summary::of(&list);
    assert_eq!(s.shown(Status::NoData), 2);
    assert_eq!(s.shown(Status::NeedsBaseline), 0);
    assert_eq!(s.shown(Status::Achieved), 0);
    // Every target is shown under exactly one of the counted statuses.
    assert_eq!(
        COUNTED.iter().map(|st| s.shown(*st)).sum::<usize>(),
        s.total()
    );
}
