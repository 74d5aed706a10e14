//! The saved format: one versioned envelope around the user's figures, and the restore step
//! every load goes through. Pure Rust, no browser types.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::clock::Clock;
use super::migrations::v1_to_v2;
use crate::plan::Tracking;

/// The schema this build writes; bump it with a migration when [`Tracking`] changes shape.
/// Version 2: the figures of the year before the plan by period, own and cumulative periods,
/// and a clock of when each cell was changed.
pub const SCHEMA_VERSION: u32 = 2;
/// Names the app in every envelope, so a value written by something else is not mistaken for ours.
pub const APP_ID: &str = "lai-chau-plan";
/// The localStorage key of the user's data.
pub const DATA_KEY: &str = "lai-chau-plan-2023:data";
/// Where older builds set aside the one unreadable value they kept; read as the oldest value
/// set aside (its time unknown), never written again.
pub const UNREADABLE_KEY: &str = "lai-chau-plan-2023:unreadable";
/// Where each unreadable value is set aside: this prefix and the time it was set aside, e.g.
/// `lai-chau-plan-2023:unreadable:2023-10-05T08:00:00.000Z`. No save ever writes here.
pub const SET_ASIDE_PREFIX: &str = "lai-chau-plan-2023:unreadable:";
/// At most this many unreadable values are kept; beyond it the oldest goes. The same text is
/// kept once, so reloading over one unreadable value keeps one copy; ten different unreadable
/// values are a broken app writing garbage, and must not fill the user's storage.
pub const MAX_SET_ASIDE: usize = 10;
/// The chosen interface language.
pub const LANG_KEY: &str = "lai-chau-plan-2023:lang";
/// The last good value, copied here before each save (one generation).
pub const BACKUP_KEY: &str = "lai-chau-plan-2023:backup";
/// When the last export was made, and at which revision.
pub const EXPORT_KEY: &str = "lai-chau-plan-2023:last-export";

/// When the last export was made, and the revision of the data it held (under [`EXPORT_KEY`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportMark {
    pub exported_at: String,
    pub revision: u64,
}
/// The figures the app last drew, for the next visit's first paint (`first_paint`).
/// Derived from the data, never read as data: losing it loses nothing.
pub const FIRST_PAINT_KEY: &str = "lai-chau-plan-2023:first-paint";

/// Where the value of an older schema is kept when it is migrated on load; never overwritten.
pub fn migration_backup_key(from_version: u32) -> String {
    format!("lai-chau-plan-2023:schema-v{from_version}")
}

/// The key an unreadable value set aside at `at` (ISO 8601) is kept under.
pub fn set_aside_key(at: &str) -> String {
    format!("{SET_ASIDE_PREFIX}{at}")
}

/// When the value under `key` was set aside: `Some(None)` for the one older builds kept
/// (no time), `None` for a key that holds no set-aside value.
pub fn set_aside_time(key: &str) -> Option<Option<&str>> {
    if key == UNREADABLE_KEY {
        return Some(None);
    }
    key.strip_prefix(SET_ASIDE_PREFIX).map(Some)
}

/// What is saved: the schema version, when, how many saves came before, and the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub schema: u32,
    pub app: String,
    pub saved_at: String,
    /// Counts saves; a tab compares it before saving so that it never overwrites a newer value.
    /// Values written before it existed read as 0, which is why this needs no schema bump.
    #[serde(default)]
    pub revision: u64,
    pub data: Tracking,
    /// When each cell was last changed, for merging with another tab's save.
    #[serde(default)]
    pub clock: Clock,
    /// The schema the value was written in, when it was migrated on restore.
    #[serde(skip)]
    pub migrated_from: Option<u32>,
}

/// Which saved value a tab last read or wrote: its revision and time. Two values with the
/// same stamp are the same save.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    pub revision: u64,
    pub saved_at: String,
}

impl Envelope {
    pub fn stamp(&self) -> Stamp {
        Stamp {
            revision: self.revision,
            saved_at: self.saved_at.clone(),
        }
    }
}

/// One migration: turns the `data` of one schema version into the next one's.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The chain of migrations: `MIGRATIONS[i]` turns version `i + 1` into version `i + 2`, so
/// its length is always `SCHEMA_VERSION - 1` (a test holds it to that). Version 2 slots in by
/// bumping [`SCHEMA_VERSION`], appending `v1_to_v2` here and freezing `fixtures/schema-v2.json`.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Why a migration failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrationError {
    /// No migration leads from this version (0, or newer than the chain knows).
    NoPath(u32),
    /// A step refused the data; the detail says why.
    Step { from: u32, detail: String },
}

/// Migrates the `data` of a saved value from `version` to [`SCHEMA_VERSION`].
pub fn migrate(version: u32, data: Value) -> Result<Value, MigrationError> {
    migrate_with(MIGRATIONS, version, data)
}

/// Runs a chain of steps from `version` to the chain's last version, one step at a time.
fn migrate_with(steps: &[Migration], version: u32, data: Value) -> Result<Value, MigrationError> {
    let latest = steps.len() as u32 + 1;
    if version == 0 || version > latest {
        return Err(MigrationError::NoPath(version));
    }
    let mut data = data;
    for (from, step) in (version..latest).zip(&steps[(version - 1) as usize..]) {
        data = step(data).map_err(|detail| MigrationError::Step { from, detail })?;
    }
    Ok(data)
}

/// Why a saved value could not be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Not JSON, or JSON of another shape; the detail is for the curious.
    Unreadable(String),
    /// Written by a newer version of the app, which this one must not overwrite.
    NewerSchema(u32),
}

/// Why data could not be encoded for saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodeError(pub String);

/// Encodes the data in its envelope, refusing data that would not survive a round trip.
pub fn encode(
    data: &Tracking,
    clock: &Clock,
    saved_at: &str,
    revision: u64,
) -> Result<String, EncodeError> {
    data.validate().map_err(EncodeError)?;
    let envelope = Envelope {
        schema: SCHEMA_VERSION,
        app: APP_ID.to_owned(),
        saved_at: saved_at.to_owned(),
        revision,
        data: data.clone(),
        clock: clock.clone(),
        migrated_from: None,
    };
    serde_json::to_string(&envelope).map_err(|e| EncodeError(e.to_string()))
}

/// Reads a saved value back. The version is read first, so that a newer app's data is
/// recognised even when its shape is unknown here; an older version is migrated, and
/// `migrated_from` says so, for the caller to keep the original as a backup.
pub fn restore(raw: &str) -> Result<Envelope, RestoreError> {
    #[derive(Deserialize)]
    struct Header {
        schema: u32,
        app: String,
    }
    let header: Header =
        serde_json::from_str(raw).map_err(|e| RestoreError::Unreadable(e.to_string()))?;
    if header.app != APP_ID {
        return Err(RestoreError::Unreadable(format!(
            "written by {:?}",
            header.app
        )));
    }
    if header.schema > SCHEMA_VERSION {
        return Err(RestoreError::NewerSchema(header.schema));
    }
    if header.schema == 0 {
        return Err(RestoreError::Unreadable("schema version 0".to_owned()));
    }
    let mut envelope: Envelope = if header.schema == SCHEMA_VERSION {
        serde_json::from_str(raw).map_err(|e| RestoreError::Unreadable(e.to_string()))?
    } else {
        let mut value: Value =
            serde_json::from_str(raw).map_err(|e| RestoreError::Unreadable(e.to_string()))?;
        let data = value
            .get_mut("data")
            .map(Value::take)
            .unwrap_or(Value::Null);
        let migrated = migrate(header.schema, data).map_err(|e| {
            RestoreError::Unreadable(format!("migration from version {}: {e:?}", header.schema))
        })?;
        value["data"] = migrated;
        value["schema"] = Value::from(SCHEMA_VERSION);
        let mut envelope: Envelope =
            serde_json::from_value(value).map_err(|e| RestoreError::Unreadable(e.to_string()))?;
        envelope.migrated_from = Some(header.schema);
        envelope
    };
    envelope.data.validate().map_err(RestoreError::Unreadable)?;
    envelope.data.sort_entries();
    envelope.schema = SCHEMA_VERSION;
    Ok(envelope)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Basis, Entry, ItemId, ItemProgress, Period, TargetId};

    fn sample() -> Tracking {
        let mut t = Tracking::default();
        let rev = TargetId("budget-revenue".to_owned());
        t.upsert_entry(
            &rev,
            Entry {
                period: Period::NINE_MONTHS,
                basis: Basis::Estimate,
                value: 1837.5,
                note: "ước".to_owned(),
            },
        );
        t.set_baseline(&TargetId("poverty-reduction".to_owned()), Some(25.1));
        t.set_item_progress(&ItemId("3a".to_owned()), ItemProgress::InProgress);
        t
    }

    #[test]
    fn encode_then_restore_is_identical() {
        let data = sample();
        let raw = encode(&data, &Clock::default(), "2023-10-05T08:00:00Z", 7).unwrap();
        let back = restore(&raw).unwrap();
        assert_eq!(back.data, data);
        assert_eq!(back.saved_at, "2023-10-05T08:00:00Z");
        assert_eq!(back.schema, SCHEMA_VERSION);
        assert_eq!(back.revision, 7);
        assert_eq!(back.migrated_from, None);
    }

    /// A frozen value written by every schema version there has been; never edit one.
    const FIXTURES: &[(u32, &str)] = &[
        (1, include_str!("fixtures/schema-v1.json")),
        (2, include_str!("fixtures/schema-v2.json")),
    ];

    #[test]
    fn every_schema_version_has_a_frozen_fixture_that_restores() {
        let versions: Vec<u32> = FIXTURES.iter().map(|(v, _)| *v).collect();
        assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
        for (version, raw) in FIXTURES {
            let envelope = restore(raw).unwrap_or_else(|e| panic!("v{version}: {e:?}"));
            assert_eq!(envelope.schema, SCHEMA_VERSION);
            let expected_from = (*version < SCHEMA_VERSION).then_some(*version);
            assert_eq!(envelope.migrated_from, expected_from, "v{version}");
            assert!(
                !envelope.data.entries.is_empty(),
                "v{version} lost its entries"
            );
        }
    }

    #[test]
    fn the_migration_chain_matches_the_schema_version() {
        assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
        let data = serde_json::json!({"entries": {}});
        assert_eq!(migrate(SCHEMA_VERSION, data.clone()), Ok(data.clone()));
        assert_eq!(migrate(0, data.clone()), Err(MigrationError::NoPath(0)));
        assert_eq!(
            migrate(SCHEMA_VERSION + 1, data),
            Err(MigrationError::NoPath(SCHEMA_VERSION + 1))
        );
    }

    // A pretend chain of two steps, so the runner is tested before a real v2 exists.
    fn rename_figures(mut v: Value) -> Result<Value, String> {
        let figures = v.get_mut("figures").map(Value::take).ok_or("no figures")?;
        Ok(serde_json::json!({ "entries": figures }))
    }
    fn add_items(mut v: Value) -> Result<Value, String> {
        v["items"] = serde_json::json!({});
        Ok(v)
    }

    #[test]
    fn migrations_run_in_order_from_any_older_version() {
        let steps: &[Migration] = &[rename_figures, add_items];
        let v1 = serde_json::json!({"figures": {"a": 1}});
        let v3 = serde_json::json!({"entries": {"a": 1}, "items": {}});
        assert_eq!(migrate_with(steps, 1, v1), Ok(v3.clone()));
        let v2 = serde_json::json!({"entries": {"a": 1}});
        assert_eq!(migrate_with(steps, 2, v2), Ok(v3.clone()));
        assert_eq!(migrate_with(steps, 3, v3.clone()), Ok(v3));
        assert_eq!(
            migrate_with(steps, 1, serde_json::json!({})),
            Err(MigrationError::Step {
                from: 1,
                detail: "no figures".to_owned()
            })
        );
        assert_eq!(
            migrate_with(steps, 4, Value::Null),
            Err(MigrationError::NoPath(4))
        );
    }

    #[test]
    fn the_keys_are_distinct() {
        assert_ne!(BACKUP_KEY, DATA_KEY);
        assert_ne!(migration_backup_key(1), DATA_KEY);
        assert_ne!(BACKUP_KEY, UNREADABLE_KEY);
        assert_ne!(FIRST_PAINT_KEY, DATA_KEY);
        assert_ne!(FIRST_PAINT_KEY, BACKUP_KEY);
        assert!(set_aside_key("t").starts_with(UNREADABLE_KEY));
        for key in [DATA_KEY, BACKUP_KEY, FIRST_PAINT_KEY, LANG_KEY, EXPORT_KEY] {
            assert!(set_aside_time(key).is_none(), "{key}");
        }
    }

    #[test]
    fn a_value_without_a_revision_reads_as_revision_zero() {
        let envelope = restore(include_str!("fixtures/schema-v1.json")).unwrap();
        assert_eq!(envelope.revision, 0);
        assert_eq!(envelope.stamp().saved_at, "2023-10-05T08:00:00.000Z");
    }

    #[test]
    fn the_frozen_version_2_fixture_keeps_its_periods_prior_year_and_clock() {
        let envelope = restore(include_str!("fixtures/schema-v2.json")).unwrap();
        let rev = TargetId("budget-revenue".to_owned());
        let periods: Vec<Period> = envelope
            .data
            .entries(&rev)
            .iter()
            .map(|e| e.period)
            .collect();
        assert_eq!(
            periods,
            [Period::ToDate(5), Period::Quarter(3), Period::NINE_MONTHS]
        );
        assert_eq!(envelope.data.prior(&rev, Period::NINE_MONTHS), Some(1702.0));
        assert_eq!(envelope.data.baseline(&rev), Some(2317.0));
        let forest = crate::plan::cell::Cell::Entry(
            TargetId("forest-cover".to_owned()),
            Period::Year,
            Basis::Official,
        );
        assert_eq!(envelope.clock.version(&forest).tab, 7);
        assert_eq!(envelope.revision, 12);
    }

    #[test]
    fn the_frozen_version_1_fixture_still_restores() {
        let raw = include_str!("fixtures/schema-v1.json");
        let envelope = restore(raw).unwrap();
        let rev = TargetId("budget-revenue".to_owned());
        assert_eq!(envelope.data.entries(&rev)[0].value, 1837.5);
        assert_eq!(
            envelope
                .data
                .baseline(&TargetId("poverty-reduction".to_owned())),
            Some(25.1)
        );
    }

    #[test]
    fn non_finite_numbers_never_reach_storage() {
        let mut data = sample();
        data.set_baseline(&TargetId("x".to_owned()), Some(f64::NAN));
        assert!(encode(&data, &Clock::default(), "now", 1).is_err());
        let mut data = sample();
        data.upsert_entry(
            &TargetId("forest-cover".to_owned()),
            Entry {
                period: Period::Year,
                basis: Basis::Official,
                value: f64::INFINITY,
                note: String::new(),
            },
        );
        assert!(encode(&data, &Clock::default(), "now", 1).is_err());
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let cases = [
            "not json",
            "{}",
            "[]",
            r#"{"schema":1,"app":"other","saved_at":"","data":{}}"#,
            r#"{"schema":0,"app":"lai-chau-plan","saved_at":"","data":{}}"#,
            r#"{"schema":1,"app":"lai-chau-plan","saved_at":"","data":{"entries":{"a":[{"period":"M13","basis":"estimate","value":1}]}}}"#,
            r#"{"schema":1,"app":"lai-chau-plan","saved_at":"","data":{"entries":{"a":[{"period":"Y","basis":"estimate","value":null}]}}}"#,
            r#"{"schema":1,"app":"lai-chau-plan","saved_at":"","data":{"surprise":1}}"#,
        ];
        for raw in cases {
            assert!(
                matches!(restore(raw), Err(RestoreError::Unreadable(_))),
                "{raw}"
            );
        }
    }

    #[test]
    fn a_newer_schema_is_recognised_even_in_an_unknown_shape() {
        let raw = r#"{"schema":7,"app":"lai-chau-plan","saved_at":"","data":{"new":"shape"}}"#;
        assert_eq!(restore(raw).err(), Some(RestoreError::NewerSchema(7)));
    }

    /// Bounded property tests: storage may hold anything under the data's key.
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn valid() -> String {
            encode(&sample(), &Clock::default(), "2023-10-05T08:00:00.000Z", 3).unwrap_or_default()
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn any_text_restores_or_is_refused(text in "\\PC{0,200}") {
                if let Ok(envelope) = restore(&text) {
                    prop_assert!(envelope.data.validate().is_ok());
                }
            }

            #[test]
            fn any_bytes_restore_or_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
                let _ = restore(&String::from_utf8_lossy(&bytes));
            }

            /// A saved value with pieces replaced at character boundaries: restored whole and
            /// valid, or refused.
            #[test]
            fn a_mutated_value_restores_or_is_refused(
                edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..4, "[\\PC\"{}:,0-9e.-]{0,4}"), 1..5),
            ) {
                let mut chars: Vec<char> = valid().chars().collect();
                for (at, cut, insert) in edits {
                    let start = at.index(chars.len() + 1);
                    let end = (start + cut).min(chars.len());
                    chars.splice(start..end, insert.chars());
                }
                if let Ok(envelope) = restore(&chars.into_iter().collect::<String>()) {
                    prop_assert!(envelope.data.validate().is_ok());
                }
            }

            /// Every frozen fixture (older versions go through their migrations), mutated: restored
            /// and valid, or refused; a restored value merges with another tab's without a panic.
            #[test]
            fn a_mutated_fixture_restores_or_is_refused(
                which in any::<prop::sample::Index>(),
                edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..4, "[\\PC\"{}:,|0-9A-Za-z.-]{0,4}"), 1..5),
            ) {
                let (_, fixture) = FIXTURES[which.index(FIXTURES.len())];
                let mut chars: Vec<char> = fixture.chars().collect();
                for (at, cut, insert) in edits {
                    let start = at.index(chars.len() + 1);
                    let end = (start + cut).min(chars.len());
                    chars.splice(start..end, insert.chars());
                }
                if let Ok(envelope) = restore(&chars.into_iter().collect::<String>()) {
                    prop_assert!(envelope.data.validate().is_ok());
                    let _ = crate::storage::clock::merge(
                        (&envelope.data, &envelope.clock),
                        (&sample(), &Clock::default()),
                    );
                }
            }

            #[test]
            fn a_saved_value_restores_as_it_was(revision in any::<u64>(), saved_at in "\\PC{0,30}") {
                let raw = encode(&sample(), &Clock::default(), &saved_at, revision).unwrap_or_default();
                let back = restore(&raw);
                prop_assert_eq!(back.as_ref().map(|e| (&e.data, e.revision, e.saved_at.as_str())), Ok((&sample(), revision, saved_at.as_str())));
            }
        }
    }
}
