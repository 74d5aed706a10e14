//! The saved format: one versioned envelope around the user's figures, and the restore step
//! every load goes through. Pure Rust, no browser types.

use serde::{Deserialize, Serialize};

use crate::plan::Tracking;

/// The schema this build writes; bump it with a migration when [`Tracking`] changes shape.
pub const SCHEMA_VERSION: u32 = 1;
/// Names the app in every envelope, so a value written by something else is not mistaken for ours.
pub const APP_ID: &str = "lai-chau-plan";
/// The localStorage key of the user's data.
pub const DATA_KEY: &str = "lai-chau-plan-2023:data";
/// Where an unreadable value is set aside; no save ever writes here.
pub const UNREADABLE_KEY: &str = "lai-chau-plan-2023:unreadable";
/// The chosen interface language.
pub const LANG_KEY: &str = "lai-chau-plan-2023:lang";

/// What is saved: the schema version, when, and the data.
#[derive(Debug, Serialize, Deserialize)]
pub struct Envelope {
    pub schema: u32,
    pub app: String,
    pub saved_at: String,
    pub data: Tracking,
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
pub fn encode(data: &Tracking, saved_at: &str) -> Result<String, EncodeError> {
    data.validate().map_err(EncodeError)?;
    let envelope = Envelope {
        schema: SCHEMA_VERSION,
        app: APP_ID.to_owned(),
        saved_at: saved_at.to_owned(),
        data: data.clone(),
    };
    serde_json::to_string(&envelope).map_err(|e| EncodeError(e.to_string()))
}

/// Reads a saved value back. The version is read first, so that a newer app's data is
/// recognised even when its shape is unknown here.
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
    let envelope: Envelope =
        serde_json::from_str(raw).map_err(|e| RestoreError::Unreadable(e.to_string()))?;
    envelope.data.validate().map_err(RestoreError::Unreadable)?;
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
                period: Period::NineMonths,
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
        let raw = encode(&data, "2023-10-05T08:00:00Z").unwrap();
        let back = restore(&raw).unwrap();
        assert_eq!(back.data, data);
        assert_eq!(back.saved_at, "2023-10-05T08:00:00Z");
        assert_eq!(back.schema, SCHEMA_VERSION);
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
        assert!(encode(&data, "now").is_err());
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
}
