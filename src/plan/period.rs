//! Reporting periods of the plan year and the basis of a figure (estimate or official).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

use crate::i18n::Lang;

mod offer;
pub use offer::{Offer, Reading};

/// A period of the plan year that a figure reports on. Reports give two kinds of figure: a
/// period's own figure ("Quý II", "Tháng 5") and the figure accumulated from January
/// ("5 tháng", "6 tháng", "Cả năm"). For a level (a rate at a date) both mean the level at the
/// period's end; for a flow (revenue, grain) only the cumulative ones measure the year's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// One month's own figure, 1 to 12.
    Month(u8),
    /// One quarter's own figure, 1 to 4.
    Quarter(u8),
    /// From January to the end of a month, cumulative: 2 to 11 ("6 tháng", "9 tháng").
    ToDate(u8),
    /// "Cả năm": the whole year.
    Year,
}

/// Whether a period's figure is its own or accumulated from January.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    /// The month's or the quarter's own figure.
    Own,
    /// From January to the period's end (also a January figure, or the first quarter's).
    Cumulative,
}

impl Period {
    /// "6 tháng": the first half, as reports name it.
    pub const FIRST_HALF: Period = Period::ToDate(6);
    /// "9 tháng": the first nine months.
    pub const NINE_MONTHS: Period = Period::ToDate(9);

    /// Every period, in the order a report walks through the year.
    /// The period from January to the end of month `m`, as reports name it: "Tháng 1" for one
    /// month, "m tháng" up to eleven, "Cả năm" for twelve.
    pub fn to_date(m: u8) -> Period {
        match m {
            0 | 1 => Period::Month(1),
            12.. => Period::Year,
            m => Period::ToDate(m),
        }
    }

    pub fn all() -> Vec<Period> {
        let mut all: Vec<Period> = (1..=12)
            .map(Period::Month)
            .chain((1..=4).map(Period::Quarter))
            .chain((2..=11).map(Period::ToDate))
            .chain([Period::Year])
            .collect();
        all.sort_by_key(|p| p.order_key());
        all
    }

    /// Whether the value is one this type allows (a month 1–12, a quarter 1–4, 2–11 months to
    /// date); data read from a file or a link is checked with it.
    pub fn is_valid(self) -> bool {
        match self {
            Period::Month(m) => (1..=12).contains(&m),
            Period::Quarter(q) => (1..=4).contains(&q),
            Period::ToDate(m) => (2..=11).contains(&m),
            Period::Year => true,
        }
    }

    /// The first month the period covers.
    pub fn start_month(self) -> u8 {
        match self {
            Period::Month(m) => m,
            Period::Quarter(q) => q.saturating_mul(3).saturating_sub(2),
            Period::ToDate(_) | Period::Year => 1,
        }
    }

    /// The last month the period covers.
    pub fn end_month(self) -> u8 {
        match self {
            Period::Month(m) | Period::ToDate(m) => m,
            Period::Quarter(q) => q.saturating_mul(3),
            Period::Year => 12,
        }
    }

    /// How many months the period spans.
    pub fn span_months(self) -> u8 {
        self.end_month()
            .saturating_sub(self.start_month())
            .saturating_add(1)
    }

    /// Own or cumulative: a period that starts in January is cumulative, whatever its name.
    pub fn span(self) -> Span {
        if self.start_month() == 1 {
            Span::Cumulative
        } else {
            Span::Own
        }
    }

    /// Whether this is the whole year: a figure for it is final, and decides the verdict.
    pub fn is_year(self) -> bool {
        self == Period::Year
    }

    /// Whether the period ends with the year: for a level (a rate at a date) its figure is the
    /// year's own, whatever the period is called ("Tháng 12", "Quý IV", "Cả năm").
    pub fn ends_the_year(self) -> bool {
        self.end_month() == 12
    }

    /// The share of the year that has passed at the period's end (nine months → 0,75).
    pub fn elapsed(self) -> f64 {
        f64::from(self.end_month()) / 12.0
    }

    /// Orders periods by when they end; of two that end together, the longer one counts as the
    /// later report, since a "6 tháng" report supersedes the June figure, and of two of equal
    /// span ("Quý I" and "3 tháng") the cumulative one, which the year's plan is measured by.
    pub fn order_key(self) -> (u8, u8, u8) {
        let rank = match self {
            Period::Month(_) => 0,
            Period::Quarter(_) => 1,
            Period::ToDate(_) => 2,
            Period::Year => 3,
        };
        (self.end_month(), self.span_months(), rank)
    }

    /// The stable code stored in data and exports: M01…M12, Q1…Q4, H1 and 9M (six and nine
    /// months, as version 1 wrote them), C02…C11 for the other months to date, Y.
    pub fn code(self) -> String {
        match self {
            Period::Month(m) => format!("M{m:02}"),
            Period::Quarter(q) => format!("Q{q}"),
            Period::ToDate(6) => "H1".to_owned(),
            Period::ToDate(9) => "9M".to_owned(),
            Period::ToDate(m) => format!("C{m:02}"),
            Period::Year => "Y".to_owned(),
        }
    }

    /// The period as reports name it: "Tháng 5", "Quý II", "5 tháng", "Cả năm".
    pub fn label(self, lang: Lang) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        match (self, lang) {
            (Period::Month(m), Lang::Vi) => format!("Tháng {m}"),
            (Period::Month(m), Lang::En) => MONTHS_EN[usize::from(m.clamp(1, 12)) - 1].to_owned(),
            (Period::Quarter(q), Lang::Vi) => {
                format!("Quý {}", ROMAN[usize::from(q.clamp(1, 4)) - 1])
            }
            (Period::Quarter(q), Lang::En) => format!("Q{q}"),
            (Period::ToDate(6), _) => lang.pick("6 tháng", "First half").to_owned(),
            (Period::ToDate(9), _) => lang.pick("9 tháng", "Nine months").to_owned(),
            (Period::ToDate(m), Lang::Vi) => format!("{m} tháng"),
            (Period::ToDate(m), Lang::En) => format!("{m} months"),
            (Period::Year, _) => lang.pick("Cả năm", "Full year").to_owned(),
        }
    }

    /// The label with what kind of figure it is, where the name alone leaves it open:
    /// "Quý II (riêng quý)", "Tháng 5 (riêng tháng)"; cumulative periods say it already.
    pub fn long_label(self, lang: Lang) -> String {
        match self {
            Period::Month(m) if m > 1 => {
                format!(
                    "{} ({})",
                    self.label(lang),
                    lang.pick("riêng tháng", "that month")
                )
            }
            Period::Quarter(q) if q > 1 => {
                format!(
                    "{} ({})",
                    self.label(lang),
                    lang.pick("riêng quý", "that quarter")
                )
            }
            _ => self.label(lang),
        }
    }

    /// A short label for a chart axis: the month at which the period ends.
    pub fn month_label(month: u8, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("T{month}"),
            Lang::En => MONTHS_EN[usize::from(month.clamp(1, 12)) - 1]
                .chars()
                .take(3)
                .collect(),
        }
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Periods sort as a report walks through the year (see [`Period::order_key`]).
impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPeriod(pub String);

impl fmt::Display for BadPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown period {:?}", self.0)
    }
}

impl FromStr for Period {
    type Err = BadPeriod;

    /// Reads a [`Period::code`]; only the canonical code of each period is accepted.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadPeriod(s.to_owned());
        // Exactly two ASCII digits (one for a quarter): char-safe, so no input can panic here.
        let number = |digits: &str, width: usize, range: std::ops::RangeInclusive<u8>| {
            if digits.len() != width || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            match digits.parse::<u8>() {
                Ok(n) if range.contains(&n) => Ok(n),
                _ => Err(bad()),
            }
        };
        match s {
            "H1" => Ok(Period::ToDate(6)),
            "9M" => Ok(Period::ToDate(9)),
            "Y" => Ok(Period::Year),
            _ => {
                if let Some(m) = s.strip_prefix('M') {
                    number(m, 2, 1..=12).map(Period::Month)
                } else if let Some(q) = s.strip_prefix('Q') {
                    number(q, 1, 1..=4).map(Period::Quarter)
                } else if let Some(m) = s.strip_prefix('C') {
                    match number(m, 2, 2..=11)? {
                        // Six and nine months have their own codes.
                        6 | 9 => Err(bad()),
                        m => Ok(Period::ToDate(m)),
                    }
                } else {
                    Err(bad())
                }
            }
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether a figure is an estimate or the official figure; an official figure replaces an
/// estimate of the same period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    Estimate,
    Official,
}

impl Basis {
    pub fn code(self) -> &'static str {
        match self {
            Basis::Estimate => "estimate",
            Basis::Official => "official",
        }
    }

    pub fn from_code(code: &str) -> Option<Basis> {
        match code {
            "estimate" => Some(Basis::Estimate),
            "official" => Some(Basis::Official),
            _ => None,
        }
    }

    /// "Ước thực hiện" or "Chính thức", as reports say it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Basis::Estimate => lang.pick("Ước thực hiện", "Estimate"),
            Basis::Official => lang.pick("Chính thức", "Official"),
        }
    }

    /// The short word a table's marker uses: "9 tháng · ước".
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            Basis::Estimate => lang.pick("ước", "est."),
            Basis::Official => lang.pick("chính thức", "official"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_period() {
        let all = Period::all();
        assert_eq!(all.len(), 27);
        for p in all {
            assert!(p.is_valid(), "{p:?}");
            assert_eq!(p.code().parse::<Period>(), Ok(p));
            let json = serde_json::to_string(&p).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Period>(&json).ok(), Some(p));
        }
    }

    #[test]
    fn bad_codes_are_refused() {
        for bad in [
            "M13", "M00", "M1", "Q5", "Q0", "H2", "", "y", "9m", "M001", "C06", "C09", "C12",
            "C01", "C1", "M+1", "Q+", "Mé", "C0é", "M١٢",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn periods_are_ordered_through_the_year() {
        let codes: Vec<String> = Period::all().into_iter().map(Period::code).collect();
        assert_eq!(&codes[..6], ["M01", "M02", "C02", "M03", "Q1", "C03"]);
        assert_eq!(&codes[codes.len() - 3..], ["M12", "Q4", "Y"]);
        assert_eq!(Period::NINE_MONTHS.elapsed(), 0.75);
        assert_eq!(Period::Quarter(2).end_month(), 6);
        assert!(Period::FIRST_HALF > Period::Quarter(2));
        assert!(Period::Quarter(2) > Period::Month(6));
    }

    #[test]
    fn own_and_cumulative_periods_are_told_apart() {
        let check = |p: Period, start: u8, span: Span| {
            assert_eq!((p.start_month(), p.span()), (start, span), "{p:?}");
        };
        check(Period::Month(1), 1, Span::Cumulative);
        check(Period::Month(5), 5, Span::Own);
        check(Period::Quarter(1), 1, Span::Cumulative);
        check(Period::Quarter(3), 7, Span::Own);
        check(Period::ToDate(5), 1, Span::Cumulative);
        check(Period::Year, 1, Span::Cumulative);
        assert_eq!(Period::Quarter(3).span_months(), 3);
        assert_eq!(Period::ToDate(11).span_months(), 11);
    }

    #[test]
    fn labels_follow_the_language() {
        let check = |p: Period, lang, short: &str, long: &str| {
            assert_eq!(
                (p.label(lang).as_str(), p.long_label(lang).as_str()),
                (short, long)
            );
        };
        check(
            Period::Quarter(3),
            Lang::Vi,
            "Quý III",
            "Quý III (riêng quý)",
        );
        check(Period::Quarter(1), Lang::Vi, "Quý I", "Quý I");
        check(Period::NINE_MONTHS, Lang::Vi, "9 tháng", "9 tháng");
        check(Period::ToDate(5), Lang::Vi, "5 tháng", "5 tháng");
        check(Period::ToDate(11), Lang::En, "11 months", "11 months");
        check(
            Period::Month(2),
            Lang::En,
            "February",
            "February (that month)",
        );
        check(Period::Year, Lang::Vi, "Cả năm", "Cả năm");
        assert_eq!(Period::month_label(9, Lang::En), "Sep");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

            /// Any text is a period or an error; a period read is one whose code is that text.
            #[test]
            fn a_code_is_read_only_when_it_is_the_periods_own(code in prop_oneof!["\\PC{0,4}", "[CMQH9Y+\\- 0-9]{0,4}"]) {
                if let Ok(p) = code.parse::<Period>() {
                    prop_assert_eq!(p.code(), code);
                }
            }
        }
    }
}
