//! The value axis of a target's chart: where it starts and ends, so that a small gap looks as
//! small as it is. Amounts start at zero, since a bar's or a line's height is the amount; rates
//! (a proportion, a growth rate) are drawn in a band of a few points around the plan and the
//! figures, since their zero is far from anything a province reports, but never a band so
//! narrow that 0,4 points fill the chart. The chart says which in its caption.
//!
//! The bounds are set here, in Rust, and written into the option as numbers: ECharts' own
//! `scale` would fit the axis to the data (52,25–52,5 for forest cover), and a formatter built
//! from text is forbidden by the page's Content-Security-Policy.

use crate::i18n::Lang;
use crate::plan::number::{decimals_of, format_with_unit};
use crate::plan::{Domain, NumericGoal, Unit};

/// Points of the rate's own unit kept clear above and below the plan and the figures: the band
/// is at least twice this wide, so a gap of half a point is a twentieth of it or less.
pub const BAND_MARGIN: f64 = 5.0;

/// At most this many intervals between the band's marks.
const MAX_INTERVALS: f64 = 7.0;

/// The steps a band's marks may take, the smallest that gives at most [`MAX_INTERVALS`].
const NICE_STEPS: [f64; 13] = [
    0.5, 1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0,
];

/// How a chart's value axis is bounded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueAxis {
    /// From zero to a round top ECharts chooses above the largest figure.
    FromZero,
    /// From `min` to `max`, with a mark every `interval`: a band around the plan and the
    /// figures, at least `2 × BAND_MARGIN` wide, within what the rate can be.
    Band { min: f64, max: f64, interval: f64 },
}

/// What a chart's figures measure, for its value axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// An amount, count or area: from zero.
    Amount,
    /// A proportion between `0` and `whole` (100 % or 1.000 ‰).
    Proportion { whole: f64 },
    /// A rate of change, which may be negative: its band holds zero, so that a fall shows as
    /// one.
    Change,
}

impl Scale {
    /// The scale of a target's figures.
    pub fn of(goal: &NumericGoal) -> Scale {
        match goal.domain {
            Domain::Amount => Scale::Amount,
            Domain::Change => Scale::Change,
            Domain::Proportion => Scale::Proportion {
                whole: match goal.unit {
                    Unit::PerMille => 1000.0,
                    _ => 100.0,
                },
            },
        }
    }
}

impl ValueAxis {
    /// The axis for figures of `scale`, holding every one of `values` (the plan's, the
    /// figures entered, 2022's). With no value at all, from zero.
    pub fn fit(scale: Scale, values: impl IntoIterator<Item = f64>) -> ValueAxis {
        let (lowest, highest) = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        if !lowest.is_finite() {
            return ValueAxis::FromZero;
        }
        let (floor, ceiling, lowest, highest) = match scale {
            Scale::Amount => return ValueAxis::FromZero,
            Scale::Proportion { whole } => (0.0, whole, lowest, highest),
            // A fall of more than the whole is not a rate; zero is always on the axis.
            Scale::Change => (-100.0, f64::INFINITY, lowest.min(0.0), highest.max(0.0)),
        };
        band(lowest, highest, floor, ceiling)
    }

    /// The axis in words, for the chart's caption: "Trục bắt đầu từ 0.", "Trục từ 46% đến 58%
    /// (không bắt đầu từ 0)."
    pub fn caption(self, unit: Unit, lang: Lang) -> String {
        match self {
            ValueAxis::FromZero => lang
                .pick("Trục bắt đầu từ 0.", "Axis starts at 0.")
                .to_owned(),
            ValueAxis::Band { min, max, interval } => {
                let decimals = decimals_of(interval).max(decimals_of(min));
                let (from, to) = (
                    format_with_unit(min, decimals, unit, lang),
                    format_with_unit(max, decimals, unit, lang),
                );
                let not_zero = if min > 0.0 {
                    lang.pick(" (không bắt đầu từ 0)", " (not from 0)")
                } else {
                    ""
                };
                match lang {
                    Lang::Vi => format!("Trục từ {from} đến {to}{not_zero}."),
                    Lang::En => format!("Axis from {from} to {to}{not_zero}."),
                }
            }
        }
    }
}

/// A band from `lowest − margin` to `highest + margin`, kept within `floor..=ceiling` but never
/// narrower than twice the margin, its ends on marks of a round step.
fn band(lowest: f64, highest: f64, floor: f64, ceiling: f64) -> ValueAxis {
    let width = 2.0 * BAND_MARGIN;
    let mut lo = (lowest - BAND_MARGIN).max(floor);
    let mut hi = (highest + BAND_MARGIN).min(ceiling);
    // A bound that cut one side widens the other, so that the band stays as wide.
    if hi - lo < width {
        if lo <= floor {
            hi = (lo + width).min(ceiling);
        } else {
            lo = (hi - width).max(floor);
        }
    }
    let span = hi - lo;
    let interval = NICE_STEPS
        .into_iter()
        .find(|step| span / step <= MAX_INTERVALS)
        .unwrap_or_else(|| (span / MAX_INTERVALS).ceil());
    let min = ((lo / interval).floor() * interval).max(floor);
    let max = ((hi / interval).ceil() * interval).min(ceiling);
    ValueAxis::Band { min, max, interval }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERCENT: Scale = Scale::Proportion { whole: 100.0 };

    #[track_caller]
    fn check(scale: Scale, values: &[f64], expected: ValueAxis) {
        assert_eq!(ValueAxis::fit(scale, values.iter().copied()), expected);
    }

    fn band(min: f64, max: f64, interval: f64) -> ValueAxis {
        ValueAxis::Band { min, max, interval }
    }

    #[test]
    fn amounts_start_at_zero_and_rates_sit_in_a_band_of_a_few_points() {
        // Grain and budget revenue (flows), GRDP per capita (a level of an amount).
        check(Scale::Amount, &[225.0, 124.12, 120.5], ValueAxis::FromZero);
        check(Scale::Amount, &[52.9, 47.2], ValueAxis::FromZero);
        // Forest cover: 51,87 against 52,3, with 2022 at 51,6. The band is 12 points wide,
        // so the 0,43 points of the gap are under a twentieth of the chart's height.
        check(PERCENT, &[52.3, 51.87, 51.6], band(46.0, 58.0, 2.0));
        // Underweight children 17,2 against "below 16,7".
        check(PERCENT, &[16.7, 17.2], band(10.0, 24.0, 2.0));
        // Poverty: 26,5 in 2022, planned 22,9 (26,5 − 3,6), 23,88 now.
        check(PERCENT, &[26.5, 22.9, 23.88], band(16.0, 32.0, 2.0));
        // Near 100 %, the band is cut at 100 and widened below.
        check(PERCENT, &[99.0, 98.6], band(90.0, 100.0, 2.0));
        // Near 0, cut at 0 and widened above.
        check(PERCENT, &[1.2, 0.8], band(0.0, 10.0, 2.0));
        // A birth rate in ‰ (2022 at 19,8‰, 0,4‰ lower planned).
        check(
            Scale::Proportion { whole: 1000.0 },
            &[19.8, 19.4, 19.5],
            band(14.0, 26.0, 2.0),
        );
        // GRDP growth −2,77 % against 9 %: zero is inside, the fall shows below it.
        check(Scale::Change, &[9.0, -2.77, 7.5], band(-10.0, 15.0, 5.0));
        // Tourism +37 % against 7,6 %: still from zero.
        check(Scale::Change, &[7.6, 37.0], band(-10.0, 50.0, 10.0));
        // Nothing to draw: from zero.
        check(PERCENT, &[], ValueAxis::FromZero);
        check(PERCENT, &[f64::NAN], ValueAxis::FromZero);
    }

    #[test]
    fn a_band_is_never_narrow_and_holds_every_figure() {
        for (lo, hi) in [
            (52.25, 52.5),
            (0.0, 0.4),
            (99.6, 100.0),
            (30.0, 30.0),
            (3.0, 97.0),
        ] {
            let ValueAxis::Band { min, max, interval } = ValueAxis::fit(PERCENT, [lo, hi]) else {
                panic!("a proportion is drawn in a band");
            };
            assert!(max - min >= 2.0 * BAND_MARGIN, "{lo}–{hi}: {min}–{max}");
            assert!(min <= lo && hi <= max, "{lo}–{hi}: {min}–{max}");
            assert!((0.0..=100.0).contains(&min) && max <= 100.0);
            let marks = (max - min) / interval;
            assert!((marks - marks.round()).abs() < 1e-9 && marks <= MAX_INTERVALS);
        }
    }

    #[test]
    fn the_caption_says_where_the_axis_starts() {
        let check = |axis: ValueAxis, unit: Unit, lang: Lang, text: &str| {
            assert_eq!(axis.caption(unit, lang), text);
        };
        check(
            ValueAxis::FromZero,
            Unit::ThousandTonnes,
            Lang::Vi,
            "Trục bắt đầu từ 0.",
        );
        check(
            ValueAxis::FromZero,
            Unit::Percent,
            Lang::En,
            "Axis starts at 0.",
        );
        check(
            band(46.0, 58.0, 2.0),
            Unit::Percent,
            Lang::Vi,
            "Trục từ 46% đến 58% (không bắt đầu từ 0).",
        );
        check(
            band(46.0, 58.0, 2.0),
            Unit::Percent,
            Lang::En,
            "Axis from 46% to 58% (not from 0).",
        );
        check(
            band(-10.0, 15.0, 5.0),
            Unit::Percent,
            Lang::Vi,
            "Trục từ -10% đến 15%.",
        );
        check(
            band(17.5, 27.5, 2.5),
            Unit::PerMille,
            Lang::Vi,
            "Trục từ 17,5‰ đến 27,5‰ (không bắt đầu từ 0).",
        );
    }
}
