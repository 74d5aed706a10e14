//! The structure's chart: its four sectors, 2022's shares where entered beside the plan's and
//! the latest, the tooltips, and the labels a phone shows.

use super::*;
use crate::charts::build::testing::{entered, plan, prior, with};
use crate::plan::{Basis, Period};

#[test]
fn the_structure_chart_sets_2022_plan_and_actual_side_by_side() {
    let plan = plan();
    let mut tracking = Tracking::default();
    let chart = structure_chart(&plan, &tracking, Lang::Vi);
    // Without 2022's shares, plan and actual.
    let roles: Vec<SeriesRole> = chart.series.iter().map(|s| s.role).collect();
    assert_eq!(roles, [SeriesRole::Plan, SeriesRole::Actual]);

    with(&mut tracking, "structure-services", Period::Year, 39.0);
    entered(
        &mut tracking,
        "structure-agriculture",
        Period::FIRST_HALF,
        Basis::Official,
        13.85,
    );
    prior(&mut tracking, "structure-agriculture", Period::Year, 14.9);
    prior(&mut tracking, "structure-services", Period::Year, 37.5);
    let chart = structure_chart(&plan, &tracking, Lang::Vi);
    assert_eq!(
        chart.categories,
        [
            "nông, lâm nghiệp và thủy sản",
            "công nghiệp và xây dựng",
            "dịch vụ",
            "thuế sản phẩm trừ trợ cấp sản phẩm"
        ]
    );
    assert_eq!(
        chart.short_categories.as_deref(),
        Some(&["Nông nghiệp", "Công nghiệp", "Dịch vụ", "Thuế SP"].map(str::to_owned)[..])
    );
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Năm 2022", "Kế hoạch", "Thực hiện"]);
    assert_eq!(chart.series[0].values, [Some(14.9), None, Some(37.5), None]);
    assert_eq!(chart.series[1].values[2], Some(38.08));
    assert_eq!(
        chart.series[2].values,
        [Some(13.85), None, Some(39.0), None]
    );
    let tips = |i: usize| -> Vec<Option<&str>> {
        chart.series[i].tips.iter().map(|t| t.as_deref()).collect()
    };
    assert_eq!(tips(0)[0], Some("Nông nghiệp 2022: 14,90%"));
    assert_eq!(tips(1)[3], Some("Thuế SP: 5,69%"));
    assert_eq!(
        tips(2),
        [
            Some("Nông nghiệp · 6 tháng · chính thức: 13,85%"),
            None,
            Some("Dịch vụ · Cả năm · ước: 39,00%"),
            None
        ]
    );
    assert_eq!(chart.value_axis, ValueAxis::FromZero);
    assert!(chart.summary.contains("2/4"), "{}", chart.summary);
    assert!(
        chart.summary.ends_with("Trục bắt đầu từ 0."),
        "{}",
        chart.summary
    );
}

#[test]
fn every_sector_is_labelled_on_a_phone_and_on_a_wide_screen() {
    let plan = plan();
    let tracking = Tracking::default();
    let check = |lang: Lang, narrow: bool, labels: &[&str]| {
        let chart = structure_chart(&plan, &tracking, lang);
        let option: serde_json::Value =
            serde_json::from_str(&chart.to_option_json(false, narrow)).unwrap_or_default();
        let axis = &option["xAxis"];
        assert_eq!(axis["type"], "category");
        // ECharts hides labels that would overlap unless every one is asked for.
        assert_eq!(axis["axisLabel"]["interval"], 0.0, "{lang:?} {narrow}");
        // Two lines of a label, one under the other.
        assert_eq!(axis["axisLabel"]["lineHeight"], 16);
        let drawn: Vec<&str> = axis["data"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(drawn, labels, "{lang:?} narrow={narrow}");
    };
    check(
        Lang::Vi,
        true,
        &["Nông\nnghiệp", "Công\nnghiệp", "Dịch vụ", "Thuế SP"],
    );
    check(
        Lang::En,
        true,
        &["Agriculture", "Industry", "Services", "Taxes"],
    );
    check(
        Lang::Vi,
        false,
        &[
            "nông, lâm nghiệp\nvà thủy sản",
            "công nghiệp\nvà xây dựng",
            "dịch vụ",
            "thuế sản phẩm trừ\ntrợ cấp sản phẩm",
        ],
    );
}
