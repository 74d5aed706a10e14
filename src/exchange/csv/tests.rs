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
const VI_HEADER: &str =
    "Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị tính;Kỳ báo cáo;Giá trị;Loại số liệu;Ghi chú\n";

#[test]
fn the_english_csv_uses_commas_and_dot_decimals_and_reads_back() {
    let plan = plan();
    let data = sample();
    let csv = export_csv(&plan, &data, Lang::En);
    assert!(
        csv.starts_with(&format!("\u{feff}{HEADER}").replace('\n', "\r\n")),
        "{csv}"
    );
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
fn the_vietnamese_csv_speaks_vietnamese_as_excel_in_that_locale_expects() {
    let plan = plan();
    let data = sample();
    let csv = export_csv(&plan, &data, Lang::Vi);
    assert!(
        csv.starts_with(
            "\u{feff}Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị tính;Kỳ báo cáo;Giá trị;Loại số liệu;Ghi chú\r\n"
        ),
        "BOM, Vietnamese headers, semicolons: {csv}"
    );
    assert!(
        csv.contains(";tỷ đồng;9M;1.837,5;Ước thực hiện;\"ước, \"\"9 tháng\"\"\"\r\n"),
        "{csv}"
    );
    assert!(csv.contains(";Y;2.450;Chính thức;'=SUM(A1)\r\n"), "{csv}");
    assert!(csv.contains(";-2,1;"), "{csv}");
    assert!(
        csv.contains(";0,1;Ước thực hiện;\"'-0,4‰ ; ok\"\r\n"),
        "a note with the delimiter is quoted: {csv}"
    );
    assert_eq!(
        import_into_nothing("số liệu.csv", &csv),
        Ok(entries_only(&data))
    );
}

#[test]
fn numbers_are_written_in_full_in_each_notation() {
    let table: [(f64, &str, &str); 8] = [
        (1837.5, "1837.5", "1.837,5"),
        (2450.0, "2450", "2.450"),
        (-2.1, "-2.1", "-2,1"),
        (0.1, "0.1", "0,1"),
        (999.0, "999", "999"),
        (1_000_000.25, "1000000.25", "1.000.000,25"),
        (-123_456.0, "-123456", "-123.456"),
        (0.000_000_1, "0.0000001", "0,0000001"),
    ];
    for (value, dot, comma) in table {
        assert_eq!(Notation::DecimalDot.write(value), dot);
        assert_eq!(Notation::DecimalComma.write(value), comma);
        assert_eq!(Notation::DecimalDot.read(dot), Ok(value), "{dot}");
        assert_eq!(Notation::DecimalComma.read(comma), Ok(value), "{comma}");
    }
}

#[test]
fn numbers_are_read_in_the_files_notation() {
    let comma = |t: &str| Reason::NotADecimalCommaNumber(t.to_owned());
    let dot = |t: &str| Reason::NotANumber(t.to_owned());
    let table: Vec<(Notation, &str, Result<f64, Reason>)> = vec![
        (Notation::DecimalComma, "1837,5", Ok(1837.5)),
        (Notation::DecimalComma, " 52,5 ", Ok(52.5)),
        (Notation::DecimalComma, "1.837", Ok(1837.0)),
        (Notation::DecimalComma, "12.345.678,9", Ok(12_345_678.9)),
        (Notation::DecimalComma, "-0", Ok(0.0)),
        // A dot that does not group thousands could be a decimal dot: refused, not guessed.
        (Notation::DecimalComma, "52.5", Err(comma("52.5"))),
        (Notation::DecimalComma, "1.83,5", Err(comma("1.83,5"))),
        (Notation::DecimalComma, "1837.5", Err(comma("1837.5"))),
        (Notation::DecimalComma, "1234.567", Err(comma("1234.567"))),
        (Notation::DecimalComma, ".837", Err(comma(".837"))),
        (Notation::DecimalComma, "1,2,3", Err(comma("1,2,3"))),
        (Notation::DecimalComma, "", Err(comma(""))),
        (Notation::DecimalComma, "NaN", Err(Reason::NotFinite)),
        (Notation::DecimalDot, "1837.5", Ok(1837.5)),
        (Notation::DecimalDot, ".5", Ok(0.5)),
        (Notation::DecimalDot, "1,837.5", Err(dot("1,837.5"))),
        (Notation::DecimalDot, "52,5", Err(dot("52,5"))),
        (Notation::DecimalDot, "+5", Err(dot("+5"))),
        (Notation::DecimalDot, "-", Err(dot("-"))),
        (Notation::DecimalDot, "1e5", Err(dot("1e5"))),
        (Notation::DecimalDot, "-inf", Err(Reason::NotFinite)),
    ];
    for (notation, text, expected) in table {
        assert_eq!(notation.read(text), expected, "{notation:?} {text:?}");
    }
}

#[test]
fn headers_and_kinds_of_figure_are_read_in_either_language() {
    let mixed = "Mã chỉ tiêu,unit,KỲ BÁO CÁO,value,Loại số liệu,note,target_name\r\n\
                 forest-cover,%,Y,52.5,Chính thức,,\r\n\
                 forest-cover,%,9M,52.1,Estimate,,\r\n";
    let data = import_into_nothing("x.csv", mixed).unwrap_or_default();
    let entries = data.entries(&id("forest-cover"));
    assert_eq!(entries.len(), 2, "{data:?}");
    assert_eq!(
        (entries[1].basis, entries[1].value),
        (Basis::Official, 52.5)
    );
    assert_eq!(
        (entries[0].basis, entries[0].value),
        (Basis::Estimate, 52.1)
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
        (
            "a.csv",
            "Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị tính;Kỳ báo cáo;Giá trị;Ghi chú\n".to_owned(),
            Reason::Missing("Loại số liệu".into()),
        ),
        (
            "a.csv",
            format!("{VI_HEADER}forest-cover;;%;Y;52.5;Chính thức;\n"),
            Reason::NotADecimalCommaNumber("52.5".into()),
        ),
        (
            "a.csv",
            format!("{VI_HEADER}forest-cover;;%;Y;52,5;Ước tính;\n"),
            Reason::BadBasis("Ước tính".into()),
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
    fn valid_entries_round_trip_through_the_csv_in_both_languages(data in arb_entries(&plan())) {
        for lang in [Lang::Vi, Lang::En] {
            let csv = export_csv(&plan(), &data, lang);
            prop_assert_eq!(import_into_nothing("x.csv", &csv), Ok(data.clone()), "{:?}", lang);
        }
    }

    #[test]
    fn any_finite_number_round_trips_through_both_notations(value in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
        for notation in [Notation::DecimalDot, Notation::DecimalComma] {
            prop_assert_eq!(notation.read(&notation.write(value)), Ok(value), "{:?}", notation);
        }
    }
}
