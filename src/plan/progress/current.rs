//! The figure that stands for a target now: the latest figure of a level, and for a flow the
//! latest year-to-date, made where needed by adding the months' or quarters' own figures that
//! follow it without a gap ("The current value" in `docs/progress-method.md`).

use std::collections::BTreeMap;

use super::{Current, Source};
use crate::plan::period::{Basis, Period, Span};
use crate::plan::tracking::Entry;

/// The latest period's figure; of one period, the official figure replaces the estimate.
pub fn current_of(entries: &[Entry]) -> Option<Current> {
    entries
        .iter()
        .max_by_key(|e| (e.period.order_key(), e.basis))
        .map(entered)
}

fn entered(e: &Entry) -> Current {
    Current {
        value: e.value,
        period: e.period,
        basis: e.basis,
        source: Source::Entered,
    }
}

/// A flow's year-to-date: the latest figure from January (a cumulative period), carried
/// forward by the own figures (a month's, a quarter's) that follow it without a gap, the
/// longest first; when no figure starts in January, none measures the year and this is
/// `None`. Of one period, the official figure counts; a sum holding an estimate is one.
pub fn year_to_date(entries: &[Entry]) -> Option<Current> {
    let mut best: BTreeMap<Period, &Entry> = BTreeMap::new();
    for e in entries {
        let slot = best.entry(e.period).or_insert(e);
        if e.basis > slot.basis {
            *slot = e;
        }
    }
    let base = best
        .values()
        .filter(|e| e.period.span() == Span::Cumulative)
        .max_by_key(|e| e.period.order_key())
        .copied();
    let (mut month, mut value, mut basis) = base.map_or((0, 0.0, Basis::Official), |e| {
        (e.period.end_month(), e.value, e.basis)
    });
    let mut parts = 0u8;
    while let Some(next) = best
        .values()
        .filter(|e| e.period.span() == Span::Own && e.period.start_month() == month + 1)
        .max_by_key(|e| e.period.end_month())
    {
        month = next.period.end_month();
        value += next.value;
        basis = basis.min(next.basis);
        parts += 1;
    }
    match (base, parts) {
        (None, 0) => None,
        (Some(e), 0) => Some(entered(e)),
        (base, parts) => Some(Current {
            value,
            period: Period::to_date(month),
            basis,
            source: Source::Summed {
                base: base.map(|e| e.period),
                parts,
            },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Basis::{Estimate as E, Official as O};
    use Period::{Month as M, Quarter as Q, ToDate as C, Year as Y};

    fn entries(rows: &[(Period, Basis, f64)]) -> Vec<Entry> {
        rows.iter()
            .map(|&(period, basis, value)| Entry {
                period,
                basis,
                value,
                note: String::new(),
            })
            .collect()
    }

    #[track_caller]
    fn check(rows: &[(Period, Basis, f64)], expected: Option<(Period, Basis, f64, Source)>) {
        let got = year_to_date(&entries(rows)).map(|c| (c.period, c.basis, c.value, c.source));
        assert_eq!(got, expected);
    }

    #[test]
    fn a_flow_counts_from_january_only() {
        let entered = Source::Entered;
        // Budget revenue, in tỷ đồng: the latest cumulative figure stands.
        check(
            &[(Q(1), O, 520.0), (C(9), E, 1800.0)],
            Some((C(9), E, 1800.0, entered)),
        );
        // Of one period the official figure, even beside a later-entered estimate.
        check(
            &[(C(9), E, 1800.0), (C(9), O, 1790.0)],
            Some((C(9), O, 1790.0, entered)),
        );
        // A quarter's own figure alone measures nothing against the year's plan.
        check(&[(Q(3), E, 600.0)], None);
        check(&[(M(5), E, 200.0), (M(6), E, 210.0)], None);
        // The four quarters' own figures make the whole year.
        check(
            &[
                (Q(1), O, 500.0),
                (Q(2), O, 600.0),
                (Q(3), E, 650.0),
                (Q(4), E, 700.0),
            ],
            Some((
                Y,
                E,
                2450.0,
                Source::Summed {
                    base: Some(Q(1)),
                    parts: 3,
                },
            )),
        );
        // "6 tháng" and the third quarter's own figure make nine months; a gap stops the sum.
        check(
            &[(C(6), O, 1100.0), (Q(3), O, 700.0), (M(11), E, 90.0)],
            Some((
                C(9),
                O,
                1800.0,
                Source::Summed {
                    base: Some(C(6)),
                    parts: 1,
                },
            )),
        );
        // The latest figure from January is the base ("Quý I" over "Tháng 1").
        check(
            &[
                (M(1), O, 100.0),
                (M(2), O, 110.0),
                (Q(1), O, 330.0),
                (M(4), E, 120.0),
            ],
            Some((
                C(4),
                E,
                450.0,
                Source::Summed {
                    base: Some(Q(1)),
                    parts: 1,
                },
            )),
        );
        // Of two own figures that start together, the longer: "Quý II" over "Tháng 4".
        check(
            &[(Q(1), O, 330.0), (M(4), E, 120.0), (Q(2), O, 380.0)],
            Some((
                C(6),
                O,
                710.0,
                Source::Summed {
                    base: Some(Q(1)),
                    parts: 1,
                },
            )),
        );
    }
}
