//! Table tests of `reduce`: each edit, the question it raises and the undo it leaves.

use super::*;

fn plan() -> Plan {
    Plan::embedded().expect("plan")
}

fn id(s: &str) -> TargetId {
    TargetId(s.to_owned())
}

fn entry(period: Period, basis: Basis, value: f64) -> Entry {
    Entry {
        period,
        basis,
        value,
        note: String::new(),
    }
}

fn save(target: &str, e: Entry, replacing: Option<(Period, Basis)>) -> Edit {
    Edit::SaveEntry {
        target: id(target),
        entry: e,
        replacing,
    }
}

/// Runs an edit and returns the new data, the undos it leaves and its notice; panics on a
/// question.
#[track_caller]
fn done(data: &Tracking, undos: &Undos, edit: Edit, consent: Consent) -> (Tracking, Undos, Notice) {
    match reduce(&plan(), data, undos, &edit, consent) {
        Outcome::Done {
            data,
            undos,
            notice,
            ..
        } => (data, undos, notice),
        Outcome::Ask(q) => panic!("asked {q:?}"),
    }
}

#[track_caller]
fn asks(data: &Tracking, undos: &Undos, edit: Edit) -> Question {
    match reduce(&plan(), data, undos, &edit, Consent::NotAsked) {
        Outcome::Ask(q) => q,
        other => panic!("did not ask: {other:?}"),
    }
}

fn value(t: &Tracking, target: &str, period: Period, basis: Basis) -> Option<f64> {
    t.get(&Cell::Entry(id(target), period, basis))
        .and_then(|v| match v {
            CellValue::Entry { value, .. } => Some(value),
            _ => None,
        })
}

const M9: Period = Period::NINE_MONTHS;
use Basis::{Estimate as E, Official as O};

const FIGURE: Edit = Edit::Undo(Undoable::Figure);
const IMPORT: Edit = Edit::Undo(Undoable::Import);

#[test]
fn a_new_figure_is_saved_without_a_question() {
    let none = Undos::default();
    let (t, undos, notice) = done(
        &Tracking::default(),
        &none,
        save("budget-revenue", entry(M9, E, 1837.5), None),
        Consent::NotAsked,
    );
    assert_eq!(notice, Notice::Saved);
    assert_eq!(value(&t, "budget-revenue", M9, E), Some(1837.5));
    assert_eq!(undos, none);
}

#[test]
fn saving_over_another_figure_of_that_period_asks_then_can_be_undone() {
    let none = Undos::default();
    let (t, _, _) = done(
        &Tracking::default(),
        &none,
        save("grain-output", entry(M9, O, 124.12), None),
        Consent::NotAsked,
    );
    let again = save("grain-output", entry(M9, O, 125.0), None);
    assert_eq!(
        asks(&t, &none, again.clone()),
        Question::Overwrite {
            existing: entry(M9, O, 124.12),
            value: 125.0,
            doubts: Vec::new(),
        }
    );
    // A slip typed over a figure is asked about as a slip too, in the same question.
    assert!(matches!(
        asks(&t, &none, save("grain-output", entry(M9, O, 124_120.0), None)),
        Question::Overwrite { doubts, .. } if doubts.len() == 1
    ));
    let (t2, undos, notice) = done(&t, &none, again, Consent::Given);
    assert_eq!(notice, Notice::Replaced);
    assert_eq!(value(&t2, "grain-output", M9, O), Some(125.0));
    let (t3, undos, notice) = done(&t2, &undos, FIGURE, Consent::NotAsked);
    assert_eq!(
        notice,
        Notice::Undone {
            kind: UndoKind::Overwrite,
            restored: 1,
            kept: 0
        }
    );
    assert_eq!(value(&t3, "grain-output", M9, O), Some(124.12));
    assert_eq!(undos, none);
    // The same figure again changes nothing and asks nothing.
    let (_, _, notice) = done(
        &t,
        &none,
        save("grain-output", entry(M9, O, 124.12), None),
        Consent::NotAsked,
    );
    assert_eq!(notice, Notice::Unchanged);
}

#[test]
fn editing_a_figure_onto_a_period_that_has_one_asks_and_keeps_both_until_agreed() {
    let none = Undos::default();
    let mut t = Tracking::default();
    t.upsert_entry(&id("forest-cover"), entry(Period::FIRST_HALF, O, 51.9));
    t.upsert_entry(&id("forest-cover"), entry(M9, O, 52.0));
    // The half-year figure is edited and its period changed to nine months.
    let edit = save(
        "forest-cover",
        entry(M9, O, 51.95),
        Some((Period::FIRST_HALF, O)),
    );
    assert!(matches!(
        asks(&t, &none, edit.clone()),
        Question::Overwrite { .. }
    ));
    let (t2, undos, _) = done(&t, &none, edit, Consent::Given);
    assert_eq!(value(&t2, "forest-cover", Period::FIRST_HALF, O), None);
    assert_eq!(value(&t2, "forest-cover", M9, O), Some(51.95));
    let (t3, _, _) = done(&t2, &undos, FIGURE, Consent::NotAsked);
    assert_eq!(t3, t);
    // Editing a figure in place asks nothing.
    let (t4, _, notice) = done(
        &t,
        &none,
        save("forest-cover", entry(M9, O, 52.1), Some((M9, O))),
        Consent::NotAsked,
    );
    assert_eq!(notice, Notice::Replaced);
    assert_eq!(value(&t4, "forest-cover", M9, O), Some(52.1));
}

/// The whole year's forest cover entered, then deleted: the data, the undos and the notice.
fn forest_cover_deleted() -> (Tracking, Undos, Notice) {
    let mut t = Tracking::default();
    t.upsert_entry(&id("forest-cover"), entry(Period::Year, O, 51.87));
    let delete = Edit::DeleteEntry {
        target: id("forest-cover"),
        period: Period::Year,
        basis: O,
    };
    done(&t, &Undos::default(), delete, Consent::NotAsked)
}

#[test]
fn undoing_a_delete_never_overwrites_a_figure_typed_since() {
    let (t2, undos, notice) = forest_cover_deleted();
    assert_eq!(notice, Notice::Deleted);
    // A new figure is typed into that period before the undo (it leaves no undo of its own).
    let (t3, undos, _) = done(
        &t2,
        &undos,
        save("forest-cover", entry(Period::Year, O, 52.0), None),
        Consent::NotAsked,
    );
    let (t4, undos, notice) = done(&t3, &undos, FIGURE, Consent::NotAsked);
    assert_eq!(notice, Notice::UndoRefused);
    assert_eq!(value(&t4, "forest-cover", Period::Year, O), Some(52.0));
    assert_eq!(undos, Undos::default());
}

#[test]
fn undoing_an_import_reverts_only_what_it_changed_and_asks_about_the_rest() {
    let mut before = Tracking::default();
    before.upsert_entry(&id("forest-cover"), entry(Period::Year, O, 51.87));
    let mut imported = before.clone();
    imported.upsert_entry(&id("budget-revenue"), entry(M9, E, 1837.5));
    imported.upsert_entry(&id("grain-output"), entry(M9, E, 124.12));
    let (t, undos, notice) = done(
        &before,
        &Undos::default(),
        Edit::ApplyImport(imported),
        Consent::NotAsked,
    );
    assert_eq!(notice, Notice::ImportApplied { changed: 2 });
    // Typed after the import: a new figure elsewhere, and a change of an imported one.
    let (t, undos, _) = done(
        &t,
        &undos,
        save("tea-area", entry(Period::Year, O, 9862.0), None),
        Consent::NotAsked,
    );
    let (t, undos, _) = done(
        &t,
        &undos,
        save("grain-output", entry(M9, E, 124.5), Some((M9, E))),
        Consent::NotAsked,
    );
    assert!(undos.figure.is_some() && undos.import.is_some());
    assert_eq!(
        asks(&t, &undos, IMPORT),
        Question::UndoPartly {
            restorable: 1,
            changed_since: 1
        }
    );
    let (t2, undos, notice) = done(&t, &undos, IMPORT, Consent::Given);
    assert_eq!(
        notice,
        Notice::Undone {
            kind: UndoKind::Import,
            restored: 1,
            kept: 1
        }
    );
    assert_eq!(value(&t2, "budget-revenue", M9, E), None);
    assert_eq!(value(&t2, "grain-output", M9, E), Some(124.5));
    assert_eq!(value(&t2, "tea-area", Period::Year, O), Some(9862.0));
    assert_eq!(value(&t2, "forest-cover", Period::Year, O), Some(51.87));
    assert!(undos.import.is_none() && undos.figure.is_some());
}

#[test]
fn a_doubtful_figure_asks_first_and_saves_when_agreed() {
    let none = Undos::default();
    let edit = save("grain-output", entry(M9, E, 124_120.0), None);
    assert!(matches!(
        asks(&Tracking::default(), &none, edit.clone()),
        Question::Doubtful(_)
    ));
    let (t, _, _) = done(&Tracking::default(), &none, edit, Consent::Given);
    assert_eq!(value(&t, "grain-output", M9, E), Some(124_120.0));
}

#[test]
fn prior_year_figures_and_tasks_change_their_cell_only() {
    let none = Undos::default();
    let edit = Edit::SetPrior {
        target: id("grain-output"),
        period: M9,
        value: Some(120.5),
    };
    let (t, _, notice) = done(&Tracking::default(), &none, edit, Consent::NotAsked);
    assert_eq!(notice, Notice::PriorSaved);
    assert_eq!(t.prior(&id("grain-output"), M9), Some(120.5));
    let note = Edit::SetItemNote {
        item: ItemId("3a".to_owned()),
        note: "x".to_owned(),
    };
    match reduce(&plan(), &t, &none, &note, Consent::NotAsked) {
        Outcome::Done { changed, .. } => {
            assert_eq!(changed, [Cell::ItemNote(ItemId("3a".to_owned()))])
        }
        other => panic!("{other:?}"),
    }
    let (_, _, notice) = done(&t, &none, FIGURE, Consent::NotAsked);
    assert_eq!(notice, Notice::Unchanged);
}

#[test]
fn deleting_or_replacing_a_figure_of_the_year_before_can_be_undone() {
    let none = Undos::default();
    let grain = id("grain-output");
    let set = |value| Edit::SetPrior {
        target: grain.clone(),
        period: M9,
        value,
    };
    let (t, undos, _) = done(
        &Tracking::default(),
        &none,
        set(Some(118.5)),
        Consent::NotAsked,
    );
    assert_eq!(undos, none, "a new figure leaves nothing to undo");
    let (t, undos, notice) = done(&t, &undos, set(Some(120.0)), Consent::NotAsked);
    assert_eq!(notice, Notice::PriorSaved);
    assert_eq!(
        undos.figure.as_ref().map(|u| u.kind),
        Some(UndoKind::Overwrite)
    );
    let (t, _, _) = done(&t, &undos, FIGURE, Consent::NotAsked);
    assert_eq!(t.prior(&grain, M9), Some(118.5));
    let (t, undos, notice) = done(&t, &none, set(None), Consent::NotAsked);
    assert_eq!(notice, Notice::PriorCleared);
    assert_eq!(t.prior(&grain, M9), None);
    // A figure typed into that period since is never overwritten by the undo.
    let (typed, undos, _) = done(&t, &undos, set(Some(119.0)), Consent::NotAsked);
    let (after, _, notice) = done(&typed, &undos, FIGURE, Consent::NotAsked);
    assert_eq!(notice, Notice::UndoRefused);
    assert_eq!(after.prior(&grain, M9), Some(119.0));
    let (t, undos, _) = done(&typed, &none, set(None), Consent::NotAsked);
    let (t, _, _) = done(&t, &undos, FIGURE, Consent::NotAsked);
    assert_eq!(t.prior(&grain, M9), Some(119.0));
}

#[test]
fn an_undo_says_which_cells_it_would_restore() {
    let (_, undos, _) = forest_cover_deleted();
    let undo = undos.figure.expect("a delete leaves an undo");
    let of =
        |target: &'static str| move |c: &Cell| matches!(c, Cell::Entry(t, ..) if t.0 == target);
    assert!(undo.touches(of("forest-cover")));
    assert!(!undo.touches(of("grain-output")));
    assert!(!undo.touches(|c| matches!(c, Cell::Prior(..))));
}
