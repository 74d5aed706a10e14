//! Two tabs racing through a model of Chromium's localStorage (a copy per renderer process,
//! writes reaching the other tab later, a tab's own unacknowledged write shadowing the other's
//! change), each saving as `state::save` does: no figure typed in either may be lost, and both
//! end holding what is stored.

use std::collections::VecDeque;

use super::*;
use crate::plan::cell::{Cell, CellValue};
use crate::plan::{Basis, Period, TargetId};
use crate::storage::schema::encode;

fn figure(target: &str, period: Period) -> Cell {
    Cell::Entry(TargetId(target.to_owned()), period, Basis::Official)
}

fn value(data: &Tracking, cell: &Cell) -> Option<f64> {
    match data.get(cell) {
        Some(CellValue::Entry { value, .. }) => Some(value),
        _ => None,
    }
}

/// A message from the browser's copy of storage to one tab's.
enum ToTab {
    /// The tab's own write reached the browser.
    Ack,
    /// Another tab's write; it fires the `storage` event.
    Change(String),
}

/// One tab: its copy of storage (writes not yet acknowledged shadow other tabs' changes, as in
/// Chromium), and the state `state::save` keeps.
struct Tab {
    id: u32,
    copy: Option<String>,
    unacked: usize,
    inbox: VecDeque<ToTab>,
    data: Tracking,
    clock: Clock,
    base: Tracking,
    known: Stamp,
    seen: Option<(Stamp, String)>,
    dirty: bool,
}

impl Tab {
    fn new(id: u32) -> Tab {
        Tab {
            id,
            copy: None,
            unacked: 0,
            inbox: VecDeque::new(),
            data: Tracking::default(),
            clock: Clock::default(),
            base: Tracking::default(),
            known: Stamp::default(),
            seen: None,
            dirty: false,
        }
    }

    /// Reads its copy, decides, writes into its copy; returns the text written.
    fn save(&mut self, now: u64) -> Option<String> {
        self.dirty = false;
        let seen = self.seen.as_ref().map(|(s, t)| (s, t.as_str()));
        let decision = decide(
            self.copy.as_deref(),
            Local {
                data: &self.data,
                clock: &self.clock,
                base: &self.base,
                known: &self.known,
                seen,
            },
        );
        let Decision::Go(sync) = decision else {
            panic!("tab {}: {decision:?}", self.id);
        };
        self.data = sync.data;
        self.clock = sync.clock;
        if let (Some(theirs), Some(text)) = (sync.stored, &self.copy) {
            self.base = theirs.data.clone();
            self.known = theirs.stamp();
            self.seen = Some((self.known.clone(), text.clone()));
        }
        let write = sync.write?;
        let at = format!("{now}-{}", self.id);
        let raw = encode(&self.data, &self.clock, &at, write.revision).ok()?;
        self.copy = Some(raw.clone());
        self.unacked += 1;
        self.base = self.data.clone();
        self.known = Stamp {
            revision: write.revision,
            saved_at: at,
        };
        self.seen = Some((self.known.clone(), raw.clone()));
        Some(raw)
    }

    /// The `storage` event: the tab saves again, which reads its copy of storage (updated by
    /// the change unless a write of its own shadows it) and merges.
    fn hear(&mut self) {
        self.dirty = true;
    }
}

/// A small deterministic generator, so that a failing seed can be run again.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn two_tabs_racing_through_per_process_copies_of_storage_lose_no_figure() {
    let periods: Vec<Period> = (1..=12).map(Period::Month).collect();
    for seed in 1..=40u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut tabs = [Tab::new(1), Tab::new(2)];
        let mut browser: Option<String> = None;
        let mut to_browser: VecDeque<(usize, String)> = VecDeque::new();
        let mut figures: Vec<(Cell, f64)> = Vec::new();
        let mut now = 1000u64;
        let mut step = |rng: &mut Rng, tabs: &mut [Tab; 2], typing: bool| -> bool {
            now += rng.below(3);
            let t = rng.below(2) as usize;
            match rng.below(if typing { 4 } else { 3 }) {
                0 => {
                    let Some((from, raw)) = to_browser.pop_front() else {
                        return false;
                    };
                    browser = Some(raw.clone());
                    tabs[from].inbox.push_back(ToTab::Ack);
                    tabs[1 - from].inbox.push_back(ToTab::Change(raw));
                }
                1 => match tabs[t].inbox.pop_front() {
                    Some(ToTab::Ack) => tabs[t].unacked -= 1,
                    Some(ToTab::Change(raw)) => {
                        if tabs[t].unacked == 0 {
                            tabs[t].copy = Some(raw.clone());
                        }
                        tabs[t].hear();
                    }
                    None => return false,
                },
                2 => {
                    if !tabs[t].dirty {
                        return false;
                    }
                    if let Some(raw) = tabs[t].save(now) {
                        to_browser.push_back((t, raw));
                    }
                }
                _ => {
                    let n = figures.len();
                    let target = format!("target-{}-{}", tabs[t].id, n / periods.len());
                    let cell = figure(&target, periods[n % periods.len()]);
                    let version = tabs[t].clock.next(now, tabs[t].id);
                    tabs[t].data.set(
                        &cell,
                        Some(CellValue::Entry {
                            value: n as f64,
                            note: String::new(),
                        }),
                    );
                    tabs[t].clock.touch([&cell], version);
                    tabs[t].dirty = true;
                    figures.push((cell, n as f64));
                }
            }
            true
        };
        for _ in 0..300 {
            step(&mut rng, &mut tabs, true);
        }
        // Typing stops; everything in flight arrives and is answered.
        let mut idle = 0;
        while idle < 200 {
            idle = if step(&mut rng, &mut tabs, false) {
                0
            } else {
                idle + 1
            };
        }
        let stored = browser.as_deref().map(restore);
        let Some(Ok(stored)) = stored else {
            panic!("seed {seed}: nothing readable stored");
        };
        let lost: Vec<&(Cell, f64)> = figures
            .iter()
            .filter(|(cell, v)| value(&stored.data, cell) != Some(*v))
            .collect();
        assert!(lost.is_empty(), "seed {seed}: lost {lost:?}");
        for tab in &tabs {
            assert_eq!(tab.data, stored.data, "seed {seed}: tab {}", tab.id);
        }
    }
}
