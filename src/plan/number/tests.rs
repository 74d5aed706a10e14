//! Tests of numbers in and out: parsing tables, exact formatting, the doors' checks, and bounded
//! property tests.

use super::super::model::Domain;
use super::*;
use ParseError::*;

type Row = (
    &'static str,
    Lang,
    Option<char>,
    Result<Option<f64>, ParseError>,
);

#[track_caller]
fn check(input: &str, lang: Lang, sign: Option<char>, expected: Result<Option<f64>, ParseError>) {
    assert_eq!(
        parse_number(input, lang, sign),
        expected,
        "input {input:?} in {lang:?}"
    );
}

#[test]
fn parses_what_users_type() {
    let (vi, en) = (Lang::Vi, Lang::En);
    let pct = Some('%');
    let table: &[Row] = &[
        ("52,9", vi, None, Ok(Some(52.9))),
        ("2.450", vi, None, Ok(Some(2450.0))),
        ("1.234,5", vi, None, Ok(Some(1234.5))),
        ("52.9", en, None, Ok(Some(52.9))),
        ("2,450", en, None, Ok(Some(2450.0))),
        ("1,234.5", en, None, Ok(Some(1234.5))),
        (" 7 ", vi, None, Ok(Some(7.0))),
        ("-3", vi, None, Ok(Some(-3.0))),
        ("−1,5", vi, None, Ok(Some(-1.5))),
        ("+4", en, None, Ok(Some(4.0))),
        ("12%", vi, pct, Ok(Some(12.0))),
        ("12 %", vi, pct, Ok(Some(12.0))),
        ("5‰", vi, Some('‰'), Ok(Some(5.0))),
        ("1 234,5", vi, None, Ok(Some(1234.5))),
        ("1\u{a0}234", vi, None, Ok(Some(1234.0))),
        ("0,4", vi, None, Ok(Some(0.4))),
        (",5", vi, None, Ok(Some(0.5))),
        ("07", vi, None, Ok(Some(7.0))),
        ("1.000.000", vi, None, Ok(Some(1_000_000.0))),
        ("-0", vi, None, Ok(Some(0.0))),
        ("", vi, None, Ok(None)),
        ("   ", en, None, Ok(None)),
        ("abc", vi, None, Err(NotANumber)),
        ("12a", vi, None, Err(NotANumber)),
        ("1,2,3", vi, None, Err(TwoDecimalMarks)),
        ("1,2,3", en, None, Err(BadGrouping)),
        ("2.45", vi, None, Err(BadGrouping)),
        ("1.5", vi, None, Err(BadGrouping)),
        ("1,23", en, None, Err(BadGrouping)),
        ("1.234.5", vi, None, Err(BadGrouping)),
        ("12,3.4", vi, None, Err(BadGrouping)),
        ("inf", en, None, Err(NotFinite)),
        ("-Infinity", en, None, Err(NotFinite)),
        ("NaN", vi, None, Err(NotFinite)),
        ("1e5", en, None, Err(Exponent)),
        ("2E-3", en, None, Err(Exponent)),
        ("12345678901234567890", en, None, Err(TooManyDigits)),
        ("0,0000000000000001", vi, None, Err(TooManyDigits)),
        ("12%", vi, None, Err(WrongUnitSign)),
        ("12‰", vi, pct, Err(WrongUnitSign)),
        ("%", vi, pct, Err(NotANumber)),
        ("-", vi, None, Err(NotANumber)),
        (",", vi, None, Err(NotANumber)),
        ("--3", vi, None, Err(NotANumber)),
        ("1e", en, None, Err(Exponent)),
    ];
    assert!(table.len() >= 25);
    for (input, lang, sign, expected) in table {
        check(input, *lang, *sign, *expected);
    }
}

fn goal(domain: Domain, unit: Unit) -> NumericGoal {
    NumericGoal {
        kind: super::super::model::NumericKind::AtLeast,
        value: 1.0,
        as_written: "1".to_owned(),
        decimals: 1,
        unit,
        measure: super::super::model::Measure::Level,
        domain,
    }
}

#[test]
fn the_quantity_decides_what_is_allowed() {
    let vi = Lang::Vi;
    let growth = goal(Domain::Change, Unit::Percent);
    let share = goal(Domain::Proportion, Unit::Percent);
    let per_mille = goal(Domain::Proportion, Unit::PerMille);
    let revenue = goal(Domain::Amount, Unit::BillionDong);
    assert_eq!(parse_for("-2,1", vi, &growth), Ok(Some(-2.1)));
    assert_eq!(parse_for("150", vi, &growth), Ok(Some(150.0)));
    assert_eq!(parse_for("-2,1", vi, &share), Err(Negative));
    let whole = Bounds {
        min: 0.0,
        max: 100.0,
    };
    assert_eq!(
        parse_for("100,1", vi, &share),
        Err(OutOfRange {
            range: whole,
            unit: Unit::Percent
        })
    );
    assert_eq!(parse_for("100", vi, &share), Ok(Some(100.0)));
    assert_eq!(parse_for("17,5‰", vi, &per_mille), Ok(Some(17.5)));
    assert_eq!(parse_for("-1", vi, &revenue), Err(Negative));
    assert_eq!(parse_for("12%", vi, &revenue), Err(WrongUnitSign));
    assert_eq!(parse_for("", vi, &revenue), Ok(None));
}

#[test]
fn formats_like_the_resolution() {
    assert_eq!(format_number(9862.0, 0, Lang::Vi), "9.862");
    assert_eq!(format_number(52.9, 1, Lang::Vi), "52,9");
    assert_eq!(format_number(22.98, 2, Lang::Vi), "22,98");
    assert_eq!(format_number(1234567.891, 2, Lang::Vi), "1.234.567,89");
    assert_eq!(format_number(9862.0, 0, Lang::En), "9,862");
    assert_eq!(format_number(52.9, 1, Lang::En), "52.9");
    assert_eq!(format_number(-1.25, 1, Lang::Vi), "-1,3");
    assert_eq!(format_number(71.25, 1, Lang::Vi), "71,3");
    assert_eq!(format_number(-0.01, 1, Lang::Vi), "0,0");
    assert_eq!(format_number(999.96, 1, Lang::Vi), "1.000,0");
    assert_eq!(format_with_unit(52.3, 1, Unit::Percent, Lang::Vi), "52,3%");
    assert_eq!(
        format_with_unit(2450.0, 0, Unit::BillionDong, Lang::Vi),
        "2.450 tỷ đồng"
    );
    assert_eq!(
        format_with_unit(2450.0, 0, Unit::BillionDong, Lang::En),
        "2,450 billion VND"
    );
    assert_eq!(format_percent(0.75, Lang::Vi), "75,0%");
}

/// What was stored is what is shown: no float scaling nudges the last digit, no tiny value
/// vanishes behind a cap on decimals, nothing infinite reaches the screen.
#[test]
fn formatting_shows_exactly_what_was_stored() {
    let (vi, en) = (Lang::Vi, Lang::En);
    assert_eq!(
        format_number(999_999_999_999_999.0, 0, vi),
        "999.999.999.999.999"
    );
    assert_eq!(
        format_number(123_456_789_012_345.0, 0, en),
        "123,456,789,012,345"
    );
    assert_eq!(format_number(0.000_000_1, 7, vi), "0,0000001");
    assert_eq!(format_number(2.675, 2, vi), "2,68");
    assert_eq!(format_number(1.005, 2, vi), "1,01");
    assert_eq!(format_number(0.125, 2, en), "0.13");
    assert_eq!(format_number(-0.125, 2, en), "-0.13");
    assert_eq!(format_number(0.0049, 2, en), "0.00");
    assert_eq!(format_number(0.005, 2, en), "0.01");
    assert_eq!(format_number(9.995, 2, en), "10.00");
    assert_eq!(format_number(0.0, 3, vi), "0,000");
    assert_eq!(format_number(1e21, 0, en), "1,000,000,000,000,000,000,000");
    // The binary error of a computed ratio is not a digit: 0,75 × 0,95 is 71,25%.
    assert_eq!(format_percent(0.75 * 0.95, vi), "71,3%");
    assert_eq!(format_number(0.1 + 0.2, 2, en), "0.30");
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(format_number(v, 1, vi), "—");
        assert_eq!(format_percent(v, vi), "—");
    }
    let share = goal(Domain::Proportion, Unit::Percent);
    assert_eq!(format_actual(0.000_000_1, &share, vi), "0,0000001%");
    assert_eq!(decimals_of(0.000_000_1), 7);
    assert_eq!(decimals_of(1837.5), 1);
    assert_eq!(decimals_of(2450.0), 0);
}

#[test]
fn out_of_range_or_overprecise_figures_are_refused_at_the_door() {
    let vi = Lang::Vi;
    let revenue = NumericGoal {
        value: 2450.0,
        decimals: 0,
        ..goal(Domain::Amount, Unit::BillionDong)
    };
    assert!(parse_for("999.999.999.999.999", vi, &revenue).is_err());
    assert_eq!(parse_for("2.512,37", vi, &revenue), Ok(Some(2512.37)));
    let growth = goal(Domain::Change, Unit::Percent);
    assert!(parse_for("-100,1", vi, &growth).is_err());
    assert_eq!(parse_for("-100", vi, &growth), Ok(Some(-100.0)));
    assert!(check_domain(1e308, &revenue).is_err());
    assert!(check_domain(1_837.123_456_789_012_3, &revenue).is_err());
    assert_eq!(check_domain(1_837.123_456_789_01, &revenue), Ok(()));
}

#[test]
fn actuals_keep_the_decimals_they_were_typed_with() {
    let revenue = goal(Domain::Amount, Unit::BillionDong);
    let revenue = NumericGoal {
        decimals: 0,
        ..revenue
    };
    assert_eq!(format_actual(1837.5, &revenue, Lang::Vi), "1.837,5 tỷ đồng");
    assert_eq!(format_actual(1838.0, &revenue, Lang::Vi), "1.838 tỷ đồng");
    let share = goal(Domain::Proportion, Unit::Percent);
    assert_eq!(format_actual(52.0, &share, Lang::Vi), "52,0%");
    // Every decimal typed is shown; there is no cap that would hide a small figure.
    assert_eq!(format_actual(52.123456, &share, Lang::En), "52.123456%");
}

#[test]
fn formatted_numbers_parse_back() {
    for lang in [Lang::Vi, Lang::En] {
        for (v, d) in [(9862.0, 0), (52.9, 1), (1234567.5, 1), (-3.25, 2), (0.4, 1)] {
            let text = format_number(v, d, lang);
            assert_eq!(parse_number(&text, lang, None), Ok(Some(v)), "{text}");
        }
    }
}

// Bounded property tests (a few hundred cases, well under a second).
mod properties {
    use super::super::*;
    use proptest::prelude::*;

    fn any_lang() -> impl Strategy<Value = Lang> {
        prop_oneof![Just(Lang::Vi), Just(Lang::En)]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn the_parser_never_panics(input in "\\PC{0,40}", lang in any_lang(), sign in prop_oneof![Just(None), Just(Some('%')), Just(Some('‰'))]) {
            if let Ok(Some(v)) = parse_number(&input, lang, sign) {
                prop_assert!(v.is_finite());
            }
        }

        #[test]
        fn the_parser_never_panics_on_number_like_text(input in "[-+ 0-9.,%‰eE]{0,24}", lang in any_lang()) {
            let _ = parse_number(&input, lang, Some('%'));
        }

        /// Any value at all formats without a panic, with at most one minus sign.
        #[test]
        fn any_value_formats(bits in any::<u64>(), decimals in 0u8..=20, lang in any_lang()) {
            let text = format_number(f64::from_bits(bits), decimals, lang);
            prop_assert!(text.matches('-').count() <= 1);
        }

        /// A value written in at most 15 significant digits, at any scale, shows exactly those
        /// digits: formatted with its own decimals, it parses back to the very same value.
        #[test]
        fn a_stored_value_shows_exactly(mantissa in prop_oneof![1u64..1_000, 1u64..1_000_000_000_000_000], scale in -15i32..1, negative in any::<bool>(), lang in any_lang()) {
            let text = format!("{}{mantissa}e{scale}", if negative { "-" } else { "" });
            let value: f64 = text.parse().unwrap_or(0.0);
            prop_assert!(significant_digits(value) <= MAX_SIGNIFICANT_DIGITS);
            let shown = format_number(value, decimals_of(value), lang);
            prop_assert_eq!(parse_number(&shown, lang, None), Ok(Some(value)), "{}", shown);
        }

        #[test]
        fn a_formatted_number_parses_back(n in -1_000_000_000_000i64..1_000_000_000_000, decimals in 0u8..=3, lang in any_lang()) {
            // A value with exactly `decimals` decimals, as the decimal text says it.
            let value: f64 = format!("{n}e-{decimals}").parse().unwrap_or(0.0);
            let text = format_number(value, decimals, lang);
            prop_assert_eq!(parse_number(&text, lang, None), Ok(Some(value)), "{}", text);
        }
    }
}
