//! The overview as plain HTML: written into `index.html` at build time (the plan's targets and
//! values, no user data), and drawn again with the user's figures by the small boot module
//! (`src/boot.rs`) before the app's WASM has arrived. Pure: it uses the same plan data, wording
//! and progress engine as the app, and mirrors the app's markup so nothing jumps when the app
//! replaces it.

use crate::charts::groups_chart;
use crate::i18n::{Lang, Msg};
use crate::plan::{Plan, Progress, Status, Summary, COUNTED};
use crate::present;

/// The markers in `index.html` between which the overview is written.
pub const START: &str = "<!-- prerender -->";
pub const END: &str = "<!-- /prerender -->";

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What the page knows of the user's figures.
#[derive(Clone, Copy)]
pub enum Figures<'a> {
    /// At build time: the figures live in the browser, so their cells wait empty.
    Unknown,
    /// In the browser, before the app has loaded (`src/boot.rs`): every target's progress,
    /// aligned with `plan.targets`.
    Known(&'a [Progress]),
}

/// The status badge, as the app's `StatusBadge` draws it.
fn badge(status: Status, lang: Lang) -> String {
    format!(
        "<span class=\"status\" data-status=\"{}\"><span class=\"status-icon\" aria-hidden=\"true\">{}</span>\
         <span class=\"status-word\">{}</span></span>",
        status.code(),
        status.icon(),
        esc(status.label(lang)),
    )
}

/// The overview of the plan: header, title, summary, the chart's box, and every target with
/// its plan value and, when they are known, the user's figures and status. The same markup as
/// the app's, so nothing moves when the app replaces it.
pub fn overview_html(plan: &Plan, lang: Lang, figures: Figures) -> String {
    let m = |msg: Msg| esc(msg.get(lang));
    let known = match figures {
        Figures::Unknown => None,
        Figures::Known(all) => Some(all),
    };
    let mut html = String::with_capacity(32_000);
    html.push_str(match known {
        None => "<div id=\"prerender\">",
        Some(_) => "<div id=\"prerender\" data-figures=\"user\">",
    });
    html.push_str(&format!(
        "<header class=\"site-header\"><div class=\"brand\"><a class=\"brand-title\" href=\"#/\">{}</a>\
         <span class=\"brand-subtitle\">{}</span></div><nav class=\"site-nav\" aria-label=\"{}\">\
         <a href=\"#/\" aria-current=\"page\">{}</a><a href=\"#/nhiem-vu\">{}</a><a href=\"#/nghi-quyet\">{}</a>\
         <a href=\"#/du-lieu\">{}</a><button type=\"button\" lang=\"{}\" disabled>{}</button></nav></header>",
        m(Msg::AppTitle),
        m(Msg::AppSubtitle),
        esc(lang.pick("Điều hướng chính", "Main navigation")),
        m(Msg::NavOverview),
        m(Msg::NavTasks),
        m(Msg::NavResolution),
        m(Msg::NavData),
        lang.other().code(),
        m(Msg::SwitchLanguage),
    ));
    html.push_str(&format!(
        "<main><div class=\"page-head no-print\"><h1 class=\"page-title\">{}</h1>\
         <button type=\"button\" disabled>{}</button></div>",
        esc(lang.pick(&plan.title_vi, &plan.title_en)),
        m(Msg::PrintReport),
    ));
    let summary = known.map(Summary::of);
    html.push_str(&format!(
        "<section class=\"summary\"><h2>{}<span class=\"summary-total\"> · {} {}</span></h2><ul class=\"summary-counts\">",
        m(Msg::WholePlan),
        plan.targets.len(),
        m(Msg::TargetsCount),
    ));
    for status in COUNTED {
        // Without the user's figures the counts are not known yet: the place is kept.
        let count = summary.map_or_else(|| "…".to_owned(), |s| s.shown(status).to_string());
        html.push_str(&format!(
            "<li class=\"summary-count\" data-summary=\"{}\"><span class=\"count\">{count}</span>{}</li>",
            status.code(),
            badge(status, lang),
        ));
    }
    let (caption_class, caption) = match known {
        Some(all) => ("chart-summary", groups_chart(plan, all, lang).summary),
        // The caption keeps its line; its words wait for the figures.
        None => ("chart-summary prerender-hidden", "…".to_owned()),
    };
    html.push_str(&format!(
        "</ul><figure class=\"chart-figure\"><figcaption><strong class=\"chart-title\">{}</strong>\
         <span class=\"{caption_class}\">{}</span></figcaption><div class=\"chart-box\">\
         <div class=\"chart\" data-chart-placeholder=\"groups\"></div><span class=\"chart-note\">{}</span></div></figure></section>",
        m(Msg::ChartByGroup),
        esc(&caption),
        m(Msg::ChartLoading),
    ));
    for group in &plan.groups {
        html.push_str(&format!(
            "<section class=\"group\"><h2><span class=\"group-number\">({})</span> {}</h2><table class=\"targets\"><thead><tr>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             </tr></thead><tbody>",
            group.number,
            esc(group.name(lang)),
            m(Msg::Target),
            m(Msg::PlanValue),
            m(Msg::CurrentValue),
            m(Msg::Achievement),
            m(Msg::Status),
        ));
        for (index, target) in plan.targets.iter().enumerate() {
            if target.group != group.number {
                continue;
            }
            let plan_class = if target.numeric().is_some() {
                "plan-value"
            } else {
                "plan-commitment"
            };
            let (current, achievement, status) = match known.and_then(|all| all.get(index)) {
                Some(p) => (
                    esc(&present::current_value(target, p, lang)),
                    esc(&present::achievement(p, lang)),
                    badge(p.status, lang),
                ),
                None => (String::new(), String::new(), String::new()),
            };
            html.push_str(&format!(
                "<tr data-prerendered=\"{id}\"><th scope=\"row\" class=\"target-name\"><a href=\"#/chi-tieu/{id}\">{name}</a></th>\
                 <td class=\"{plan_class}\" data-label=\"{plan}\"><span class=\"direction\">{dir}</span> {value}</td>\
                 <td class=\"current-value\" data-label=\"{current_label}\">{current}</td>\
                 <td class=\"achievement\" data-label=\"{ach}\">{achievement}</td>\
                 <td class=\"status-cell\" data-label=\"{status_label}\">{status}</td></tr>",
                id = esc(target.id.as_str()),
                name = esc(target.name(lang)),
                plan = m(Msg::PlanValue),
                dir = esc(present::direction(target, lang)),
                value = esc(&present::plan_value(target, lang)),
                current_label = m(Msg::CurrentValue),
                ach = m(Msg::Achievement),
                status_label = m(Msg::Status),
            ));
        }
        html.push_str("</tbody></table></section>");
    }
    html.push_str("</main></div>");
    html
}

/// Why the overview could not be written into the page.
#[derive(Debug, PartialEq, Eq)]
pub struct NoMarkers;

/// `index` with the overview written between the markers, replacing what was there, so that
/// running it twice gives the same page.
pub fn insert(index: &str, fragment: &str) -> Result<String, NoMarkers> {
    let start = index.find(START).ok_or(NoMarkers)? + START.len();
    let end = index[start..].find(END).ok_or(NoMarkers)? + start;
    Ok(format!("{}{fragment}{}", &index[..start], &index[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_and_its_plan_value_is_in_the_page() {
        let plan = Plan::embedded().expect("plan");
        let html = overview_html(&plan, Lang::Vi, Figures::Unknown);
        for target in &plan.targets {
            assert!(
                html.contains(&format!("data-prerendered=\"{}\"", target.id)),
                "{}",
                target.id
            );
            assert!(html.contains(&esc(&target.name_vi)), "{}", target.id);
            if let Some(goal) = target.numeric() {
                assert!(html.contains(&goal.as_written), "{}", target.id);
            }
        }
        // The page names no user figure: those live in the browser only.
        assert!(!html.contains("data-target="));
        assert!(!html.contains("data-figures"));
        assert!(html.contains("data-status"));
        assert!(!html.contains("class=\"status-cell\" data-label=\"Trạng thái\"><span"));
        assert!(html.matches("<h1").count() == 1);
    }

    #[test]
    fn the_users_figures_fill_the_rows_and_the_summary() {
        let plan = Plan::embedded().expect("plan");
        let mut tracking = crate::plan::Tracking::default();
        let revenue = plan.target("budget-revenue").expect("target");
        let entry = crate::plan::Entry {
            period: crate::plan::Period::Year,
            basis: crate::plan::Basis::Official,
            value: 2500.0,
            note: String::new(),
        };
        tracking.upsert_entry(&revenue.id, entry);
        let all: Vec<Progress> = plan
            .targets
            .iter()
            .map(|t| crate::plan::progress(t, &tracking))
            .collect();
        let html = overview_html(&plan, Lang::En, Figures::Known(&all));
        assert!(html.contains("data-figures=\"user\""));
        assert!(html.contains(&esc(&plan.title_en)));
        assert!(html.contains(&esc(&revenue.name_en)));
        // The row of the target entered carries its figure, its achievement and its status.
        let row = &html[html
            .find("data-prerendered=\"budget-revenue\"")
            .expect("row")..];
        let row = &row[..row.find("</tr>").expect("row end")];
        let p = &all[plan
            .targets
            .iter()
            .position(|t| t.id == revenue.id)
            .expect("index")];
        assert!(
            row.contains(&present::current_value(revenue, p, Lang::En)),
            "{row}"
        );
        assert!(row.contains(&present::achievement(p, Lang::En)), "{row}");
        assert!(
            row.contains(&format!("data-status=\"{}\"", p.status.code())),
            "{row}"
        );
        // The summary counts every target once, and the chart's caption is its sentence.
        let summary = Summary::of(&all);
        let achieved = format!(
            "data-summary=\"{}\"><span class=\"count\">{}</span>",
            p.status.code(),
            summary.shown(p.status)
        );
        assert!(html.contains(&achieved), "{achieved}");
        assert!(html.contains(&esc(&groups_chart(&plan, &all, Lang::En).summary)));
        assert!(!html.contains("prerender-hidden"));
    }

    #[test]
    fn inserting_twice_gives_the_same_page() {
        let index = "<body>\n<!-- prerender --><!-- /prerender -->\n</body>";
        let once = insert(index, "<p>a &amp; b</p>").expect("markers");
        assert_eq!(
            once,
            "<body>\n<!-- prerender --><p>a &amp; b</p><!-- /prerender -->\n</body>"
        );
        assert_eq!(insert(&once, "<p>a &amp; b</p>").expect("markers"), once);
        assert_eq!(insert("<body></body>", "x"), Err(NoMarkers));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<img src=x onerror=\"a\"> & b"),
            "&lt;img src=x onerror=&quot;a&quot;&gt; &amp; b"
        );
    }
}
