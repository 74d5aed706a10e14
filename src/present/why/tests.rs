//! Every rule's sentence, checked word for word in both languages, on figures like Lai Châu's
//! of 2023; and a check that no rule is left without one.

use super::*;
use crate::plan::{progress, Assessment, Basis, Entry, Plan, TargetId, Tracking};

use Basis::{Estimate as E, Official as O};
use Period::{Quarter as Q, ToDate as C, Year as Y};
const H1: Period = Period::FIRST_HALF;
const M9: Period = Period::NINE_MONTHS;

/// A rule's name, by an exhaustive match: a new rule does not compile until it is named here,
/// and [`every_rule_has_a_sentence_that_is_checked`] then asks for a row of it.
fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::NoEntries => "NoEntries",
        Rule::NoYearToDate { .. } => "NoYearToDate",
        Rule::MissingBaseline => "MissingBaseline",
        Rule::Assessed => "Assessed",
        Rule::TargetMet => "TargetMet",
        Rule::WithinAbout { .. } => "WithinAbout",
        Rule::YearMissed => "YearMissed",
        Rule::FlowPace { .. } => "FlowPace",
        Rule::PathFromBaseline { .. } => "PathFromBaseline",
        Rule::MovingAway { .. } => "MovingAway",
        Rule::ShortfallAndTimeLeft { .. } => "ShortfallAndTimeLeft",
        Rule::RateIndication { .. } => "RateIndication",
        Rule::ShareBand { .. } => "ShareBand",
        Rule::ShareShiftExceeded { .. } => "ShareShiftExceeded",
        Rule::ShareWrongWay { .. } => "ShareWrongWay",
    }
}

const ALL_RULES: [&str; 15] = [
    "NoEntries",
    "NoYearToDate",
    "MissingBaseline",
    "Assessed",
    "TargetMet",
    "WithinAbout",
    "YearMissed",
    "FlowPace",
    "PathFromBaseline",
    "MovingAway",
    "ShortfallAndTimeLeft",
    "RateIndication",
    "ShareBand",
    "ShareShiftExceeded",
    "ShareWrongWay",
];

/// One case: the target, its figures of 2023 and of 2022, the rule expected, and the sentence
/// in Vietnamese and in English.
struct Row {
    id: &'static str,
    entries: &'static [(Period, Basis, f64)],
    priors: &'static [(Period, f64)],
    rule: &'static str,
    vi: &'static str,
    en: &'static str,
}

/// The rule and the two sentences of a row, as the engine and `explain` give them.
fn run(row: &Row) -> (&'static str, String, String) {
    let plan = Plan::embedded().expect("plan");
    let target = plan.target(row.id).expect("a target of the plan");
    let mut t = Tracking::default();
    for &(period, basis, value) in row.entries {
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
    for &(period, value) in row.priors {
        t.set_prior(&target.id, period, Some(value));
    }
    if target.numeric().is_none() && !row.entries.is_empty() {
        t.set_assessment(&TargetId(row.id.to_owned()), Some(Assessment::OnTrack));
    }
    let p = progress(target, &t);
    // No-break spaces keep a gap's words together on screen; the rows are written with plain ones.
    let plain = |text: String| text.replace('\u{a0}', " ");
    (
        rule_name(p.rule),
        plain(explain(target, &p, plan.year, Lang::Vi)),
        plain(explain(target, &p, plan.year, Lang::En)),
    )
}

#[track_caller]
fn check(row: &Row) {
    let (rule, vi, en) = run(row);
    assert_eq!(
        (rule, vi.as_str(), en.as_str()),
        (row.rule, row.vi, row.en),
        "{}",
        row.id
    );
}

const ROWS: &[Row] = &[
    Row {
        id: "forest-cover",
        entries: &[],
        priors: &[],
        rule: "NoEntries",
        vi: "Chưa có số liệu thực hiện.",
        en: "No actual figures yet.",
    },
    Row {
        id: "preschool-universal",
        entries: &[],
        priors: &[],
        rule: "NoEntries",
        vi: "Chưa có đánh giá.",
        en: "Not assessed yet.",
    },
    Row {
        id: "preschool-universal",
        entries: &[(Y, O, 0.0)],
        priors: &[],
        rule: "Assessed",
        vi: "Theo đánh giá của người dùng.",
        en: "As assessed by the user.",
    },
    Row {
        id: "workers-trained",
        entries: &[(Q(3), E, 2500.0)],
        priors: &[],
        rule: "NoYearToDate",
        vi: "Chỉ có số riêng của quý III, không lũy kế từ đầu năm: chỉ tiêu năm được đo bằng số lũy kế. Hãy nhập số lũy kế (như «9 tháng») hoặc các số riêng từ tháng 1.",
        en: "Only Q3's own figure, not accumulated from January: the year's plan is measured by year-to-date figures. Enter one (such as “Nine months”) or the own figures from January.",
    },
    Row {
        id: "poverty-reduction",
        entries: &[(Y, E, 23.88)],
        priors: &[],
        rule: "MissingBaseline",
        vi: "Cả năm: tỷ lệ 23,88%. Chỉ tiêu là mức giảm so với năm 2022: hãy nhập số năm 2022 để tính mức giảm.",
        en: "Full year: rate 23.88%. The target is a reduction from 2022: enter the 2022 value to measure it.",
    },
    Row {
        id: "forest-cover",
        entries: &[(Y, O, 52.5)],
        priors: &[],
        rule: "TargetMet",
        vi: "Cả năm: 52,5%, đạt 100,4% kế hoạch — đạt/vượt kế hoạch (≥ 52,3%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: 52.5%, 100.4% of plan — met or exceeded the plan (≥ 52.3%). The full-year figure is the result.",
    },
    Row {
        id: "tourist-growth",
        entries: &[(Y, E, 37.0)],
        priors: &[],
        rule: "TargetMet",
        vi: "Cả năm: 37,0%, cao hơn kế hoạch 29,4 điểm % — đạt/vượt kế hoạch (≥ 7,6%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: 37.0%, 29.4 points above plan — met or exceeded the plan (≥ 7.6%). The full-year figure is the result.",
    },
    Row {
        id: "health-insurance",
        entries: &[(M9, E, 96.4)],
        priors: &[],
        rule: "TargetMet",
        vi: "9 tháng: 96,4%, đạt 100,3% kế hoạch — đã đạt kế hoạch năm (≥ 96,1%) trước khi hết năm; số cả năm sẽ là kết quả cuối cùng.",
        en: "Nine months: 96.4%, 100.3% of plan — the year's plan (≥ 96.1%) is met before the year's end; the full-year figure will be the result.",
    },
    Row {
        id: "budget-revenue",
        entries: &[(C(11), E, 2460.0)],
        priors: &[],
        rule: "TargetMet",
        vi: "11 tháng: 2.460 tỷ đồng, đạt 100,4% kế hoạch — đã đạt kế hoạch năm (≥ 2.450 tỷ đồng) trước khi hết năm; số cả năm sẽ là kết quả cuối cùng.",
        en: "11 months: 2,460 billion VND, 100.4% of plan — the year's plan (≥ 2,450 billion VND) is met before the year's end; the full-year figure will be the result.",
    },
    Row {
        id: "poverty-reduction-poor-districts",
        entries: &[(Y, E, 35.0)],
        priors: &[(Y, 40.1)],
        rule: "TargetMet",
        vi: "Cả năm: giảm 5,1 điểm %; tỷ lệ còn 35,0%, đạt 100,0% mức giảm kế hoạch — đạt/vượt kế hoạch (giảm 5,1%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: down 5.1 points; rate now 35.0%, 100.0% of the planned reduction — met or exceeded the plan (cut by 5.1%). The full-year figure is the result.",
    },
    Row {
        id: "grdp-growth",
        entries: &[(Y, E, 8.85)],
        priors: &[],
        rule: "WithinAbout",
        vi: "Cả năm: 8,85%, thấp hơn kế hoạch 0,15 điểm % — trong phạm vi «khoảng» 9,0% (thiếu không quá 0,18 điểm %, tức 2% của kế hoạch): đạt kế hoạch. Số cả năm là kết quả cuối cùng.",
        en: "Full year: 8.85%, 0.15 points below plan — within “about” 9.0% (short by at most 0.18 points, 2% of the plan): met. The full-year figure is the result.",
    },
    Row {
        id: "grdp-per-capita",
        entries: &[(Y, E, 52.0)],
        priors: &[],
        rule: "WithinAbout",
        vi: "Cả năm: 52,0 triệu đồng, đạt 98,3% kế hoạch — trong phạm vi «khoảng» 52,9 triệu đồng (thiếu không quá 1,058 triệu đồng, tức 2% của kế hoạch): đạt kế hoạch. Số cả năm là kết quả cuối cùng.",
        en: "Full year: 52.0 million VND, 98.3% of plan — within “about” 52.9 million VND (short by at most 1.058 million VND, 2% of the plan): met. The full-year figure is the result.",
    },
    Row {
        id: "forest-cover",
        entries: &[(Y, O, 51.87)],
        priors: &[(Y, 51.2)],
        rule: "YearMissed",
        vi: "Cả năm: 51,87%, đạt 99,2% kế hoạch — không đạt kế hoạch (≥ 52,3%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: 51.87%, 99.2% of plan — short of the plan (≥ 52.3%). The full-year figure is the result.",
    },
    Row {
        id: "underweight-children",
        entries: &[(Y, O, 17.2)],
        priors: &[],
        rule: "YearMissed",
        vi: "Cả năm: 17,2%, đạt 97,1% kế hoạch — không đạt kế hoạch (< 16,7%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: 17.2%, 97.1% of plan — short of the plan (< 16.7%). The full-year figure is the result.",
    },
    Row {
        id: "grdp-growth",
        entries: &[(Y, E, -2.77)],
        priors: &[],
        rule: "YearMissed",
        vi: "Cả năm: -2,77%, thấp hơn kế hoạch 11,77 điểm % — không đạt kế hoạch (≈ 9,0%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: -2.77%, 11.77 points below plan — short of the plan (≈ 9.0%). The full-year figure is the result.",
    },
    Row {
        id: "local-export-growth",
        entries: &[(Y, E, -22.6)],
        priors: &[],
        rule: "YearMissed",
        vi: "Cả năm: -22,6%, thấp hơn kế hoạch 30,6 điểm % — không đạt kế hoạch (≥ 8,0%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: -22.6%, 30.6 points below plan — short of the plan (≥ 8.0%). The full-year figure is the result.",
    },
    Row {
        id: "grdp-per-capita",
        entries: &[(Y, E, 47.2)],
        priors: &[],
        rule: "YearMissed",
        vi: "Cả năm: 47,2 triệu đồng, đạt 89,2% kế hoạch — không đạt kế hoạch (≈ 52,9 triệu đồng). Số cả năm là kết quả cuối cùng.",
        en: "Full year: 47.2 million VND, 89.2% of plan — short of the plan (≈ 52.9 million VND). The full-year figure is the result.",
    },
    Row {
        id: "poverty-reduction",
        entries: &[(Y, E, 23.88)],
        priors: &[(Y, 26.5)],
        rule: "YearMissed",
        vi: "Cả năm: giảm 2,62 điểm %; tỷ lệ còn 23,88%, đạt 72,8% mức giảm kế hoạch — không đạt kế hoạch (giảm 3,6%). Số cả năm là kết quả cuối cùng.",
        en: "Full year: down 2.62 points; rate now 23.88%, 72.8% of the planned reduction — short of the plan (cut by 3.6%). The full-year figure is the result.",
    },
    Row {
        id: "birth-rate-reduction",
        entries: &[(Y, O, 18.9)],
        priors: &[(Y, 19.2)],
        rule: "YearMissed",
        vi: "Cả năm: giảm 0,3‰; tỷ suất còn 18,9‰, đạt 75,0% mức giảm kế hoạch — không đạt kế hoạch (giảm 0,4‰). Số cả năm là kết quả cuối cùng.",
        en: "Full year: down 0.3‰; rate now 18.9‰, 75.0% of the planned reduction — short of the plan (cut by 0.4‰). The full-year figure is the result.",
    },
    Row {
        id: "grain-output",
        entries: &[(M9, E, 124.12)],
        priors: &[(M9, 121.5), (Y, 219.6)],
        rule: "FlowPace",
        vi: "9 tháng: 124,12 nghìn tấn, đạt 55,2% kế hoạch; tiến độ cần đạt 55,3% kế hoạch (như năm 2022: 9 tháng đạt 55,3% cả năm): đúng tiến độ khi từ 52,6% (95% của 55,3%), có nguy cơ khi từ 33,2% (60% của 55,3%).",
        en: "Nine months: 124.12 thousand tonnes, 55.2% of plan; expected by now 55.3% of plan (as in 2022: 55.3% of its year by nine months): on track from 52.6% (95% of 55.3%), at risk from 33.2% (60% of 55.3%).",
    },
    Row {
        id: "grain-output",
        entries: &[(M9, E, 124.12)],
        priors: &[],
        rule: "FlowPace",
        vi: "9 tháng: 124,12 nghìn tấn, đạt 55,2% kế hoạch; tiến độ cần đạt 75,0% kế hoạch (tính đều 9/12 tháng): đúng tiến độ khi từ 71,3% (95% của 75,0%), có nguy cơ khi từ 45,0% (60% của 75,0%).",
        en: "Nine months: 124.12 thousand tonnes, 55.2% of plan; expected by now 75.0% of plan (evenly, 9 of 12 months): on track from 71.3% (95% of 75.0%), at risk from 45.0% (60% of 75.0%).",
    },
    Row {
        id: "budget-revenue",
        entries: &[(H1, O, 1100.0), (Q(3), E, 700.0)],
        priors: &[],
        rule: "FlowPace",
        vi: "9 tháng: 1.800 tỷ đồng (số 6 tháng cộng các số riêng từ tháng 7 đến tháng 9), đạt 73,5% kế hoạch; tiến độ cần đạt 75,0% kế hoạch (tính đều 9/12 tháng): đúng tiến độ khi từ 71,3% (95% của 75,0%), có nguy cơ khi từ 45,0% (60% của 75,0%).",
        en: "Nine months: 1,800 billion VND (the first half plus the own figures of July to September), 73.5% of plan; expected by now 75.0% of plan (evenly, 9 of 12 months): on track from 71.3% (95% of 75.0%), at risk from 45.0% (60% of 75.0%).",
    },
    Row {
        id: "jobs-created",
        entries: &[(Q(1), E, 2000.0), (Q(2), E, 2300.0)],
        priors: &[],
        rule: "FlowPace",
        vi: "6 tháng: 4.300 lao động (cộng các số riêng từ tháng 1 đến tháng 6), đạt 50,9% kế hoạch; tiến độ cần đạt 50,0% kế hoạch (tính đều 6/12 tháng): đúng tiến độ khi từ 47,5% (95% của 50,0%), có nguy cơ khi từ 30,0% (60% của 50,0%).",
        en: "First half: 4,300 workers (the own figures of January to June added up), 50.9% of plan; expected by now 50.0% of plan (evenly, 6 of 12 months): on track from 47.5% (95% of 50.0%), at risk from 30.0% (60% of 50.0%).",
    },
    Row {
        id: "forest-cover",
        entries: &[(H1, E, 51.9)],
        priors: &[(Y, 51.2)],
        rule: "PathFromBaseline",
        vi: "6 tháng: 51,9%, đạt 99,2% kế hoạch; đã đi được 63,6% chặng đường từ số năm 2022 (51,2%) đến kế hoạch (52,3%), khi đã qua 50,0% thời gian của năm: đúng tiến độ khi từ 47,5% (95% của 50,0%), có nguy cơ khi từ 30,0% (60% của 50,0%).",
        en: "First half: 51.9%, 99.2% of plan; 63.6% of the way from the 2022 value (51.2%) to the plan (52.3%), with 50.0% of the year gone: on track from 47.5% (95% of 50.0%), at risk from 30.0% (60% of 50.0%).",
    },
    Row {
        id: "poverty-reduction",
        entries: &[(H1, E, 25.2)],
        priors: &[(Y, 26.5)],
        rule: "PathFromBaseline",
        vi: "6 tháng: giảm 1,3 điểm %; tỷ lệ còn 25,2%, đạt 36,1% mức giảm kế hoạch, khi đã qua 50,0% thời gian của năm: đúng tiến độ khi từ 47,5% (95% của 50,0%), có nguy cơ khi từ 30,0% (60% của 50,0%).",
        en: "First half: down 1.3 points; rate now 25.2%, 36.1% of the planned reduction, with 50.0% of the year gone: on track from 47.5% (95% of 50.0%), at risk from 30.0% (60% of 50.0%).",
    },
    Row {
        id: "forest-cover",
        entries: &[(H1, E, 51.0)],
        priors: &[(Y, 51.2)],
        rule: "MovingAway",
        vi: "6 tháng: 51,0%, đạt 97,5% kế hoạch; xa kế hoạch hơn số năm 2022 (51,2%): đi ngược hướng kế hoạch.",
        en: "First half: 51.0%, 97.5% of plan; further from the plan than the 2022 value (51.2%): moving away from it.",
    },
    Row {
        id: "forest-cover",
        entries: &[(M9, E, 51.0)],
        priors: &[],
        rule: "ShortfallAndTimeLeft",
        vi: "9 tháng: 51,0%, đạt 97,5% kế hoạch, còn cách kế hoạch 2,5%; chưa có số năm 2022 nên so với thời gian còn lại của năm (25,0%): đúng tiến độ khi cách không quá 1,3% (5% × 25,0%), có nguy cơ khi không quá 10,0% (40% × 25,0%).",
        en: "Nine months: 51.0%, 97.5% of plan, 2.5% away from the plan; with no 2022 value, weighed against the year left (25.0%): on track within 1.3% (5% × 25.0%), at risk within 10.0% (40% × 25.0%).",
    },
    Row {
        id: "tourist-growth",
        entries: &[(C(5), E, 37.0)],
        priors: &[],
        rule: "RateIndication",
        vi: "5 tháng (so với cùng kỳ): 37,0%, cao hơn kế hoạch 29,4 điểm %. Tốc độ tăng của một phần năm chỉ là dấu hiệu cho cả năm, chưa phải kết quả. Đúng tiến độ khi không kém kế hoạch quá 0,5 điểm %, có nguy cơ khi không quá 2 điểm %.",
        en: "5 months (year on year): 37.0%, 29.4 points above plan. Growth over part of the year is only an indication for the year, not its result. On track when at most 0.5 points worse than plan, at risk at most 2 points.",
    },
    Row {
        id: "grdp-growth",
        entries: &[(M9, E, -2.77)],
        priors: &[],
        rule: "RateIndication",
        vi: "9 tháng (so với cùng kỳ): -2,77%, thấp hơn kế hoạch 11,77 điểm %. Tốc độ tăng của một phần năm chỉ là dấu hiệu cho cả năm, chưa phải kết quả. Đúng tiến độ khi không kém kế hoạch quá 0,5 điểm %, có nguy cơ khi không quá 2 điểm %.",
        en: "Nine months (year on year): -2.77%, 11.77 points below plan. Growth over part of the year is only an indication for the year, not its result. On track when at most 0.5 points worse than plan, at risk at most 2 points.",
    },
    Row {
        id: "structure-product-taxes",
        entries: &[(Y, E, 5.7)],
        priors: &[],
        rule: "ShareBand",
        vi: "Cả năm: tỷ trọng 5,70%, cao hơn kế hoạch 0,01 điểm % (cơ cấu kế hoạch 5,69%); đạt khi lệch không quá 0,5 điểm %. Số cả năm là kết quả cuối cùng.",
        en: "Full year: share 5.70%, 0.01 points above plan (planned 5.69%); met within 0.5 points. The full-year figure is the result.",
    },
    Row {
        id: "structure-services",
        entries: &[(H1, E, 39.6)],
        priors: &[],
        rule: "ShareBand",
        vi: "6 tháng: tỷ trọng 39,60%, cao hơn kế hoạch 1,52 điểm % (cơ cấu kế hoạch 38,08%). Cơ cấu kinh tế của một phần năm chỉ là dấu hiệu cho cả năm, chưa phải kết quả. Đúng tiến độ khi lệch không quá 0,5 điểm %, có nguy cơ khi không quá 2 điểm %.",
        en: "First half: share 39.60%, 1.52 points above plan (planned 38.08%). The structure over part of the year is only an indication for the year, not its result. On track within 0.5 points, at risk within 2 points.",
    },
    Row {
        id: "structure-services",
        entries: &[(Y, E, 40.0)],
        priors: &[(Y, 37.9)],
        rule: "ShareShiftExceeded",
        vi: "Cả năm: tỷ trọng 40,00%, cao hơn kế hoạch 1,92 điểm %: kế hoạch tăng tỷ trọng từ 37,90% năm 2022 lên 38,08%, tỷ trọng đã tăng vượt mức đó. Số cả năm là kết quả cuối cùng.",
        en: "Full year: share 40.00%, 1.92 points above plan: the plan moves the share up from 37.90% in 2022 to 38.08%, and it has moved further. The full-year figure is the result.",
    },
    Row {
        id: "structure-agriculture",
        entries: &[(Y, E, 15.4)],
        priors: &[(Y, 15.0)],
        rule: "ShareWrongWay",
        vi: "Cả năm: tỷ trọng 15,40%, cao hơn kế hoạch 1,13 điểm %: kế hoạch giảm tỷ trọng từ 15,00% năm 2022 xuống 14,27%, nhưng tỷ trọng lại tăng: chuyển dịch ngược hướng. Số cả năm là kết quả cuối cùng.",
        en: "Full year: share 15.40%, 1.13 points above plan: the plan moves the share down from 15.00% in 2022 to 14.27%, but it went up: a shift the wrong way. The full-year figure is the result.",
    },
    Row {
        id: "structure-industry",
        entries: &[(H1, E, 40.5)],
        priors: &[(Y, 41.2)],
        rule: "ShareWrongWay",
        vi: "6 tháng: tỷ trọng 40,50%, thấp hơn kế hoạch 1,46 điểm %: kế hoạch tăng tỷ trọng từ 41,20% năm 2022 lên 41,96%, nhưng tỷ trọng lại giảm: chuyển dịch ngược hướng. Cơ cấu kinh tế của một phần năm chỉ là dấu hiệu cho cả năm, chưa phải kết quả.",
        en: "First half: share 40.50%, 1.46 points below plan: the plan moves the share up from 41.20% in 2022 to 41.96%, but it went down: a shift the wrong way. The structure over part of the year is only an indication for the year, not its result.",
    },
];

#[test]
fn each_rules_sentence_reads_as_written() {
    for row in ROWS {
        check(row);
    }
}

#[test]
fn every_rule_has_a_sentence_that_is_checked() {
    let covered: std::collections::BTreeSet<&str> = ROWS.iter().map(|r| r.rule).collect();
    let all: std::collections::BTreeSet<&str> = ALL_RULES.into_iter().collect();
    assert_eq!(covered, all);
}
