//! Flows: year-to-date against the path 2022 took, or a linear one; the year decides.

use super::*;

const FINAL: Option<Stage> = Some(Stage::Final);
const INTERIM: Option<Stage> = Some(Stage::Interim);

/// Grain in 2022 (thousand tonnes): 121,5 by nine months of 219,6 for the year, a share of
/// 55,3 %: most of the harvest comes in the last quarter.
const GRAIN_2022: [(Period, f64); 2] = [(M9, 121.5), (Y, 219.6)];

#[test]
fn seasonal_grain_follows_the_path_2022_took() {
    // 124,12 thousand tonnes at nine months is 55,2 % of 225: behind a linear 75 %…
    let p = check(
        "grain-output",
        &[(M9, E, 124.12)],
        &[],
        Status::AtRisk,
        INTERIM,
    );
    assert_eq!(p.expected, Some((0.75, ExpectedPath::Linear)));
    close(p.forecast.unwrap_or_default(), 124.12 / 0.75);
    // …but on track against the 55,3 % 2022 had reached by then.
    let p = check(
        "grain-output",
        &[(M9, E, 124.12)],
        &GRAIN_2022,
        Status::OnTrack,
        INTERIM,
    );
    let Rule::FlowPace {
        share_of_plan,
        expected,
        path,
        on_track_at,
        at_risk_at,
    } = p.rule
    else {
        panic!("{:?}", p.rule);
    };
    close(share_of_plan, 124.12 / 225.0);
    close(expected, 121.5 / 219.6);
    assert_eq!(path, ExpectedPath::PriorYear);
    close(on_track_at, expected * 0.95);
    close(at_risk_at, expected * 0.6);
    close(p.forecast.unwrap_or_default(), 124.12 * 219.6 / 121.5);
    // The year's 225 meets the plan; 224 misses it, with no pace any more.
    let p = check(
        "grain-output",
        &[(M9, E, 124.12), (Y, E, 225.0)],
        &GRAIN_2022,
        Status::Achieved,
        FINAL,
    );
    assert_eq!((p.expected, p.forecast), (None, None));
    check(
        "grain-output",
        &[(M9, E, 124.12), (Y, O, 224.0)],
        &GRAIN_2022,
        Status::Missed,
        FINAL,
    );
    // Only one of the two 2022 figures: the linear path, as nothing better is known.
    let p = check(
        "grain-output",
        &[(M9, E, 124.12)],
        &[(M9, 121.5)],
        Status::AtRisk,
        INTERIM,
    );
    assert_eq!(p.expected, Some((0.75, ExpectedPath::Linear)));
    // 2022's "Quý I" is the same period as "3 tháng".
    let p = check(
        "tea-new-planting",
        &[(C(3), E, 20.0)],
        &[(Q(1), 19.0), (Y, 380.0)],
        Status::OnTrack,
        INTERIM,
    );
    assert_eq!(p.expected, Some((0.05, ExpectedPath::PriorYear)));
}

#[test]
fn budget_revenue_is_judged_by_its_pace() {
    // Nine months at 75 % of 2.450 tỷ is on pace; 0,6 × 75 % = 45 % is the edge of at risk.
    let p = check(
        "budget-revenue",
        &[(M9, E, 1837.5)],
        &[],
        Status::OnTrack,
        INTERIM,
    );
    assert_eq!(p.forecast, Some(2450.0));
    check(
        "budget-revenue",
        &[(M9, E, 1500.0)],
        &[],
        Status::AtRisk,
        INTERIM,
    );
    check(
        "budget-revenue",
        &[(M9, E, 1000.0)],
        &[],
        Status::OffTrack,
        INTERIM,
    );
    // The year's plan reached before the year's end is met.
    check(
        "budget-revenue",
        &[(C(11), E, 2460.0)],
        &[],
        Status::Achieved,
        INTERIM,
    );
    check(
        "budget-revenue",
        &[(Y, O, 2450.0)],
        &[],
        Status::Achieved,
        FINAL,
    );
    check(
        "budget-revenue",
        &[(Y, O, 2300.0)],
        &[],
        Status::Missed,
        FINAL,
    );
    // The official figure of a period replaces its estimate, whichever was entered first.
    let p = check(
        "budget-revenue",
        &[(M9, O, 1200.0), (M9, E, 1900.0)],
        &[],
        Status::AtRisk,
        INTERIM,
    );
    assert_eq!(p.current.map(|c| (c.basis, c.value)), Some((O, 1200.0)));
}

#[test]
fn only_figures_from_january_measure_a_flow() {
    // A quarter's own figure is not year-to-date: the latest cumulative figure stands.
    let p = check(
        "budget-revenue",
        &[(H1, O, 1100.0), (Q(3), E, 700.0), (M(10), E, 250.0)],
        &[],
        Status::OnTrack,
        INTERIM,
    );
    let current = p.current.expect("a current figure");
    assert_eq!((current.period, current.value), (C(10), 2050.0));
    assert_eq!(
        current.source,
        Source::Summed {
            base: Some(H1),
            parts: 2
        }
    );
    // Own figures alone, from January, add up to year-to-date.
    let p = check(
        "jobs-created",
        &[(Q(1), E, 2000.0), (Q(2), E, 2300.0)],
        &[],
        Status::OnTrack,
        INTERIM,
    );
    assert_eq!(p.current.map(|c| (c.period, c.value)), Some((C(6), 4300.0)));
    // A quarter's own figure with nothing from January: no verdict, and it says why.
    let p = check(
        "workers-trained",
        &[(Q(3), E, 2500.0)],
        &[],
        Status::NoData,
        None,
    );
    assert_eq!(
        (p.rule, p.current),
        (Rule::NoYearToDate { latest: Q(3) }, None)
    );
}
