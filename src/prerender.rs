//! The overview as plain HTML: written into `index.html` at build time (the plan's targets and
//! values, no user data), and drawn again with the user's figures by the small boot module
//! (`src/boot.rs`) before the app's WASM has arrived. Pure: it uses the same plan data, wording
//! and progress engine as the app, and mirrors the app's markup so nothing jumps when the app
//! replaces it.

use crate::charts::groups_chart;
use crate::i18n::{Lang, Msg};
use crate::plan::{progress_all, Plan, Progress, Status, Summary, Tracking, COUNTED};
use crate::present;
use crate::storage::first_paint::encode_cells;

/// The language of the overview written into `index.html`.
pub const BUILD_LANG: Lang = Lang::Vi;

/// The attribute of the overview written at build time that holds the figures' cells of a plan
/// with no figures yet (`first_paint::encode_cells`): a first visit's boot module draws them.
pub const EMPTY_ATTR: &str = "data-empty";

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

/// One row's cells that hold the user's figures: current value and achievement as text, the
/// status as the badge's markup.
#[derive(Debug, PartialEq)]
pub struct RowCells {
    pub id: String,
    pub current: String,
    pub achievement: String,
    pub status_html: String,
}

/// Everything of the overview that depends on the user's figures: with it the boot module fills
/// the pre-rendered page in place when it is already in the reader's language, so that only
/// these few nodes change (cheaper on a slow phone than drawing the page again).
#[derive(Debug, PartialEq)]
pub struct FigureCells {
    pub rows: Vec<RowCells>,
    /// The count shown beside each status of the summary ([`COUNTED`]).
    pub counts: Vec<(Status, usize)>,
    /// The groups chart's caption.
    pub caption: String,
}

impl FigureCells {
    /// `all` is every target's progress, aligned with `plan.targets`.
    pub fn of(plan: &Plan, lang: Lang, all: &[Progress]) -> FigureCells {
        let summary = Summary::of(all);
        FigureCells {
            rows: plan
                .targets
                .iter()
                .zip(all)
                .map(|(target, p)| RowCells {
                    id: target.id.as_str().to_owned(),
                    current: present::current_value(target, p, lang),
                    achievement: present::achievement(p, lang),
                    status_html: badge(p.status, lang),
                })
                .collect(),
            counts: COUNTED.iter().map(|s| (*s, summary.shown(*s))).collect(),
            caption: groups_chart(plan, all, lang).summary,
        }
    }
}

/// The overview of the plan: header, title, summary, the chart's box, and every target with
/// its plan value and, when they are known, the user's figures and status. The same markup as
/// the app's, so nothing moves when the app replaces it.
pub fn overview_html(plan: &Plan, lang: Lang, figures: Figures) -> String {
    let m = |msg: Msg| esc(msg.get(lang));
    // The user's figures; or, unknown, those of a plan with no figures yet: for a first visit's
    // boot module (an attribute) and for the caption's place (hidden).
    let (cells, empty) = match figures {
        Figures::Known(all) => (Some(FigureCells::of(plan, lang, all)), None),
        Figures::Unknown => {
            let none = progress_all(plan, &Tracking::default());
            (None, Some(FigureCells::of(plan, lang, &none)))
        }
    };
    let mut html = String::with_capacity(32_000);
    // `data-lang`: the boot module fills this page in place only when it is in the reader's.
    let extra = match &empty {
        None => " data-figures=\"user\"".to_owned(),
        Some(empty) => format!(" {EMPTY_ATTR}=\"{}\"", esc(&encode_cells(empty))),
    };
    html.push_str(&format!(
        "<div id=\"prerender\" data-lang=\"{}\"{extra}>",
        lang.code(),
    ));
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
    html.push_str(&format!(
        "<section class=\"summary\"><h2>{}<span class=\"summary-total\"> · {} {}</span></h2><ul class=\"summary-counts\">",
        m(Msg::WholePlan),
        plan.targets.len(),
        m(Msg::TargetsCount),
    ));
    for status in COUNTED {
        // Without the user's figures the counts are not known yet: the place is kept.
        let count = cells
            .as_ref()
            .and_then(|c| c.counts.iter().find(|(s, _)| *s == status))
            .map_or_else(|| "…".to_owned(), |(_, n)| n.to_string());
        html.push_str(&format!(
            "<li class=\"summary-count\" data-summary=\"{}\"><span class=\"count\">{count}</span>{}</li>",
            status.code(),
            badge(status, lang),
        ));
    }
    // Unknown, the caption keeps its lines (the sentence of a plan with no figures yet, hidden),
    // so that the chart below does not move when the figures' sentence takes its place.
    let (caption_class, caption) = match &cells {
        Some(c) => ("chart-summary", c.caption.as_str()),
        None => (
            "chart-summary prerender-hidden",
            empty.as_ref().map_or("", |e| e.caption.as_str()),
        ),
    };
    html.push_str(&format!(
        "</ul><figure class=\"chart-figure\"><figcaption><strong class=\"chart-title\">{}</strong>\
         <span class=\"{caption_class}\">{}</span></figcaption><div class=\"chart-box\">\
         <div class=\"chart\" data-chart-placeholder=\"groups\"></div><span class=\"chart-note\">{}</span></div></figure></section>",
        m(Msg::ChartByGroup),
        esc(caption),
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
            m(Msg::VersusPlan),
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
            let (current, achievement, status) =
                match cells.as_ref().and_then(|c| c.rows.get(index)) {
                    Some(row) => (
                        esc(&row.current),
                        esc(&row.achievement),
                        row.status_html.clone(),
                    ),
                    // Not known yet: each cell keeps a line, so that filling it in moves nothing.
                    None => ("…".to_owned(), "…".to_owned(), "…".to_owned()),
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
                ach = esc(present::details::achievement_label(target, lang)),
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
        assert!(html.contains("class=\"current-value\" data-label=\"Thực hiện\">…</td>"));
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
        let all = progress_all(&plan, &tracking);
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
    fn the_cells_filled_in_place_cover_every_target_and_status() {
        let plan = Plan::embedded().expect("plan");
        let tracking = crate::plan::Tracking::default();
        let all = progress_all(&plan, &tracking);
        let cells = FigureCells::of(&plan, Lang::Vi, &all);
        let ids: Vec<&str> = cells.rows.iter().map(|r| r.id.as_str()).collect();
        let plan_ids: Vec<&str> = plan.targets.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, plan_ids);
        assert_eq!(
            cells.counts.iter().map(|(_, n)| n).sum::<usize>(),
            plan.targets.len()
        );
        // The page pre-rendered at build time has a place for each of them.
        let page = overview_html(&plan, Lang::Vi, Figures::Unknown);
        assert!(page.contains("data-lang=\"vi\""));
        for (status, _) in &cells.counts {
            assert!(page.contains(&format!("data-summary=\"{}\"", status.code())));
        }
        assert_eq!(
            page.matches("class=\"current-value\"").count(),
            plan.targets.len()
        );
        assert_eq!(page.matches("class=\"chart-summary").count(), 1);
    }

    #[test]
    fn the_page_built_carries_the_cells_of_a_plan_with_no_figures() {
        let plan = Plan::embedded().expect("plan");
        let page = overview_html(&plan, BUILD_LANG, Figures::Unknown);
        let start =
            page.find(&format!("{EMPTY_ATTR}=\"")).expect("attribute") + EMPTY_ATTR.len() + 2;
        let value = &page[start..start + page[start..].find('"').expect("end")];
        let text = value
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        let empty = progress_all(&plan, &Tracking::default());
        assert_eq!(
            crate::storage::first_paint::decode_cells(&text),
            Some(FigureCells::of(&plan, BUILD_LANG, &empty))
        );
        // Drawn with figures, the page no longer needs it.
        let known = overview_html(&plan, BUILD_LANG, Figures::Known(&empty));
        assert!(!known.contains(EMPTY_ATTR));
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
