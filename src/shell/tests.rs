//! Tests of the page shell: the pre-rendered overview, its named values, and the page built.

use super::overview::{figure_cells, overview, Figures, BUILD_LANG};
use super::writer::{esc, Kind, ATTRIBUTES};
use super::*;
use crate::charts::groups_chart;
use crate::plan::{progress_all, Basis, Entry, Period, Summary, Tracking};
use crate::present;

fn plan() -> Plan {
    Plan::embedded().expect("plan")
}

/// Every token named in the markup, in order: each element's words (`data-word`) then its
/// figures (`data-fill`), and a row's start (`#row`) for each target's row, as the first
/// paint's script walks them.
fn tokens_in(html: &str) -> Vec<String> {
    let mut tokens = vec![];
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let attr = |name: &str| {
            let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            Some(&tag[start..start + tag[start..].find('"')?])
        };
        if attr("data-prerendered").is_some() {
            tokens.push(super::writer::ROW.to_owned());
        }
        for name in ["data-word", "data-fill"] {
            if let Some(value) = attr(name) {
                tokens.extend(value.split(' ').map(str::to_owned));
            }
        }
    }
    tokens
}

#[test]
fn every_target_and_its_plan_value_is_in_the_page() {
    let plan = plan();
    let html = overview(&plan, Lang::Vi, Figures::Unknown).html;
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
    assert!(html.contains(
        "<td class=\"current-value\" data-label=\"Thực hiện\" \
         data-word=\"label@data-label\" data-fill=\"current-value\">…</td>"
    ));
    // A status waits without one: no colour, and "…" for its word.
    assert!(html.contains("<span class=\"status\" data-fill=\"status-cell@data-status\">"));
    assert_eq!(html.matches("<h1").count(), 1);
}

#[test]
fn the_users_figures_fill_the_rows_the_summary_and_the_chart() {
    let plan = plan();
    let mut tracking = Tracking::default();
    let revenue = plan.target("budget-revenue").expect("target");
    tracking.upsert_entry(
        &revenue.id,
        Entry {
            period: Period::Year,
            basis: Basis::Official,
            value: 2500.0,
            note: String::new(),
        },
    );
    let all = progress_all(&plan, &tracking);
    let html = overview(&plan, Lang::En, Figures::Known(&all, &tracking)).html;
    assert!(html.contains(&esc(&plan.title_en)));
    assert!(html.contains(&esc(&revenue.name_en)));
    let row = &html[html
        .find("data-prerendered=\"budget-revenue\"")
        .expect("row")..];
    let row = &row[..row.find("</tr>").expect("row end")];
    let index = plan
        .targets
        .iter()
        .position(|t| t.id == revenue.id)
        .expect("index");
    let p = &all[index];
    assert!(
        row.contains(&esc(&present::current_value(revenue, p, Lang::En))),
        "{row}"
    );
    assert!(
        row.contains(&esc(&present::achievement(p, Lang::En))),
        "{row}"
    );
    assert!(
        row.contains(&format!("data-status=\"{}\"", p.status.code())),
        "{row}"
    );
    let summary = Summary::of(&all);
    assert!(html.contains(&format!(
        "data-summary=\"{}\"><span class=\"count\" data-fill=\"count\">{}</span>",
        p.status.code(),
        summary.shown(p.status)
    )));
    assert!(html.contains(&esc(&groups_chart(&plan, &all, Lang::En).summary)));
    assert!(!html.contains("prerender-hidden"));
    // Its group's bar has an "achieved" part (the first of each bar).
    let group = plan
        .groups
        .iter()
        .position(|g| g.number == revenue.group)
        .expect("group");
    let bar = html
        .split("<g class=\"bar-row\">")
        .nth(group + 1)
        .expect("bar");
    let achieved = &bar[bar.find("<rect").expect("rect")..];
    let achieved = &achieved[..achieved.find('>').expect("tag")];
    assert!(
        achieved.contains("decal-achieved") && !achieved.contains("width=\"0%\""),
        "{achieved}"
    );
}

#[test]
fn every_value_named_has_its_place_in_the_page_and_every_place_a_value() {
    let plan = plan();
    let none = Tracking::default();
    let all = progress_all(&plan, &none);
    for (lang, figures) in [
        (Lang::Vi, Figures::Unknown),
        (Lang::Vi, Figures::Known(&all, &none)),
        (Lang::En, Figures::Known(&all, &none)),
    ] {
        let built = overview(&plan, lang, figures);
        let named: Vec<String> = built.fills.iter().map(|f| f.token.clone()).collect();
        assert_eq!(named, tokens_in(&built.html), "{lang:?}");
        // A name is a word's or a figure's, never both: a record of the build's language (the
        // figures alone) then meets no word's place with the same name.
        for fill in &built.fills {
            assert!(
                built
                    .fills
                    .iter()
                    .filter(|f| f.token == fill.token)
                    .all(|f| f.kind == fill.kind),
                "{}",
                fill.token
            );
            assert!(!fill.token.contains(' ') && !fill.token.contains('"'));
            if let Some((_, attr)) = fill.token.split_once('@') {
                assert!(ATTRIBUTES.contains(&attr), "{}", fill.token);
            }
        }
    }
}

#[test]
fn every_word_the_page_shows_is_named() {
    // Written with every named value left empty, the page in either language is the same: no
    // word of one language is outside a named place, where an English record could not reach.
    let plan = plan();
    let none = Tracking::default();
    let all = progress_all(&plan, &none);
    let blank = |lang: Lang| {
        let mut w = super::writer::Writer::blank();
        super::overview::write(&mut w, &plan, lang, &all, &none);
        w.html
            .replacen(&format!("data-lang=\"{}\"", lang.code()), "", 1)
    };
    assert_eq!(blank(Lang::Vi), blank(Lang::En));
}

#[test]
fn every_row_has_a_cell_for_each_figure_and_a_heading_for_each_cell() {
    let plan = plan();
    let none = Tracking::default();
    let all = progress_all(&plan, &none);
    let html = overview(&plan, BUILD_LANG, Figures::Unknown).html;
    let cells = figure_cells(&plan.targets[0], &all[0], &none, plan.year, BUILD_LANG);
    for cell in &cells {
        assert_eq!(
            html.matches(&format!("<td class=\"{}\"", cell.name))
                .count(),
            plan.targets.len(),
            "{}",
            cell.name
        );
    }
    assert_eq!(
        html.matches("data-word=\"head\">").count(),
        plan.groups.len() * (2 + cells.len())
    );
}

#[test]
fn only_the_figures_are_kept_for_the_build_language() {
    let plan = plan();
    let none = Tracking::default();
    let all = progress_all(&plan, &none);
    let built = overview(&plan, BUILD_LANG, Figures::Known(&all, &none));
    let figures = built
        .fills
        .iter()
        .filter(|f| f.kind == Kind::Figures)
        .count();
    assert_eq!(built.fills_for(BUILD_LANG).len(), figures);
    let other = overview(&plan, BUILD_LANG.other(), Figures::Known(&all, &none));
    let every = other.fills.len();
    assert_eq!(other.fills_for(BUILD_LANG.other()).len(), every);
}

#[test]
fn the_page_built_carries_the_overview_its_first_visit_and_its_script() {
    let plan = plan();
    let page = page(&plan);
    let overview = page.find("<div id=\"prerender\"").expect("overview");
    let first_visit = page
        .find(&format!(
            "<script type=\"application/json\" id=\"{FIRST_VISIT_ID}\">"
        ))
        .expect("first visit");
    let script = page
        .find(&format!("<script id=\"{FIRST_PAINT_ID}\">"))
        .expect("script");
    assert!(
        overview < first_visit && first_visit < script,
        "the script runs after both are parsed"
    );
    assert!(page.find(FAILED_ID).is_some_and(|at| at < overview));
    for lang in [Lang::Vi, Lang::En] {
        assert!(page.contains(&esc(Msg::AppLoadFailed.get(lang))));
        assert!(page.contains(&esc(Msg::ReloadPage.get(lang))));
    }
    assert_eq!(page.matches("<script").count(), 2);
    // The first visit's values, read back, are those of a plan with no figures.
    let start = first_visit + page[first_visit..].find('>').expect("tag") + 1;
    let json = &page[start..start + page[start..].find("</script>").expect("end")];
    let fill: Vec<(String, String)> = serde_json::from_str(json).expect("json");
    assert_eq!(
        fill,
        serde_json::from_str::<Vec<(String, String)>>(&super::first_paint::empty_fill(&plan))
            .expect("json")
    );
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
fn a_record_names_its_values_in_the_order_the_page_names_their_places() {
    // The script walks the page's named places and the record together, once: the record must
    // follow the page's order (every place, in another language; the figures', in the build's).
    let plan = plan();
    let none = Tracking::default();
    let all = progress_all(&plan, &none);
    let page = tokens_in(&overview(&plan, BUILD_LANG, Figures::Unknown).html);
    let other = super::first_paint::paint_of(&plan, BUILD_LANG.other(), &all, &none);
    let other: Vec<String> = other.into_iter().map(|(t, _)| t).collect();
    assert_eq!(other, page);
    let build = super::first_paint::paint_of(&plan, BUILD_LANG, &all, &none);
    let mut places = page.iter();
    for (token, _) in &build {
        assert!(places.any(|p| p == token), "{token} out of order");
    }
}
