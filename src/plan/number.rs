//! Numbers in and out: parsing what a user types in the interface's language, and formatting
//! figures the way the resolution writes them (52,9 · 9.862 in Vietnamese; 52.9 · 9,862 in English).

use crate::i18n::Lang;

use super::model::{NumericGoal, Unit};
use super::range::{bounds, Bounds};

/// The most significant digits a typed number may have; beyond it f64 cannot keep them all.
const MAX_SIGNIFICANT_DIGITS: usize = 15;

/// Why a typed value was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
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
    /// More than [`MAX_SIGNIFICANT_DIGITS`] significant digits, which f64 cannot all keep.
    TooManyDigits,
    /// A % or ‰ sign that is not the target's unit.
    WrongUnitSign,
    /// A negative value for a quantity that cannot be negative.
    Negative,
    /// Outside the target's range (`range::bounds`): a proportion above the whole, a fall of
    /// more than 100 %, an amount no province could report.
    OutOfRange { range: Bounds, unit: Unit },
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
            ParseError::OutOfRange { range, unit } => {
                let bound = |v: f64| format_with_unit(v, decimals_of(v), unit, lang);
                let (min, max) = (bound(range.min), bound(range.max));
                match lang {
                    Lang::Vi => format!("Giá trị nằm ngoài khoảng hợp lý của chỉ tiêu này: từ {min} đến {max}."),
                    Lang::En => format!("The value is outside this target's plausible range: from {min} to {max}."),
                }
            }
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
        s = s.strip_suffix(last).unwrap_or(s).trim_end_matches(is_space);
    }
    let lower = s.to_lowercase();
    if lower.contains("nan") || lower.contains("inf") || lower.contains('∞') {
        return Err(ParseError::NotFinite);
    }
    let (negative, body) = match s.chars().next() {
        Some(c @ ('-' | '−' | '+')) => (
            c != '+',
            s.strip_prefix(c).unwrap_or(s).trim_start_matches(is_space),
        ),
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
    if let [first, rest @ ..] = groups.as_slice() {
        let digits = |g: &str| g.chars().count();
        let first_ok = rest.is_empty() || (1..=3).contains(&digits(first));
        let rest_ok = rest.iter().all(|g| digits(g) == 3);
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
    check_domain(value, goal)?;
    Ok(Some(value))
}

/// Whether a figure is one the target can take, whichever door it comes through (typed, from a
/// file, from a link): finite, written in at most [`MAX_SIGNIFICANT_DIGITS`] significant digits
/// (never rounded silently), and within the target's range (`range::bounds`).
pub fn check_domain(value: f64, goal: &NumericGoal) -> Result<(), ParseError> {
    if !value.is_finite() {
        return Err(ParseError::NotFinite);
    }
    if significant_digits(value) > MAX_SIGNIFICANT_DIGITS {
        return Err(ParseError::TooManyDigits);
    }
    let range = bounds(goal);
    if value < 0.0 && range.min >= 0.0 {
        Err(ParseError::Negative)
    } else if range.contains(value) {
        Ok(())
    } else {
        Err(ParseError::OutOfRange {
            range,
            unit: goal.unit,
        })
    }
}

/// Formats a number with `decimals` decimals and the language's separators; "—" for a value
/// that is not finite (nothing non-finite is stored, but a computed ratio could overflow).
///
/// The rounding is done on decimal digits, never by scaling the float: the value is first read
/// to [`MAX_SIGNIFICANT_DIGITS`] significant digits, which is exactly what was typed or stored
/// (the parsers refuse more), and which drops the binary error of a computed ratio
/// (0,75 × 0,95 = 0,71249999… reads 0,7125); those digits are then rounded half away from zero,
/// as reports do (71,25 → 71,3; `format!` alone rounds half to even).
pub fn format_number(value: f64, decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let (dec, group) = lang.separators();
    let digits = scaled_digits(value, decimals);
    // At least one digit before the decimal mark: 0,05 rather than ,05.
    let width = digits.len().max(usize::from(decimals) + 1);
    let mut padded = vec![b'0'; width - digits.len()];
    padded.extend_from_slice(&digits);
    let (int_part, frac_part) = padded.split_at(width - usize::from(decimals));
    let mut out = String::with_capacity(width + width / 3 + 2);
    if value < 0.0 && digits.iter().any(|d| *d != b'0') {
        out.push('-');
    }
    for (i, digit) in int_part.iter().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(char::from(*digit));
    }
    if !frac_part.is_empty() {
        out.push(dec);
        out.extend(frac_part.iter().map(|d| char::from(*d)));
    }
    out
}

/// The ASCII digits of |value| × 10^decimals rounded half away from zero, read from the value's
/// first [`MAX_SIGNIFICANT_DIGITS`] significant decimal digits; empty when that is zero.
fn scaled_digits(value: f64, decimals: u8) -> Vec<u8> {
    // "7.12500000000000e-1": Rust prints the exact decimal rounded to 15 significant digits.
    let text = format!("{:.*e}", MAX_SIGNIFICANT_DIGITS - 1, value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let significant: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    // How many of those digits lie at or above the last decimal shown.
    let kept = exponent + i32::from(decimals) + 1;
    let Ok(kept) = usize::try_from(kept) else {
        // The first digit is two places or more below the last decimal shown: rounds to zero.
        return Vec::new();
    };
    let mut digits: Vec<u8> = significant.iter().copied().take(kept).collect();
    digits.resize(kept, b'0');
    if significant.get(kept).is_some_and(|d| *d >= b'5') {
        // Round up, carrying through nines: 9,995 → 10,00.
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, b'1');
        }
    }
    let first = digits
        .iter()
        .position(|d| *d != b'0')
        .unwrap_or(digits.len());
    digits.split_off(first)
}

/// How many significant decimal digits a value needs to be written exactly, from the shortest
/// decimal that reads back as it (1837.5 → 5; 0,1 + 0,2 → 17).
pub fn significant_digits(value: f64) -> usize {
    let text = format!("{:e}", value.abs());
    let mantissa = text.split_once('e').map_or(text.as_str(), |(m, _)| m);
    mantissa.bytes().filter(u8::is_ascii_digit).count()
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

/// The decimals a stored value has (1837.5 → 1; 0,0000001 → 7), read from its first
/// [`MAX_SIGNIFICANT_DIGITS`] significant digits, so that a typed value shows every decimal it
/// was typed with and a computed one no binary noise.
pub fn decimals_of(value: f64) -> u8 {
    if !value.is_finite() || value == 0.0 {
        return 0;
    }
    let text = format!("{:.*e}", MAX_SIGNIFICANT_DIGITS - 1, value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let significant = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .collect::<Vec<u8>>();
    let used = significant
        .iter()
        .rposition(|d| *d != b'0')
        .map_or(0, |i| i + 1);
    // The last significant digit's place below the decimal mark.
    let places = i32::try_from(used).unwrap_or(0) - 1 - exponent;
    u8::try_from(places.max(0)).unwrap_or(u8::MAX)
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
    let percent = ratio * 100.0;
    if percent.is_finite() {
        format!("{}%", format_number(percent, 1, lang))
    } else {
        format_number(percent, 1, lang)
    }
}

#[cfg(test)]
mod tests;
