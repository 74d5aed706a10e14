//! What a target's page lists beside its status: how final the verdict is, a flow's expected
//! share and forecast, a level's way from 2022, the comparison with the same period, and for
//! the economic structure the warning when the shares of a period do not sum to 100 %.

use crate::i18n::{Lang, Msg};
use crate::plan::number::{format_goal_value, format_number, format_percent};
use crate::plan::{
    structure_sums, Domain, ExpectedPath, NumericKind, Plan, Progress, Target, Tracking,
};

use super::verdict::{mid_sentence, stage, versus_same_period};

/// The label of the "% KH" figure: a rate's or a share's is a gap to the plan, not a share of
/// it.
pub fn achievement_label(target: &Target, lang: Lang) -> &'static str {
    match target.numeric() {
        Some(goal) if goal.domain == Domain::Change || goal.kind == NumericKind::Share => {
            lang.pick("Chênh lệch so với KH", "Gap to plan")
        }
        _ => Msg::Achievement.get(lang),
    }
}

/// The lines (label, value) the page lists under the status, in order.
pub fn details(
    target: &Target,
    progress: &Progress,
    tracking: &Tracking,
    year: u16,
    lang: Lang,
) -> Vec<(String, String)> {
    let Some(goal) = target.numeric() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(s) = progress.stage {
        lines.push((
            lang.pick("Tính chất đánh giá", "Kind of verdict")
                .to_owned(),
            stage(s, lang).to_owned(),
        ));
    }
    if let Some((expected, path)) = progress.expected {
        let whence = match (path, lang) {
            (ExpectedPath::Linear, Lang::Vi) => "tính đều theo tháng".to_owned(),
            (ExpectedPath::Linear, Lang::En) => "evenly over the months".to_owned(),
            (ExpectedPath::PriorYear, Lang::Vi) => {
                format!("như năm {}", super::figures::prior_year(year))
            }
            (ExpectedPath::PriorYear, Lang::En) => {
                format!("as in {}", super::figures::prior_year(year))
            }
        };
        lines.push((
            Msg::Expected.get(lang).to_owned(),
            format!("{} ({whence})", format_percent(expected, lang)),
        ));
    }
    if let Some(forecast) = progress.forecast {
        lines.push((
            Msg::Forecast.get(lang).to_owned(),
            format_goal_value(forecast, goal, lang),
        ));
    }
    if let (Some(travelled), false) = (progress.from_baseline, goal.kind == NumericKind::ReduceBy) {
        lines.push((
            Msg::DistanceFromBaseline.get(lang).to_owned(),
            format_percent(travelled, lang),
        ));
    }
    if let Some(compared) = versus_same_period(target, progress, tracking, year, lang) {
        lines.push((
            lang.pick("So với cùng kỳ", "On the same period").to_owned(),
            compared,
        ));
    }
    lines
}

/// For a share of the economy, a warning per period whose shares cannot all be right: "Tổng
/// các tỷ trọng cơ cấu 6 tháng là 99,00%, không phải khoảng 100%: hãy kiểm tra."
pub fn structure_warnings(
    plan: &Plan,
    target: &Target,
    tracking: &Tracking,
    lang: Lang,
) -> Vec<String> {
    if !matches!(target.numeric(), Some(goal) if goal.kind == NumericKind::Share) {
        return Vec::new();
    }
    structure_sums(plan, tracking)
        .into_iter()
        .filter(|s| s.is_wrong())
        .map(|s| {
            let sum = format!("{}%", format_number(s.sum, 2, lang));
            let period = mid_sentence(s.period, lang);
            match (lang, s.entered == s.of) {
                (Lang::Vi, true) => format!(
                    "Tổng {} tỷ trọng cơ cấu kinh tế {period} là {sum}, không phải khoảng 100%: hãy kiểm tra các tỷ trọng.",
                    s.of
                ),
                (Lang::Vi, false) => format!(
                    "{} trong {} tỷ trọng cơ cấu kinh tế {period} đã cộng lại được {sum}, quá 100%: hãy kiểm tra các tỷ trọng.",
                    s.entered, s.of
                ),
                (Lang::En, true) => format!(
                    "The {} shares of the economy for {period} sum to {sum}, not about 100%: check them.",
                    s.of
                ),
                (Lang::En, false) => format!(
                    "{} of the {} shares of the economy for {period} already sum to {sum}, over 100%: check them.",
                    s.entered, s.of
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{progress, Basis, Entry, Period};

    fn tracking(rows: &[(&str, Period, f64)], priors: &[(&str, Period, f64)]) -> (Plan, Tracking) {
        let plan = Plan::embedded().expect("plan");
        let mut t = Tracking::default();
        for &(id, period, value) in rows {
            let target = plan.target(id).expect("target");
            t.upsert_entry(
                &target.id,
                Entry {
                    period,
                    basis: Basis::Estimate,
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

    #[test]
    fn a_flows_page_lists_its_path_forecast_and_same_period() {
        let (plan, t) = tracking(
            &[("grain-output", Period::NINE_MONTHS, 124.12)],
            &[
                ("grain-output", Period::NINE_MONTHS, 121.5),
                ("grain-output", Period::Year, 219.6),
            ],
        );
        let grain = plan.target("grain-output").expect("target");
        let lines = details(grain, &progress(grain, &t), &t, plan.year, Lang::Vi);
        let lines: Vec<(&str, &str)> = lines
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                ("Tính chất đánh giá", "Tiến độ trước khi hết năm"),
                ("Tiến độ cần đạt", "55,3% (như năm 2022)"),
                ("Dự báo cả năm", "224 nghìn tấn"),
                ("So với cùng kỳ", "tăng 2,2% so với cùng kỳ năm 2022"),
            ]
        );
        assert_eq!(achievement_label(grain, Lang::Vi), "Đạt % KH");
    }

    #[test]
    fn a_rates_page_has_no_way_from_2022_and_says_it_is_an_indication() {
        let (plan, t) = tracking(
            &[("grdp-growth", Period::NINE_MONTHS, -2.77)],
            &[("grdp-growth", Period::Year, 7.0)],
        );
        let grdp = plan.target("grdp-growth").expect("target");
        let lines = details(grdp, &progress(grdp, &t), &t, plan.year, Lang::En);
        assert_eq!(
            lines,
            [(
                "Kind of verdict".to_owned(),
                "An indication, not the year's result".to_owned()
            )]
        );
        assert_eq!(achievement_label(grdp, Lang::Vi), "Chênh lệch so với KH");
    }

    #[test]
    fn the_structure_warns_when_its_shares_do_not_sum_to_100() {
        let (plan, t) = tracking(
            &[
                ("structure-agriculture", Period::FIRST_HALF, 15.0),
                ("structure-industry", Period::FIRST_HALF, 39.0),
                ("structure-services", Period::FIRST_HALF, 40.0),
                ("structure-product-taxes", Period::FIRST_HALF, 5.0),
                ("structure-agriculture", Period::Year, 15.4),
                ("structure-industry", Period::Year, 38.9),
                ("structure-services", Period::Year, 40.0),
                ("structure-product-taxes", Period::Year, 5.7),
            ],
            &[],
        );
        let services = plan.target("structure-services").expect("target");
        assert_eq!(
            structure_warnings(&plan, services, &t, Lang::Vi),
            ["Tổng 4 tỷ trọng cơ cấu kinh tế 6 tháng là 99,00%, không phải khoảng 100%: hãy kiểm tra các tỷ trọng."]
        );
        assert_eq!(
            structure_warnings(&plan, services, &t, Lang::En),
            ["The 4 shares of the economy for the first half sum to 99.00%, not about 100%: check them."]
        );
        // Only a share's page warns.
        let forest = plan.target("forest-cover").expect("target");
        assert!(structure_warnings(&plan, forest, &t, Lang::Vi).is_empty());
    }
}
