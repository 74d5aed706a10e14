//! Tests of the exchange files: round trips, a table of bad files, and bounded property tests.

use super::*;
use crate::plan::{ItemProgress, Plan};
use proptest::prelude::*;

fn plan() -> Plan {
    Plan::embedded().unwrap_or_else(|e| panic!("plan: {e}"))
}

fn id(s: &str) -> TargetId {
    TargetId(s.to_owned())
}

fn entry(period: Period, basis: Basis, value: f64, note: &str) -> Entry {
    Entry {
        period,
        basis,
        value,
        note: note.to_owned(),
    }
}

/// Data touching every part of a backup, with notes that need quoting and guarding.
fn sample() -> Tracking {
    let mut t = Tracking::default();
    let rev = id("budget-revenue");
    t.upsert_entry(
        &rev,
        entry(
            Period::NINE_MONTHS,
            Basis::Estimate,
            1837.5,
            "ước, \"9 tháng\"",
        ),
    );
    t.upsert_entry(
        &rev,
        entry(Period::Year, Basis::Official, 2450.0, "=SUM(A1)"),
    );
    t.upsert_entry(
        &id("grdp-growth"),
        entry(Period::FIRST_HALF, Basis::Estimate, -2.1, "dòng 1\ndòng 2"),
    );
    t.upsert_entry(
        &id("forest-cover"),
        entry(
            Period::Year,
            Basis::Official,
            52.5,
            "<img src=x onerror=alert(1)>",
        ),
    );
    t.upsert_entry(
        &id("birth-rate-reduction"),
        entry(Period::Quarter(2), Basis::Estimate, 0.1, "-0,4‰ ; ok"),
    );
    t.set_baseline(&id("poverty-reduction"), Some(25.1));
    t.set_assessment(&id("preschool-universal"), Some(Assessment::OnTrack));
    t.set_item_progress(&ItemId("3a".to_owned()), ItemProgress::InProgress);
    t.set_item_note(&ItemId("4e".to_owned()), "ghi chú ' @x".to_owned());
    t
}

fn entries_only(t: &Tracking) -> Tracking {
    Tracking {
        entries: t.entries.clone(),
        ..Tracking::default()
    }
}

#[test]
fn json_export_then_import_into_nothing_is_identical() {
    let plan = plan();
    let data = sample();
    let json = export_json(&plan, &data, "2023-10-05T08:00:00.000Z").unwrap_or_default();
    let preview = import(&plan, &Tracking::default(), "backup.json", &json);
    assert_eq!(preview.rejected, vec![]);
    assert!(preview.can_apply());
    assert_eq!(preview.apply(), Some(data.clone()));
    assert_eq!(preview.count(ChangeKind::Added), 5 + 1 + 1 + 2);
    // Importing the same file again changes nothing.
    let again = import(&plan, &data, "backup.json", &json);
    assert_eq!(again.count(ChangeKind::Unchanged), again.changes.len());
    assert!(!again.can_apply());
    assert_eq!(again.apply(), Some(data));
}

#[test]
fn csv_export_then_import_gives_back_every_entry() {
    let plan = plan();
    let data = sample();
    let csv = export_csv(&plan, &data);
    assert!(csv.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    assert!(
        csv.contains(",tỷ đồng,9M,1837.5,estimate,\"ước, \"\"9 tháng\"\"\"\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(",'=SUM(A1)\r\n"),
        "formulas are guarded: {csv}"
    );
    assert!(csv.contains(",0.1,"), "dot decimals: {csv}");
    let preview = import(&plan, &Tracking::default(), "figures.csv", &csv);
    assert_eq!(preview.rejected, vec![]);
    assert_eq!(preview.apply(), Some(entries_only(&data)));
}

#[test]
fn csv_from_excel_in_a_vietnamese_locale_is_read() {
    let plan = plan();
    let csv = "target_id;target_name;unit;period;value;basis;note\r\nforest-cover;Tỷ lệ che phủ rừng;%;Y;52,5;official;\r\n";
    let preview = import(&plan, &Tracking::default(), "x.csv", csv);
    assert_eq!(preview.rejected, vec![]);
    let data = preview.apply().unwrap_or_default();
    assert_eq!(data.entries(&id("forest-cover"))[0].value, 52.5);
}

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
    let csv = export_csv(&plan, &sample());
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

const HEADER: &str = "target_id,target_name,unit,period,value,basis,note\n";

fn json_with(data: &str) -> String {
    format!(
        r#"{{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":1,"exported_at":"","data":{data}}}"#
    )
}

#[test]
fn bad_files_are_rejected_with_their_reason_and_change_nothing() {
    let plan = plan();
    let current = sample();
    let csv = |rows: &str| format!("{HEADER}{rows}");
    let big = format!("{HEADER}{}", "x".repeat(MAX_IMPORT_BYTES));
    let table: Vec<(&str, String, Reason)> = vec![
        (
            "big.csv",
            big,
            Reason::TooLarge {
                bytes: MAX_IMPORT_BYTES + HEADER.len(),
            },
        ),
        ("empty.csv", "\u{feff}  \n".to_owned(), Reason::Empty),
        (
            "a.json",
            "{not json".to_owned(),
            Reason::NotJson(String::new()),
        ),
        (
            "a.json",
            r#"{"app":"other","plan":"lai-chau-2023","schema":1,"data":{}}"#.to_owned(),
            Reason::WrongApp("other".into()),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"ha-noi-2023","schema":1,"data":{}}"#.to_owned(),
            Reason::WrongPlan("ha-noi-2023".into()),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":9,"data":{}}"#.to_owned(),
            Reason::NewerSchema(9),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":"1","data":{}}"#.to_owned(),
            Reason::BadSchema(String::new()),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":1,"data":{},"extra":1}"#
                .to_owned(),
            Reason::UnexpectedField("extra".into()),
        ),
        (
            "a.json",
            json_with(r#"{"surprise":{}}"#),
            Reason::UnexpectedField("surprise".into()),
        ),
        (
            "a.json",
            json_with(r#"{"entries":{"no-such-target":[]}}"#),
            Reason::UnknownTarget("no-such-target".into()),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":1e400}]}}"#,
            ),
            Reason::NotFinite,
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":null}]}}"#,
            ),
            Reason::NotFinite,
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":"52,5"}]}}"#,
            ),
            Reason::NotANumber("52,5".into()),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":152.5}]}}"#,
            ),
            Reason::Value(ParseError::OutOfRange {
                range: crate::plan::range::Bounds {
                    min: 0.0,
                    max: 100.0,
                },
                unit: Unit::Percent,
            }),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":5,"colour":"red"}]}}"#,
            ),
            Reason::UnexpectedField("colour".into()),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":5},{"period":"Y","basis":"official","value":6}]}}"#,
            ),
            Reason::Duplicate {
                period: Period::Year,
                basis: Basis::Official,
            },
        ),
        (
            "a.json",
            json_with(r#"{"entries":{"preschool-universal":[]}}"#),
            Reason::WrongKindOfTarget("preschool-universal".into()),
        ),
        (
            "a.json",
            json_with(r#"{"baselines":{"budget-revenue":-5}}"#),
            Reason::Value(ParseError::Negative),
        ),
        (
            "a.json",
            json_with(r#"{"assessments":{"preschool-universal":"great"}}"#),
            Reason::BadChoice("\"great\"".into()),
        ),
        (
            "a.json",
            json_with(r#"{"items":{"9z":{"progress":"done"}}}"#),
            Reason::UnknownItem("9z".into()),
        ),
        (
            "a.json",
            json_with(r#"{"items":{"3a":{"progress":"done","owner":"x"}}}"#),
            Reason::UnexpectedField("owner".into()),
        ),
        (
            "a.csv",
            csv("no-such-target,,%,Y,1,official,\n"),
            Reason::UnknownTarget("no-such-target".into()),
        ),
        (
            "a.csv",
            csv("forest-cover,,ha,Y,52.5,official,\n"),
            Reason::WrongUnit {
                expected: "%".into(),
                found: "ha".into(),
            },
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,abc,official,\n"),
            Reason::NotANumber("abc".into()),
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,\"1,234.5\",official,\n"),
            Reason::NotANumber("1,234.5".into()),
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,1e5,official,\n"),
            Reason::NotANumber("1e5".into()),
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,NaN,official,\n"),
            Reason::NotFinite,
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,-Infinity,official,\n"),
            Reason::NotFinite,
        ),
        (
            "a.csv",
            csv(&format!(
                "forest-cover,,%,Y,1{},official,\n",
                "0".repeat(400)
            )),
            Reason::NotFinite,
        ),
        (
            "a.csv",
            csv("budget-revenue,,tỷ đồng,Y,-1,official,\n"),
            Reason::Value(ParseError::Negative),
        ),
        (
            "a.csv",
            csv("forest-cover,,%,M13,5,official,\n"),
            Reason::BadPeriod("M13".into()),
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,5,guess,\n"),
            Reason::BadBasis("guess".into()),
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,5,official,,\n"),
            Reason::FieldCount {
                expected: 7,
                found: 8,
            },
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,5,official,\"open\n"),
            Reason::UnclosedQuote,
        ),
        (
            "a.csv",
            csv("forest-cover,,%,Y,5,official,a\nforest-cover,,%,Y,6,official,b\n"),
            Reason::Duplicate {
                period: Period::Year,
                basis: Basis::Official,
            },
        ),
        (
            "a.csv",
            csv(&format!(
                "forest-cover,,%,Y,5,official,{}\n",
                "n".repeat(MAX_NOTE_CHARS + 1)
            )),
            Reason::NoteTooLong,
        ),
        (
            "a.csv",
            "target_id,unit,period,value,basis,note,colour\n".to_owned(),
            Reason::UnexpectedField("colour".into()),
        ),
        (
            "a.csv",
            "target_id,unit,period,value,basis,note\n".to_owned(),
            Reason::Missing("target_name".into()),
        ),
    ];
    for (name, content, expected) in table {
        let preview = import(&plan, &current, name, &content);
        let label = format!("{name}: {}", content.chars().take(120).collect::<String>());
        assert!(!preview.can_apply(), "{label}");
        assert_eq!(preview.apply(), None, "{label}: all or nothing");
        let found = preview
            .rejected
            .iter()
            .any(|r| match (&r.reason, &expected) {
                // The parser's own wording is not part of the contract; its kind is.
                (Reason::NotJson(_), Reason::NotJson(_))
                | (Reason::BadSchema(_), Reason::BadSchema(_)) => true,
                (got, want) => got == want,
            });
        assert!(
            found,
            "{label}: expected {expected:?}, got {:?}",
            preview.rejected
        );
        for r in &preview.rejected {
            assert!(
                !r.reason.message(Lang::Vi).is_empty() && !r.reason.message(Lang::En).is_empty()
            );
        }
    }
    assert_eq!(current, sample(), "the data is untouched");
}

#[test]
fn one_bad_row_blocks_the_whole_file() {
    let plan = plan();
    let csv = format!(
        "{HEADER}forest-cover,,%,Y,52.5,official,\ngrain-output,,nghìn tấn,Y,-3,official,\n"
    );
    let preview = import(&plan, &Tracking::default(), "a.csv", &csv);
    assert_eq!(preview.count(ChangeKind::Added), 1);
    assert_eq!(preview.rejected.len(), 1);
    assert_eq!(preview.rejected[0].place, Place::Line(3));
    assert_eq!(preview.apply(), None);
}

#[test]
fn file_names_and_formats() {
    let plan = plan();
    assert_eq!(
        file_name(&plan, Format::Csv, "2023-10-05T08:00:00.000Z"),
        "lai-chau-2023-2023-10-05.csv"
    );
    assert_eq!(Format::detect("x.JSON", ""), Format::Json);
    assert_eq!(Format::detect("x", "\u{feff} {"), Format::Json);
    assert_eq!(Format::detect("x.txt", "target_id"), Format::Csv);
}

#[test]
fn a_file_over_5_mb_is_refused_by_its_size_alone() {
    let current = sample();
    assert_eq!(oversized("a.csv", MAX_IMPORT_BYTES as u64, &current), None);
    let preview = oversized("a.json", 10 * 1024 * 1024, &current);
    let preview = preview.unwrap_or_else(|| panic!("10 MB must be refused"));
    assert_eq!(
        preview.rejected[0].reason,
        Reason::TooLarge {
            bytes: 10 * 1024 * 1024
        }
    );
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
fn the_nudge_comes_after_many_unexported_changes() {
    let mark = ExportMark {
        exported_at: "2023-10-05T08:00:00Z".to_owned(),
        revision: 30,
    };
    assert_eq!(unexported_changes(None, 5), 5);
    assert!(!should_nudge(None, NUDGE_AFTER_CHANGES - 1));
    assert!(should_nudge(None, NUDGE_AFTER_CHANGES));
    assert_eq!(unexported_changes(Some(&mark), 35), 5);
    assert!(!should_nudge(Some(&mark), 30 + NUDGE_AFTER_CHANGES - 1));
    assert!(should_nudge(Some(&mark), 30 + NUDGE_AFTER_CHANGES));
    // Storage cleared since: the count starts again rather than going negative.
    assert_eq!(unexported_changes(Some(&mark), 2), 0);
}

fn arb_entry() -> impl Strategy<Value = (usize, Entry)> {
    let periods = Period::all();
    (
        0usize..49,
        0..periods.len(),
        any::<bool>(),
        -1.0e6f64..1.0e6,
        "\\PC{0,20}",
    )
        .prop_map(move |(t, p, official, value, note)| {
            let basis = if official {
                Basis::Official
            } else {
                Basis::Estimate
            };
            (t, entry(periods[p], basis, value, &note))
        })
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

    #[test]
    fn importers_never_panic_on_near_valid_csv(rows in proptest::collection::vec(
        ("[a-z-]{0,12}", "\\PC{0,5}", "[%a-z ]{0,4}", "[MQH9Y0-9]{0,3}", "[-0-9.,eE]{0,8}", "[a-z]{0,8}", "[\\PC\"]{0,8}"), 0..8)) {
        let plan = plan();
        let mut csv = String::from(HEADER);
        for (a, b, c, d, e, f, g) in rows {
            csv.push_str(&[a, b, c, d, e, f, g].join(","));
            csv.push('\n');
        }
        let _ = import(&plan, &sample(), "x.csv", &csv);
    }

    #[test]
    fn valid_entries_round_trip_through_both_formats(entries in proptest::collection::vec(arb_entry(), 0..12)) {
        let plan = plan();
        let numeric: Vec<&Target> = plan.targets.iter().filter(|t| t.numeric().is_some()).collect();
        let mut data = Tracking::default();
        for (t, mut e) in entries {
            let target = numeric[t % numeric.len()];
            if let Some(goal) = target.numeric() {
                // Two decimals, folded into 0–19 when out of the target's range, so that every
                // figure is valid (criteria per commune stop at 19).
                e.value = (e.value * 100.0).round() / 100.0;
                if check_domain(e.value, goal).is_err() {
                    e.value = (e.value.abs() % 19.0 * 100.0).round() / 100.0;
                }
            }
            data.upsert_entry(&target.id, e);
        }
        let csv = export_csv(&plan, &data);
        let from_csv = import(&plan, &Tracking::default(), "x.csv", &csv);
        prop_assert_eq!(&from_csv.rejected, &vec![]);
        prop_assert_eq!(from_csv.apply(), Some(data.clone()));
        let json = export_json(&plan, &data, "2023-01-01").unwrap_or_default();
        prop_assert_eq!(import(&plan, &Tracking::default(), "x.json", &json).apply(), Some(data));
    }
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
