//! Levels and reductions: the year decides; before it, the way from 2022 or the time left.

use super::*;

const FINAL: Option<Stage> = Some(Stage::Final);
const INTERIM: Option<Stage> = Some(Stage::Interim);

#[test]
fn the_years_figure_meets_or_misses_a_level() {
    // Forest cover "đạt 52,3%": 51,87 % for the year is missed, whatever its basis.
    let p = check("forest-cover", &[(Y, E, 51.87)], &[], Status::Missed, FINAL);
    assert_eq!(p.rule, Rule::YearMissed);
    close(of_plan(&p), 51.87 / 52.3);
    // The level at the end of December is the year's, as "Tháng 12" or "Quý IV".
    for december in [Period::Month(12), Period::Quarter(4)] {
        let p = check(
            "forest-cover",
            &[(december, O, 51.87)],
            &[],
            Status::Missed,
            FINAL,
        );
        assert_eq!(p.rule, Rule::YearMissed);
    }
    check(
        "forest-cover",
        &[(Y, O, 51.87)],
        &[(Y, 51.2)],
        Status::Missed,
        FINAL,
    );
    let p = check(
        "forest-cover",
        &[(Y, O, 52.5)],
        &[],
        Status::Achieved,
        FINAL,
    );
    assert_eq!(p.rule, Rule::TargetMet);
    check(
        "forest-cover",
        &[(Y, O, 52.3)],
        &[(Y, 51.2)],
        Status::Achieved,
        FINAL,
    );
    // The year's figure decides even after an earlier figure met the target.
    check(
        "forest-cover",
        &[(H1, E, 52.4), (Y, E, 52.1)],
        &[],
        Status::Missed,
        FINAL,
    );
    // Underweight children "xuống dưới 16,7%": 17,2 % is missed, and so is 16,7 (not below).
    let p = check(
        "underweight-children",
        &[(Y, O, 17.2)],
        &[],
        Status::Missed,
        FINAL,
    );
    close(of_plan(&p), 16.7 / 17.2);
    check(
        "underweight-children",
        &[(Y, O, 16.7)],
        &[],
        Status::Missed,
        FINAL,
    );
    check(
        "underweight-children",
        &[(Y, E, 16.5)],
        &[],
        Status::Achieved,
        FINAL,
    );
    // Stunted children "xuống 22,98%": equal is reached, a hundredth above is missed.
    check(
        "stunted-children",
        &[(Y, O, 22.98)],
        &[],
        Status::Achieved,
        FINAL,
    );
    check(
        "stunted-children",
        &[(Y, O, 22.99)],
        &[],
        Status::Missed,
        FINAL,
    );
    // Per-capita GRDP "khoảng 52,9 triệu": 47,2 million is 89,2 % of plan, missed; 52,0 is
    // within "about" (2 % of 52,9 = 1,058 million).
    let p = check(
        "grdp-per-capita",
        &[(Y, E, 47.2)],
        &[],
        Status::Missed,
        FINAL,
    );
    close(of_plan(&p), 47.2 / 52.9);
    let p = check(
        "grdp-per-capita",
        &[(Y, E, 52.0)],
        &[],
        Status::Achieved,
        FINAL,
    );
    assert!(matches!(p.rule, Rule::WithinAbout { tolerance } if (tolerance - 1.058).abs() < 1e-9));
    check(
        "grdp-per-capita",
        &[(Y, E, 51.8)],
        &[],
        Status::Missed,
        FINAL,
    );
}

#[test]
fn before_the_year_ends_a_level_travels_from_its_2022_value() {
    // Forest cover from 51,2 % in 2022: 51,9 by June is 64 % of the way at half the year.
    let p = check(
        "forest-cover",
        &[(H1, E, 51.9)],
        &[(Y, 51.2)],
        Status::OnTrack,
        INTERIM,
    );
    let Rule::PathFromBaseline {
        baseline,
        travelled,
        expected,
        on_track_at,
        at_risk_at,
    } = p.rule
    else {
        panic!("{:?}", p.rule);
    };
    close(travelled, 0.7 / 1.1);
    assert_eq!((baseline, expected), (51.2, 0.5));
    close(on_track_at, 0.475);
    close(at_risk_at, 0.3);
    assert_eq!(p.from_baseline, Some(travelled));
    // 51,6 by nine months: 36 % of the way where 71,25 % is on track, 45 % at risk.
    check(
        "forest-cover",
        &[(M9, E, 51.6)],
        &[(Y, 51.2)],
        Status::OffTrack,
        INTERIM,
    );
    check(
        "forest-cover",
        &[(M9, E, 51.8)],
        &[(Y, 51.2)],
        Status::AtRisk,
        INTERIM,
    );
    // Below the 2022 value is moving away.
    let p = check(
        "forest-cover",
        &[(H1, E, 51.0)],
        &[(Y, 51.2)],
        Status::OffTrack,
        INTERIM,
    );
    assert_eq!(p.rule, Rule::MovingAway { baseline: 51.2 });
    // Underweight children from 18,0 %: 17,3 at mid-year is 54 % of the way down.
    check(
        "underweight-children",
        &[(H1, E, 17.3)],
        &[(Y, 18.0)],
        Status::OnTrack,
        INTERIM,
    );
    check(
        "underweight-children",
        &[(H1, E, 18.5)],
        &[(Y, 18.0)],
        Status::OffTrack,
        INTERIM,
    );
    // A level met before the year's end is met (the year's figure will decide for good).
    check(
        "health-insurance",
        &[(M9, E, 96.4)],
        &[],
        Status::Achieved,
        INTERIM,
    );
    check(
        "underweight-children",
        &[(M9, E, 16.2)],
        &[],
        Status::Achieved,
        INTERIM,
    );
}

#[test]
fn without_a_2022_value_a_level_weighs_the_time_left() {
    // Forest cover 51,9 % at mid-year: 0,76 % short, within 5 % × 50 % = 2,5 %.
    let p = check(
        "forest-cover",
        &[(H1, E, 51.9)],
        &[],
        Status::OnTrack,
        INTERIM,
    );
    let Rule::ShortfallAndTimeLeft {
        shortfall,
        left,
        on_track_within,
        at_risk_within,
    } = p.rule
    else {
        panic!("{:?}", p.rule);
    };
    close(shortfall, 1.0 - 51.9 / 52.3);
    close(left, 0.5);
    close(on_track_within, 0.025);
    close(at_risk_within, 0.2);
    // The same 51,0 % is on track in March, at risk after nine months and in November, and
    // missed in December, the year's level: the same shortfall weighs more as the year runs out.
    check(
        "forest-cover",
        &[(M(3), E, 51.0)],
        &[],
        Status::OnTrack,
        INTERIM,
    );
    check(
        "forest-cover",
        &[(M9, E, 51.0)],
        &[],
        Status::AtRisk,
        INTERIM,
    );
    check(
        "forest-cover",
        &[(M(11), E, 51.0)],
        &[],
        Status::AtRisk,
        INTERIM,
    );
    check(
        "forest-cover",
        &[(M(12), E, 51.0)],
        &[],
        Status::Missed,
        FINAL,
    );
    // A 2022 value already past the target gives no way to travel: the time-left rule.
    let p = check(
        "forest-cover",
        &[(H1, E, 52.0)],
        &[(Y, 55.0)],
        Status::OnTrack,
        INTERIM,
    );
    assert!(matches!(p.rule, Rule::ShortfallAndTimeLeft { .. }));
    assert_eq!(p.from_baseline, None);
    // Underweight children 17,9 % at mid-year: 16,7 / 17,9 is 6,7 % short, where 2,5 % is on track.
    check(
        "underweight-children",
        &[(H1, E, 17.9)],
        &[],
        Status::AtRisk,
        INTERIM,
    );
}

#[test]
fn reductions_need_the_2022_value_and_are_measured_in_points() {
    // The poverty rate "giảm 3,6%": 23,88 % from 26,5 % is 2,62 points, 72,8 % of the plan.
    let p = check(
        "poverty-reduction",
        &[(Y, E, 23.88)],
        &[(Y, 26.5)],
        Status::Missed,
        FINAL,
    );
    let reduction = p.reduction.expect("a reduction");
    close(reduction.points, 2.62);
    assert_eq!(reduction.decimals, 2);
    close(of_plan(&p), 2.62 / 3.6);
    assert_eq!(p.rule, Rule::YearMissed);
    let p = check(
        "poverty-reduction",
        &[(Y, O, 22.9)],
        &[(Y, 26.5)],
        Status::Achieved,
        FINAL,
    );
    close(p.reduction.map_or(0.0, |r| r.points), 3.6);
    // No 2022 value: the reduction cannot be measured.
    let p = check(
        "poverty-reduction",
        &[(Y, E, 23.88)],
        &[],
        Status::NeedsBaseline,
        None,
    );
    assert_eq!(
        (p.rule, p.current.map(|c| c.value)),
        (Rule::MissingBaseline, Some(23.88))
    );
    // Poor districts "giảm 5,1%", from 40,1 %; the birth rate "giảm 0,4‰", from 19,2 ‰.
    check(
        "poverty-reduction-poor-districts",
        &[(Y, E, 35.0)],
        &[(Y, 40.1)],
        Status::Achieved,
        FINAL,
    );
    check(
        "birth-rate-reduction",
        &[(Y, E, 18.9)],
        &[(Y, 19.2)],
        Status::Missed,
        FINAL,
    );
    // Before the year's end, the reduction made against the time elapsed.
    let p = check(
        "poverty-reduction",
        &[(H1, E, 25.2)],
        &[(Y, 26.5)],
        Status::AtRisk,
        INTERIM,
    );
    assert!(
        matches!(p.rule, Rule::PathFromBaseline { travelled, .. } if (travelled - 1.3 / 3.6).abs() < 1e-9)
    );
    let p = check(
        "poverty-reduction",
        &[(H1, E, 27.0)],
        &[(Y, 26.5)],
        Status::OffTrack,
        INTERIM,
    );
    assert_eq!(p.rule, Rule::MovingAway { baseline: 26.5 });
}
