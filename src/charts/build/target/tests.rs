//! One target's chart with the province's 2023-like figures: the value axis, the lower-is-better
//! marker, a flow's line of year-to-date figures beside its periods' own, the expected path the
//! verdict used, 2022's same periods, the tooltips and the table's precision.

use super::*;
use crate::charts::build::testing::{entered, plan, prior, with};
use crate::plan::{progress, Basis, ExpectedPath, Period, Status};

/// The chart of target `id` with the figures `setup` enters.
fn chart_of(id: &str, lang: Lang, setup: impl Fn(&mut Tracking)) -> (Progress, ChartData) {
    let plan = plan();
    let target = plan.target(id).expect("target");
    let mut tracking = Tracking::default();
    setup(&mut tracking);
    let p = progress(target, &tracking);
    let chart = target_chart(target, &tracking, &p, lang).expect("numeric");
    (p, chart)
}

/// The series of a role, by its position among those of that role.
fn series(chart: &ChartData, role: SeriesRole) -> &SeriesData {
    chart
        .series
        .iter()
        .find(|s| s.role == role)
        .unwrap_or_else(|| panic!("no {role:?} series in {:?}", chart.series))
}

fn band(min: f64, max: f64, interval: f64) -> ValueAxis {
    ValueAxis::Band { min, max, interval }
}

/// What a level's chart must say, for one set of figures.
struct Level {
    id: &'static str,
    baseline: Option<f64>,
    year: (Basis, f64),
    status: Status,
    axis: ValueAxis,
    better: Better,
    /// The plan line's level.
    plan: f64,
    /// Sentences the caption holds.
    says: &'static [&'static str],
    /// The tooltip of the year's figure and of the 2022 column.
    tips: (&'static str, Option<&'static str>),
    decimals: u8,
}

#[test]
fn a_levels_axis_and_caption_do_not_exaggerate_and_say_which_way_is_better() {
    let check = |c: Level| {
        let (p, chart) = chart_of(c.id, Lang::Vi, |t| {
            if let Some(b) = c.baseline {
                prior(t, c.id, Period::Year, b);
            }
            entered(t, c.id, Period::Year, c.year.0, c.year.1);
        });
        assert_eq!(p.status, c.status, "{}", c.id);
        assert_eq!(chart.value_axis, c.axis, "{}", c.id);
        assert_eq!(chart.better, Some(c.better), "{}", c.id);
        for sentence in c.says {
            assert!(
                chart.summary.contains(sentence),
                "{}: {}",
                c.id,
                chart.summary
            );
        }
        let lower = "Thấp hơn là tốt hơn.";
        assert_eq!(chart.summary.contains(lower), c.better == Better::Lower);
        assert_eq!(
            chart.axis_name.ends_with("thấp hơn là tốt hơn"),
            c.better == Better::Lower,
            "{}",
            chart.axis_name
        );
        let actual = series(&chart, SeriesRole::Actual);
        assert_eq!(chart.categories[0], "2022");
        assert_eq!(actual.values[0], c.baseline);
        assert_eq!(actual.values[12], Some(c.year.1));
        assert_eq!(actual.tips[12].as_deref(), Some(c.tips.0));
        assert_eq!(actual.tips[0].as_deref(), c.tips.1);
        let plan = series(&chart, SeriesRole::Plan);
        assert!((plan.values[0].unwrap_or_default() - c.plan).abs() < 1e-9);
        assert_eq!(chart.decimals, c.decimals, "{}", c.id);
        // Every figure drawn is inside the axis.
        if let ValueAxis::Band { min, max, .. } = chart.value_axis {
            let all = chart.series.iter().flat_map(|s| s.values.iter().flatten());
            assert!(all.clone().all(|v| (min..=max).contains(v)), "{}", c.id);
        }
    };
    // Forest cover: 51,87 % for the year against "đạt 52,3%", 51,6 % in 2022. The band is
    // twelve points wide: the gap of 0,43 points is a thirtieth of it, not the whole chart.
    check(Level {
        id: "forest-cover",
        baseline: Some(51.6),
        year: (Basis::Official, 51.87),
        status: Status::Missed,
        axis: band(46.0, 58.0, 2.0),
        better: Better::Higher,
        plan: 52.3,
        says: &[
            "Kế hoạch ≥ 52,3%; Cả năm · chính thức: 51,87%, đạt 99,2% kế hoạch; không đạt.",
            "Trục từ 46% đến 58% (không bắt đầu từ 0).",
        ],
        tips: ("Cả năm · chính thức: 51,87%", Some("Năm 2022: 51,6%")),
        decimals: 2,
    });
    // Underweight children: 17,2 % against "xuống dưới 16,7%": lower is better, said twice.
    check(Level {
        id: "underweight-children",
        baseline: None,
        year: (Basis::Estimate, 17.2),
        status: Status::Missed,
        axis: band(10.0, 24.0, 2.0),
        better: Better::Lower,
        plan: 16.7,
        says: &[
            "Kế hoạch < 16,7%; Cả năm · ước: 17,2%",
            "Thấp hơn là tốt hơn. Trục từ 10% đến 24% (không bắt đầu từ 0).",
        ],
        tips: ("Cả năm · ước: 17,2%", None),
        decimals: 1,
    });
    // Poverty: 26,5 % in 2022 less 3,6 points planned is 22,9 %; 23,88 % for the year.
    check(Level {
        id: "poverty-reduction",
        baseline: Some(26.5),
        year: (Basis::Estimate, 23.88),
        status: Status::Missed,
        axis: band(16.0, 32.0, 2.0),
        better: Better::Lower,
        plan: 22.9,
        says: &["Trục từ 16% đến 32% (không bắt đầu từ 0)."],
        tips: ("Cả năm · ước: 23,88%", Some("Năm 2022: 26,5%")),
        decimals: 2,
    });
    // GRDP growth −2,77 % against 9 %, 2022 at 7,5 %: zero is on the axis, the fall below it.
    check(Level {
        id: "grdp-growth",
        baseline: Some(7.5),
        year: (Basis::Estimate, -2.77),
        status: Status::Missed,
        axis: band(-10.0, 15.0, 5.0),
        better: Better::Higher,
        plan: 9.0,
        says: &[
            "thấp hơn kế hoạch 11,77 điểm\u{a0}%",
            "Trục từ -10% đến 15%.",
        ],
        tips: ("Cả năm · ước: -2,77%", Some("Năm 2022: 7,5%")),
        decimals: 2,
    });
    // GRDP per capita, an amount: from zero.
    check(Level {
        id: "grdp-per-capita",
        baseline: None,
        year: (Basis::Estimate, 47.2),
        status: Status::Missed,
        axis: ValueAxis::FromZero,
        better: Better::Higher,
        plan: 52.9,
        says: &["Trục bắt đầu từ 0."],
        tips: ("Cả năm · ước: 47,2 triệu đồng", None),
        decimals: 1,
    });
}

#[test]
fn lower_is_better_is_said_in_english_too() {
    let (_, chart) = chart_of("stunted-children", Lang::En, |t| {
        with(t, "stunted-children", Period::FIRST_HALF, 23.5);
    });
    assert_eq!(chart.axis_name, "% · lower is better");
    assert!(
        chart.summary.contains("Lower is better."),
        "{}",
        chart.summary
    );
    assert!(
        chart.summary.contains("First half · est.: 23.50%"),
        "{}",
        chart.summary
    );
}

/// Grain (thousand tonnes): 124,12 at nine months, 2022's nine months 120,5 of 215,4.
fn grain(t: &mut Tracking) {
    prior(t, "grain-output", Period::NINE_MONTHS, 120.5);
    prior(t, "grain-output", Period::Year, 215.4);
    with(t, "grain-output", Period::NINE_MONTHS, 124.12);
}

#[test]
fn a_seasonal_flow_follows_2022s_path_and_shows_2022_beside_it() {
    let (p, chart) = chart_of("grain-output", Lang::Vi, grain);
    let share = 120.5 / 215.4;
    assert_eq!(p.expected, Some((share, ExpectedPath::PriorYear)));
    assert_eq!(chart.value_axis, ValueAxis::FromZero);
    assert_eq!(chart.categories.len(), 12);
    let actual = series(&chart, SeriesRole::Actual);
    assert_eq!(actual.name, "Thực hiện (lũy kế)");
    assert_eq!(actual.values[8], Some(124.12));
    assert_eq!(
        actual.tips[8].as_deref(),
        Some("9 tháng · ước: 124,12 nghìn tấn")
    );
    // The expected path is the verdict's: at nine months 2022's share of its year, times the
    // plan; the year's end is the plan; no point where 2022 has no figure.
    let expected = series(&chart, SeriesRole::Expected);
    assert_eq!(expected.name, "Tiến độ cần đạt (theo cùng kỳ 2022)");
    assert!((expected.values[8].unwrap_or_default() - share * 225.0).abs() < 1e-9);
    assert_eq!(expected.values[11], Some(225.0));
    assert_eq!(expected.values.iter().flatten().count(), 2);
    assert_eq!(
        expected.tips[8].as_deref(),
        Some("9 tháng: 125,87 nghìn tấn")
    );
    // 2022's same periods, a line of their own.
    let before = series(&chart, SeriesRole::PriorYear);
    assert_eq!(before.name, "Cùng kỳ 2022");
    assert_eq!(before.values[8], Some(120.5));
    assert_eq!(before.values[11], Some(215.4));
    assert_eq!(
        before.tips[8].as_deref(),
        Some("9 tháng 2022: 120,5 nghìn tấn")
    );
    // The forecast: the year if 2022's path holds.
    let forecast = series(&chart, SeriesRole::Forecast);
    assert_eq!(forecast.values[8], Some(124.12));
    assert!((forecast.values[11].unwrap_or_default() - 124.12 / share).abs() < 1e-9);
    assert_eq!(
        forecast.tips[8].as_deref(),
        Some("Xuất phát từ 9 tháng · ước: 124,12 nghìn tấn")
    );
    assert_eq!(
        forecast.tips[11].as_deref(),
        Some("Cả năm (dự báo): 221,87 nghìn tấn")
    );
    assert!(chart.summary.contains("theo mùa vụ"), "{}", chart.summary);
    assert!(
        chart.summary.ends_with("Trục bắt đầu từ 0."),
        "{}",
        chart.summary
    );

    // The year's figure: met, no forecast, still 2022's path (the verdict has none to give).
    let (p, chart) = chart_of("grain-output", Lang::Vi, |t| {
        grain(t);
        with(t, "grain-output", Period::Year, 225.0);
    });
    assert_eq!((p.status, p.expected), (Status::Achieved, None));
    assert_eq!(series(&chart, SeriesRole::Actual).values[11], Some(225.0));
    assert!(chart.series.iter().all(|s| s.role != SeriesRole::Forecast));
    assert_eq!(
        series(&chart, SeriesRole::Expected).name,
        "Tiến độ cần đạt (theo cùng kỳ 2022)"
    );
    assert!(
        chart.summary.starts_with(
            "Kế hoạch ≥ 225 nghìn tấn; Cả năm · ước: 225 nghìn tấn, đạt 100,0% kế hoạch; đạt/vượt."
        ),
        "{}",
        chart.summary
    );
}

#[test]
fn a_flow_without_2022_figures_says_its_path_is_even_by_month() {
    let (p, chart) = chart_of("grain-output", Lang::En, |t| {
        with(t, "grain-output", Period::NINE_MONTHS, 124.12);
    });
    assert_eq!(p.expected, Some((0.75, ExpectedPath::Linear)));
    let expected = series(&chart, SeriesRole::Expected);
    assert_eq!(expected.name, "Expected path (even by month)");
    assert_eq!(expected.values[5], Some(112.5));
    assert!(chart.series.iter().all(|s| s.role != SeriesRole::PriorYear));
    assert!(
        chart.summary.contains("evenly by month"),
        "{}",
        chart.summary
    );
}

/// Budget revenue (tỷ đồng): the first quarter, then the second and third quarters' own figures
/// and October's.
fn revenue(t: &mut Tracking) {
    let id = "budget-revenue";
    entered(t, id, Period::Quarter(1), Basis::Official, 520.0);
    entered(t, id, Period::Quarter(2), Basis::Official, 600.0);
    entered(t, id, Period::Quarter(3), Basis::Estimate, 650.0);
    entered(t, id, Period::Month(10), Basis::Estimate, 200.0);
}

#[test]
fn a_flows_line_holds_only_year_to_date_figures_and_own_figures_are_bars() {
    let (p, chart) = chart_of("budget-revenue", Lang::Vi, revenue);
    assert_eq!(p.current.map(|c| c.value), Some(1970.0));
    let actual = series(&chart, SeriesRole::Actual);
    // From January: the first quarter, then the sums the verdict makes; never a quarter's own.
    let line: Vec<Option<f64>> = actual.values.clone();
    let mut expected = vec![None; 12];
    expected[2] = Some(520.0);
    expected[5] = Some(1120.0);
    expected[8] = Some(1770.0);
    expected[9] = Some(1970.0);
    assert_eq!(line, expected);
    assert_eq!(
        actual.tips[2].as_deref(),
        Some("Quý I · chính thức: 520 tỷ đồng")
    );
    assert_eq!(
        actual.tips[8].as_deref(),
        Some("9 tháng (cộng dồn) · ước: 1.770 tỷ đồng")
    );
    // The own figures, as bars named for what they are.
    let own: Vec<&SeriesData> = chart
        .series
        .iter()
        .filter(|s| s.role == SeriesRole::OwnPeriod)
        .collect();
    let names: Vec<&str> = own.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Riêng tháng", "Riêng quý"]);
    assert_eq!(own[0].values.iter().flatten().collect::<Vec<_>>(), [&200.0]);
    assert_eq!(own[1].values[5], Some(600.0));
    assert_eq!(own[1].values[8], Some(650.0));
    assert_eq!(own[1].values[2], None, "the first quarter is from January");
    assert_eq!(
        own[1].tips[5].as_deref(),
        Some("Quý II (riêng quý) · chính thức: 600 tỷ đồng")
    );
    assert!(
        chart
            .summary
            .contains("Cột: số riêng của tháng, quý; đường: lũy kế từ đầu năm."),
        "{}",
        chart.summary
    );
    // Linear path (no 2022 figures), and the forecast from October.
    assert_eq!(series(&chart, SeriesRole::Expected).values[8], Some(1837.5));
    let forecast = series(&chart, SeriesRole::Forecast);
    assert_eq!(forecast.values[9], Some(1970.0));
    assert!((forecast.values[11].unwrap_or_default() - 1970.0 * 1.2).abs() < 1e-9);
    assert!(
        chart.summary.contains("đạt 80,4% kế hoạch"),
        "{}",
        chart.summary
    );
}

#[test]
fn a_flow_with_only_own_figures_draws_them_and_says_there_is_no_year_to_date() {
    let (p, chart) = chart_of("budget-revenue", Lang::Vi, |t| {
        with(t, "budget-revenue", Period::Quarter(2), 600.0);
    });
    assert_eq!(p.current, None);
    assert!(series(&chart, SeriesRole::Actual)
        .values
        .iter()
        .all(Option::is_none));
    assert_eq!(series(&chart, SeriesRole::OwnPeriod).values[5], Some(600.0));
    assert!(
        chart.summary.contains("chưa có số lũy kế từ đầu năm"),
        "{}",
        chart.summary
    );
    assert!(chart.series.iter().all(|s| s.role != SeriesRole::Forecast));
}

#[test]
fn the_charts_and_their_tooltips_never_hold_a_users_note() {
    let plan = plan();
    let target = plan.target("forest-cover").expect("target");
    let mut tracking = Tracking::default();
    let note = "<img src=x onerror=alert(1)>";
    tracking.upsert_entry(
        &target.id,
        crate::plan::Entry {
            period: Period::Year,
            basis: Basis::Official,
            value: 51.87,
            note: note.to_owned(),
        },
    );
    let p = progress(target, &tracking);
    let chart = target_chart(target, &tracking, &p, Lang::Vi).expect("numeric");
    for (dark, narrow) in [(false, false), (true, true)] {
        let json = chart.to_option_json(dark, narrow);
        assert!(!json.contains("onerror") && !json.contains('<'), "{json}");
    }
    assert!(!chart.summary.contains("onerror"));
}

#[test]
fn a_level_with_nothing_to_plot_the_plan_at_has_no_plan_line() {
    // A reduce-by target without its 2022 value: the plan's level is unknown.
    let (_, chart) = chart_of("poverty-reduction", Lang::En, |_| {});
    assert_eq!(chart.series.len(), 1);
    assert_eq!(chart.value_axis, ValueAxis::FromZero);
    assert!(chart
        .summary
        .starts_with("Plan cut by 3.6%; no actual figures yet."));
    let plan = plan();
    let p = progress(
        plan.target("forest-cover").expect("target"),
        &Tracking::default(),
    );
    assert!(plan
        .target("preschool-universal")
        .is_some_and(|t| target_chart(t, &Tracking::default(), &p, Lang::Vi).is_none()));
}

/// ECharts escapes a tooltip's template values as HTML and reads braces as rich-text styles:
/// no series name or point name of any chart may hold a character either would change.
#[test]
fn no_tooltip_text_holds_a_character_echarts_would_rewrite() {
    let plan = plan();
    for target in plan.targets.iter().filter(|t| t.numeric().is_some()) {
        let id = target.id.as_str();
        let mut tracking = Tracking::default();
        prior(&mut tracking, id, Period::Year, 40.0);
        prior(&mut tracking, id, Period::NINE_MONTHS, 30.0);
        with(&mut tracking, id, Period::Quarter(1), 10.0);
        with(&mut tracking, id, Period::Quarter(2), 12.0);
        with(&mut tracking, id, Period::Month(7), 3.0);
        with(&mut tracking, id, Period::NINE_MONTHS, 31.0);
        let p = progress(target, &tracking);
        for lang in [Lang::Vi, Lang::En] {
            let chart = target_chart(target, &tracking, &p, lang).expect("numeric");
            let texts = chart.series.iter().flat_map(|s| {
                std::iter::once(s.name.as_str()).chain(s.tips.iter().flatten().map(String::as_str))
            });
            for text in texts {
                assert!(
                    !text.contains(['&', '<', '>', '"', '\'', '{', '}', '|']),
                    "{id} {lang:?}: {text}"
                );
            }
        }
    }
    let chart = crate::charts::structure_chart(&plan, &Tracking::default(), Lang::En);
    for s in &chart.series {
        assert!(!s.name.contains(['&', '<', '>', '"', '\'', '{', '}']));
    }
}
