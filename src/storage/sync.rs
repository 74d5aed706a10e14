//! Keeping tabs in step without losing a figure: the decision taken before every save (write,
//! or merge with what another tab saved first; the merge itself is `clock::merge`). Pure Rust.

use super::schema::{restore, Envelope, RestoreError, Stamp};

/// What to do with a save, given what storage holds now.
#[derive(Clone, Debug, PartialEq)]
pub enum SavePlan {
    /// Storage holds what this tab last saw (or nothing): write at `revision`, first copying
    /// the stored value to the backup key when `backup` is set.
    Write { revision: u64, backup: bool },
    /// Another tab saved since this one last looked: merge with it, then save again.
    Changed(Box<Envelope>),
    /// A newer app wrote the value; it must not be overwritten.
    Newer(u32),
    /// The stored value cannot be read; it must be set aside, not overwritten.
    Unreadable(String),
}

/// The text of a stored value this tab read or wrote, and its stamp.
pub type Seen<'a> = (&'a Stamp, &'a str);

/// Decides a save by comparing what is stored with the stamp this tab last read or wrote.
/// A stale tab never overwrites a newer value: it is told to merge instead.
///
/// `seen` is that value's text, when the tab still has it: a stored value with the very same
/// text is the value this tab knows, with no need to read it again (issue 7: reading a year of
/// figures twice on every save kept an entry from showing within a frame on a slow phone).
pub fn plan_save(stored: Option<&str>, known: &Stamp, seen: Option<Seen>) -> SavePlan {
    let Some(raw) = stored else {
        return SavePlan::Write {
            revision: known.revision + 1,
            backup: false,
        };
    };
    if seen.is_some_and(|(stamp, text)| stamp == known && text == raw) {
        return SavePlan::Write {
            revision: known.revision + 1,
            backup: true,
        };
    }
    match restore(raw) {
        // It restores, so it is worth keeping as the backup.
        Ok(envelope) if envelope.stamp() == *known => SavePlan::Write {
            revision: known.revision + 1,
            backup: true,
        },
        Ok(envelope) => SavePlan::Changed(Box::new(envelope)),
        Err(RestoreError::NewerSchema(v)) => SavePlan::Newer(v),
        Err(RestoreError::Unreadable(detail)) => SavePlan::Unreadable(detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Period;
    use crate::plan::{Basis, Entry, TargetId, Tracking};
    use crate::storage::clock::Clock;
    use crate::storage::schema::encode;

    fn id(s: &str) -> TargetId {
        TargetId(s.to_owned())
    }

    fn with_entry(mut t: Tracking, target: &str, period: Period, value: f64) -> Tracking {
        t.upsert_entry(
            &id(target),
            Entry {
                period,
                basis: Basis::Official,
                value,
                note: String::new(),
            },
        );
        t
    }

    #[test]
    fn a_save_writes_only_over_what_this_tab_last_saw() {
        let data = with_entry(Tracking::default(), "forest-cover", Period::Year, 52.5);
        let raw = encode(&data, &Clock::default(), "t1", 4).unwrap_or_default();
        let seen = Stamp {
            revision: 4,
            saved_at: "t1".to_owned(),
        };
        assert_eq!(
            plan_save(None, &Stamp::default(), None),
            SavePlan::Write {
                revision: 1,
                backup: false
            }
        );
        assert_eq!(
            plan_save(Some(&raw), &seen, None),
            SavePlan::Write {
                revision: 5,
                backup: true
            }
        );
        // A stale tab (it saw revision 3) is told to merge, never to write.
        let stale = Stamp {
            revision: 3,
            saved_at: "t0".to_owned(),
        };
        assert!(
            matches!(plan_save(Some(&raw), &stale, None), SavePlan::Changed(e) if e.data == data)
        );
        // Same revision written by another tab at another time is another value too.
        let other = Stamp {
            revision: 4,
            saved_at: "t0".to_owned(),
        };
        assert!(matches!(
            plan_save(Some(&raw), &other, None),
            SavePlan::Changed(_)
        ));
        assert!(matches!(
            plan_save(Some("{oops"), &seen, None),
            SavePlan::Unreadable(_)
        ));
        assert_eq!(
            plan_save(
                Some(r#"{"schema":99,"app":"lai-chau-plan","saved_at":"","data":{}}"#),
                &seen,
                None
            ),
            SavePlan::Newer(99)
        );
    }

    #[test]
    fn only_a_good_value_becomes_the_backup() {
        // Garbage is never copied over the last good backup (it is set aside instead), and a
        // newer app's value is never written over at all.
        let good = encode(
            &with_entry(Tracking::default(), "forest-cover", Period::Year, 52.5),
            &Clock::default(),
            "t1",
            3,
        )
        .unwrap_or_default();
        let known = Stamp {
            revision: 3,
            saved_at: "t1".to_owned(),
        };
        assert!(matches!(
            plan_save(Some(&good), &known, None),
            SavePlan::Write { backup: true, .. }
        ));
        for bad in [
            "",
            "{garbage",
            r#"{"schema":9,"app":"lai-chau-plan","saved_at":"","data":{}}"#,
            r#"{"schema":1,"app":"lai-chau-plan","saved_at":"","data":{"baselines":{"a":null}}}"#,
        ] {
            assert!(
                !matches!(plan_save(Some(bad), &known, None), SavePlan::Write { .. }),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_very_text_this_tab_saw_is_not_read_again() {
        let data = with_entry(Tracking::default(), "forest-cover", Period::Year, 52.5);
        let raw = encode(&data, &Clock::default(), "t1", 4).unwrap_or_default();
        let seen = Stamp {
            revision: 4,
            saved_at: "t1".to_owned(),
        };
        let write = SavePlan::Write {
            revision: 5,
            backup: true,
        };
        assert_eq!(plan_save(Some(&raw), &seen, Some((&seen, &raw))), write);
        // Trusted by its text alone (this one would not even parse).
        assert_eq!(plan_save(Some("{x"), &seen, Some((&seen, "{x"))), write);
        // Other text, or the text of another stamp, is read again.
        let other = encode(&data, &Clock::default(), "t2", 4).unwrap_or_default();
        assert!(matches!(
            plan_save(Some(&other), &seen, Some((&seen, &raw))),
            SavePlan::Changed(_)
        ));
        let stale = Stamp {
            revision: 3,
            saved_at: "t0".to_owned(),
        };
        assert!(matches!(
            plan_save(Some(&raw), &seen, Some((&stale, &raw))),
            SavePlan::Write { .. }
        ));
        assert!(matches!(
            plan_save(Some(&raw), &stale, Some((&seen, &raw))),
            SavePlan::Changed(_)
        ));
    }
}
