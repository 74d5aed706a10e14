//! The figures of a verdict in words, on figures like Lai Châu's of 2023.

use super::*;
use crate::plan::{headline, progress, progress_all, Basis, Domain, Entry, Plan};

use Basis::{Estimate as E, Official as O};
use Period::Year as Y;

/// The plan, and the user's figures of some of its targets: (id, period, basis, value) and
/// (id, period, value of 2022).
fn figures(
    entries: &[(&str, Period, Basis, f64)],
    priors: &[(&str, Period, f64)],
) -> (Plan, Tracking) {
    let plan = Plan::embedded().expect("plan");
    let mut t = Tracking::default();
    for &(id, period, basis, value) in entries {
        let target = plan.target(id).expect("target");
        t.upsert_entry(
            &target.id,
            Entry {
                period,
                basis,
                value,
                note: String::new(),
            },
        );
    }
    for &(id, period, value) in priors {
        let target = plan.target(id).expect("target");
        t.set_prior(&target.id, period, Some(value));
    }
    (plan, t)
}

/// The "% KH" cell and the current value cell of one target, in both languages.
#[track_caller]
fn cells(
    id: &str,
    entries: &[(Period, Basis, f64)],
    priors: &[(Period, f64)],
) -> [(String, String); 2] {
    let entries: Vec<_> = entries.iter().map(|&(p, b, v)| (id, p, b, v)).collect();
    let priors: Vec<_> = priors.iter().map(|&(p, v)| (id, p, v)).collect();
    let (plan, t) = figures(&entries, &priors);
    let target = plan.target(id).expect("target");
    let p = progress(target, &t);
    // No-break spaces keep a gap's words together on screen; the rows are written with plain ones.
    let plain = |text: String| text.replace('\u{a0}', " ");
    [Lang::Vi, Lang::En].map(|lang| {
        (
            plain(achievement(&p, lang)),
            plain(current_value(target, &p, lang)),
        )
    })
}

#[track_caller]
fn check(
    id: &str,
    entries: &[(Period, Basis, f64)],
    priors: &[(Period, f64)],
    vi: (&str, &str),
    en: (&str, &str),
) {
    let [got_vi, got_en] = cells(id, entries, priors);
    assert_eq!(
        [
            (got_vi.0.as_str(), got_vi.1.as_str()),
            (got_en.0.as_str(), got_en.1.as_str())
        ],
        [vi, en],
        "{id}"
    );
}

#[test]
fn the_plan_column_shows_a_rates_gap_in_points() {
    check(
        "grdp-growth",
        &[(Y, E, -2.77)],
        &[],
        ("-11,77 điểm %", "-2,77%"),
        ("-11.77 points", "-2.77%"),
    );
    check(
        "tourist-growth",
        &[(Y, E, 37.0)],
        &[],
        ("+29,4 điểm %", "37,0%"),
        ("+29.4 points", "37.0%"),
    );
    check(
        "local-export-growth",
        &[(Y, O, -22.6)],
        &[],
        ("-30,6 điểm %", "-22,6%"),
        ("-30.6 points", "-22.6%"),
    );
    check(
        "structure-product-taxes",
        &[(Y, O, 5.69)],
        &[],
        ("0,00 điểm %", "5,69%"),
        ("0.00 points", "5.69%"),
    );
    // Amounts and levels keep "đạt x% kế hoạch".
    check(
        "forest-cover",
        &[(Y, O, 51.87)],
        &[],
        ("99,2%", "51,87%"),
        ("99.2%", "51.87%"),
    );
    check(
        "grdp-per-capita",
        &[(Y, E, 47.2)],
        &[],
        ("89,2%", "47,2 triệu đồng"),
        ("89.2%", "47.2 million VND"),
    );
    check("grain-output", &[], &[], ("—", "—"), ("—", "—"));
    // No rate, whatever its figure, shows a percent of its plan.
    let plan = Plan::embedded().expect("plan");
    for target in plan
        .targets
        .iter()
        .filter(|t| t.numeric().is_some_and(|g| g.domain == Domain::Change))
    {
        for value in [-2.77, 0.0, 4.0, 37.0] {
            let [(vi, _), (en, _)] =
                cells(target.id.as_str(), &[(Period::NINE_MONTHS, E, value)], &[]);
            assert!(
                vi.ends_with(" điểm %") && en.ends_with(" points"),
                "{}: {vi} / {en}",
                target.id
            );
        }
    }
}

#[test]
fn a_reduction_shows_beside_the_level_it_leaves() {
    let poverty = "poverty-reduction";
    check(
        poverty,
        &[(Y, E, 23.88)],
        &[(Y, 26.5)],
        ("72,8%", "giảm 2,62 điểm %; tỷ lệ còn 23,88%"),
        ("72.8%", "down 2.62 points; rate now 23.88%"),
    );
    // Never a bare level beside "giảm 3,6%": without 2022 the level is named as one.
    check(
        poverty,
        &[(Y, E, 23.88)],
        &[],
        ("—", "tỷ lệ 23,88%"),
        ("—", "rate 23.88%"),
    );
    check(
        poverty,
        &[(Period::FIRST_HALF, E, 27.0)],
        &[(Y, 26.5)],
        ("-13,9%", "tăng 0,5 điểm %; tỷ lệ 27,0%"),
        ("-13.9%", "up 0.5 points; rate now 27.0%"),
    );
    check(
        "birth-rate-reduction",
        &[(Y, O, 18.9)],
        &[(Y, 19.2)],
        ("75,0%", "giảm 0,3‰; tỷ suất còn 18,9‰"),
        ("75.0%", "down 0.3‰; rate now 18.9‰"),
    );
}

#[test]
fn the_same_period_compares_amounts_by_ratio_and_rates_in_points() {
    let (plan, t) = figures(
        &[
            ("grain-output", Period::NINE_MONTHS, E, 124.12),
            ("poverty-reduction", Y, E, 23.88),
            ("forest-cover", Period::FIRST_HALF, E, 51.2),
            ("budget-revenue", Period::Quarter(1), O, 480.0),
            ("tourist-growth", Y, E, 37.0),
        ],
        &[
            ("grain-output", Period::NINE_MONTHS, 120.5),
            ("poverty-reduction", Y, 26.5),
            ("forest-cover", Period::FIRST_HALF, 51.2),
            ("budget-revenue", Period::ToDate(3), 500.0),
            ("tourist-growth", Y, 30.0),
        ],
    );
    let text = |id: &str, lang| {
        let target = plan.target(id).expect("target");
        versus_same_period(target, &progress(target, &t), &t, plan.year, lang)
            .map(|text| text.replace('\u{a0}', " "))
    };
    let check = |id: &str, vi: Option<&str>, en: Option<&str>| {
        assert_eq!(
            (text(id, Lang::Vi).as_deref(), text(id, Lang::En).as_deref()),
            (vi, en),
            "{id}"
        );
    };
    check(
        "grain-output",
        Some("tăng 3,0% so với cùng kỳ năm 2022"),
        Some("up 3.0% on the same period of 2022"),
    );
    check(
        "poverty-reduction",
        Some("giảm 2,62 điểm % so với năm 2022"),
        Some("down 2.62 points on 2022"),
    );
    check(
        "forest-cover",
        Some("bằng cùng kỳ năm 2022"),
        Some("level with the same period of 2022"),
    );
    check(
        "budget-revenue",
        Some("giảm 4,0% so với cùng kỳ năm 2022"),
        Some("down 4.0% on the same period of 2022"),
    );
    // A growth rate is already a comparison with the year before.
    check("tourist-growth", None, None);
}

#[test]
fn the_headline_counts_and_names_the_period_with_the_plans_year() {
    let (plan, t) = figures(
        &[
            ("tourist-growth", Y, E, 37.0),
            ("forest-cover", Y, E, 51.87),
            ("grain-output", Period::NINE_MONTHS, E, 124.12),
        ],
        &[],
    );
    let h = headline(&plan, &progress_all(&plan, &t), &t);
    assert_eq!(
        headline_met(&h, Lang::Vi),
        "Có 1/48 chỉ tiêu đạt và vượt kế hoạch"
    );
    assert_eq!(
        headline_met(&h, Lang::En),
        "1 of 48 targets met or exceeded"
    );
    assert_eq!(figures_up_to(&h, Lang::Vi), "Số liệu cả năm 2023");
    let at = |up_to, year, lang| figures_up_to(&Headline { up_to, year, ..h }, lang);
    assert_eq!(
        at(Some(Period::NINE_MONTHS), 2023, Lang::Vi),
        "Số liệu đến 9 tháng năm 2023"
    );
    assert_eq!(
        at(Some(Period::Quarter(2)), 2024, Lang::Vi),
        "Số liệu đến quý II năm 2024"
    );
    assert_eq!(
        at(Some(Period::Month(5)), 2023, Lang::En),
        "Figures up to May 2023"
    );
    assert_eq!(
        at(Some(Period::NINE_MONTHS), 2023, Lang::En),
        "Figures up to nine months 2023"
    );
    assert_eq!(at(None, 2023, Lang::Vi), "Chưa có số liệu");
}

#[test]
fn a_gaps_percent_sign_never_stands_alone_on_a_line() {
    assert_eq!(
        points(-11.77, 2, Unit::Percent, Lang::Vi),
        "11,77 điểm\u{a0}%"
    );
    assert_eq!(points(29.4, 1, Unit::Percent, Lang::En), "29.4 points");
    assert_eq!(points(0.3, 1, Unit::PerMille, Lang::Vi), "0,3‰");
}

#[test]
fn a_verdicts_stage_is_said_in_words() {
    assert_eq!(stage(Stage::Final, Lang::Vi), "Kết quả cả năm");
    assert_eq!(
        stage(Stage::Indicative, Lang::Vi),
        "Dấu hiệu, chưa phải kết quả cả năm"
    );
    assert_eq!(
        stage(Stage::Interim, Lang::En),
        "Progress before the year's end"
    );
}
