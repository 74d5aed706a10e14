//! When each cell of the user's data was last changed, and the merge of two tabs' data that
//! it allows: cell by cell, the later change wins. Pure Rust.
//!
//! Why a clock and not a three-way merge: two tabs may each write over a value the other has
//! not seen yet (localStorage reaches other tabs a little later), so neither knows the value
//! the other started from. With a version on every cell (deletions keep theirs), the merge
//! needs no common ancestor: it is commutative, associative and idempotent, so tabs that
//! merge each other's saves in any order end with the same data, and a figure is only ever
//! replaced by a later change of that same figure.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::plan::cell::{Cell, CellValue};
use crate::plan::Tracking;

/// When a cell was changed (milliseconds since 1970) and by which tab; ordered by time, then
/// tab, so that two versions are never equal unless they are the same change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Version {
    pub at: u64,
    pub tab: u32,
}

/// The version of every cell changed since clocks were kept; a cell with no version (data
/// written before, or never changed) counts as [`Version::default`], older than any change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Clock(BTreeMap<String, Version>);

impl Clock {
    pub fn version(&self, cell: &Cell) -> Version {
        self.0.get(&cell.to_string()).copied().unwrap_or_default()
    }

    /// The latest time on the clock: the next change is stamped after it, so that a change is
    /// later than every change this tab has seen, even when the computer's clock went back.
    pub fn latest(&self) -> u64 {
        self.0.values().map(|v| v.at).max().unwrap_or(0)
    }

    /// The version for a change made now by `tab`.
    pub fn next(&self, now_ms: u64, tab: u32) -> Version {
        Version {
            at: now_ms.max(self.latest() + 1),
            tab,
        }
    }

    /// Stamps the cells with a version.
    pub fn touch<'a>(&mut self, cells: impl IntoIterator<Item = &'a Cell>, version: Version) {
        for cell in cells {
            self.0.insert(cell.to_string(), version);
        }
    }

    /// Every cell with a version, as keys; a key this build cannot read is left out.
    fn cells(&self) -> impl Iterator<Item = Cell> + '_ {
        self.0.keys().filter_map(|k| k.parse().ok())
    }
}

/// The result of a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub data: Tracking,
    pub clock: Clock,
    /// The cells where the other side's value was taken over a different one of ours: the
    /// caller tells the user when one of them held a change not saved yet.
    pub taken: Vec<Cell>,
}

/// Merges our data with theirs, cell by cell: the side whose version of a cell is later wins,
/// including an emptied cell. Equal versions with different contents can only be data from
/// before clocks were kept; the larger content wins then, the same in every tab.
pub fn merge(ours: (&Tracking, &Clock), theirs: (&Tracking, &Clock)) -> Merged {
    let (our_data, our_clock) = ours;
    let (their_data, their_clock) = theirs;
    let mut cells: Vec<Cell> = our_data
        .cells()
        .into_iter()
        .chain(their_data.cells())
        .map(|(cell, _)| cell)
        .chain(our_clock.cells())
        .chain(their_clock.cells())
        .collect();
    cells.sort();
    cells.dedup();
    let mut data = Tracking::default();
    let mut clock = Clock::default();
    let mut taken = Vec::new();
    for cell in cells {
        let (vo, vt) = (our_clock.version(&cell), their_clock.version(&cell));
        let (o, t) = (our_data.get(&cell), their_data.get(&cell));
        let theirs_wins = match vt.cmp(&vo) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => larger(t.as_ref(), o.as_ref()),
        };
        let (value, version) = if theirs_wins {
            (t, vt)
        } else {
            (o.clone(), vo)
        };
        if theirs_wins && value != o {
            taken.push(cell.clone());
        }
        if version != Version::default() {
            clock.touch([&cell], version);
        }
        data.set(&cell, value);
    }
    Merged { data, clock, taken }
}

/// A total order on contents, for the tie of two versions from before clocks were kept.
fn larger(a: Option<&CellValue>, b: Option<&CellValue>) -> bool {
    format!("{a:?}") > format!("{b:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Basis, Entry, ItemId, Period, TargetId};

    fn id(s: &str) -> TargetId {
        TargetId(s.to_owned())
    }

    fn figure(target: &str, period: Period) -> Cell {
        Cell::Entry(id(target), period, Basis::Official)
    }

    /// A tab's data and clock: `edits` are (target, period, value or deleted, time).
    fn tab(
        base: &(Tracking, Clock),
        tab: u32,
        edits: &[(&str, Period, Option<f64>, u64)],
    ) -> (Tracking, Clock) {
        let (mut data, mut clock) = base.clone();
        for &(target, period, value, at) in edits {
            let cell = figure(target, period);
            data.set(
                &cell,
                value.map(|value| CellValue::Entry {
                    value,
                    note: String::new(),
                }),
            );
            clock.touch([&cell], Version { at, tab });
        }
        (data, clock)
    }

    fn value(t: &Tracking, target: &str, period: Period) -> Option<f64> {
        t.entries(&id(target))
            .iter()
            .find(|e| e.period == period)
            .map(|e| e.value)
    }

    fn base() -> (Tracking, Clock) {
        let mut t = Tracking::default();
        t.upsert_entry(
            &id("forest-cover"),
            Entry {
                period: Period::Year,
                basis: Basis::Official,
                value: 52.5,
                note: String::new(),
            },
        );
        (t, Clock::default())
    }

    #[test]
    fn two_tabs_that_saved_over_each_other_keep_both_figures() {
        // Each tab wrote without having seen the other's save: there is no common ancestor
        // to compare with, and none is needed.
        let a = tab(
            &base(),
            1,
            &[("budget-revenue", Period::NINE_MONTHS, Some(1837.5), 10)],
        );
        let b = tab(
            &base(),
            2,
            &[("grain-output", Period::FIRST_HALF, Some(120.0), 11)],
        );
        for merged in [
            merge((&a.0, &a.1), (&b.0, &b.1)),
            merge((&b.0, &b.1), (&a.0, &a.1)),
        ] {
            assert_eq!(
                value(&merged.data, "budget-revenue", Period::NINE_MONTHS),
                Some(1837.5)
            );
            assert_eq!(
                value(&merged.data, "grain-output", Period::FIRST_HALF),
                Some(120.0)
            );
            assert_eq!(
                value(&merged.data, "forest-cover", Period::Year),
                Some(52.5)
            );
        }
        let ab = merge((&a.0, &a.1), (&b.0, &b.1));
        assert_eq!(ab.taken, [figure("grain-output", Period::FIRST_HALF)]);
    }

    #[test]
    fn the_later_change_of_a_figure_wins_deletions_included() {
        let a = tab(
            &base(),
            1,
            &[("forest-cover", Period::Year, Some(51.87), 20)],
        );
        let b = tab(&base(), 2, &[("forest-cover", Period::Year, None, 30)]);
        for merged in [
            merge((&a.0, &a.1), (&b.0, &b.1)),
            merge((&b.0, &b.1), (&a.0, &a.1)),
        ] {
            assert_eq!(value(&merged.data, "forest-cover", Period::Year), None);
            assert_eq!(
                merged
                    .clock
                    .version(&figure("forest-cover", Period::Year))
                    .at,
                30
            );
        }
        // A stale tab that changed nothing never undoes the newer change.
        let stale = base();
        let merged = merge((&stale.0, &stale.1), (&a.0, &a.1));
        assert_eq!(
            value(&merged.data, "forest-cover", Period::Year),
            Some(51.87)
        );
    }

    #[test]
    fn merging_is_commutative_associative_and_idempotent() {
        let a = tab(
            &base(),
            1,
            &[
                ("grain-output", Period::Year, Some(225.0), 5),
                ("forest-cover", Period::Year, Some(51.0), 9),
            ],
        );
        let b = tab(
            &base(),
            2,
            &[("grain-output", Period::Year, Some(224.0), 7)],
        );
        let c = tab(
            &base(),
            3,
            &[
                ("forest-cover", Period::Year, None, 8),
                ("tea-area", Period::Year, Some(9862.0), 1),
            ],
        );
        let m = |x: &(Tracking, Clock), y: &(Tracking, Clock)| {
            let r = merge((&x.0, &x.1), (&y.0, &y.1));
            (r.data, r.clock)
        };
        assert_eq!(m(&a, &b), m(&b, &a));
        assert_eq!(m(&m(&a, &b), &c), m(&a, &m(&b, &c)));
        assert_eq!(m(&a, &a), a);
        let all = m(&m(&a, &b), &c);
        assert_eq!(value(&all.0, "grain-output", Period::Year), Some(224.0));
        assert_eq!(value(&all.0, "forest-cover", Period::Year), Some(51.0));
        assert_eq!(value(&all.0, "tea-area", Period::Year), Some(9862.0));
    }

    #[test]
    fn data_from_before_clocks_merges_the_same_in_every_tab() {
        let mut x = Tracking::default();
        x.set_baseline(&id("poverty-reduction"), Some(26.5));
        let mut y = Tracking::default();
        y.set_baseline(&id("poverty-reduction"), Some(26.0));
        y.set_item_note(&ItemId("3a".to_owned()), "ghi chú".to_owned());
        let empty = Clock::default();
        let xy = merge((&x, &empty), (&y, &empty));
        let yx = merge((&y, &empty), (&x, &empty));
        assert_eq!(xy.data, yx.data);
        assert_eq!(xy.data.item(&ItemId("3a".to_owned())).note, "ghi chú");
    }

    #[test]
    fn the_next_version_is_later_than_any_seen() {
        let mut clock = Clock::default();
        clock.touch([&figure("a", Period::Year)], Version { at: 500, tab: 9 });
        assert_eq!(clock.next(100, 1), Version { at: 501, tab: 1 });
        assert_eq!(clock.next(900, 1), Version { at: 900, tab: 1 });
        let json = serde_json::to_string(&clock).unwrap_or_default();
        assert_eq!(json, r#"{"e|a|Y|official":{"at":500,"tab":9}}"#);
    }
}
