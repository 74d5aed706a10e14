//! What the interface says after an edit, and the questions it asks before one, in words:
//! the notices and questions of `plan::edit`, with their figures.

use crate::i18n::{Lang, Msg};
use crate::plan::edit::{Notice, Question, UndoKind};
use crate::plan::number::format_actual;
use crate::plan::plausible::Doubt;
use crate::plan::Target;

/// The sentence announced after an edit.
pub fn notice(notice: Notice, lang: Lang) -> String {
    let n = |count: usize| count.to_string();
    match notice {
        Notice::Saved => Msg::Saved.get(lang).to_owned(),
        Notice::Replaced => Msg::Replaced.get(lang).to_owned(),
        Notice::Deleted => Msg::Deleted.get(lang).to_owned(),
        Notice::PriorSaved => Msg::BaselineSaved.get(lang).to_owned(),
        Notice::PriorCleared => Msg::BaselineCleared.get(lang).to_owned(),
        Notice::ImportApplied { changed } => match lang {
            Lang::Vi => format!("Đã nhập dữ liệu: {} ô thay đổi.", n(changed)),
            Lang::En => format!("The data was imported: {} cells changed.", n(changed)),
        },
        Notice::Undone {
            kind,
            restored,
            kept,
        } => {
            let what = match (kind, lang) {
                (UndoKind::Delete, Lang::Vi) => "Đã khôi phục số liệu vừa xóa.",
                (UndoKind::Delete, Lang::En) => "The deleted figure is back.",
                (UndoKind::Overwrite, Lang::Vi) => "Đã trả lại số liệu trước đó.",
                (UndoKind::Overwrite, Lang::En) => "The previous figure is back.",
                (UndoKind::Import, Lang::Vi) => "Đã hoàn tác lần nhập.",
                (UndoKind::Import, Lang::En) => "The import was undone.",
            };
            match (kept, lang) {
                (0, _) => what.to_owned(),
                (_, Lang::Vi) => format!(
                    "{what} Đã khôi phục {} ô; giữ nguyên {} ô đã sửa sau đó.",
                    n(restored),
                    n(kept)
                ),
                (_, Lang::En) => format!(
                    "{what} {} cells restored; {} changed since were kept.",
                    n(restored),
                    n(kept)
                ),
            }
        }
        Notice::Unchanged => lang
            .pick("Không có gì thay đổi.", "Nothing changed.")
            .to_owned(),
        Notice::UndoRefused => lang
            .pick(
                "Không hoàn tác: số liệu đã được sửa sau đó; giữ nguyên số liệu mới.",
                "Not undone: the figures were changed since; the newer ones were kept.",
            )
            .to_owned(),
    }
}

/// One doubt about a figure, with the figure it was compared with.
fn doubt(target: Option<&Target>, doubt: &Doubt, lang: Lang) -> String {
    let fmt = |v: f64| {
        target
            .and_then(|t| t.numeric())
            .map_or_else(|| v.to_string(), |g| format_actual(v, g, lang))
    };
    match (doubt, lang) {
        (Doubt::FarFromPlan { plan }, Lang::Vi) => {
            format!("rất xa chỉ tiêu kế hoạch ({})", fmt(*plan))
        }
        (Doubt::FarFromPlan { plan }, Lang::En) => {
            format!("far from the plan's value ({})", fmt(*plan))
        }
        (Doubt::FarFromPrevious { period, value }, Lang::Vi) => {
            format!("rất xa số {} ({})", period.label(lang), fmt(*value))
        }
        (Doubt::FarFromPrevious { period, value }, Lang::En) => {
            format!(
                "far from the {} figure ({})",
                period.label(lang),
                fmt(*value)
            )
        }
        (Doubt::BelowEarlierCumulative { period, value }, Lang::Vi) => format!(
            "nhỏ hơn số lũy kế {} ({}), mà số lũy kế không thể giảm",
            period.label(lang),
            fmt(*value)
        ),
        (Doubt::BelowEarlierCumulative { period, value }, Lang::En) => format!(
            "below the cumulative {} figure ({}), and a cumulative figure cannot fall",
            period.label(lang),
            fmt(*value)
        ),
        (Doubt::FarFromPriorYear { value }, Lang::Vi) => {
            format!("rất xa số cùng kỳ năm trước ({})", fmt(*value))
        }
        (Doubt::FarFromPriorYear { value }, Lang::En) => {
            format!("far from the same period a year before ({})", fmt(*value))
        }
    }
}

/// The question asked before an edit, as one or two sentences.
pub fn question(target: Option<&Target>, question: &Question, lang: Lang) -> String {
    let fmt = |v: f64| {
        target
            .and_then(|t| t.numeric())
            .map_or_else(|| v.to_string(), |g| format_actual(v, g, lang))
    };
    match question {
        Question::Overwrite { existing } => match lang {
            Lang::Vi => format!(
                "Kỳ {} ({}) đã có số liệu {}. Thay bằng số mới?",
                existing.period.label(lang),
                existing.basis.short(lang),
                fmt(existing.value)
            ),
            Lang::En => format!(
                "{} ({}) already has a figure, {}. Replace it with the new one?",
                existing.period.label(lang),
                existing.basis.short(lang),
                fmt(existing.value)
            ),
        },
        Question::Doubtful(doubts) => {
            let reasons: Vec<String> = doubts.iter().map(|d| doubt(target, d, lang)).collect();
            match lang {
                Lang::Vi => format!(
                    "Số vừa nhập {}. Kiểm tra đơn vị và dấu thập phân. Vẫn lưu?",
                    reasons.join("; ")
                ),
                Lang::En => format!(
                    "The figure is {}. Check the unit and the decimal mark. Save it anyway?",
                    reasons.join("; ")
                ),
            }
        }
        Question::UndoPartly {
            restorable,
            changed_since,
        } => match lang {
            Lang::Vi => format!(
                "{changed_since} ô đã được sửa sau đó và sẽ giữ nguyên. Hoàn tác {restorable} ô còn lại?"
            ),
            Lang::En => format!(
                "{changed_since} cells were changed since and will be kept. Undo the other {restorable}?"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::edit::{reduce, Consent, Edit, Outcome, Undos};
    use crate::plan::{Basis, Entry, Period, Plan, Tracking};

    #[test]
    fn a_slip_of_a_thousand_is_explained_with_the_plan_value() {
        let plan = Plan::embedded().expect("plan");
        let grain = plan.target("grain-output").expect("target");
        let edit = Edit::SaveEntry {
            target: grain.id.clone(),
            entry: Entry {
                period: Period::NINE_MONTHS,
                basis: Basis::Estimate,
                value: 124_120.0,
                note: String::new(),
            },
            replacing: None,
        };
        let Outcome::Ask(q) = reduce(
            &plan,
            &Tracking::default(),
            &Undos::default(),
            &edit,
            Consent::NotAsked,
        ) else {
            panic!("no question");
        };
        assert_eq!(
            question(Some(grain), &q, Lang::Vi),
            "Số vừa nhập rất xa chỉ tiêu kế hoạch (225 nghìn tấn). Kiểm tra đơn vị và dấu thập phân. Vẫn lưu?"
        );
        assert_eq!(
            question(Some(grain), &q, Lang::En),
            "The figure is far from the plan's value (225 thousand tonnes). Check the unit and the decimal mark. Save it anyway?"
        );
    }

    #[test]
    fn a_partial_undo_says_what_it_kept() {
        let n = Notice::Undone {
            kind: UndoKind::Import,
            restored: 3,
            kept: 1,
        };
        assert_eq!(
            notice(n, Lang::Vi),
            "Đã hoàn tác lần nhập. Đã khôi phục 3 ô; giữ nguyên 1 ô đã sửa sau đó."
        );
        assert_eq!(
            notice(n, Lang::En),
            "The import was undone. 3 cells restored; 1 changed since were kept."
        );
    }
}
