//! The save's decisions, one table per question.

use super::*;
use crate::plan::cell::{Cell, CellValue};
use crate::plan::{Basis, Period, TargetId};
use crate::storage::clock::Version;
use crate::storage::schema::encode;

fn figure(target: &str, period: Period) -> Cell {
    Cell::Entry(TargetId(target.to_owned()), period, Basis::Official)
}

/// Data and clock after typing `value` into `cell` at time `at` in tab `tab`.
fn typed(
    (data, clock): &(Tracking, Clock),
    cell: &Cell,
    value: f64,
    at: u64,
    tab: u32,
) -> (Tracking, Clock) {
    let (mut data, mut clock) = (data.clone(), clock.clone());
    data.set(
        cell,
        Some(CellValue::Entry {
            value,
            note: String::new(),
        }),
    );
    clock.touch([cell], Version { at, tab });
    (data, clock)
}

fn stamp(revision: u64, saved_at: &str) -> Stamp {
    Stamp {
        revision,
        saved_at: saved_at.to_owned(),
    }
}

fn value(data: &Tracking, cell: &Cell) -> Option<f64> {
    match data.get(cell) {
        Some(CellValue::Entry { value, .. }) => Some(value),
        _ => None,
    }
}

/// What a decision comes to, in short: written at which revision (or not), and the figures
/// of `cells` in the data the tab goes on with.
#[derive(Debug, PartialEq)]
enum Short {
    Go {
        write: Option<u64>,
        merged_in: bool,
        overruled: usize,
        figures: Vec<Option<f64>>,
    },
    Newer(u32),
    Unreadable,
}

/// What a tab holds: `data` with its clock, the stored data it knows and that value's stamp.
fn local<'a>(data: &'a (Tracking, Clock), base: &'a Tracking, known: &'a Stamp) -> Local<'a> {
    Local {
        data: &data.0,
        clock: &data.1,
        base,
        known,
        seen: None,
    }
}

fn check(name: &str, stored: Option<&str>, local: Local, cells: &[Cell], expected: Short) {
    let got = match decide(stored, local) {
        Decision::Go(s) => Short::Go {
            write: s.write.map(|w| w.revision),
            merged_in: s.stored.is_some(),
            overruled: s.overruled,
            figures: cells.iter().map(|c| value(&s.data, c)).collect(),
        },
        Decision::Newer(v) => Short::Newer(v),
        Decision::Unreadable(_) => Short::Unreadable,
    };
    assert_eq!(got, expected, "{name}");
}

#[test]
fn a_save_writes_the_merge_of_what_is_stored_and_what_the_tab_has() {
    let (rev, grain) = (
        figure("budget-revenue", Period::NINE_MONTHS),
        figure("grain-output", Period::FIRST_HALF),
    );
    let cells = [rev.clone(), grain.clone()];
    let empty = &(Tracking::default(), Clock::default());
    let saved = &typed(empty, &rev, 1837.5, 10, 1);
    let saved_raw = encode(&saved.0, &saved.1, "t1", 4).unwrap_or_default();
    let known = stamp(4, "t1");
    // This tab typed a grain figure after the save it knows.
    let ours = &typed(saved, &grain, 120.0, 20, 1);
    // Another tab saved revision 5 with another revenue figure, typed later.
    let other = typed(saved, &rev, 1900.0, 30, 2);
    let other_raw = encode(&other.0, &other.1, "t2", 5).unwrap_or_default();
    let local = |data, base| local(data, base, &known);
    let seen = Some((&known, saved_raw.as_str()));

    check(
        "nothing stored, nothing typed: nothing to write",
        None,
        Local {
            known: &Stamp::default(),
            ..local(empty, &empty.0)
        },
        &cells,
        Short::Go {
            write: None,
            merged_in: false,
            overruled: 0,
            figures: vec![None, None],
        },
    );
    check(
        "nothing stored: written, with no backup",
        None,
        local(ours, &saved.0),
        &cells,
        Short::Go {
            write: Some(5),
            merged_in: false,
            overruled: 0,
            figures: vec![Some(1837.5), Some(120.0)],
        },
    );
    check(
        "the very text this tab saw, a change since: written over it",
        Some(&saved_raw),
        Local {
            seen,
            ..local(ours, &saved.0)
        },
        &cells,
        Short::Go {
            write: Some(5),
            merged_in: false,
            overruled: 0,
            figures: vec![Some(1837.5), Some(120.0)],
        },
    );
    check(
        "the very text this tab saw, nothing changed: nothing to write",
        Some(&saved_raw),
        Local {
            seen,
            ..local(saved, &saved.0)
        },
        &cells,
        Short::Go {
            write: None,
            merged_in: false,
            overruled: 0,
            figures: vec![Some(1837.5), None],
        },
    );
    check(
        "trusted by its text alone (this one would not even parse)",
        Some("{x"),
        Local {
            seen: Some((&known, "{x")),
            ..local(ours, &saved.0)
        },
        &cells,
        Short::Go {
            write: Some(5),
            merged_in: false,
            overruled: 0,
            figures: vec![Some(1837.5), Some(120.0)],
        },
    );
    check(
        "another tab saved: both tabs' figures, at a revision above both",
        Some(&other_raw),
        Local {
            seen,
            ..local(ours, &saved.0)
        },
        &cells,
        Short::Go {
            write: Some(6),
            merged_in: true,
            overruled: 0,
            figures: vec![Some(1900.0), Some(120.0)],
        },
    );
    check(
        "another tab saved and this one has nothing more: take it in, write nothing",
        Some(&other_raw),
        local(saved, &saved.0),
        &cells,
        Short::Go {
            write: None,
            merged_in: true,
            overruled: 0,
            figures: vec![Some(1900.0), None],
        },
    );
    // This tab changed the revenue figure (not saved yet) before the other tab's later change.
    let mine = &typed(saved, &rev, 1850.0, 25, 1);
    check(
        "a later change elsewhere of a figure changed here: theirs kept, and told",
        Some(&other_raw),
        local(mine, &saved.0),
        &cells,
        Short::Go {
            write: None,
            merged_in: true,
            overruled: 1,
            figures: vec![Some(1900.0), None],
        },
    );
    let older_tab = &typed(saved, &grain, 99.0, 5, 3);
    check(
        "a stale tab never writes its old data over a newer value",
        Some(&other_raw),
        Local {
            known: &Stamp::default(),
            ..local(older_tab, &saved.0)
        },
        &cells,
        Short::Go {
            write: Some(6),
            merged_in: true,
            overruled: 0,
            figures: vec![Some(1900.0), Some(99.0)],
        },
    );
    check(
        "a newer app's value",
        Some(r#"{"schema":99,"app":"lai-chau-plan","saved_at":"","data":{}}"#),
        local(ours, &saved.0),
        &cells,
        Short::Newer(99),
    );
    for bad in [
        "",
        "{garbage",
        r#"{"schema":1,"app":"lai-chau-plan","saved_at":"","data":{"baselines":{"a":null}}}"#,
    ] {
        check(
            bad,
            Some(bad),
            local(ours, &saved.0),
            &cells,
            Short::Unreadable,
        );
    }
}

#[test]
fn the_status_after_a_save_says_what_became_of_it() {
    use StorageStatus as S;
    let cases = [
        (
            S::Ok(None),
            Ended::Written("t2".into()),
            1,
            S::Ok(Some("t2".into())),
        ),
        (
            S::Full,
            Ended::Written("t2".into()),
            3,
            S::Recovered("t2".into()),
        ),
        (
            S::Failed("x".into()),
            Ended::Written("t2".into()),
            1,
            S::Recovered("t2".into()),
        ),
        (
            S::Full,
            Ended::NothingToWrite(Some("t1".into())),
            2,
            S::Recovered("t1".into()),
        ),
        (S::Full, Ended::NothingToWrite(None), 0, S::Ok(None)),
        (
            S::Recovered("t1".into()),
            Ended::NothingToWrite(None),
            0,
            S::Recovered("t1".into()),
        ),
        (S::Ok(Some("t1".into())), Ended::Failed(S::Full), 1, S::Full),
        (S::Full, Ended::Failed(S::Full), 1, S::Full),
    ];
    for (before, ended, waiting, expected) in cases {
        let name = format!("{before:?} {ended:?} {waiting}");
        assert_eq!(after_save(&before, ended, waiting), expected, "{name}");
    }
    assert!(S::Full.retried() && S::Failed(String::new()).retried());
    for s in [S::Unavailable, S::Newer(3), S::Unreadable(String::new())] {
        assert!(!s.retried() && !s.saves(), "{s:?}");
    }
}

#[test]
fn a_refused_save_is_tried_again_less_and_less_often() {
    let delays: Vec<u32> = (0..9).map(retry_delay_ms).collect();
    assert_eq!(
        delays,
        [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]
    );
    assert_eq!(retry_delay_ms(u32::MAX), RETRY_MAX_MS);
}

#[test]
fn the_unsaved_changes_are_counted_cell_by_cell() {
    let empty = (Tracking::default(), Clock::default());
    let a = typed(&empty, &figure("a", Period::Year), 1.0, 1, 1);
    let b = typed(&a, &figure("b", Period::Year), 2.0, 2, 1);
    assert_eq!(unsaved(&a.0, &b.0), 1);
    assert_eq!(unsaved(&empty.0, &b.0), 2);
    assert_eq!(unsaved(&b.0, &b.0), 0);
}
