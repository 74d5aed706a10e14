//! Tests of the CSV: the round trip, files from Excel, a table of bad files, and property tests.

use proptest::prelude::*;

use super::super::fixtures::{
    arb_entries, check_refused, entries_only, id, import_into_nothing, plan, sample,
};
use super::super::reason::MAX_NOTE_CHARS;
use super::super::{import, Place};
use super::*;
use crate::plan::number::ParseError;

const HEADER: &str = "target_id,target_name,unit,period,value,basis,note\n";

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
    assert_eq!(
        import_into_nothing("figures.csv", &csv),
        Ok(entries_only(&data))
    );
}

#[test]
fn csv_from_excel_in_a_vietnamese_locale_is_read() {
    let csv = "target_id;target_name;unit;period;value;basis;note\r\nforest-cover;Tỷ lệ che phủ rừng;%;Y;52,5;official;\r\n";
    let data = import_into_nothing("x.csv", csv).unwrap_or_default();
    assert_eq!(data.entries(&id("forest-cover"))[0].value, 52.5);
}

#[test]
fn the_tokenizer_splits_quoted_fields_and_counts_lines() {
    let rows = parse_csv("a,\"b,c\"\r\n\"d\"\"e\",\"f\ng\"\n\nh", ',');
    let expected = vec![
        (1, vec!["a".to_owned(), "b,c".to_owned()]),
        (2, vec!["d\"e".to_owned(), "f\ng".to_owned()]),
        (5, vec!["h".to_owned()]),
    ];
    assert_eq!(rows, Ok(expected));
    assert_eq!(parse_csv("a\n\"open", ','), Err(2));
}

#[test]
fn bad_csv_files_are_rejected_with_their_reason_and_change_nothing() {
    let csv = |rows: &str| format!("{HEADER}{rows}");
    check_refused(vec![
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
    ]);
}

#[test]
fn a_bad_row_is_placed_on_its_line() {
    let plan = plan();
    let content = csv_with_rows(
        "forest-cover,,%,Y,5,official,\"two\nlines\"\nforest-cover,,%,Q1,x,official,\n",
    );
    let preview = import(&plan, &Tracking::default(), "a.csv", &content);
    assert_eq!(preview.rejected.len(), 1);
    assert_eq!(preview.rejected[0].place, Place::Line(4));
}

fn csv_with_rows(rows: &str) -> String {
    format!("{HEADER}{rows}")
}

proptest! {
    // Bounded so `cargo test` stays fast; failures are reported, not persisted in the tree.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

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
    fn valid_entries_round_trip_through_the_csv(data in arb_entries(&plan())) {
        let csv = export_csv(&plan(), &data);
        prop_assert_eq!(import_into_nothing("x.csv", &csv), Ok(data));
    }
}
