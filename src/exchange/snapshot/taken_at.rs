//! The moment a shared snapshot says it was taken: read from the ISO 8601 text the sender's app
//! wrote (`Date.toISOString()`, "2023-10-05T08:00:00.000Z") and checked to be a real moment
//! between the resolution's adoption and now, since the reader is shown it as the date of the
//! figures. Char-safe: every field is checked to be ASCII digits before it is read.

/// Milliseconds since 1970-01-01T00:00:00Z, as JavaScript's `Date.now()` counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment(pub i64);

/// How far ahead of the reader's clock a link may be dated: a day covers a sender's clock set
/// in the wrong time zone (at most 14 hours off), and still refuses a date made up for show.
pub const FUTURE_TOLERANCE_MS: i64 = 24 * HOUR_MS;

const HOUR_MS: i64 = 60 * 60 * 1000;
const DAY_MS: i64 = 24 * HOUR_MS;
/// The resolution was adopted on a date in Vietnam (UTC+7): that day starts at 17:00 UTC the
/// day before.
const VIETNAM_OFFSET_MS: i64 = 7 * HOUR_MS;

/// Why a link's date cannot be shown as the date of its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date and time in the form the app writes, or a day that does not exist.
    NotADate,
    /// Before the resolution was adopted: no figure of this plan existed.
    BeforeAdoption,
    /// Later than the reader's clock, beyond [`FUTURE_TOLERANCE_MS`].
    InTheFuture,
}

/// Checks a link's date against the plan's adoption day (`YYYY-MM-DD`, in Vietnam) and now.
pub fn check(text: &str, adopted: &str, now: Moment) -> Result<Moment, DateProblem> {
    let moment = parse_moment(text).ok_or(DateProblem::NotADate)?;
    if let Some((y, m, d)) = parse_date(adopted) {
        let adoption = Moment(days_from_civil(y, m, d) * DAY_MS - VIETNAM_OFFSET_MS);
        if moment < adoption {
            return Err(DateProblem::BeforeAdoption);
        }
    }
    if moment.0 > now.0.saturating_add(FUTURE_TOLERANCE_MS) {
        return Err(DateProblem::InTheFuture);
    }
    Ok(moment)
}

/// The value of `text` if it is exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<u32> {
    if text.len() == len && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// A calendar date `YYYY-MM-DD` that exists (no 30 February).
fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let mut parts = text.split('-');
    let year = digits(parts.next()?, 4)?;
    let month = digits(parts.next()?, 2)?;
    let day = digits(parts.next()?, 2)?;
    if parts.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days_in_month)
        .contains(&day)
        .then_some((i64::from(year), month, day))
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the form `Date.toISOString()` writes, as a moment.
pub fn parse_moment(text: &str) -> Option<Moment> {
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let (y, m, d) = parse_date(date)?;
    let (clock, fraction) = match time.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (time, None),
    };
    let mut parts = clock.split(':');
    let hour = digits(parts.next()?, 2)?;
    let minute = digits(parts.next()?, 2)?;
    let second = digits(parts.next()?, 2)?;
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let millis = match fraction {
        None => 0,
        Some(f) => {
            let len = f.len();
            if !(1..=9).contains(&len) || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // The first three digits are milliseconds; finer digits are dropped.
            let padded = format!("{f:0<3}");
            digits(padded.get(..3)?, 3)?
        }
    };
    let seconds = i64::from(hour * 3600 + minute * 60 + second);
    Some(Moment(
        days_from_civil(y, m, d) * DAY_MS + seconds * 1000 + i64::from(millis),
    ))
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// 2023-10-05T08:00:00.000Z, as JavaScript's `Date.parse` gives it.
    const OCT_5_2023_8H: i64 = 1_696_492_800_000;

    #[track_caller]
    fn check_at(text: &str, now: i64, expected: Result<i64, DateProblem>) {
        assert_eq!(
            check(text, "2022-12-09", Moment(now)).map(|m| m.0),
            expected,
            "{text:?}"
        );
    }

    #[test]
    fn a_links_date_is_a_real_moment_between_adoption_and_now() {
        let now = OCT_5_2023_8H;
        let table = [
            ("2023-10-05T08:00:00.000Z", Ok(OCT_5_2023_8H)),
            ("2023-10-05T08:00:00Z", Ok(OCT_5_2023_8H)),
            ("2023-10-05T08:00:00.5Z", Ok(OCT_5_2023_8H + 500)),
            ("2023-10-05T08:00:00.123456Z", Ok(OCT_5_2023_8H + 123)),
            // The adoption day starts at midnight in Vietnam, 17:00 UTC the day before.
            ("2022-12-08T17:00:00.000Z", Ok(1_670_518_800_000)),
            ("2022-12-08T16:59:59.999Z", Err(DateProblem::BeforeAdoption)),
            ("2000-01-01T00:00:00.000Z", Err(DateProblem::BeforeAdoption)),
            // A day ahead is a clock in the wrong time zone; more is not.
            ("2023-10-06T08:00:00.000Z", Ok(OCT_5_2023_8H + DAY_MS)),
            ("2023-10-06T08:00:00.001Z", Err(DateProblem::InTheFuture)),
            ("2999-01-01T00:00:00.000Z", Err(DateProblem::InTheFuture)),
            // Not a moment: wrong form, a day that does not exist, a time out of range.
            ("", Err(DateProblem::NotADate)),
            ("hôm qua", Err(DateProblem::NotADate)),
            ("2023-10-05", Err(DateProblem::NotADate)),
            ("2023-10-05T08:00:00.000+07:00", Err(DateProblem::NotADate)),
            ("2023-02-29T08:00:00.000Z", Err(DateProblem::NotADate)),
            ("2023-13-01T08:00:00.000Z", Err(DateProblem::NotADate)),
            ("2023-10-05T24:00:00.000Z", Err(DateProblem::NotADate)),
            ("2023-10-05T08:60:00.000Z", Err(DateProblem::NotADate)),
            ("2023-10-05T08:00:00.Z", Err(DateProblem::NotADate)),
            (
                "2023-10-05T08:00:00.1234567890Z",
                Err(DateProblem::NotADate),
            ),
            ("+2023-10-05T08:00:00.000Z", Err(DateProblem::NotADate)),
            ("2023-1०-05T08:00:00.000Z", Err(DateProblem::NotADate)),
            ("2023-10-05T08:00:0é.000Z", Err(DateProblem::NotADate)),
        ];
        for (text, expected) in table {
            check_at(text, now, expected);
        }
        // A leap day exists in a leap year.
        assert!(parse_moment("2024-02-29T00:00:00Z").is_some());
        assert!(parse_moment("2100-02-29T00:00:00Z").is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_text_is_a_moment_or_a_problem(text in prop_oneof!["\\PC{0,30}", "[0-9T:.Z+-]{0,30}"], now in any::<i64>()) {
            let _ = check(&text, "2022-12-09", Moment(now));
        }

        /// Every millisecond from 1970 to 2200, written as JavaScript writes it, reads back.
        #[test]
        fn a_written_moment_reads_back(ms in 0i64..7_258_118_400_000) {
            let days = ms.div_euclid(DAY_MS);
            let rest = ms.rem_euclid(DAY_MS);
            let (y, m, d) = civil_from_days(days);
            let text = format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
                rest / HOUR_MS,
                rest / 60_000 % 60,
                rest / 1000 % 60,
                rest % 1000
            );
            prop_assert_eq!(parse_moment(&text), Some(Moment(ms)), "{}", text);
        }
    }

    /// The inverse of [`days_from_civil`] (Hinnant's `civil_from_days`), to write test dates.
    fn civil_from_days(days: i64) -> (i64, i64, i64) {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }
}
