//! Growth rates: the gap in points decides at the year's end; before it, an indication.

use super::*;

const FINAL: Option<Stage> = Some(Stage::Final);
const INDICATIVE: Option<Stage> = Some(Stage::Indicative);

/// The gap in points of a rate's achievement, with its decimals.
#[track_caller]
fn points(p: &Progress) -> (f64, u8) {
    match p.achievement {
        Some(Achievement::Points { gap, decimals }) => (gap, decimals),
        other => panic!("not a gap in points: {other:?}"),
    }
}

#[test]
fn a_years_growth_is_judged_by_its_gap_in_points() {
    // GRDP "tăng khoảng 9,0%": −2,77 % for the year is 11,77 points short, missed.
    let p = check("grdp-growth", &[(Y, E, -2.77)], &[], Status::Missed, FINAL);
    let (gap, decimals) = points(&p);
    close(gap, -11.77);
    assert_eq!((decimals, p.rule), (2, Rule::YearMissed));
    // "Khoảng": 8,85 is within 2 % of 9,0 (0,18 points); 8,8 is not.
    let p = check("grdp-growth", &[(Y, O, 8.85)], &[], Status::Achieved, FINAL);
    assert!(matches!(p.rule, Rule::WithinAbout { tolerance } if (tolerance - 0.18).abs() < 1e-9));
    check("grdp-growth", &[(Y, O, 8.8)], &[], Status::Missed, FINAL);
    check("grdp-growth", &[(Y, O, 9.4)], &[], Status::Achieved, FINAL);
    // Tourists "tăng 7,6%": +37 % is 29,4 points above.
    let p = check(
        "tourist-growth",
        &[(Y, E, 37.0)],
        &[],
        Status::Achieved,
        FINAL,
    );
    let (gap, decimals) = points(&p);
    close(gap, 29.4);
    assert_eq!((decimals, p.rule), (1, Rule::TargetMet));
    // Local exports "tăng 8,0%": −22,6 % is 30,6 points short.
    let p = check(
        "local-export-growth",
        &[(Y, E, -22.6)],
        &[],
        Status::Missed,
        FINAL,
    );
    close(points(&p).0, -30.6);
    // Equal to the target is met; a hundredth below a plain "tăng" is missed.
    check("trade-growth", &[(Y, O, 3.0)], &[], Status::Achieved, FINAL);
    check(
        "livestock-growth",
        &[(Y, O, 4.99)],
        &[],
        Status::Missed,
        FINAL,
    );
}

#[test]
fn a_rate_is_never_measured_from_2022() {
    // The 2022 growth does not enter: no way travelled, the same verdict with or without it.
    let p = check(
        "agriculture-value-added",
        &[(H1, E, 4.8)],
        &[(Y, 3.1)],
        Status::OnTrack,
        INDICATIVE,
    );
    assert_eq!(
        (p.from_baseline, p.reduction, p.forecast),
        (None, None, None)
    );
    check(
        "agriculture-value-added",
        &[(H1, E, 4.8)],
        &[],
        Status::OnTrack,
        INDICATIVE,
    );
}

#[test]
fn growth_before_the_years_end_is_only_an_indication() {
    // Tourists +37 % in five months: above the year's 7,6 %, but never achieved for the year.
    let p = check(
        "tourist-growth",
        &[(C(5), E, 37.0)],
        &[],
        Status::OnTrack,
        INDICATIVE,
    );
    assert!(
        matches!(p.rule, Rule::RateIndication { gap, on_track_within, at_risk_within }
        if (gap - 29.4).abs() < 1e-9 && on_track_within == 0.5 && at_risk_within == 2.0)
    );
    check(
        "tourist-growth",
        &[(M(5), E, 37.0)],
        &[],
        Status::OnTrack,
        INDICATIVE,
    );
    // GRDP at nine months: 9,5 % on track; −2,77 % far off; "khoảng" widens nothing beyond 0,5.
    check(
        "grdp-growth",
        &[(M9, E, 9.5)],
        &[],
        Status::OnTrack,
        INDICATIVE,
    );
    check(
        "grdp-growth",
        &[(M9, E, 8.6)],
        &[],
        Status::OnTrack,
        INDICATIVE,
    );
    check(
        "grdp-growth",
        &[(M9, E, -2.77)],
        &[],
        Status::OffTrack,
        INDICATIVE,
    );
    // Trade "tăng 3,0%" at mid-year: 2,0 is a point short, at risk; −1,5 off track.
    check(
        "trade-growth",
        &[(H1, E, 2.0)],
        &[],
        Status::AtRisk,
        INDICATIVE,
    );
    check(
        "trade-growth",
        &[(H1, E, 1.0)],
        &[],
        Status::AtRisk,
        INDICATIVE,
    );
    check(
        "trade-growth",
        &[(H1, E, -1.5)],
        &[],
        Status::OffTrack,
        INDICATIVE,
    );
}
