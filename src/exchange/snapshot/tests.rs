//! Tests of snapshot links: round trips, link length, hostile and damaged payloads, and bounded
//! property tests over arbitrary, deflated and mutated payloads.

use super::*;
use crate::plan::{Measure, Period};

/// The reader's clock in these tests: 1 June 2024, after every date the tests write.
const NOW: Moment = Moment(1_717_200_000_000);
const TAKEN: &str = "2023-10-05T08:00:00.000Z";

fn plan() -> Plan {
    Plan::embedded().expect("plan")
}

/// Every month of 2023 for every numeric target, official, with a short note on each, plus
/// baselines and all tasks: the largest snapshot a user could realistically share.
fn full_year(plan: &Plan) -> Tracking {
    let mut t = Tracking::default();
    for target in &plan.targets {
        let Some(goal) = target.numeric() else {
            continue;
        };
        for m in 1..=12u8 {
            let value = match goal.measure {
                Measure::Flow => goal.value * f64::from(m) / 12.0,
                Measure::Level => goal.value * (0.9 + f64::from(m) / 120.0),
            };
            let value = (value * 100.0).round() / 100.0;
            let entry = Entry {
                period: Period::Month(m),
                basis: Basis::Official,
                value,
                note: String::new(),
            };
            t.upsert_entry(&target.id, entry);
        }
        t.set_baseline(&target.id, Some((goal.value * 0.95 * 10.0).round() / 10.0));
    }
    for item in &plan.items {
        t.set_item_progress(&item.id, ItemProgress::InProgress);
    }
    t
}

#[test]
fn a_snapshot_round_trips_exactly() {
    let plan = plan();
    let mut tracking = full_year(&plan);
    let id = TargetId("budget-revenue".to_owned());
    let nine_months = |note: &str| Entry {
        period: Period::NINE_MONTHS,
        basis: Basis::Estimate,
        value: 1837.5,
        note: note.to_owned(),
    };
    tracking.upsert_entry(&id, nine_months("ước\ttính <b>"));
    tracking.set_assessment(
        &TargetId("preschool-universal".to_owned()),
        Some(Assessment::OnTrack),
    );
    let payload = encode(&tracking, "2023-10-05T08:00:00Z", Notes::Included);
    let back = decode(&plan, &payload, NOW).expect("decodes");
    assert_eq!(back.taken_at, "2023-10-05T08:00:00Z");
    let note = &back
        .tracking
        .entries(&id)
        .iter()
        .find(|e| e.period == Period::NINE_MONTHS)
        .expect("entry")
        .note;
    assert_eq!(note, "ước tính <b>");
    // A tab in a note travels as a space; everything else comes back as it was.
    tracking.upsert_entry(&id, nine_months("ước tính <b>"));
    assert_eq!(back.tracking, tracking);
}

#[test]
fn a_full_year_link_stays_short_enough_for_chat_apps() {
    let plan = plan();
    let payload = encode(&full_year(&plan), "2024-01-15T08:00:00Z", Notes::Left);
    // 48 targets × 12 months + baselines + 13 tasks; printed for the record, bounded here.
    println!("full-year snapshot payload: {} characters", payload.len());
    assert!(payload.len() < 4_050, "{}", payload.len());
    let one = {
        let mut t = Tracking::default();
        t.upsert_entry(
            &TargetId("forest-cover".to_owned()),
            Entry {
                period: Period::Year,
                basis: Basis::Official,
                value: 52.5,
                note: String::new(),
            },
        );
        encode(&t, "2024-01-15T08:00:00Z", Notes::Left)
    };
    println!("one-figure snapshot payload: {} characters", one.len());
    assert!(one.len() < 80, "{}", one.len());
}

#[test]
fn damaged_or_hostile_links_are_refused() {
    let plan = plan();
    assert_eq!(
        decode(&plan, "not base64!", NOW),
        Err(SnapshotError::Damaged)
    );
    assert_eq!(decode(&plan, "AAAA", NOW), Err(SnapshotError::Damaged));
    let raw = |text: &str| base64url(&compress_to_vec(text.as_bytes(), 9));
    assert_eq!(
        decode(&plan, &raw("v9\tx\n"), NOW),
        Err(SnapshotError::UnknownVersion)
    );
    for bad in [
        "v1\tt\nt\tno-such-target\nYo\t1\n",
        "v1\tt\nYo\t1\n",
        "v1\tt\nt\tforest-cover\nM13o\t1\n",
        "v1\tt\nt\tforest-cover\nYx\t1\n",
        "v1\tt\nt\tforest-cover\nYo\tNaN\n",
        "v1\tt\nt\tforest-cover\nYo\t150\n",
        "v1\tt\nt\tbudget-revenue\nYo\t-5\n",
        "v1\tt\nt\tpreschool-universal\nYo\t1\n",
        "v1\tt\nb\tforest-cover\tinf\n",
        "v1\tt\na\tforest-cover\ton-track\n",
        "v1\tt\ni\t9z\tdone\t\n",
        "v1\tt\nz\twhat\n",
    ] {
        assert!(
            matches!(
                decode(
                    &plan,
                    &raw(&bad.replacen("v1\tt", &format!("v1\t{TAKEN}"), 1)),
                    NOW
                ),
                Err(SnapshotError::BadRecord(_))
            ),
            "{bad:?}"
        );
    }
}

/// A link crafted to end a period code in a two-byte character: the decoder once sliced the
/// code at a byte index and panicked, which killed the app.
#[test]
fn a_period_code_ending_in_a_multibyte_character_is_refused() {
    let plan = plan();
    let raw = |text: &str| base64url(&compress_to_vec(text.as_bytes(), 9));
    // The link as it was found: 36 characters, no date, refused before its records now.
    let link = raw("v1\t\nt\tforest-cover\nM\u{e9}\t1\n");
    println!("crafted link payload: {link} ({} characters)", link.len());
    assert!(decode(&plan, &link, NOW).is_err());
    for code in [
        "\u{e9}",
        "Y\u{e9}",
        "M01\u{1f600}",
        "\u{1f600}",
        "9M\u{301}",
    ] {
        let text = format!("v1\t{TAKEN}\nt\tforest-cover\n{code}\t1\n");
        assert!(
            matches!(
                decode(&plan, &raw(&text), NOW),
                Err(SnapshotError::BadRecord(_))
            ),
            "{code:?}"
        );
    }
}

/// The notes of `tracking`'s entries and items, in order.
fn notes_of(tracking: &Tracking) -> Vec<String> {
    let entries = tracking.entries.values().flatten().map(|e| e.note.clone());
    let items = tracking.items.values().map(|s| s.note.clone());
    entries.chain(items).filter(|n| !n.is_empty()).collect()
}

fn with_notes() -> Tracking {
    let mut t = Tracking::default();
    t.upsert_entry(
        &TargetId("budget-revenue".to_owned()),
        Entry {
            period: Period::NINE_MONTHS,
            basis: Basis::Estimate,
            value: 1837.5,
            note: "số liệu nội bộ".to_owned(),
        },
    );
    let task = ItemId("3a".to_owned());
    t.set_item_progress(&task, ItemProgress::InProgress);
    t.set_item_note(&task, "chưa công bố".to_owned());
    t
}

/// The text inside a payload, to see what a link really carries.
fn inflate(payload: &str) -> String {
    let bytes = unbase64url(payload).unwrap_or_default();
    let text = decompress_to_vec_with_limit(&bytes, MAX_INFLATED).unwrap_or_default();
    String::from_utf8(text).unwrap_or_default()
}

#[test]
fn a_link_carries_notes_only_when_the_sender_chooses() {
    let plan = plan();
    let t = with_notes();
    let default = encode(&t, TAKEN, Notes::default());
    assert!(!inflate(&default).contains("nội bộ"));
    assert!(!inflate(&default).contains("công bố"));
    let back = decode(&plan, &default, NOW).expect("decodes");
    assert_eq!(back.notes, Notes::Left);
    assert_eq!(notes_of(&back.tracking), Vec::<String>::new());
    // The figures and the task's progress travel all the same.
    assert_eq!(back.tracking.entries, {
        let mut e = t.entries.clone();
        e.values_mut().flatten().for_each(|e| e.note.clear());
        e
    });
    let with = decode(&plan, &encode(&t, TAKEN, Notes::Included), NOW).expect("decodes");
    assert_eq!(with.notes, Notes::Included);
    assert_eq!(with.tracking, t);
}

#[test]
fn importing_a_link_without_notes_keeps_the_readers_notes() {
    let plan = plan();
    let mut mine = with_notes();
    mine.set_item_note(&ItemId("3a".to_owned()), "ghi chú của tôi".to_owned());
    let mut theirs = with_notes();
    theirs.set_item_progress(&ItemId("3a".to_owned()), ItemProgress::Done);
    let shared = decode(&plan, &encode(&theirs, TAKEN, Notes::Left), NOW).expect("decodes");
    let imported = shared.for_import(&mine);
    assert_eq!(
        imported.item(&ItemId("3a".to_owned())).note,
        "ghi chú của tôi"
    );
    assert_eq!(
        imported.item(&ItemId("3a".to_owned())).progress,
        ItemProgress::Done
    );
    assert_eq!(notes_of(&imported), notes_of(&mine));
    // Nothing of the reader's: no note at all.
    assert_eq!(
        notes_of(&shared.for_import(&Tracking::default())),
        Vec::<String>::new()
    );
    // With the notes included, the sender's notes are imported.
    let included = decode(&plan, &encode(&theirs, TAKEN, Notes::Included), NOW).expect("decodes");
    assert_eq!(included.for_import(&mine), theirs);
}

#[test]
fn a_link_made_before_the_choice_still_reads_with_its_notes() {
    let raw = |text: &str| base64url(&compress_to_vec(text.as_bytes(), 9));
    let old = raw(&format!("v1\t{TAKEN}\nt\tforest-cover\nYo\t52.5\tcũ\n"));
    let back = decode(&plan(), &old, NOW).expect("decodes");
    assert_eq!(back.notes, Notes::Included);
    assert_eq!(notes_of(&back.tracking), ["cũ"]);
}

#[test]
fn a_links_date_must_be_a_real_moment_between_adoption_and_now() {
    let plan = plan();
    let t = with_notes();
    for (taken, problem) in [
        ("2999-01-01T00:00:00.000Z", DateProblem::InTheFuture),
        ("2020-01-01T00:00:00.000Z", DateProblem::BeforeAdoption),
        ("2023-02-30T08:00:00.000Z", DateProblem::NotADate),
        ("<b>yesterday</b>", DateProblem::NotADate),
        ("", DateProblem::NotADate),
    ] {
        assert_eq!(
            decode(&plan, &encode(&t, taken, Notes::Left), NOW),
            Err(SnapshotError::BadDate(problem, taken.to_owned())),
            "{taken}"
        );
    }
    // A sender's clock a few hours ahead is tolerated.
    let ahead = "2024-06-01T12:00:00.000Z";
    assert!(decode(&plan, &encode(&t, ahead, Notes::Left), NOW).is_ok());
}

#[test]
fn every_refusal_is_said_in_both_languages() {
    let errors = [
        SnapshotError::Damaged,
        SnapshotError::UnknownVersion,
        SnapshotError::BadRecord("Mé\t1".to_owned()),
        SnapshotError::BadDate(DateProblem::NotADate, "x".to_owned()),
        SnapshotError::BadDate(DateProblem::NotADate, String::new()),
        SnapshotError::BadDate(
            DateProblem::BeforeAdoption,
            "2020-01-01T00:00:00Z".to_owned(),
        ),
        SnapshotError::BadDate(DateProblem::InTheFuture, "2999-01-01T00:00:00Z".to_owned()),
    ];
    for e in errors {
        let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{e:?}");
    }
}

#[test]
fn base64url_round_trips_every_length() {
    for len in 0..20usize {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
        assert_eq!(unbase64url(&base64url(&bytes)), Some(bytes));
    }
}

/// Bounded property tests: whatever a link holds, the decoder returns a snapshot or an
/// error, and never panics.
mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn shared_plan() -> &'static Plan {
        static PLAN: OnceLock<Plan> = OnceLock::new();
        PLAN.get_or_init(plan)
    }

    /// The text of a small valid snapshot, to mutate: the mutations reach the record parser.
    fn valid_text() -> &'static str {
        static TEXT: OnceLock<String> = OnceLock::new();
        TEXT.get_or_init(valid_text_uncached)
    }

    fn valid_text_uncached() -> String {
        let plan = shared_plan();
        let mut t = full_year(plan);
        t.set_assessment(
            &TargetId("preschool-universal".to_owned()),
            Some(Assessment::OnTrack),
        );
        t.upsert_entry(
            &TargetId("budget-revenue".to_owned()),
            Entry {
                period: Period::NINE_MONTHS,
                basis: Basis::Estimate,
                value: 1837.5,
                note: "ước tính".to_owned(),
            },
        );
        t.set_prior(
            &TargetId("budget-revenue".to_owned()),
            Period::NINE_MONTHS,
            Some(1700.0),
        );
        // A few targets are enough to hold every kind of record, and keep each case quick.
        let kept = ["budget-revenue", "forest-cover", "grdp-growth"];
        t.entries.retain(|id, _| kept.contains(&id.as_str()));
        t.prior_year.retain(|id, _| kept.contains(&id.as_str()));
        let payload = encode(&t, TAKEN, Notes::Included);
        let bytes = unbase64url(&payload).unwrap_or_default();
        let inflated = decompress_to_vec_with_limit(&bytes, MAX_INFLATED).unwrap_or_default();
        String::from_utf8(inflated).unwrap_or_default()
    }

    fn deflated(bytes: &[u8]) -> String {
        base64url(&compress_to_vec(bytes, 6))
    }

    /// A few characters a hostile link would use: multi-byte, combining, tabs, digits.
    fn nasty() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,6}",
            "[\t\nMQHYeo0-9é\u{301}\u{1f600}+-.]{0,6}",
            Just("\t".to_owned()),
            Just("\n".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_payload_text_is_decoded_or_refused(payload in "\\PC{0,120}") {
            let _ = decode(shared_plan(), &payload, NOW);
        }

        #[test]
        fn any_base64url_payload_is_decoded_or_refused(payload in "[A-Za-z0-9_-]{0,200}") {
            let _ = decode(shared_plan(), &payload, NOW);
        }

        #[test]
        fn any_deflated_bytes_are_decoded_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = decode(shared_plan(), &deflated(&bytes), NOW);
        }

        #[test]
        fn any_deflated_text_is_decoded_or_refused(text in "v1\t(2023-10-05T08:00:00.000Z|\\PC{0,20})(\tn)?\n(t\tforest-cover\n)?\\PC{0,200}") {
            let _ = decode(shared_plan(), &deflated(text.as_bytes()), NOW);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 192, failure_persistence: None, ..ProptestConfig::default() })]

        /// A valid snapshot's text with a few pieces replaced, inserted or cut, at character
        /// boundaries: every record kind sees hostile fields.
        #[test]
        fn a_mutated_valid_snapshot_is_decoded_or_refused(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..4, nasty()), 1..6)
        ) {
            let mut chars: Vec<char> = valid_text().chars().collect();
            for (at, cut, insert) in edits {
                let start = at.index(chars.len() + 1);
                let end = (start + cut).min(chars.len());
                chars.splice(start..end, insert.chars());
            }
            let text: String = chars.into_iter().collect();
            if let Ok(snapshot) = decode(shared_plan(), &deflated(text.as_bytes()), NOW) {
                prop_assert!(snapshot.tracking.validate().is_ok());
            }
        }

        /// A valid link with some of its characters changed: the damage is found or harmless.
        #[test]
        fn a_mutated_valid_link_is_decoded_or_refused(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), "[A-Za-z0-9_-]"), 1..4)
        ) {
            let mut link: Vec<char> = deflated(valid_text().as_bytes()).chars().collect();
            for (at, c) in edits {
                let i = at.index(link.len());
                link[i] = c.chars().next().unwrap_or('A');
            }
            let _ = decode(shared_plan(), &link.into_iter().collect::<String>(), NOW);
        }

        /// Whatever figures are shared come back as they were (notes without tabs).
        #[test]
        fn shared_figures_round_trip(
            rows in proptest::collection::vec((0usize..48, 0usize..19, any::<bool>(), 0u32..100_000, "[^\t\n\r]{0,12}"), 0..20)
        ) {
            let plan = shared_plan();
            let numeric: Vec<&crate::plan::Target> =
                plan.targets.iter().filter(|t| t.numeric().is_some()).collect();
            let periods = Period::all();
            let mut t = Tracking::default();
            for (target, period, official, hundredths, note) in rows {
                let target = numeric[target % numeric.len()];
                t.upsert_entry(
                    &target.id,
                    Entry {
                        period: periods[period % periods.len()],
                        basis: if official { Basis::Official } else { Basis::Estimate },
                        // 0 to 19 with two decimals: valid for every target (criteria per commune stop at 19).
                        value: f64::from(hundredths % 1_901) / 100.0,
                        note,
                    },
                );
            }
            let back = decode(plan, &encode(&t, TAKEN, Notes::Included), NOW);
            prop_assert_eq!(back.map(|s| s.tracking), Ok(t));
        }
    }
}
