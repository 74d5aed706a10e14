//! Tests of the importer's core, through files of either format: what a preview counts, all or
//! nothing, the size limit, rows in words, snapshots, and arbitrary text.

use proptest::prelude::*;

use super::super::fixtures::{entry, id, plan, sample};
use super::super::{export_csv, import, snapshot_preview};
use super::*;
use crate::plan::Basis;

#[test]
fn an_import_reports_added_replaced_and_unchanged() {
    let plan = plan();
    let mut current = Tracking::default();
    let rev = id("budget-revenue");
    current.upsert_entry(
        &rev,
        entry(Period::NINE_MONTHS, Basis::Estimate, 1800.0, ""),
    );
    current.upsert_entry(
        &rev,
        entry(Period::Year, Basis::Official, 2450.0, "=SUM(A1)"),
    );
    let csv = export_csv(&plan, &sample(), Lang::En);
    let preview = import(&plan, &current, "a.csv", &csv);
    assert_eq!(preview.count(ChangeKind::Replaced), 1);
    assert_eq!(preview.count(ChangeKind::Unchanged), 1);
    assert_eq!(preview.count(ChangeKind::Added), 3);
    assert!(preview.changes.contains(&Change {
        subject: Subject::Entry {
            target: rev,
            period: Period::NINE_MONTHS,
            basis: Basis::Estimate
        },
        kind: ChangeKind::Replaced
    }));
}

#[test]
fn one_bad_row_blocks_the_whole_file() {
    let plan = plan();
    let csv = "target_id,target_name,unit,period,value,basis,note\n\
               forest-cover,,%,Y,52.5,official,\n\
               grain-output,,nghìn tấn,Y,-3,official,\n";
    let preview = import(&plan, &Tracking::default(), "a.csv", csv);
    assert_eq!(preview.count(ChangeKind::Added), 1);
    assert_eq!(preview.rejected.len(), 1);
    assert_eq!(preview.rejected[0].place, Place::Line(3));
    assert_eq!(preview.apply(), None);
}

#[test]
fn empty_and_oversized_files_are_refused_whole() {
    let plan = plan();
    let current = sample();
    let big = format!("target_id\n{}", "x".repeat(MAX_IMPORT_BYTES));
    let table = [
        (
            "big.csv",
            big.as_str(),
            Reason::TooLarge {
                bytes: MAX_IMPORT_BYTES + "target_id\n".len(),
            },
        ),
        ("empty.csv", "\u{feff}  \n", Reason::Empty),
        ("empty.json", "", Reason::Empty),
    ];
    for (name, content, reason) in table {
        let preview = import(&plan, &current, name, content);
        let expected = vec![Rejection {
            place: Place::File,
            reason,
        }];
        assert_eq!(preview.rejected, expected, "{name}");
        assert_eq!(preview.apply(), None, "{name}");
    }
}

#[test]
fn a_file_over_5_mb_is_refused_by_its_size_alone() {
    let current = sample();
    assert_eq!(oversized(MAX_IMPORT_BYTES as u64, &current), None);
    let preview = oversized(10 * 1024 * 1024, &current);
    let preview = preview.unwrap_or_else(|| panic!("10 MB must be refused"));
    assert_eq!(
        preview.rejected[0].reason,
        Reason::TooLarge {
            bytes: 10 * 1024 * 1024
        }
    );
    assert!(preview.rejected[0]
        .reason
        .message(Lang::En)
        .contains("5 MB"));
    assert_eq!(preview.apply(), None);
}

#[test]
fn rows_are_described_in_words() {
    let plan = plan();
    let subject = Subject::Entry {
        target: id("forest-cover"),
        period: Period::NINE_MONTHS,
        basis: Basis::Official,
    };
    assert!(subject
        .describe(&plan, Lang::Vi)
        .ends_with("— 9 tháng — Chính thức"));
    assert!(subject
        .describe(&plan, Lang::En)
        .ends_with("— Nine months — Official"));
}

#[test]
fn a_snapshot_is_previewed_like_a_file_and_applies_as_a_merge() {
    let plan = plan();
    let rev = id("budget-revenue");
    let mut current = Tracking::default();
    current.upsert_entry(
        &rev,
        entry(Period::NINE_MONTHS, Basis::Estimate, 1800.0, ""),
    );
    current.upsert_entry(&rev, entry(Period::FIRST_HALF, Basis::Estimate, 1100.0, ""));
    let snapshot = sample();
    let preview = snapshot_preview(&plan, &current, &snapshot, "2023-10-05T08:00:00.000Z")
        .expect("a snapshot of finite figures");
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    // The nine months' estimate is replaced; four entries, a baseline, an assessment and two
    // tasks are new; the first half stays as it was.
    assert_eq!(preview.count(ChangeKind::Replaced), 1);
    assert_eq!(preview.count(ChangeKind::Added), 8);
    let mut merged = current.clone();
    merged.merge(&snapshot);
    assert_eq!(preview.apply(), Some(merged));
    // Nothing new: nothing to apply.
    let again = snapshot_preview(&plan, &preview.apply().expect("result"), &snapshot, "x")
        .expect("preview");
    assert!(!again.can_apply());
}

proptest! {
    // Bounded so `cargo test` stays fast; failures are reported, not persisted in the tree.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn importers_never_panic_on_arbitrary_text(text in "\\PC{0,300}", json in any::<bool>()) {
        let plan = plan();
        let name = if json { "x.json" } else { "x.csv" };
        let preview = import(&plan, &Tracking::default(), name, &text);
        if !preview.rejected.is_empty() {
            prop_assert_eq!(preview.apply(), None);
        }
    }
}
