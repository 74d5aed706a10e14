//! Tests of the Biểu's rows on a realistic year: every target once, in plan order, under its
//! group, with its period; the headline; the tasks; the cells of each kind of target in both
//! languages; the heading and the signing from the plan's data.

use super::*;
use crate::plan::{Basis, Entry, Period, TargetId};
use crate::report::fixtures::{bieu, plan, progress, year};

fn line<'a>(bieu: &'a Bieu, id: &str) -> &'a TargetLine {
    bieu.lines()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no row for {id}"))
}

#[test]
fn every_target_is_a_row_once_in_plan_order_under_its_group_with_its_period() {
    let plan = plan();
    let tracking = year();
    let bieu = bieu(Lang::Vi);
    let ids: Vec<&str> = bieu.lines().map(|l| l.id.as_str()).collect();
    let expected: Vec<&str> = plan.targets.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, expected);
    let numbers: Vec<String> = bieu.lines().map(|l| l.stt.clone()).collect();
    let counted: Vec<String> = (1..=plan.targets.len()).map(|n| n.to_string()).collect();
    assert_eq!(numbers, counted, "numbered through the table");
    let labels: Vec<&str> = bieu.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"]
    );
    for (block, group) in bieu.groups.iter().zip(&plan.groups) {
        assert_eq!(block.name, group.name_vi);
        let ids: Vec<&str> = block.lines.iter().map(|l| l.id.as_str()).collect();
        let of_group: Vec<&str> = plan
            .targets_in(group.number)
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(ids, of_group, "group {}", group.number);
    }
    // A target with figures has its period and kind, marked as the overview marks it; one
    // without has none.
    let all = progress(&plan, &tracking);
    for ((l, target), p) in bieu.lines().zip(&plan.targets).zip(&all) {
        let entered = !tracking.entries(&target.id).is_empty();
        assert_eq!(l.period.is_some(), entered, "{}", l.id);
        assert_eq!(
            l.period.as_ref().map(Marker::text),
            crate::present::figures::period_marker(target, p.current, Lang::Vi),
            "{}",
            l.id
        );
        assert!(!l.verdict.is_empty() && !l.name.is_empty(), "{}", l.id);
    }
    assert_eq!(
        line(&bieu, "grain-output")
            .period
            .as_ref()
            .map(Marker::text),
        Some("Cả năm · ước".to_owned())
    );
    assert_eq!(
        line(&bieu, "forest-cover")
            .period
            .as_ref()
            .map(Marker::text),
        Some("Cả năm · chính thức".to_owned())
    );
}

/// The cells of a row: unit, plan, 2022, figure, period, % KH, % cùng kỳ, status word.
#[track_caller]
fn check(bieu: &Bieu, id: &str, expected: [&str; 8], notes: &[&str]) {
    let l = line(bieu, id);
    let period = l.period.as_ref().map(Marker::text).unwrap_or_default();
    let got = [
        l.unit.as_str(),
        l.plan.text.as_str(),
        l.prior.text.as_str(),
        l.value.text.as_str(),
        period.as_str(),
        l.of_plan.text.as_str(),
        l.same_period.text.as_str(),
        l.verdict.as_str(),
    ];
    assert_eq!(got, expected, "{id}");
    assert_eq!(l.notes, notes, "{id}");
}

#[test]
fn each_kind_of_target_reads_as_a_report_writes_it() {
    let vi = bieu(Lang::Vi);
    // A growth rate: the gap in points, never a percent of plan; no same-period ratio.
    check(
        &vi,
        "grdp-growth",
        [
            "%",
            "9,0",
            "7,2",
            "-2,77",
            "Cả năm · ước",
            "-11,77 điểm\u{a0}%",
            "-",
            "Không đạt",
        ],
        &["Thủy điện giảm mạnh do hạn hán"],
    );
    // A reduction: in points, the reduction made beside the one planned, the levels noted.
    check(
        &vi,
        "poverty-reduction",
        [
            "điểm %",
            "3,6",
            "-",
            "2,62",
            "Cả năm · ước",
            "72,8%",
            "-2,62 điểm\u{a0}%",
            "Không đạt",
        ],
        &["Giảm 2,62 điểm\u{a0}%; tỷ lệ còn 23,88% (năm 2022: 26,5%)"],
    );
    // A reduction with no 2022 level: the level named as one, and what it needs.
    check(
        &vi,
        "poverty-reduction-poor-districts",
        [
            "điểm %",
            "5,1",
            "-",
            "-",
            "Cả năm · ước",
            "-",
            "-",
            "Cần số năm 2022",
        ],
        &["Tỷ lệ 41,2%; cần số năm 2022 để tính mức giảm"],
    );
    // A flow at nine months against 2022's nine months: % of plan and % of the same period.
    check(
        &vi,
        "budget-revenue",
        [
            "tỷ đồng",
            "2.450",
            "2.317",
            "1.837,5",
            "9 tháng · ước",
            "75,0%",
            "108,0%",
            "Đúng tiến độ",
        ],
        &["ước thực hiện 9 tháng"],
    );
    // A flow summed from a half-year and a quarter's own figure says how.
    check(
        &vi,
        "tea-new-planting",
        [
            "ha",
            "395",
            "1.105",
            "330",
            "9 tháng · ước · cộng dồn",
            "83,5%",
            "-",
            "Đúng tiến độ",
        ],
        &["Số 6 tháng cộng các số riêng từ tháng 7 đến tháng 9"],
    );
    // "xuống dưới 16,7%": the bound in the plan, the level's change in points.
    check(
        &vi,
        "underweight-children",
        [
            "%",
            "<\u{a0}16,7",
            "17,8",
            "17,2",
            "Cả năm · ước",
            "97,1%",
            "-0,6 điểm\u{a0}%",
            "Không đạt",
        ],
        &[],
    );
    check(
        &vi,
        "stunted-children",
        [
            "%",
            "≤\u{a0}22,98",
            "24,10",
            "23,50",
            "Cả năm · ước",
            "97,8%",
            "-0,60 điểm\u{a0}%",
            "Không đạt",
        ],
        &[],
    );
    // A reduction in ‰.
    check(
        &vi,
        "birth-rate-reduction",
        [
            "‰",
            "0,4",
            "-",
            "0,5",
            "Cả năm · ước",
            "125,0%",
            "-0,5‰",
            "Đạt/vượt",
        ],
        &["Giảm 0,5‰; tỷ suất còn 19,1‰ (năm 2022: 19,6‰)"],
    );
    // A level at nine months, its change in points from 2022's nine months.
    check(
        &vi,
        "health-insurance",
        [
            "%",
            "96,1",
            "-",
            "96,4",
            "9 tháng · ước",
            "100,3%",
            "+0,6 điểm\u{a0}%",
            "Đạt/vượt",
        ],
        &[],
    );
    check(
        &vi,
        "commune-waste-collected",
        ["%", "69,8", "-", "-", "", "-", "-", "Chưa có số liệu"],
        &[],
    );
    check(
        &vi,
        "preschool-universal",
        ["", "Giữ vững", "-", "-", "", "-", "-", "Đạt/vượt"],
        &["Chỉ tiêu định tính"],
    );
}

#[test]
fn english_rows_read_in_english() {
    let en = bieu(Lang::En);
    check(
        &en,
        "grdp-growth",
        [
            "%",
            "9.0",
            "7.2",
            "-2.77",
            "Full year · est.",
            "-11.77 points",
            "-",
            "Missed",
        ],
        &["Thủy điện giảm mạnh do hạn hán"],
    );
    check(
        &en,
        "budget-revenue",
        [
            "billion VND",
            "2,450",
            "2,317",
            "1,837.5",
            "Nine months · est.",
            "75.0%",
            "108.0%",
            "On track",
        ],
        &["ước thực hiện 9 tháng"],
    );
    check(
        &en,
        "poverty-reduction",
        [
            "points",
            "3.6",
            "-",
            "2.62",
            "Full year · est.",
            "72.8%",
            "-2.62 points",
            "Missed",
        ],
        &["Down 2.62 points; rate now 23.88% (2022: 26.5%)"],
    );
    check(
        &en,
        "preschool-universal",
        ["", "Maintain", "-", "-", "", "-", "-", "Met/exceeded"],
        &["A qualitative target"],
    );
    assert_eq!(en.heading.form, "Form 01");
    assert_eq!(en.columns.plan, "Plan 2023");
    assert_eq!(en.columns.prior, "Actual 2022");
    assert_eq!(en.up_to, "Figures for the full year 2023");
    assert_eq!(en.signing.place_date, "Lai Châu, 5 December 2023");
    assert_eq!(en.tasks.sections[0].title, "3. Focus tasks");
}

#[test]
fn the_headline_gives_the_counts_as_a_report_does() {
    let vi = bieu(Lang::Vi);
    assert_eq!(
        vi.headline,
        [
            "Có 27/48 chỉ tiêu đạt và vượt kế hoạch; 16 chỉ tiêu không đạt kế hoạch; 3 chỉ tiêu \
             đúng tiến độ; 1 chỉ tiêu cần số năm 2022 để đánh giá; 1 chỉ tiêu chưa có số liệu.",
            "Nhiệm vụ trọng tâm và giải pháp chủ yếu: 3/13 hoàn thành, 8 đang triển khai, 2 chưa \
             triển khai.",
        ]
    );
    assert_eq!(vi.up_to, "Số liệu cả năm 2023");
    // The counts are those of the rows: every numeric row's status is counted once.
    let met = vi
        .lines()
        .filter(|l| l.status == Status::Achieved && l.id != "preschool-universal")
        .count();
    assert_eq!(met, 27);
    let en = bieu(Lang::En);
    assert_eq!(
        en.headline[0],
        "27 of 48 targets met or exceeded; 16 missed; 3 on track; 1 needing the 2022 figure; 1 \
         with no figures yet."
    );
}

#[test]
fn tasks_and_solutions_follow_the_resolution_with_their_progress() {
    let vi = bieu(Lang::Vi);
    let labels: Vec<Vec<&str>> = vi
        .tasks
        .sections
        .iter()
        .map(|s| s.lines.iter().map(|l| l.label.as_str()).collect())
        .collect();
    assert_eq!(
        labels,
        [
            vec!["3.a", "3.b", "3.c", "3.d", "3.e", "3.f", "3.g", "3.h"],
            vec!["4.a", "4.b", "4.c", "4.d", "4.e"],
        ]
    );
    let titles: Vec<&str> = vi.tasks.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["3. Nhiệm vụ trọng tâm", "4. Giải pháp chủ yếu"]);
    let item = |id: &str| {
        vi.tasks
            .sections
            .iter()
            .flat_map(|s| &s.lines)
            .find(|l| l.id == id)
            .map(|l| (l.progress_text.as_str(), l.note.as_str()))
    };
    assert_eq!(
        item("3a"),
        Some(("Đang triển khai", "Đang triển khai Quy hoạch tỉnh"))
    );
    assert_eq!(item("3b"), Some(("Hoàn thành", "")));
    assert_eq!(
        item("3g"),
        Some(("Chưa triển khai", "Chờ hướng dẫn của Trung ương"))
    );
}

#[test]
fn a_flow_with_only_a_months_own_figure_says_it_has_no_year_to_date() {
    let plan = plan();
    let mut tracking = Tracking::default();
    tracking.upsert_entry(
        &TargetId("jobs-created".to_owned()),
        Entry {
            period: Period::Month(5),
            basis: Basis::Estimate,
            value: 700.0,
            note: String::new(),
        },
    );
    let b = Bieu::of(
        &plan,
        &tracking,
        &progress(&plan, &tracking),
        Lang::Vi,
        None,
    );
    let l = line(&b, "jobs-created");
    assert_eq!(l.period, None);
    assert_eq!(
        l.notes,
        ["Chỉ có số riêng tháng 5, chưa có số lũy kế từ đầu năm"]
    );
}
