//! Test data shared by the exchange formats' tests: the plan, a sample touching every part of
//! a backup, generated valid figures, and the check that a bad file is refused whole.

use proptest::prelude::*;

use super::import;
use super::reason::Reason;
use crate::i18n::Lang;
use crate::plan::number::check_domain;
use crate::plan::{
    Assessment, Basis, Entry, ItemId, ItemProgress, Period, Plan, Target, TargetId, Tracking,
};

pub fn plan() -> Plan {
    Plan::embedded().unwrap_or_else(|e| panic!("plan: {e}"))
}

pub fn id(s: &str) -> TargetId {
    TargetId(s.to_owned())
}

pub fn entry(period: Period, basis: Basis, value: f64, note: &str) -> Entry {
    Entry {
        period,
        basis,
        value,
        note: note.to_owned(),
    }
}

/// Data touching every part of a backup, with notes that need quoting and guarding.
pub fn sample() -> Tracking {
    let mut t = Tracking::default();
    let rev = id("budget-revenue");
    t.upsert_entry(
        &rev,
        entry(
            Period::NINE_MONTHS,
            Basis::Estimate,
            1837.5,
            "ước, \"9 tháng\"",
        ),
    );
    t.upsert_entry(
        &rev,
        entry(Period::Year, Basis::Official, 2450.0, "=SUM(A1)"),
    );
    t.upsert_entry(
        &id("grdp-growth"),
        entry(Period::FIRST_HALF, Basis::Estimate, -2.1, "dòng 1\ndòng 2"),
    );
    t.upsert_entry(
        &id("forest-cover"),
        entry(
            Period::Year,
            Basis::Official,
            52.5,
            "<img src=x onerror=alert(1)>",
        ),
    );
    t.upsert_entry(
        &id("birth-rate-reduction"),
        entry(Period::Quarter(2), Basis::Estimate, 0.1, "-0,4‰ ; ok"),
    );
    t.set_baseline(&id("poverty-reduction"), Some(25.1));
    t.set_assessment(&id("preschool-universal"), Some(Assessment::OnTrack));
    t.set_item_progress(&ItemId("3a".to_owned()), ItemProgress::InProgress);
    t.set_item_note(&ItemId("4e".to_owned()), "ghi chú ' @x".to_owned());
    t
}

/// The entries of `t` alone: what a CSV carries.
pub fn entries_only(t: &Tracking) -> Tracking {
    Tracking {
        entries: t.entries.clone(),
        ..Tracking::default()
    }
}

/// Imports every file of the table into `sample()` and checks that it is refused whole, with
/// the expected reason among its rejections and every message worded in both languages.
pub fn check_refused(table: Vec<(&str, String, Reason)>) {
    let plan = plan();
    let current = sample();
    for (name, content, expected) in table {
        let preview = super::import(&plan, &current, name, &content);
        let label = format!("{name}: {}", content.chars().take(120).collect::<String>());
        assert!(!preview.can_apply(), "{label}");
        assert_eq!(preview.apply(), None, "{label}: all or nothing");
        let found = preview
            .rejected
            .iter()
            .any(|r| match (&r.reason, &expected) {
                // The parser's own wording is not part of the contract; its kind is.
                (Reason::NotJson(_), Reason::NotJson(_))
                | (Reason::BadSchema(_), Reason::BadSchema(_)) => true,
                (got, want) => got == want,
            });
        assert!(
            found,
            "{label}: expected {expected:?}, got {:?}",
            preview.rejected
        );
        for r in &preview.rejected {
            assert!(
                !r.reason.message(Lang::Vi).is_empty() && !r.reason.message(Lang::En).is_empty()
            );
        }
    }
    assert_eq!(current, sample(), "the data is untouched");
}

fn arb_entry() -> impl Strategy<Value = (usize, Entry)> {
    let periods = Period::all();
    (
        0usize..49,
        0..periods.len(),
        any::<bool>(),
        -1.0e6f64..1.0e6,
        "\\PC{0,20}",
    )
        .prop_map(move |(t, p, official, value, note)| {
            let basis = if official {
                Basis::Official
            } else {
                Basis::Estimate
            };
            (t, entry(periods[p], basis, value, &note))
        })
}

/// Up to a dozen valid entries on the plan's numeric targets.
pub fn arb_entries(plan: &Plan) -> impl Strategy<Value = Tracking> {
    let numeric: Vec<Target> = plan
        .targets
        .iter()
        .filter(|t| t.numeric().is_some())
        .cloned()
        .collect();
    proptest::collection::vec(arb_entry(), 0..12).prop_map(move |entries| {
        let mut data = Tracking::default();
        for (t, mut e) in entries {
            let target = &numeric[t % numeric.len()];
            if let Some(goal) = target.numeric() {
                // Two decimals, folded into 0–19 when out of the target's range, so that every
                // figure is valid (criteria per commune stop at 19).
                e.value = (e.value * 100.0).round() / 100.0;
                if check_domain(e.value, goal).is_err() {
                    e.value = (e.value.abs() % 19.0 * 100.0).round() / 100.0;
                }
            }
            data.upsert_entry(&target.id, e);
        }
        data
    })
}

/// What importing `content` into no data gives back, or the rejections.
pub fn import_into_nothing(name: &str, content: &str) -> Result<Tracking, Vec<import::Rejection>> {
    let preview = super::import(&plan(), &Tracking::default(), name, content);
    preview.apply().ok_or(preview.rejected)
}
