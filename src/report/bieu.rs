//! The Biểu as data: its heading, the headline, one table of every target in plan order under
//! its group (as the resolution numbers them), the notes on the columns, the tasks and
//! solutions with their progress, the place and date, and the signatures. The cells of a
//! target's row are made in `cells.rs`, the fixed words in `words.rs`.

use crate::i18n::Lang;
use crate::plan::{headline, ItemProgress, Plan, Progress, Section, Status, Tracking};

use super::{cells, words};

/// A calendar day, the day the Biểu is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

/// The whole report, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Bieu {
    pub lang: Lang,
    pub heading: Heading,
    /// The headline a report opens with: the targets met and the other counts; the tasks.
    pub headline: Vec<String>,
    /// "Số liệu đến 9 tháng năm 2023".
    pub up_to: String,
    pub columns: Columns,
    pub groups: Vec<GroupBlock>,
    /// What the comparison columns mean, printed under the table.
    pub footnotes: Vec<String>,
    pub tasks: Tasks,
    pub signing: Signing,
}

/// The top of a provincial report: the issuing authority at the left, the nation's name and
/// motto at the right, the form's number, the title and what it is attached to.
#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    /// "ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU".
    pub authority: [String; 2],
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc".
    pub nation: [String; 2],
    /// "Biểu số 01".
    pub form: String,
    pub title: String,
    /// "(Kèm theo Báo cáo số …)".
    pub attached: String,
}

/// The table's column titles: the first header row, then the second under the two spanning
/// titles ("Ước TH / TH kỳ báo cáo" over figure and period, "So sánh" over "% KH" and "% cùng
/// kỳ").
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub stt: String,
    pub name: String,
    pub unit: String,
    pub plan: String,
    pub prior: String,
    pub actual: String,
    pub value: String,
    pub period: String,
    pub compare: String,
    pub of_plan: String,
    pub same_period: String,
    pub verdict: String,
    pub note: String,
}

/// One group of targets as the resolution numbers it: "(1)" and its name, then its targets.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupBlock {
    pub label: String,
    pub name: String,
    pub lines: Vec<TargetLine>,
}

/// One target's row.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetLine {
    pub id: String,
    /// Numbered through the whole table: 1, 2, … 49.
    pub stt: String,
    pub name: String,
    /// "ĐVT": the unit; "điểm %" for a reduction of a rate in %.
    pub unit: String,
    /// "Kế hoạch 2023": "2.450", "< 16,7", "Giữ vững".
    pub plan: Cell,
    /// "TH 2022": the whole year's figure of the year before, where entered.
    pub prior: Cell,
    /// The figure that stands now (for a reduction, the reduction made).
    pub value: Cell,
    /// Its period and kind: "9 tháng · ước"; `None` with no figure.
    pub period: Option<Marker>,
    /// "% KH": a share of the plan, or a gap in points for a rate or a share.
    pub of_plan: Cell,
    /// "% cùng kỳ": the figure over the same period of the year before, or the change in
    /// points for a rate.
    pub same_period: Cell,
    pub status: Status,
    /// "Đánh giá": the status word ("Không đạt").
    pub verdict: String,
    /// "Ghi chú": what the figure needs said (a reduction's levels, how a sum was made, an
    /// indication) and the note of the figure that stands, one a line.
    pub notes: Vec<String>,
}

/// A cell's text, and the number behind it when there is one, for a spreadsheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub number: Option<Number>,
}

impl Cell {
    /// A cell with no figure: "-".
    pub fn none() -> Cell {
        Cell::text("-")
    }

    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            number: None,
        }
    }
}

/// A number as a spreadsheet should hold it, and how it reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub shape: Shape,
}

/// How a number of the Biểu reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A figure in the row's unit: thousands grouped, with its decimals (2.450; 52,9).
    Figure { decimals: u8 },
    /// A plan's bound: "< 16,7", "≤ 22,98"; `before` holds the sign and its space.
    Bound { before: &'static str, decimals: u8 },
    /// A ratio as a percentage with one decimal: 0,75 reads 75,0%.
    Ratio,
    /// A signed gap in points: "-11,77 điểm %", "+0,3‰"; `after` holds the unit and its
    /// space.
    Gap { decimals: u8, after: &'static str },
}

/// A figure's period and kind as the overview marks it ("9 tháng · ước", "9 tháng · ước · cộng
/// dồn"), in its parts, so that a narrow column breaks a line only between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub parts: Vec<String>,
}

impl Marker {
    /// The marker of a target's current figure (`present::figures::period_marker`).
    pub fn of(text: &str) -> Marker {
        Marker {
            parts: text.split(" · ").map(str::to_owned).collect(),
        }
    }

    /// "9 tháng · ước".
    pub fn text(&self) -> String {
        self.parts.join(" · ")
    }
}

/// The focus tasks and main solutions with their progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Tasks {
    pub title: String,
    /// STT, the task, its progress, the note.
    pub columns: [String; 4],
    pub sections: Vec<TaskSection>,
}

/// "3. Nhiệm vụ trọng tâm" or "4. Giải pháp chủ yếu", and its items.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskSection {
    pub title: String,
    pub lines: Vec<TaskLine>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaskLine {
    pub id: String,
    /// "3.a".
    pub label: String,
    pub title: String,
    pub progress: ItemProgress,
    /// "Đang triển khai".
    pub progress_text: String,
    pub note: String,
}

/// The place and date, and who signs.
#[derive(Clone, Debug, PartialEq)]
pub struct Signing {
    /// "Lai Châu, ngày 05 tháng 10 năm 2023".
    pub place_date: String,
    /// Left: who made the table; right: the authority.
    pub signers: [Signer; 2],
}

#[derive(Clone, Debug, PartialEq)]
pub struct Signer {
    /// "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH".
    pub role: Vec<String>,
    /// "(Ký, ghi rõ họ tên)".
    pub hint: String,
}

impl Bieu {
    /// The Biểu of the plan with the user's figures; `progress` is aligned with
    /// `plan.targets`; `today` dates it (left blank to be written by hand when `None`).
    pub fn of(
        plan: &Plan,
        tracking: &Tracking,
        progress: &[Progress],
        lang: Lang,
        today: Option<Day>,
    ) -> Bieu {
        let headline = headline(plan, progress, tracking);
        let mut stt = 0usize;
        let groups = plan
            .groups
            .iter()
            .map(|group| GroupBlock {
                label: format!("({})", group.number),
                name: group.name(lang).to_owned(),
                lines: plan
                    .targets
                    .iter()
                    .zip(progress)
                    .filter(|(t, _)| t.group == group.number)
                    .map(|(target, p)| {
                        stt += 1;
                        cells::target_line(stt, target, p, tracking, plan.year, lang)
                    })
                    .collect(),
            })
            .collect();
        let sections = [Section::Focus, Section::Solution]
            .into_iter()
            .map(|section| TaskSection {
                title: words::section_title(section, lang).to_owned(),
                lines: plan
                    .items
                    .iter()
                    .filter(|i| i.section == section)
                    .map(|item| {
                        let state = tracking.item(&item.id);
                        TaskLine {
                            id: item.id.as_str().to_owned(),
                            label: item.label(),
                            title: item.title(lang).to_owned(),
                            progress: state.progress,
                            progress_text: words::item_progress(state.progress, lang).to_owned(),
                            note: state.note.trim().to_owned(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Bieu {
            lang,
            heading: words::heading(plan, lang),
            headline: vec![
                words::counts(&headline, lang),
                words::tasks_done(plan, tracking, lang),
            ],
            up_to: crate::present::verdict::figures_up_to(&headline, lang),
            columns: words::columns(plan.year, lang),
            groups,
            footnotes: words::footnotes(plan.year, lang),
            tasks: Tasks {
                title: words::tasks_title(lang).to_owned(),
                columns: words::task_columns(lang),
                sections,
            },
            signing: words::signing(plan, today, lang),
        }
    }

    /// Every target's row, in plan order.
    pub fn lines(&self) -> impl Iterator<Item = &TargetLine> {
        self.groups.iter().flat_map(|g| g.lines.iter())
    }
}

#[cfg(test)]
mod tests;
