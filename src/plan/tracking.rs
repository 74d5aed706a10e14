//! The figures a user enters: entries per target, the figures of the year before the plan
//! (whole year and same periods), assessments of qualitative targets, and the progress of tasks
//! and solutions. The operations users perform are methods.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::model::{ItemId, TargetId};
use super::period::{Basis, Period};

/// One figure for one period of a target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub period: Period,
    pub basis: Basis,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

/// A user's assessment of a qualitative target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Assessment {
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    /// Not kept at the year's end: "Không đạt", as a report judges a commitment it missed.
    Missed,
}

/// How far a focus task or solution has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemProgress {
    #[default]
    NotStarted,
    InProgress,
    Done,
}

impl ItemProgress {
    pub const ALL: [ItemProgress; 3] = [
        ItemProgress::NotStarted,
        ItemProgress::InProgress,
        ItemProgress::Done,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ItemProgress::NotStarted => "not-started",
            ItemProgress::InProgress => "in-progress",
            ItemProgress::Done => "done",
        }
    }

    pub fn from_code(code: &str) -> Option<ItemProgress> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemState {
    #[serde(default)]
    pub progress: ItemProgress,
    #[serde(default)]
    pub note: String,
}

/// What happened when an entry was saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upsert {
    Added,
    /// An entry of the same period and basis existed and was replaced.
    Replaced,
}

/// Everything the user has entered. Keyed by ids, never by position, so a reordered plan file
/// keeps every figure in its place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tracking {
    /// Per target, at most one entry per (period, basis), kept in period order.
    #[serde(default)]
    pub entries: BTreeMap<TargetId, Vec<Entry>>,
    /// Per target, the figures of the year before the plan (2022), by period: `Year` is the
    /// whole year's value (the baseline of level targets, "TH 2022" in reports); the others
    /// are the same periods a year earlier, which "so với cùng kỳ" compares with.
    #[serde(default)]
    pub prior_year: BTreeMap<TargetId, BTreeMap<Period, f64>>,
    #[serde(default)]
    pub assessments: BTreeMap<TargetId, Assessment>,
    #[serde(default)]
    pub items: BTreeMap<ItemId, ItemState>,
}

impl Tracking {
    pub fn entries(&self, target: &TargetId) -> &[Entry] {
        self.entries.get(target).map_or(&[], Vec::as_slice)
    }

    /// A target's figure of one period and basis, if entered.
    pub fn entry(&self, target: &TargetId, period: Period, basis: Basis) -> Option<&Entry> {
        self.entries(target)
            .iter()
            .find(|e| e.period == period && e.basis == basis)
    }

    /// The whole year's value of the year before the plan.
    pub fn baseline(&self, target: &TargetId) -> Option<f64> {
        self.prior(target, Period::Year)
    }

    /// The figure of the same period a year before the plan ("cùng kỳ").
    pub fn prior(&self, target: &TargetId, period: Period) -> Option<f64> {
        self.prior_year
            .get(target)
            .and_then(|by_period| by_period.get(&period))
            .copied()
    }

    /// Every figure of the year before the plan for a target, in period order.
    pub fn priors(&self, target: &TargetId) -> impl Iterator<Item = (Period, f64)> + '_ {
        self.prior_year
            .get(target)
            .into_iter()
            .flat_map(|by_period| by_period.iter().map(|(p, v)| (*p, *v)))
    }

    /// Saves an entry, replacing the one of the same period and basis if there is one.
    pub fn upsert_entry(&mut self, target: &TargetId, entry: Entry) -> Upsert {
        let list = self.entries.entry(target.clone()).or_default();
        let existing = list
            .iter_mut()
            .find(|e| e.period == entry.period && e.basis == entry.basis);
        let outcome = match existing {
            Some(slot) => {
                *slot = entry;
                Upsert::Replaced
            }
            None => {
                list.push(entry);
                Upsert::Added
            }
        };
        list.sort_by_key(|e| (e.period.order_key(), e.basis));
        outcome
    }

    /// Removes the entry of that period and basis; returns whether there was one.
    pub fn remove_entry(&mut self, target: &TargetId, period: Period, basis: Basis) -> bool {
        let Some(list) = self.entries.get_mut(target) else {
            return false;
        };
        let before = list.len();
        list.retain(|e| !(e.period == period && e.basis == basis));
        let removed = list.len() != before;
        if list.is_empty() {
            self.entries.remove(target);
        }
        removed
    }

    pub fn set_baseline(&mut self, target: &TargetId, value: Option<f64>) {
        self.set_prior(target, Period::Year, value);
    }

    /// Sets or clears a figure of the year before the plan; an emptied target leaves no key.
    pub fn set_prior(&mut self, target: &TargetId, period: Period, value: Option<f64>) {
        match value {
            Some(v) => {
                self.prior_year
                    .entry(target.clone())
                    .or_default()
                    .insert(period, v);
            }
            None => {
                if let Some(by_period) = self.prior_year.get_mut(target) {
                    by_period.remove(&period);
                    if by_period.is_empty() {
                        self.prior_year.remove(target);
                    }
                }
            }
        }
    }

    pub fn set_assessment(&mut self, target: &TargetId, value: Option<Assessment>) {
        match value {
            Some(a) => self.assessments.insert(target.clone(), a),
            None => self.assessments.remove(target),
        };
    }

    pub fn item(&self, id: &ItemId) -> ItemState {
        self.items.get(id).cloned().unwrap_or_default()
    }

    pub fn set_item_progress(&mut self, id: &ItemId, progress: ItemProgress) {
        self.items.entry(id.clone()).or_default().progress = progress;
    }

    pub fn set_item_note(&mut self, id: &ItemId, note: String) {
        self.items.entry(id.clone()).or_default().note = note;
    }

    /// Adds everything of `other` to this data: its entries replace those of the same period and
    /// basis, its baselines, assessments and task states replace these targets' and items'.
    #[cfg(test)]
    pub fn merge(&mut self, other: &Tracking) {
        for (id, entries) in &other.entries {
            for entry in entries {
                self.upsert_entry(id, entry.clone());
            }
        }
        for (id, by_period) in &other.prior_year {
            for (period, value) in by_period {
                self.set_prior(id, *period, Some(*value));
            }
        }
        self.assessments
            .extend(other.assessments.iter().map(|(k, v)| (k.clone(), *v)));
        self.items
            .extend(other.items.iter().map(|(k, v)| (k.clone(), v.clone())));
    }

    /// Puts every target's entries in period order, as [`Tracking::upsert_entry`] keeps them;
    /// data read from storage or a file goes through it.
    pub fn sort_entries(&mut self) {
        for list in self.entries.values_mut() {
            list.sort_by_key(|e| (e.period.order_key(), e.basis));
        }
    }

    /// Checks what serde cannot: numbers are finite (JSON would turn NaN into null and make the
    /// whole saved value unreadable) and no period holds two entries of one basis.
    pub fn validate(&self) -> Result<(), String> {
        for (id, list) in &self.entries {
            for (i, e) in list.iter().enumerate() {
                if !e.value.is_finite() {
                    return Err(format!(
                        "{id} {}: value is not a finite number",
                        e.period.code()
                    ));
                }
                if list[..i]
                    .iter()
                    .any(|o| o.period == e.period && o.basis == e.basis)
                {
                    return Err(format!(
                        "{id} {}: two {} figures",
                        e.period.code(),
                        e.basis.code()
                    ));
                }
            }
        }
        for (id, list) in &self.entries {
            if let Some(e) = list.iter().find(|e| !e.period.is_valid()) {
                return Err(format!("{id}: no such period {:?}", e.period));
            }
        }
        for (id, by_period) in &self.prior_year {
            for (period, v) in by_period {
                if !v.is_finite() {
                    return Err(format!(
                        "{id} {}: value of the year before is not a finite number",
                        period.code()
                    ));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> TargetId {
        TargetId(s.to_owned())
    }

    fn entry(period: Period, basis: Basis, value: f64) -> Entry {
        Entry {
            period,
            basis,
            value,
            note: String::new(),
        }
    }

    #[test]
    fn same_period_and_basis_replaces_and_others_add() {
        let mut t = Tracking::default();
        let rev = id("budget-revenue");
        assert_eq!(
            t.upsert_entry(&rev, entry(Period::NINE_MONTHS, Basis::Estimate, 1800.0)),
            Upsert::Added
        );
        assert_eq!(
            t.upsert_entry(&rev, entry(Period::NINE_MONTHS, Basis::Official, 1810.0)),
            Upsert::Added
        );
        assert_eq!(
            t.upsert_entry(&rev, entry(Period::NINE_MONTHS, Basis::Estimate, 1820.0)),
            Upsert::Replaced
        );
        assert_eq!(
            t.upsert_entry(&rev, entry(Period::Quarter(1), Basis::Estimate, 500.0)),
            Upsert::Added
        );
        let periods: Vec<_> = t
            .entries(&rev)
            .iter()
            .map(|e| (e.period, e.value))
            .collect();
        assert_eq!(
            periods,
            vec![
                (Period::Quarter(1), 500.0),
                (Period::NINE_MONTHS, 1820.0),
                (Period::NINE_MONTHS, 1810.0)
            ]
        );
    }

    #[test]
    fn removing_the_last_entry_drops_the_target_key() {
        let mut t = Tracking::default();
        let f = id("forest-cover");
        t.upsert_entry(&f, entry(Period::Year, Basis::Official, 52.5));
        assert!(!t.remove_entry(&f, Period::Year, Basis::Estimate));
        assert!(t.remove_entry(&f, Period::Year, Basis::Official));
        assert!(t.entries.is_empty());
    }

    #[test]
    fn validation_refuses_non_finite_numbers_and_duplicates() {
        let mut t = Tracking::default();
        t.entries.insert(
            id("a"),
            vec![entry(Period::Year, Basis::Official, f64::NAN)],
        );
        assert!(t.validate().is_err());
        let mut t = Tracking::default();
        t.entries.insert(
            id("a"),
            vec![
                entry(Period::Year, Basis::Official, 1.0),
                entry(Period::Year, Basis::Official, 2.0),
            ],
        );
        assert!(t.validate().is_err());
        let mut t = Tracking::default();
        t.set_baseline(&id("a"), Some(f64::INFINITY));
        assert!(t.validate().is_err());
        t.set_baseline(&id("a"), Some(3.0));
        assert_eq!(t.validate(), Ok(()));
    }

    #[test]
    fn merging_adds_and_replaces_but_keeps_the_rest() {
        let mut mine = Tracking::default();
        let rev = id("budget-revenue");
        mine.upsert_entry(&rev, entry(Period::Quarter(1), Basis::Estimate, 500.0));
        mine.upsert_entry(&rev, entry(Period::FIRST_HALF, Basis::Estimate, 1100.0));
        mine.set_baseline(&rev, Some(2300.0));
        let mut theirs = Tracking::default();
        theirs.upsert_entry(&rev, entry(Period::FIRST_HALF, Basis::Estimate, 1150.0));
        theirs.upsert_entry(&rev, entry(Period::NINE_MONTHS, Basis::Official, 1800.0));
        mine.merge(&theirs);
        let values: Vec<f64> = mine.entries(&rev).iter().map(|e| e.value).collect();
        assert_eq!(values, [500.0, 1150.0, 1800.0]);
        assert_eq!(mine.baseline(&rev), Some(2300.0));
    }

    #[test]
    fn assessments_are_stored_by_their_codes() {
        for (assessment, code) in [
            (Assessment::Achieved, "achieved"),
            (Assessment::OnTrack, "on-track"),
            (Assessment::AtRisk, "at-risk"),
            (Assessment::OffTrack, "off-track"),
            (Assessment::Missed, "missed"),
        ] {
            let json = format!("\"{code}\"");
            assert_eq!(serde_json::to_string(&assessment).ok(), Some(json.clone()));
            assert_eq!(
                serde_json::from_str::<Assessment>(&json).ok(),
                Some(assessment)
            );
        }
    }

    #[test]
    fn items_default_to_not_started() {
        let mut t = Tracking::default();
        let item = ItemId("3a".to_owned());
        assert_eq!(t.item(&item).progress, ItemProgress::NotStarted);
        t.set_item_progress(&item, ItemProgress::Done);
        t.set_item_note(&item, "xong".to_owned());
        assert_eq!(
            t.item(&item),
            ItemState {
                progress: ItemProgress::Done,
                note: "xong".to_owned()
            }
        );
    }
}
