//! Numbers in and out: parsing what a user types in the interface's language, and formatting
//! figures the way the resolution writes them (52,9 · 9.862 in Vietnamese; 52.9 · 9,862 in English).

use crate::i18n::Lang;

use super::model::{Domain, NumericGoal, Unit};

/// The most significant digits a typed number may have; beyond it f64 cannot keep them all.
const MAX_SIGNIFICANT_DIGITS: usize = 15;

/// Why a typed value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Letters or signs that are not part of a number.
    NotANumber,
    /// "NaN", "inf", "∞".
    NotFinite,
    /// "1e5": scientific notation is not how figures are reported.
    Exponent,
    /// More than one decimal mark ("1,2,3" in Vietnamese).
    TwoDecimalMarks,
    /// Thousands separators not in groups of three ("2.45" in Vietnamese).
    BadGrouping,
    TooManyDigits,
    /// A % or ‰ sign that is not the target's unit.
    WrongUnitSign,
    /// A negative value for a quantity that cannot be negative.
    Negative,
    /// A proportion outside 0–100 % (or 0–1000 ‰).
    OutOfRange,
}

impl ParseError {
    /// The message shown beside the field.
    pub fn message(self, lang: Lang) -> String {
        let (dec, group) = lang.separators();
        match self {
            ParseError::NotANumber => lang.pick("Hãy nhập một con số.", "Please enter a number.").to_owned(),
            ParseError::NotFinite => lang
                .pick("Giá trị phải là một số hữu hạn.", "The value must be a finite number.")
                .to_owned(),
            ParseError::Exponent => lang
                .pick("Không dùng dạng lũy thừa (1e5); hãy viết đủ các chữ số.", "Do not use exponents (1e5); write the digits out.")
                .to_owned(),
            ParseError::TwoDecimalMarks => match lang {
                Lang::Vi => format!("Chỉ được có một dấu thập phân «{dec}»."),
                Lang::En => format!("Use only one decimal mark “{dec}”."),
            },
            ParseError::BadGrouping => match lang {
                Lang::Vi => format!("Dấu «{group}» ngăn cách hàng nghìn; phần thập phân dùng dấu «{dec}» (ví dụ 1.234,5)."),
                Lang::En => format!("“{group}” separates thousands; decimals use “{dec}” (for example 1,234.5)."),
            },
            ParseError::TooManyDigits => match lang {
                Lang::Vi => format!("Tối đa {MAX_SIGNIFICANT_DIGITS} chữ số có nghĩa."),
                Lang::En => format!("At most {MAX_SIGNIFICANT_DIGITS} significant digits."),
            },
            ParseError::WrongUnitSign => lang
                .pick("Đơn vị không khớp với đơn vị của chỉ tiêu.", "The unit does not match the target's unit.")
                .to_owned(),
            ParseError::Negative => lang
                .pick("Chỉ tiêu này không nhận giá trị âm.", "This target cannot be negative.")
                .to_owned(),
            ParseError::OutOfRange => lang
                .pick("Tỷ lệ phải nằm trong khoảng 0 đến 100%.", "A rate must be between 0 and 100%.")
                .to_owned(),
        }
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// Parses a number as typed in `lang`. Empty input is `Ok(None)`: no value, never zero.
/// A trailing % or ‰ is accepted here only if it equals `sign`.
pub fn parse_number(
    input: &str,
    lang: Lang,
    sign: Option<char>,
) -> Result<Option<f64>, ParseError> {
    let mut s = input.trim_matches(is_space);
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(last) = s.chars().last().filter(|c| matches!(c, '%' | '‰')) {
        if Some(last) != sign {
            return Err(ParseError::WrongUnitSign);
        }
        s = s[..s.len() - last.len_utf8()].trim_end_matches(is_space);
    }
    let lower = s.to_lowercase();
    if lower.contains("nan") || lower.contains("inf") || lower.contains('∞') {
        return Err(ParseError::NotFinite);
    }
    let (negative, body) = match s.chars().next() {
        Some(c @ ('-' | '−' | '+')) => (c != '+', s[c.len_utf8()..].trim_start_matches(is_space)),
        _ => (false, s),
    };
    if body.contains(['e', 'E']) && body.chars().any(|c| c.is_ascii_digit()) {
        return Err(ParseError::Exponent);
    }
    let (dec, group) = lang.separators();
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == dec || c == group || is_space(c)))
    {
        return Err(ParseError::NotANumber);
    }
    let mut parts = body.split(dec);
    let int_part = parts.next().unwrap_or_default();
    let frac_part = parts.next();
    if parts.next().is_some() {
        return Err(ParseError::TwoDecimalMarks);
    }
    let int_digits = grouped_digits(int_part, group)?;
    let frac_digits = match frac_part {
        Some(f) if f.chars().all(|c| c.is_ascii_digit()) => f,
        Some(_) => return Err(ParseError::BadGrouping),
        None => "",
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(ParseError::NotANumber);
    }
    let significant = int_digits.trim_start_matches('0').len() + frac_digits.len();
    if significant > MAX_SIGNIFICANT_DIGITS {
        return Err(ParseError::TooManyDigits);
    }
    let plain = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() {
            "0"
        } else {
            &int_digits
        },
        frac_digits
    );
    match plain.trim_end_matches('.').parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(if v == 0.0 { 0.0 } else { v })),
        _ => Err(ParseError::NotANumber),
    }
}

/// The digits of an integer part, checking that its thousands separators (the group mark or
/// spaces) make groups of three after a first group of one to three digits.
fn grouped_digits(int_part: &str, group: char) -> Result<String, ParseError> {
    let groups: Vec<&str> = int_part.split(|c| c == group || is_space(c)).collect();
    if groups.len() > 1 {
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !(first_ok && rest_ok) {
            return Err(ParseError::BadGrouping);
        }
    }
    Ok(groups.concat())
}

/// Parses a value for a target, then checks it against what the quantity can be.
pub fn parse_for(input: &str, lang: Lang, goal: &NumericGoal) -> Result<Option<f64>, ParseError> {
    let Some(value) = parse_number(input, lang, goal.unit.sign())? else {
        return Ok(None);
    };
    check_domain(value, goal.domain, goal.unit)?;
    Ok(Some(value))
}

/// Whether a value is one the quantity can take.
pub fn check_domain(value: f64, domain: Domain, unit: Unit) -> Result<(), ParseError> {
    match domain {
        Domain::Change => Ok(()),
        Domain::Amount if value < 0.0 => Err(ParseError::Negative),
        Domain::Amount => Ok(()),
        Domain::Proportion => {
            let max = if unit == Unit::PerMille {
                1000.0
            } else {
                100.0
            };
            if value < 0.0 {
                Err(ParseError::Negative)
            } else if value > max {
                Err(ParseError::OutOfRange)
            } else {
                Ok(())
            }
        }
    }
}

/// Formats a number with `decimals` decimals and the language's separators.
pub fn format_number(value: f64, decimals: u8, lang: Lang) -> String {
    let (dec, group) = lang.separators();
    // Round half away from zero, as reports do (71,25 → 71,3); `format!` alone rounds half to
    // even. The nudge of a few ulps undoes binary error such as 0,75 × 0,95 = 0,71249999….
    let scale = 10f64.powi(i32::from(decimals));
    let rounded = (value.abs() * scale * (1.0 + 8.0 * f64::EPSILON)).round() / scale;
    let fixed = format!("{:.*}", usize::from(decimals), rounded);
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::with_capacity(fixed.len() + 4);
    let rounds_to_zero = fixed.chars().all(|c| c == '0' || c == '.');
    if value < 0.0 && !rounds_to_zero {
        out.push('-');
    }
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac_part.is_empty() {
        out.push(dec);
        out.push_str(frac_part);
    }
    out
}

/// A value with its unit: "52,3%", "2.450 tỷ đồng", "0,4‰".
pub fn format_with_unit(value: f64, decimals: u8, unit: Unit, lang: Lang) -> String {
    let number = format_number(value, decimals, lang);
    match unit.sign() {
        Some(sign) => format!("{number}{sign}"),
        None => format!("{number} {}", unit.label(lang)),
    }
}

/// A target's value in its own precision and unit.
pub fn format_goal_value(value: f64, goal: &NumericGoal, lang: Lang) -> String {
    format_with_unit(value, goal.decimals, goal.unit, lang)
}

/// The decimals a typed value has (1837.5 → 1), at most 3, found from its shortest decimal form.
pub fn decimals_of(value: f64) -> u8 {
    let text = format!("{value}");
    text.split_once('.')
        .map_or(0, |(_, frac)| frac.len().min(3) as u8)
}

/// A figure a user entered: in the target's precision, or more if that is how it was typed, so
/// that what was typed is what is shown (1.837,5 stays 1.837,5 for a target written 2.450).
pub fn format_actual(value: f64, goal: &NumericGoal, lang: Lang) -> String {
    format_with_unit(
        value,
        goal.decimals.max(decimals_of(value)),
        goal.unit,
        lang,
    )
}

/// An achievement ratio as a percentage with one decimal ("74,9%").
pub fn format_percent(ratio: f64, lang: Lang) -> String {
    format!("{}%", format_number(ratio * 100.0, 1, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParseError::*;

    type Row = (
        &'static str,
        Lang,
        Option<char>,
        Result<Option<f64>, ParseError>,
    );

    #[track_caller]
    fn check(
        input: &str,
        lang: Lang,
        sign: Option<char>,
        expected: Result<Option<f64>, ParseError>,
    ) {
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
        assert_eq!(parse_for("100,1", vi, &share), Err(OutOfRange));
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
        assert_eq!(format_actual(52.123456, &share, Lang::En), "52.123%");
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

    // issue 5: bounded property tests (a few hundred cases, well under a second).
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

            #[test]
            fn a_formatted_number_parses_back(n in -1_000_000_000_000i64..1_000_000_000_000, decimals in 0u8..=3, lang in any_lang()) {
                // A value with exactly `decimals` decimals, as the decimal text says it.
                let value: f64 = format!("{n}e-{decimals}").parse().unwrap_or(0.0);
                let text = format_number(value, decimals, lang);
                prop_assert_eq!(parse_number(&text, lang, None), Ok(Some(value)), "{}", text);
            }
        }
    }
}
