//! The overview as plain HTML, the same markup as the app's (a browser test proves the two DOMs
//! equal, in both languages: `tests/e2e/prerender.test.mjs`): written into `index.html` at build
//! time with the plan's words and placeholders for the user's figures, and, beside it, every
//! value of it by name (`writer::Fill`), from which the app keeps the first paint's record.

use super::chart::groups_figure;
use super::writer::{esc, Fill, Kind, Slot, Writer};
use crate::i18n::{Lang, Msg};
use crate::plan::{
    headline, progress_all, Plan, Progress, Status, Summary, Target, Tracking, COUNTED,
};
use crate::present;
use crate::present::verdict::figures_up_to;

/// The language of the overview written into `index.html`.
pub const BUILD_LANG: Lang = Lang::Vi;

/// What a figure cell of a target's row shows.
#[derive(Clone, Debug, PartialEq)]
pub enum CellContent {
    Text(String),
    /// A text (`<span class="marker">`) and, under it, a muted line (`<span class="prior">`),
    /// either empty when there is none: the period of the current figure and the year before's.
    WithLine(String, String),
    /// The status badge: colour, icon and word.
    Status(Status),
}

/// One cell of a target's row that depends on the user's figures: the class of its `<td>`
/// (which also names it), its column's heading, the label a phone's card shows beside it, and
/// what it shows. The row's cells are this list: a new cell is one more entry here (and its
/// cell in the app's `TargetRow`, which the browser test of equal DOMs holds to it).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub name: &'static str,
    pub heading: Msg,
    pub label: &'static str,
    pub content: CellContent,
}

/// The cells of a target's row that hold the user's figures; `year` is the plan's.
pub fn figure_cells(
    target: &Target,
    progress: &Progress,
    tracking: &Tracking,
    year: u16,
    lang: Lang,
) -> Vec<Cell> {
    let current = progress.current;
    vec![
        Cell {
            name: "current-value",
            heading: Msg::CurrentValue,
            label: Msg::CurrentValue.get(lang),
            content: CellContent::Text(present::current_value(target, progress, lang)),
        },
        Cell {
            name: "period",
            heading: Msg::FigurePeriod,
            label: Msg::FigurePeriod.get(lang),
            content: CellContent::WithLine(
                present::figures::period_marker(target, current, lang).unwrap_or_default(),
                present::figures::prior_and_change(target, tracking, current, year, lang)
                    .unwrap_or_default(),
            ),
        },
        Cell {
            name: "achievement",
            heading: Msg::VersusPlan,
            label: present::details::achievement_label(target, lang),
            content: CellContent::Text(present::achievement(progress, lang)),
        },
        Cell {
            name: "status-cell",
            heading: Msg::Status,
            label: Msg::Status.get(lang),
            content: CellContent::Status(progress.status),
        },
    ]
}

/// The class a column's heading carries, where its cells' style needs it.
fn heading_class(name: &str) -> &'static str {
    match name {
        "period" => " class=\"period\"",
        _ => "",
    }
}

/// What the page knows of the user's figures.
#[derive(Clone, Copy)]
pub enum Figures<'a> {
    /// At build time: the figures live in the browser; their places wait with placeholders.
    Unknown,
    /// Every target's progress, aligned with `plan.targets`, and the figures it comes from.
    Known(&'a [Progress], &'a Tracking),
}

/// The overview written, and its values by name.
pub struct Overview {
    pub html: String,
    pub fills: Vec<Fill>,
}

impl Overview {
    /// The values the first paint writes into the page built in [`BUILD_LANG`] to show it in
    /// `lang`: the figures' alone in the build's language, every value in another.
    pub fn fills_for(self, lang: Lang) -> Vec<(String, String)> {
        self.fills
            .into_iter()
            .filter(|f| lang != BUILD_LANG || f.kind == Kind::Figures)
            .map(|f| (f.token, f.value))
            .collect()
    }
}

/// The status badge, as the app's `StatusBadge` draws it. `name` names its three values.
fn badge(w: &mut Writer, name: &str, status: Status, lang: Lang, kind: Kind) {
    let slots = match kind {
        Kind::Figures => [
            Slot::figure_attr(name, "data-status", status.code(), None),
            Slot::figure(format!("{name}.icon"), status.icon()),
            Slot::figure(format!("{name}.word"), status.label(lang)),
        ],
        Kind::Words => [
            Slot::words_attr(name, "data-status", status.code()),
            Slot::words(format!("{name}.icon"), status.icon()),
            Slot::words(format!("{name}.word"), status.label(lang)),
        ],
    };
    let [status_slot, icon, word] = slots;
    w.open("span", "class=\"status\"", &[status_slot]);
    w.element(
        "span",
        "class=\"status-icon\" aria-hidden=\"true\"",
        &[icon],
    );
    w.element("span", "class=\"status-word\"", &[word]);
    w.close("span");
}

fn header(w: &mut Writer, lang: Lang) {
    let m = |msg: Msg| msg.get(lang);
    w.raw("<header class=\"site-header\"><div class=\"brand\">");
    w.element(
        "a",
        "class=\"brand-title\" href=\"#/\"",
        &[Slot::words("app-title", m(Msg::AppTitle))],
    );
    w.element(
        "span",
        "class=\"brand-subtitle\"",
        &[Slot::words("app-subtitle", m(Msg::AppSubtitle))],
    );
    w.raw("</div>");
    w.open(
        "nav",
        "class=\"site-nav\"",
        &[Slot::words_attr(
            "nav",
            "aria-label",
            lang.pick("Điều hướng chính", "Main navigation"),
        )],
    );
    for (href, msg, name, current) in [
        ("#/", Msg::NavOverview, "nav.overview", true),
        ("#/nhiem-vu", Msg::NavTasks, "nav.tasks", false),
        ("#/nghi-quyet", Msg::NavResolution, "nav.resolution", false),
        ("#/du-lieu", Msg::NavData, "nav.data", false),
    ] {
        let current = if current {
            " aria-current=\"page\""
        } else {
            ""
        };
        w.element(
            "a",
            &format!("href=\"{href}\"{current}"),
            &[Slot::words(name, m(msg))],
        );
    }
    w.element(
        "button",
        "id=\"lang-switch\" type=\"button\" disabled",
        &[
            Slot::words_attr("switch", "lang", lang.other().code()),
            Slot::words("switch", m(Msg::SwitchLanguage)),
        ],
    );
    w.raw("</nav></header>");
}

fn summary(w: &mut Writer, plan: &Plan, lang: Lang, all: &[Progress]) {
    let counts = Summary::of(all);
    w.raw("<section class=\"summary\" aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">");
    w.text(Slot::words("summary.title", Msg::WholePlan.get(lang)));
    w.element(
        "span",
        "class=\"summary-total\"",
        &[Slot::words(
            "summary.total",
            format!(" · {} {}", plan.targets.len(), Msg::TargetsCount.get(lang)),
        )],
    );
    w.raw("</h2><ul class=\"summary-counts\">");
    for status in COUNTED {
        w.raw(&format!(
            "<li class=\"summary-count\" data-summary=\"{}\">",
            status.code()
        ));
        w.element(
            "span",
            "class=\"count\"",
            &[Slot::figure("count", counts.shown(status).to_string())],
        );
        badge(w, "status", status, lang, Kind::Words);
        w.raw("</li>");
    }
    w.raw("</ul>");
    groups_figure(w, plan, lang, all);
    w.raw("</section>");
}

fn group_tables(w: &mut Writer, plan: &Plan, lang: Lang, all: &[Progress], tracking: &Tracking) {
    let m = |msg: Msg| msg.get(lang);
    for group in &plan.groups {
        w.raw(&format!(
            "<section class=\"group\" aria-labelledby=\"group-{n}\"><h2 id=\"group-{n}\">\
             <span class=\"group-number\">({n})</span> ",
            n = group.number
        ));
        w.text(Slot::words("group", group.name(lang)));
        w.raw("</h2><table class=\"targets\"><thead><tr>");
        let mut rows = plan
            .targets
            .iter()
            .zip(all)
            .filter(|(t, _)| t.group == group.number)
            .peekable();
        let headings: Vec<(Msg, &str)> = [(Msg::Target, ""), (Msg::PlanValue, "")]
            .into_iter()
            .chain(rows.peek().into_iter().flat_map(|(t, p)| {
                figure_cells(t, p, tracking, plan.year, lang)
                    .into_iter()
                    .map(|c| (c.heading, heading_class(c.name)))
            }))
            .collect();
        for (msg, class) in headings {
            w.element(
                "th",
                &format!("scope=\"col\"{class}"),
                &[Slot::words("head", m(msg))],
            );
        }
        w.raw("</tr></thead><tbody>");
        for (target, progress) in rows {
            row(w, target, progress, tracking, plan.year, lang);
        }
        w.raw("</tbody></table></section>");
    }
}

fn row(
    w: &mut Writer,
    target: &Target,
    progress: &Progress,
    tracking: &Tracking,
    year: u16,
    lang: Lang,
) {
    let id = target.id.as_str();
    w.row(id);
    w.raw("<th scope=\"row\" class=\"target-name\">");
    w.element(
        "a",
        &format!("href=\"#/chi-tieu/{}\"", esc(id)),
        &[Slot::words("name", target.name(lang))],
    );
    w.raw("</th>");
    // A qualitative target has a commitment, not a plan value.
    let plan_class = if target.numeric().is_some() {
        "plan-value"
    } else {
        "plan-commitment"
    };
    w.open(
        "td",
        &format!("class=\"{plan_class}\""),
        &[Slot::words_attr(
            "label",
            "data-label",
            Msg::PlanValue.get(lang),
        )],
    );
    w.element(
        "span",
        "class=\"direction\"",
        &[Slot::words("direction", present::direction(target, lang))],
    );
    w.raw(" ");
    w.text(Slot::words("plan", present::plan_value(target, lang)));
    w.close("td");
    for cell in figure_cells(target, progress, tracking, year, lang) {
        let label = Slot::words_attr("label", "data-label", cell.label);
        let name = cell.name;
        let class = format!("class=\"{}\"", cell.name);
        match cell.content {
            CellContent::Text(text) => {
                w.element("td", &class, &[label, Slot::figure(name, text)]);
            }
            CellContent::WithLine(text, line) => {
                w.open("td", &class, &[label]);
                w.element("span", "class=\"marker\"", &[Slot::figure(name, text)]);
                w.raw(" ");
                w.element(
                    "span",
                    "class=\"prior\"",
                    &[Slot::figure(format!("{name}.line"), line)],
                );
                w.close("td");
            }
            CellContent::Status(status) => {
                w.open("td", &class, &[label]);
                badge(w, name, status, lang, Kind::Figures);
                w.close("td");
            }
        }
    }
    w.raw("</tr>");
}

/// The overview of the plan: header, title, summary with its chart, and every target with its
/// plan value and the user's figures (or their placeholders).
pub fn overview(plan: &Plan, lang: Lang, figures: Figures) -> Overview {
    // Unknown, the values named are those of a plan with no figures yet: a first visit's.
    let none;
    let nothing = Tracking::default();
    let (known, all, tracking) = match figures {
        Figures::Known(all, tracking) => (true, all, tracking),
        Figures::Unknown => {
            none = progress_all(plan, &nothing);
            (false, none.as_slice(), &nothing)
        }
    };
    let mut w = Writer::new(known);
    write(&mut w, plan, lang, all, tracking);
    Overview {
        html: w.html,
        fills: w.fills,
    }
}

/// Writes the overview with `w`; `all` is every target's progress, aligned with `plan.targets`,
/// from the figures `tracking`.
pub fn write(w: &mut Writer, plan: &Plan, lang: Lang, all: &[Progress], tracking: &Tracking) {
    // `data-lang`: the language the page is written in.
    w.raw(&format!(
        "<div id=\"prerender\" data-lang=\"{}\">",
        lang.code()
    ));
    header(w, lang);
    w.raw("<main id=\"main\" tabindex=\"-1\"><div class=\"page-head\">");
    w.element(
        "h1",
        "class=\"page-title\"",
        &[Slot::words(
            "title",
            lang.pick(&plan.title_vi, &plan.title_en),
        )],
    );
    w.element(
        "a",
        "id=\"print-report\" class=\"button no-print\" href=\"#/bao-cao\"",
        &[Slot::words("print", Msg::PrintReport.get(lang))],
    );
    w.raw("</div>");
    w.element(
        "p",
        "class=\"data-until\"",
        &[Slot::figure(
            "data-until",
            figures_up_to(&headline(plan, all, tracking), lang),
        )],
    );
    summary(w, plan, lang, all);
    group_tables(w, plan, lang, all, tracking);
    w.raw("</main></div>");
}
