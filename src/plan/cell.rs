//! The user's data seen as cells: each figure, 2022 figure, assessment, task state and task
//! note is one cell with a stable key. Undo, import and the merge of two tabs work cell by
//! cell, so that each of them changes exactly the figures it means to and nothing else.

use std::fmt;
use std::str::FromStr;

use super::model::{ItemId, TargetId};
use super::period::{Basis, Period};
use super::tracking::{Assessment, Entry, ItemProgress, Tracking};

/// Where one piece of the user's data lives.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cell {
    /// A target's figure of one period and basis (its value and note together).
    Entry(TargetId, Period, Basis),
    /// A target's figure of the year before the plan, for one period.
    Prior(TargetId, Period),
    /// The assessment of a qualitative target.
    Assessment(TargetId),
    /// How far a task or solution has come.
    ItemProgress(ItemId),
    /// The note on a task or solution.
    ItemNote(ItemId),
}

/// What a cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    Entry { value: f64, note: String },
    Number(f64),
    Assessment(Assessment),
    Progress(ItemProgress),
    Note(String),
}

impl Cell {
    /// The target the cell belongs to, if it belongs to one.
    pub fn target(&self) -> Option<&TargetId> {
        match self {
            Cell::Entry(id, _, _) | Cell::Prior(id, _) | Cell::Assessment(id) => Some(id),
            Cell::ItemProgress(_) | Cell::ItemNote(_) => None,
        }
    }
}

/// Cell keys as text, for the clock kept in storage: `e|<target>|<period>|<basis>`,
/// `p|<target>|<period>`, `a|<target>`, `ip|<item>`, `in|<item>`. Ids never hold `|`.
impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Entry(id, period, basis) => {
                write!(f, "e|{id}|{}|{}", period.code(), basis.code())
            }
            Cell::Prior(id, period) => write!(f, "p|{id}|{}", period.code()),
            Cell::Assessment(id) => write!(f, "a|{id}"),
            Cell::ItemProgress(item) => write!(f, "ip|{}", item.as_str()),
            Cell::ItemNote(item) => write!(f, "in|{}", item.as_str()),
        }
    }
}

impl FromStr for Cell {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split('|').collect();
        let target = |id: &str| TargetId(id.to_owned());
        let item = |id: &str| ItemId(id.to_owned());
        match parts.as_slice() {
            ["e", id, period, basis] => Ok(Cell::Entry(
                target(id),
                period.parse().map_err(|_| ())?,
                Basis::from_code(basis).ok_or(())?,
            )),
            ["p", id, period] => Ok(Cell::Prior(target(id), period.parse().map_err(|_| ())?)),
            ["a", id] => Ok(Cell::Assessment(target(id))),
            ["ip", id] => Ok(Cell::ItemProgress(item(id))),
            ["in", id] => Ok(Cell::ItemNote(item(id))),
            _ => Err(()),
        }
    }
}

impl Tracking {
    /// What a cell holds now; a task's default state (not started, no note) reads as empty.
    pub fn get(&self, cell: &Cell) -> Option<CellValue> {
        match cell {
            Cell::Entry(id, period, basis) => {
                self.entry(id, *period, *basis).map(|e| CellValue::Entry {
                    value: e.value,
                    note: e.note.clone(),
                })
            }
            Cell::Prior(id, period) => self.prior(id, *period).map(CellValue::Number),
            Cell::Assessment(id) => self.assessments.get(id).copied().map(CellValue::Assessment),
            Cell::ItemProgress(item) => self
                .items
                .get(item)
                .map(|s| s.progress)
                .filter(|p| *p != ItemProgress::default())
                .map(CellValue::Progress),
            Cell::ItemNote(item) => self
                .items
                .get(item)
                .map(|s| s.note.clone())
                .filter(|n| !n.is_empty())
                .map(CellValue::Note),
        }
    }

    /// Puts a value in a cell, or empties it. A value of the wrong kind for the cell is
    /// ignored (it cannot come from [`Tracking::get`]).
    pub fn set(&mut self, cell: &Cell, value: Option<CellValue>) {
        match (cell, value) {
            (Cell::Entry(id, period, basis), None) => {
                self.remove_entry(id, *period, *basis);
            }
            (Cell::Entry(id, period, basis), Some(CellValue::Entry { value, note })) => {
                self.upsert_entry(
                    id,
                    Entry {
                        period: *period,
                        basis: *basis,
                        value,
                        note,
                    },
                );
            }
            (Cell::Prior(id, period), None) => self.set_prior(id, *period, None),
            (Cell::Prior(id, period), Some(CellValue::Number(v))) => {
                self.set_prior(id, *period, Some(v))
            }
            (Cell::Assessment(id), None) => self.set_assessment(id, None),
            (Cell::Assessment(id), Some(CellValue::Assessment(a))) => {
                self.set_assessment(id, Some(a))
            }
            (Cell::ItemProgress(item), None) => {
                self.set_item_progress(item, ItemProgress::default());
                self.drop_empty_item(item);
            }
            (Cell::ItemProgress(item), Some(CellValue::Progress(p))) => {
                self.set_item_progress(item, p)
            }
            (Cell::ItemNote(item), None) => {
                self.set_item_note(item, String::new());
                self.drop_empty_item(item);
            }
            (Cell::ItemNote(item), Some(CellValue::Note(n))) => self.set_item_note(item, n),
            (_, Some(_)) => {}
        }
    }

    fn drop_empty_item(&mut self, item: &ItemId) {
        if self
            .items
            .get(item)
            .is_some_and(|s| *s == Default::default())
        {
            self.items.remove(item);
        }
    }

    /// Every cell that holds something, in key order.
    pub fn cells(&self) -> Vec<(Cell, CellValue)> {
        let mut out = Vec::new();
        for (id, list) in &self.entries {
            for e in list {
                out.push((
                    Cell::Entry(id.clone(), e.period, e.basis),
                    CellValue::Entry {
                        value: e.value,
                        note: e.note.clone(),
                    },
                ));
            }
        }
        for (id, by_period) in &self.prior_year {
            for (period, v) in by_period {
                out.push((Cell::Prior(id.clone(), *period), CellValue::Number(*v)));
            }
        }
        for (id, a) in &self.assessments {
            out.push((Cell::Assessment(id.clone()), CellValue::Assessment(*a)));
        }
        for item in self.items.keys() {
            for cell in [
                Cell::ItemProgress(item.clone()),
                Cell::ItemNote(item.clone()),
            ] {
                if let Some(v) = self.get(&cell) {
                    out.push((cell, v));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

/// One cell's change: what it held before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub cell: Cell,
    pub before: Option<CellValue>,
    pub after: Option<CellValue>,
}

/// The cells whose content differs between `before` and `after`, with both contents.
pub fn diff(before: &Tracking, after: &Tracking) -> Vec<Change> {
    let mut cells: Vec<Cell> = before
        .cells()
        .into_iter()
        .chain(after.cells())
        .map(|(cell, _)| cell)
        .collect();
    cells.sort();
    cells.dedup();
    cells
        .into_iter()
        .filter_map(|cell| {
            let (b, a) = (before.get(&cell), after.get(&cell));
            (b != a).then_some(Change {
                cell,
                before: b,
                after: a,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> TargetId {
        TargetId(s.to_owned())
    }

    fn sample() -> Tracking {
        let mut t = Tracking::default();
        t.upsert_entry(
            &id("budget-revenue"),
            Entry {
                period: Period::NINE_MONTHS,
                basis: Basis::Estimate,
                value: 1837.5,
                note: "ước".to_owned(),
            },
        );
        t.set_prior(&id("grain-output"), Period::NINE_MONTHS, Some(120.5));
        t.set_baseline(&id("poverty-reduction"), Some(26.5));
        t.set_assessment(&id("preschool-universal"), Some(Assessment::OnTrack));
        t.set_item_progress(&ItemId("3a".to_owned()), ItemProgress::Done);
        t.set_item_note(&ItemId("4b".to_owned()), "đang làm".to_owned());
        t
    }

    #[test]
    fn every_cell_reads_back_and_its_key_round_trips() {
        let t = sample();
        let cells = t.cells();
        assert_eq!(cells.len(), 6);
        let mut rebuilt = Tracking::default();
        for (cell, value) in &cells {
            assert_eq!(cell.to_string().parse::<Cell>(), Ok(cell.clone()));
            assert_eq!(t.get(cell).as_ref(), Some(value));
            rebuilt.set(cell, Some(value.clone()));
        }
        assert_eq!(rebuilt, t);
    }

    #[test]
    fn emptying_every_cell_leaves_nothing() {
        let mut t = sample();
        for (cell, _) in t.cells() {
            t.set(&cell, None);
        }
        assert_eq!(t, Tracking::default());
    }

    #[test]
    fn a_diff_names_exactly_the_cells_that_changed() {
        let before = sample();
        let mut after = before.clone();
        after.set_prior(&id("grain-output"), Period::NINE_MONTHS, Some(121.0));
        after.remove_entry(&id("budget-revenue"), Period::NINE_MONTHS, Basis::Estimate);
        after.set_item_note(&ItemId("3a".to_owned()), "xong".to_owned());
        let changes = diff(&before, &after);
        let cells: Vec<String> = changes.iter().map(|c| c.cell.to_string()).collect();
        assert_eq!(
            cells,
            ["e|budget-revenue|9M|estimate", "p|grain-output|9M", "in|3a"]
        );
        assert_eq!(changes[0].after, None);
        assert_eq!(changes[1].before, Some(CellValue::Number(120.5)));
        // Applying the afters to the before gives the after; the befores undo it.
        let mut redone = before.clone();
        for c in &changes {
            redone.set(&c.cell, c.after.clone());
        }
        assert_eq!(redone, after);
        for c in &changes {
            redone.set(&c.cell, c.before.clone());
        }
        assert_eq!(redone, before);
        assert!(diff(&after, &after).is_empty());
    }

    #[test]
    fn malformed_keys_are_refused() {
        for bad in [
            "",
            "e|x|M13|estimate",
            "e|x|Y",
            "p|x",
            "z|x",
            "a",
            "e|x|Y|guess",
        ] {
            assert!(bad.parse::<Cell>().is_err(), "{bad}");
        }
    }
}
