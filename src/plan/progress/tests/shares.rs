//! The economic structure: distance, direction of the shift, and the sum of the four shares.

use super::*;

const FINAL: Option<Stage> = Some(Stage::Final);
const INDICATIVE: Option<Stage> = Some(Stage::Indicative);

/// Shares of 2022 (agriculture, industry, services, product taxes): the plan asks agriculture
/// down, industry and services up, taxes down.
const SHARES_2022: [(&str, f64); 4] = [
    ("structure-agriculture", 15.0),
    ("structure-industry", 41.2),
    ("structure-services", 37.9),
    ("structure-product-taxes", 5.9),
];

fn in_2022(id: &str) -> [(Period, f64); 1] {
    let value = SHARES_2022
        .iter()
        .find(|(share, _)| *share == id)
        .map_or(f64::NAN, |(_, v)| *v);
    [(Y, value)]
}

#[test]
fn a_years_structure_is_judged_by_distance_and_direction() {
    // 2023 as it came: industry fell with GRDP, services rose. Agriculture 15,4 % moved up
    // from 15,0 where the plan asks it down to 14,27: the wrong way, missed.
    let id = "structure-agriculture";
    let p = check(id, &[(Y, E, 15.4)], &in_2022(id), Status::Missed, FINAL);
    assert_eq!(
        p.rule,
        Rule::ShareWrongWay {
            baseline: 15.0,
            asked: Shift::Down
        }
    );
    assert!(
        matches!(p.achievement, Some(Achievement::Points { gap, decimals: 2 }) if (gap - 1.13).abs() < 1e-9)
    );
    let id = "structure-industry";
    let p = check(id, &[(Y, E, 38.9)], &in_2022(id), Status::Missed, FINAL);
    assert_eq!(
        p.rule,
        Rule::ShareWrongWay {
            baseline: 41.2,
            asked: Shift::Up
        }
    );
    // Services 40,0 % moved up past the planned 38,08: the shift the plan asks, exceeded.
    let id = "structure-services";
    let p = check(id, &[(Y, E, 40.0)], &in_2022(id), Status::Achieved, FINAL);
    assert_eq!(
        p.rule,
        Rule::ShareShiftExceeded {
            baseline: 37.9,
            asked: Shift::Up
        }
    );
    // Taxes 5,7 % within 0,5 points of 5,69: met.
    let id = "structure-product-taxes";
    let p = check(id, &[(Y, E, 5.7)], &in_2022(id), Status::Achieved, FINAL);
    assert!(matches!(p.rule, Rule::ShareBand { tolerance, .. } if tolerance == 0.5));
    // Industry up from 41,2 %, but only to 41,3: 0,66 points short, the right way yet missed.
    let id = "structure-industry";
    let p = check(id, &[(Y, E, 41.3)], &in_2022(id), Status::Missed, FINAL);
    assert!(matches!(p.rule, Rule::ShareBand { .. }));
    let id = "structure-services";
    // With no 2022 share, only the distance: 40,0 % is 1,92 points off, missed.
    check(id, &[(Y, E, 40.0)], &[], Status::Missed, FINAL);
    check(id, &[(Y, E, 38.5)], &[], Status::Achieved, FINAL);
}

#[test]
fn a_structure_before_the_years_end_is_an_indication() {
    let id = "structure-services";
    check(id, &[(H1, E, 38.2)], &[], Status::OnTrack, INDICATIVE);
    check(id, &[(H1, E, 39.6)], &[], Status::AtRisk, INDICATIVE);
    check(id, &[(H1, E, 35.0)], &[], Status::OffTrack, INDICATIVE);
    // Down from 37,9 % where the plan asks up: flagged whatever the distance.
    let p = check(
        id,
        &[(H1, E, 37.0)],
        &in_2022(id),
        Status::OffTrack,
        INDICATIVE,
    );
    assert_eq!(
        p.rule,
        Rule::ShareWrongWay {
            baseline: 37.9,
            asked: Shift::Up
        }
    );
    check(
        id,
        &[(H1, E, 40.0)],
        &in_2022(id),
        Status::OnTrack,
        INDICATIVE,
    );
}

#[test]
fn the_four_shares_of_a_period_must_sum_to_about_100() {
    let plan = plan();
    let mut t = Tracking::default();
    let year = [15.4, 38.9, 40.0, 5.7];
    let half = [15.0, 39.0, 40.0, 5.0];
    for ((id, _), (y, h)) in SHARES_2022.iter().zip(year.iter().zip(half)) {
        t.merge(&tracking(id, &[(Y, E, *y), (H1, E, h)], &[]));
    }
    // Three shares of nine months that already pass 100 % cannot be right either.
    for (id, v) in [
        ("structure-agriculture", 20.0),
        ("structure-industry", 45.0),
        ("structure-services", 40.0),
    ] {
        t.merge(&tracking(id, &[(M9, O, v)], &[]));
    }
    let sums: Vec<(Period, f64, usize, bool)> = structure_sums(&plan, &t)
        .into_iter()
        .map(|s| {
            (
                s.period,
                (s.sum * 100.0).round() / 100.0,
                s.entered,
                s.is_wrong(),
            )
        })
        .collect();
    assert_eq!(
        sums,
        [
            (H1, 99.0, 4, true),
            (M9, 105.0, 3, true),
            (Y, 100.0, 4, false)
        ]
    );
    // Within half a point of 100 % passes (rounded shares), a partial set below 100 % too.
    let sum = |entered, sum| StructureSum {
        period: Y,
        basis: E,
        sum,
        entered,
        of: 4,
    };
    assert!(!sum(4, 100.4).is_wrong());
    assert!(sum(4, 100.6).is_wrong());
    assert!(!sum(2, 60.0).is_wrong());
}
