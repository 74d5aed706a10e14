//! The overview as plain HTML, written into `index.html` at build time so that on a slow
//! network the plan's targets and values show before the WASM has arrived. Pure: it uses the
//! same plan data and wording as the app, and mirrors the app's markup so nothing jumps when
//! the app replaces it.

use crate::i18n::{Lang, Msg};
use crate::plan::{Plan, Status};
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

/// The overview of the plan in Vietnamese, without the user's figures (which live in the
/// browser): header, title, summary, the chart's box, and every target with its plan value.
pub fn overview_html(plan: &Plan) -> String {
    let lang = Lang::Vi;
    let m = |msg: Msg| esc(msg.get(lang));
    let mut html = String::with_capacity(24_000);
    html.push_str("<div id=\"prerender\">");
    html.push_str(&format!(
        "<header class=\"site-header\"><div class=\"brand\"><a class=\"brand-title\" href=\"#/\">{}</a>\
         <span class=\"brand-subtitle\">{}</span></div><nav class=\"site-nav\" aria-label=\"Điều hướng chính\">\
         <a href=\"#/\" aria-current=\"page\">{}</a><a href=\"#/nhiem-vu\">{}</a><a href=\"#/nghi-quyet\">{}</a>\
         <a href=\"#/du-lieu\">{}</a><button type=\"button\" lang=\"en\" disabled>{}</button></nav></header>",
        m(Msg::AppTitle),
        m(Msg::AppSubtitle),
        m(Msg::NavOverview),
        m(Msg::NavTasks),
        m(Msg::NavResolution),
        m(Msg::NavData),
        m(Msg::SwitchLanguage),
    ));
    html.push_str(&format!(
        "<main><div class=\"page-head no-print\"><h1 class=\"page-title\">{}</h1>\
         <button type=\"button\" disabled>{}</button></div>",
        esc(&plan.title_vi),
        m(Msg::PrintReport),
    ));
    // The summary keeps its place; its counts depend on the user's figures, so they wait.
    html.push_str(&format!(
        "<section class=\"summary\"><h2>{}<span class=\"summary-total\"> · {} {}</span></h2><ul class=\"summary-counts\">",
        m(Msg::WholePlan),
        plan.targets.len(),
        m(Msg::TargetsCount),
    ));
    for status in [
        Status::Achieved,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NoData,
    ] {
        html.push_str(&format!(
            "<li class=\"summary-count\"><span class=\"count\">…</span><span class=\"status\" data-status=\"{}\">\
             <span class=\"status-icon\" aria-hidden=\"true\">{}</span><span class=\"status-word\">{}</span></span></li>",
            status.code(),
            status.icon(),
            esc(status.label(lang)),
        ));
    }
    html.push_str(&format!(
        "</ul><figure class=\"chart-figure\"><figcaption><strong class=\"chart-title\">{}</strong>\
         <span class=\"chart-summary prerender-hidden\">{}</span></figcaption><div class=\"chart-box\">\
         <div class=\"chart\" data-chart-placeholder=\"groups\"></div><span class=\"chart-note\">{}</span></div></figure></section>",
        m(Msg::ChartByGroup),
        esc(&format!("Trong {} chỉ tiêu: đã đạt 0, đúng tiến độ 0, có nguy cơ 0, chậm tiến độ 0, chưa có số liệu 0.", plan.targets.len())),
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
        for target in plan.targets_in(group.number) {
            let plan_class = if target.numeric().is_some() {
                "plan-value"
            } else {
                "plan-commitment"
            };
            html.push_str(&format!(
                "<tr data-prerendered=\"{id}\"><th scope=\"row\" class=\"target-name\"><a href=\"#/chi-tieu/{id}\">{name}</a></th>\
                 <td class=\"{plan_class}\" data-label=\"{plan}\"><span class=\"direction\">{dir}</span> {value}</td>\
                 <td class=\"current-value\" data-label=\"{current}\"></td><td class=\"achievement\" data-label=\"{ach}\"></td>\
                 <td class=\"status-cell\" data-label=\"{status}\"></td></tr>",
                id = esc(target.id.as_str()),
                name = esc(&target.name_vi),
                plan = m(Msg::PlanValue),
                dir = esc(present::direction(target, lang)),
                value = esc(&present::plan_value(target, lang)),
                current = m(Msg::CurrentValue),
                ach = m(Msg::Achievement),
                status = m(Msg::Status),
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
        let html = overview_html(&plan);
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
        assert!(html.matches("<h1").count() == 1);
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
