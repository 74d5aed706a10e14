//! Bounded property tests of the two importers (JSON backup and CSV) against hostile files:
//! arbitrary bytes, arbitrary text, and valid exports mutated at character boundaries. Whatever
//! the file, an import returns a preview and never panics; a preview with a rejection applies
//! nothing; every figure it would apply passes the same check as a typed one.

use std::sync::OnceLock;

use lai_chau_plan::exchange::{export_csv, export_json, import, Preview};
use lai_chau_plan::i18n::Lang;
use lai_chau_plan::plan::number::check_domain;
use lai_chau_plan::plan::{Basis, Entry, ItemProgress, Period, Plan, TargetId, Tracking};
use proptest::prelude::*;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Option<Plan>> = OnceLock::new();
    PLAN.get_or_init(|| Plan::embedded().ok())
        .as_ref()
        .unwrap_or_else(|| panic!("the embedded plan reads"))
}

/// Figures of several kinds, with notes, as a person would have them.
fn sample() -> Tracking {
    let mut t = Tracking::default();
    let entry = |period, basis, value, note: &str| Entry {
        period,
        basis,
        value,
        note: note.to_owned(),
    };
    let revenue = TargetId("budget-revenue".to_owned());
    t.upsert_entry(
        &revenue,
        entry(
            Period::NINE_MONTHS,
            Basis::Estimate,
            1837.5,
            "ước, \"9 tháng\"",
        ),
    );
    t.upsert_entry(
        &revenue,
        entry(Period::FIRST_HALF, Basis::Official, 1100.0, ""),
    );
    t.upsert_entry(
        &TargetId("forest-cover".to_owned()),
        entry(Period::Year, Basis::Official, 52.5, "=1+1"),
    );
    t.upsert_entry(
        &TargetId("grdp-growth".to_owned()),
        entry(Period::Quarter(2), Basis::Estimate, -2.1, ""),
    );
    t.set_baseline(&TargetId("poverty-reduction".to_owned()), Some(25.1));
    t.set_item_progress(
        &lai_chau_plan::plan::ItemId("3a".to_owned()),
        ItemProgress::InProgress,
    );
    t
}

fn exports() -> &'static (String, String) {
    static EXPORTS: OnceLock<(String, String)> = OnceLock::new();
    EXPORTS.get_or_init(|| {
        let data = sample();
        (
            export_json(plan(), &data, "2023-10-05T08:00:00.000Z").unwrap_or_default(),
            // The English CSV, whose numbers are written as JSON writes them (`1837.5`).
            export_csv(plan(), &data, Lang::En),
        )
    })
}

/// What every preview must hold, whatever the file.
fn check_preview(preview: &Preview) -> Result<(), TestCaseError> {
    match preview.apply() {
        None => prop_assert!(!preview.rejected.is_empty()),
        Some(result) => {
            prop_assert!(result.validate().is_ok());
            for (id, entries) in &result.entries {
                let goal = plan().target(id.as_str()).and_then(|t| t.numeric());
                prop_assert!(goal.is_some(), "figures for {}", id);
                if let Some(goal) = goal {
                    for e in entries {
                        prop_assert!(
                            check_domain(e.value, goal).is_ok(),
                            "{} {} accepted",
                            id,
                            e.value
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

/// A text with pieces replaced, inserted or cut at character boundaries.
fn mutate(text: &str, edits: Vec<(prop::sample::Index, usize, String)>) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, cut, insert) in edits {
        let start = at.index(chars.len() + 1);
        let end = (start + cut).min(chars.len());
        chars.splice(start..end, insert.chars());
    }
    chars.into_iter().collect()
}

/// Pieces a hostile file would use: numbers of every size, quotes, separators, multi-byte text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,4}",
        "[\"{}\\[\\]:,;\\n0-9.eE+-]{0,4}",
        Just("1e308".to_owned()),
        Just("999999999999999".to_owned()),
        Just("0.00000000000000001".to_owned()),
        Just("-101".to_owned()),
        Just("1837.12345678901234".to_owned()),
        Just("M\u{e9}".to_owned()),
    ]
}

fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, usize, String)>> {
    proptest::collection::vec((any::<prop::sample::Index>(), 0usize..6, piece()), 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_are_previewed_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), json in any::<bool>()) {
        // The browser decodes a chosen file as UTF-8, replacing what is not.
        let text = String::from_utf8_lossy(&bytes);
        let name = if json { "x.json" } else { "x.csv" };
        check_preview(&import(plan(), &sample(), name, &text))?;
    }

    #[test]
    fn arbitrary_text_is_previewed_never_a_panic(text in "\\PC{0,400}", json in any::<bool>()) {
        let name = if json { "x.json" } else { "x.csv" };
        check_preview(&import(plan(), &Tracking::default(), name, &text))?;
    }

    #[test]
    fn a_mutated_json_backup_is_previewed_never_a_panic(edits in edits()) {
        let text = mutate(&exports().0, edits);
        check_preview(&import(plan(), &Tracking::default(), "x.json", &text))?;
    }

    #[test]
    fn a_mutated_csv_is_previewed_never_a_panic(edits in edits()) {
        let text = mutate(&exports().1, edits);
        check_preview(&import(plan(), &sample(), "x.csv", &text))?;
    }

    #[test]
    fn a_mutated_vietnamese_csv_is_previewed_never_a_panic(edits in edits()) {
        let text = mutate(&export_csv(plan(), &sample(), Lang::Vi), edits);
        check_preview(&import(plan(), &sample(), "x.csv", &text))?;
    }
}

/// A value too large, too precise or out of range, put in place of a valid one in either format,
/// is rejected, never rounded or clipped into the data.
#[test]
fn an_out_of_range_or_overprecise_value_is_rejected() {
    let (json, csv) = exports();
    for bad in ["1e308", "999999999999999", "1837.12345678901234", "245001"] {
        for (name, text) in [("x.json", json), ("x.csv", csv)] {
            let text = text.replacen("1837.5", bad, 1);
            assert_ne!(text, *text_of(name), "{name}: the value is in the file");
            let preview = import(plan(), &Tracking::default(), name, &text);
            assert_eq!(preview.apply(), None, "{name}: {bad} was accepted");
        }
    }
}

fn text_of(name: &str) -> &'static String {
    if name.ends_with(".json") {
        &exports().0
    } else {
        &exports().1
    }
}

#[test]
fn the_exports_being_mutated_import_cleanly() {
    let (json, csv) = exports();
    for (name, text) in [("x.json", json), ("x.csv", csv)] {
        let preview = import(plan(), &Tracking::default(), name, text);
        assert!(
            preview.rejected.is_empty(),
            "{name}: {:?}",
            preview.rejected
        );
        assert!(preview.apply().is_some(), "{name}");
    }
}
