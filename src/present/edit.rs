//! What the interface says after an edit, and the questions it asks before one, in words:
//! the notices and questions of `plan::edit`, with their figures.

use crate::i18n::{Lang, Msg};
use crate::plan::cell::Cell;
use crate::plan::edit::{Notice, Question, Undo, UndoKind};
use crate::plan::number::format_actual;
use crate::plan::period::Reading;
use crate::plan::plausible::Doubt;
use crate::plan::Target;

/// The sentence announced after an edit.
pub fn notice(notice: Notice, lang: Lang) -> String {
    let n = |count: usize| count.to_string();
    match notice {
        Notice::Saved => Msg::Saved.get(lang).to_owned(),
        Notice::Replaced => Msg::Replaced.get(lang).to_owned(),
        Notice::Deleted => Msg::Deleted.get(lang).to_owned(),
        // The year is the plan's, which this sentence does not know: "the year before".
        Notice::PriorSaved => lang
            .pick(
                "Đã lưu số liệu năm trước.",
                "The previous year's figure was saved.",
            )
            .to_owned(),
        Notice::PriorCleared => lang
            .pick(
                "Đã xóa số liệu năm trước.",
                "The previous year's figure was deleted.",
            )
            .to_owned(),
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

/// What the undo at hand would revert, said beside its button: "Đã xóa số liệu 9 tháng ·
/// ước." The figure named is the one the edit removed (a deletion) or saved (any other).
pub fn undo_offer(undo: &Undo, target: Option<&Target>, prior_year: u16, lang: Lang) -> String {
    let reading = target.map_or(Reading::AtEnd, Reading::of_target);
    let principal = match undo.kind {
        UndoKind::Delete => undo.changes.iter().find(|c| c.after.is_none()),
        UndoKind::Overwrite | UndoKind::Import => undo.changes.iter().find(|c| c.after.is_some()),
    }
    .or(undo.changes.first());
    let what = principal.and_then(|c| match &c.cell {
        Cell::Entry(_, period, basis) => Some(format!(
            "{} · {}",
            period.label_for(reading, lang),
            basis.short(lang)
        )),
        Cell::Prior(_, period) => Some(period.dated(prior_year, reading, lang)),
        Cell::Assessment(_) | Cell::ItemProgress(_) | Cell::ItemNote(_) => None,
    });
    match (undo.kind, what, lang) {
        (UndoKind::Delete, Some(what), Lang::Vi) => format!("Đã xóa số liệu {what}."),
        (UndoKind::Delete, Some(what), Lang::En) => format!("Deleted the {what} figure."),
        (UndoKind::Overwrite, Some(what), Lang::Vi) => format!("Đã sửa số liệu {what}."),
        (UndoKind::Overwrite, Some(what), Lang::En) => format!("Changed the {what} figure."),
        (UndoKind::Import, _, _) | (_, None, _) => lang
            .pick(
                "Có thể hoàn tác thay đổi vừa rồi.",
                "The last change can be undone.",
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
        Question::Overwrite {
            existing,
            value,
            doubts,
        } => {
            let reading = target.map_or(Reading::AtEnd, Reading::of_target);
            let period = existing.period.label_for(reading, lang);
            let basis = existing.basis.short(lang);
            let (old, new) = (fmt(existing.value), fmt(*value));
            let reasons: Vec<String> = doubts.iter().map(|d| doubt(target, d, lang)).collect();
            match (lang, reasons.is_empty()) {
                (Lang::Vi, true) => format!(
                    "Kỳ {period} ({basis}) đã có số liệu {old}. Thay bằng {new}?"
                ),
                (Lang::Vi, false) => format!(
                    "Kỳ {period} ({basis}) đã có số liệu {old}. Số mới {new} {}; kiểm tra đơn vị và dấu thập phân. Vẫn thay?",
                    reasons.join("; ")
                ),
                (Lang::En, true) => format!(
                    "{period} ({basis}) already has a figure, {old}. Replace it with {new}?"
                ),
                (Lang::En, false) => format!(
                    "{period} ({basis}) already has a figure, {old}. The new one, {new}, is {}; check the unit and the decimal mark. Replace anyway?",
                    reasons.join("; ")
                ),
            }
        }
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
    fn an_overwrite_names_both_figures_and_any_doubt() {
        let plan = Plan::embedded().expect("plan");
        let grain = plan.target("grain-output").expect("target");
        let mut t = Tracking::default();
        let nine = |value: f64| Entry {
            period: Period::NINE_MONTHS,
            basis: Basis::Estimate,
            value,
            note: String::new(),
        };
        t.upsert_entry(&grain.id, nine(124.12));
        let ask = |value: f64, lang| {
            let edit = Edit::SaveEntry {
                target: grain.id.clone(),
                entry: nine(value),
                replacing: None,
            };
            match reduce(&plan, &t, &Undos::default(), &edit, Consent::NotAsked) {
                Outcome::Ask(q) => question(Some(grain), &q, lang),
                Outcome::Done { .. } => panic!("no question"),
            }
        };
        assert_eq!(
            ask(125.0, Lang::Vi),
            "Kỳ 9 tháng (ước) đã có số liệu 124,12 nghìn tấn. Thay bằng 125 nghìn tấn?"
        );
        assert_eq!(
            ask(124_120.0, Lang::Vi),
            "Kỳ 9 tháng (ước) đã có số liệu 124,12 nghìn tấn. Số mới 124.120 nghìn tấn rất xa chỉ tiêu kế hoạch (225 nghìn tấn); kiểm tra đơn vị và dấu thập phân. Vẫn thay?"
        );
        assert_eq!(
            ask(125.0, Lang::En),
            "Nine months (est.) already has a figure, 124.12 thousand tonnes. Replace it with 125 thousand tonnes?"
        );
    }

    #[test]
    fn the_undo_at_hand_says_which_figure_it_brings_back() {
        let plan = Plan::embedded().expect("plan");
        let revenue = plan.target("budget-revenue").expect("target");
        let mut t = Tracking::default();
        t.upsert_entry(
            &revenue.id,
            Entry {
                period: Period::Quarter(3),
                basis: Basis::Official,
                value: 560.0,
                note: String::new(),
            },
        );
        t.set_prior(&revenue.id, Period::NINE_MONTHS, Some(1500.0));
        let check = |edit: Edit, lang, expected: &str| {
            let Outcome::Done { undos, .. } =
                reduce(&plan, &t, &Undos::default(), &edit, Consent::NotAsked)
            else {
                panic!("asked");
            };
            let undo = undos.figure.expect("an undo");
            assert_eq!(undo_offer(&undo, Some(revenue), 2022, lang), expected);
        };
        let delete = Edit::DeleteEntry {
            target: revenue.id.clone(),
            period: Period::Quarter(3),
            basis: Basis::Official,
        };
        check(
            delete.clone(),
            Lang::Vi,
            "Đã xóa số liệu Quý III (riêng quý) · chính thức.",
        );
        check(
            delete,
            Lang::En,
            "Deleted the Q3 (that quarter) · official figure.",
        );
        let prior = |value| Edit::SetPrior {
            target: revenue.id.clone(),
            period: Period::NINE_MONTHS,
            value,
        };
        check(prior(None), Lang::Vi, "Đã xóa số liệu 9 tháng năm 2022.");
        check(
            prior(Some(1510.0)),
            Lang::Vi,
            "Đã sửa số liệu 9 tháng năm 2022.",
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
