//! Reporting periods of the plan year and the basis of a figure (estimate or official).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

use crate::i18n::Lang;

/// A period of 2023 that a figure reports on. Every period ends at the end of a month, and
/// flows are entered year-to-date up to that month, as provincial reports give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A month, 1 to 12.
    Month(u8),
    /// A quarter, 1 to 4.
    Quarter(u8),
    /// "6 tháng": the first half.
    FirstHalf,
    /// "9 tháng": the first nine months.
    NineMonths,
    /// "Cả năm": the whole year.
    Year,
}

impl Period {
    /// Every period, in the order a report walks through the year.
    pub fn all() -> Vec<Period> {
        let mut all: Vec<Period> = (1..=12)
            .map(Period::Month)
            .chain((1..=4).map(Period::Quarter))
            .chain([Period::FirstHalf, Period::NineMonths, Period::Year])
            .collect();
        all.sort_by_key(|p| p.order_key());
        all
    }

    /// The last month the period covers.
    pub fn end_month(self) -> u8 {
        match self {
            Period::Month(m) => m,
            Period::Quarter(q) => q * 3,
            Period::FirstHalf => 6,
            Period::NineMonths => 9,
            Period::Year => 12,
        }
    }

    /// How many months the period spans.
    pub fn span_months(self) -> u8 {
        match self {
            Period::Month(_) => 1,
            Period::Quarter(_) => 3,
            Period::FirstHalf => 6,
            Period::NineMonths => 9,
            Period::Year => 12,
        }
    }

    /// The share of the year that has passed at the period's end (nine months → 0,75).
    pub fn elapsed(self) -> f64 {
        f64::from(self.end_month()) / 12.0
    }

    /// Orders periods by when they end; of two that end together, the longer one counts as the
    /// later report, since a "6 tháng" report supersedes the June figure.
    pub fn order_key(self) -> (u8, u8) {
        (self.end_month(), self.span_months())
    }

    /// The stable code stored in data and exports: M01…M12, Q1…Q4, H1, 9M, Y.
    pub fn code(self) -> String {
        match self {
            Period::Month(m) => format!("M{m:02}"),
            Period::Quarter(q) => format!("Q{q}"),
            Period::FirstHalf => "H1".to_owned(),
            Period::NineMonths => "9M".to_owned(),
            Period::Year => "Y".to_owned(),
        }
    }

    pub fn label(self, lang: Lang) -> String {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        match (self, lang) {
            (Period::Month(m), Lang::Vi) => format!("Tháng {m}"),
            (Period::Month(m), Lang::En) => MONTHS_EN[usize::from(m.clamp(1, 12)) - 1].to_owned(),
            (Period::Quarter(q), Lang::Vi) => {
                format!("Quý {}", ROMAN[usize::from(q.clamp(1, 4)) - 1])
            }
            (Period::Quarter(q), Lang::En) => format!("Q{q}"),
            (Period::FirstHalf, _) => lang.pick("6 tháng", "First half").to_owned(),
            (Period::NineMonths, _) => lang.pick("9 tháng", "Nine months").to_owned(),
            (Period::Year, _) => lang.pick("Cả năm", "Full year").to_owned(),
        }
    }

    /// A short label for a chart axis: the month at which the period ends.
    pub fn month_label(month: u8, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("T{month}"),
            Lang::En => MONTHS_EN[usize::from(month.clamp(1, 12)) - 1][..3].to_owned(),
        }
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

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadPeriod(s.to_owned());
        let number = |digits: &str, max: u8| -> Result<u8, BadPeriod> {
            match digits.parse::<u8>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(bad()),
            }
        };
        match s {
            "H1" => Ok(Period::FirstHalf),
            "9M" => Ok(Period::NineMonths),
            "Y" => Ok(Period::Year),
            _ => {
                if let Some(m) = s.strip_prefix('M').filter(|d| d.len() == 2) {
                    number(m, 12).map(Period::Month)
                } else if let Some(q) = s.strip_prefix('Q').filter(|d| d.len() == 1) {
                    number(q, 4).map(Period::Quarter)
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
            Basis::Estimate => crate::i18n::Msg::Estimate.get(lang),
            Basis::Official => crate::i18n::Msg::Official.get(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_for_every_period() {
        let all = Period::all();
        assert_eq!(all.len(), 19);
        for p in all {
            assert_eq!(p.code().parse::<Period>(), Ok(p));
            let json = serde_json::to_string(&p).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Period>(&json).ok(), Some(p));
        }
    }

    #[test]
    fn bad_codes_are_refused() {
        for bad in ["M13", "M00", "M1", "Q5", "Q0", "H2", "", "y", "9m", "M001"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn periods_are_ordered_through_the_year() {
        let codes: Vec<String> = Period::all().into_iter().map(Period::code).collect();
        assert_eq!(&codes[..5], ["M01", "M02", "M03", "Q1", "M04"]);
        assert_eq!(&codes[codes.len() - 3..], ["M12", "Q4", "Y"]);
        assert_eq!(Period::NineMonths.elapsed(), 0.75);
        assert_eq!(Period::Quarter(2).end_month(), 6);
    }

    #[test]
    fn labels_follow_the_language() {
        assert_eq!(Period::Quarter(3).label(Lang::Vi), "Quý III");
        assert_eq!(Period::NineMonths.label(Lang::Vi), "9 tháng");
        assert_eq!(Period::Month(2).label(Lang::En), "February");
        assert_eq!(Period::month_label(9, Lang::En), "Sep");
    }
}
