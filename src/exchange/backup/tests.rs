//! Tests of the JSON backup: the round trip, a table of bad backups, and a property test.

use proptest::prelude::*;

use super::super::fixtures::{arb_entries, check_refused, import_into_nothing, plan, sample};
use super::super::{import, ChangeKind, Reason};
use super::*;
use crate::plan::number::ParseError;

#[test]
fn json_export_then_import_into_nothing_is_identical() {
    let plan = plan();
    let data = sample();
    let json = export_json(&plan, &data, "2023-10-05T08:00:00.000Z").unwrap_or_default();
    let preview = import(&plan, &Tracking::default(), "backup.json", &json);
    assert_eq!(preview.rejected, vec![]);
    assert!(preview.can_apply());
    assert_eq!(preview.apply(), Some(data.clone()));
    assert_eq!(preview.count(ChangeKind::Added), 5 + 1 + 1 + 2);
    // Importing the same file again changes nothing.
    let again = import(&plan, &data, "backup.json", &json);
    assert_eq!(again.count(ChangeKind::Unchanged), again.changes.len());
    assert!(!again.can_apply());
    assert_eq!(again.apply(), Some(data));
}

fn json_with(data: &str) -> String {
    format!(
        r#"{{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":1,"exported_at":"","data":{data}}}"#
    )
}

#[test]
fn bad_backups_are_rejected_with_their_reason_and_change_nothing() {
    check_refused(vec![
        (
            "a.json",
            "{not json".to_owned(),
            Reason::NotJson(String::new()),
        ),
        (
            "a.json",
            r#"{"app":"other","plan":"lai-chau-2023","schema":1,"data":{}}"#.to_owned(),
            Reason::WrongApp("other".into()),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"ha-noi-2023","schema":1,"data":{}}"#.to_owned(),
            Reason::WrongPlan("ha-noi-2023".into()),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":9,"data":{}}"#.to_owned(),
            Reason::NewerSchema(9),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":"1","data":{}}"#.to_owned(),
            Reason::BadSchema(String::new()),
        ),
        (
            "a.json",
            r#"{"app":"lai-chau-plan","plan":"lai-chau-2023","schema":1,"data":{},"extra":1}"#
                .to_owned(),
            Reason::UnexpectedField("extra".into()),
        ),
        (
            "a.json",
            json_with(r#"{"surprise":{}}"#),
            Reason::UnexpectedField("surprise".into()),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":1e400}]}}"#,
            ),
            Reason::NotFinite,
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":null}]}}"#,
            ),
            Reason::NotFinite,
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":"52,5"}]}}"#,
            ),
            Reason::NotANumber("52,5".into()),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":152.5}]}}"#,
            ),
            Reason::Value(ParseError::OutOfRange {
                range: crate::plan::range::Bounds {
                    min: 0.0,
                    max: 100.0,
                },
                unit: crate::plan::Unit::Percent,
            }),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":5,"colour":"red"}]}}"#,
            ),
            Reason::UnexpectedField("colour".into()),
        ),
        (
            "a.json",
            json_with(
                r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":5},{"period":"Y","basis":"official","value":6}]}}"#,
            ),
            Reason::Duplicate {
                period: Period::Year,
                basis: Basis::Official,
            },
        ),
        (
            "a.json",
            json_with(r#"{"entries":{"preschool-universal":[]}}"#),
            Reason::WrongKindOfTarget("preschool-universal".into()),
        ),
        (
            "a.json",
            json_with(r#"{"prior_year":{"budget-revenue":{"Y":-5}}}"#),
            Reason::Value(ParseError::Negative),
        ),
        (
            "a.json",
            json_with(r#"{"assessments":{"preschool-universal":"great"}}"#),
            Reason::BadChoice("\"great\"".into()),
        ),
        (
            "a.json",
            json_with(r#"{"items":{"3a":{"progress":"done","owner":"x"}}}"#),
            Reason::UnexpectedField("owner".into()),
        ),
    ]);
}

proptest! {
    // Bounded so `cargo test` stays fast; failures are reported, not persisted in the tree.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn valid_entries_round_trip_through_the_backup(data in arb_entries(&plan())) {
        let json = export_json(&plan(), &data, "2023-01-01").unwrap_or_default();
        prop_assert_eq!(import_into_nothing("x.json", &json), Ok(data));
    }
}

#[test]
fn rows_about_unknown_targets_and_tasks_are_skipped_and_the_rest_imports() {
    let plan = plan();
    let file = json_with(
        r#"{"entries":{"forest-cover":[{"period":"Y","basis":"official","value":51.87}],"no-such-target":[{"period":"Y","basis":"official","value":5}]},"items":{"9z":{"progress":"done"}}}"#,
    );
    let preview = import(&plan, &Tracking::default(), "a.json", &file);
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    let skipped: Vec<&Reason> = preview.skipped.iter().map(|r| &r.reason).collect();
    assert_eq!(
        skipped,
        [
            &Reason::UnknownTarget("no-such-target".into()),
            &Reason::UnknownItem("9z".into())
        ]
    );
    assert!(preview.can_apply());
    let result = preview.apply().unwrap_or_default();
    let forest = crate::plan::TargetId("forest-cover".to_owned());
    assert_eq!(result.entries(&forest).len(), 1);
    assert_eq!(result.entries.len(), 1);
    assert!(result.items.is_empty());
}
