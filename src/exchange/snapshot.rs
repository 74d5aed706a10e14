//! Snapshots shared by link, with no server: the figures encoded compactly, deflated and put in
//! the URL's fragment (`#/chia-se/<payload>`), which never reaches a server. Pure Rust.
//!
//! The text before compression is one record a line, fields split by tabs: a first line
//! `v1 <taken at>`; then per target `t <target id>` followed by its entries as
//! `<period><e|o> <value> <note>` (the id is not repeated, which keeps a full year short),
//! `b <target id> <value>` (the whole year before the plan), `p <target id> <period> <value>`
//! (the same period a year before), `a <target id> <assessment>`,
//! `i <item id> <progress> <note>`.
//! Tabs and newlines inside notes are replaced by spaces.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

use crate::plan::number::check_domain;
use crate::plan::{
    Assessment, Basis, Entry, ItemId, ItemProgress, Period, Plan, TargetId, Tracking,
};

/// The payload's format version, first in the decompressed text.
const VERSION: &str = "v1";
/// The most a payload may inflate to; a snapshot of a full year is far below it.
const MAX_INFLATED: usize = 1 << 20;

/// A snapshot read from a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// When the snapshot was taken, as the sender's app wrote it (ISO 8601).
    pub taken_at: String,
    pub tracking: Tracking,
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not base64url, or not deflate data: the link was cut or altered.
    Damaged,
    UnknownVersion,
    /// A line that does not fit the plan (unknown id, bad number…).
    BadRecord(String),
}

fn clean(note: &str) -> String {
    note.replace(['\t', '\n', '\r'], " ")
}

/// Encodes the figures into a link payload.
pub fn encode(tracking: &Tracking, taken_at: &str) -> String {
    let mut text = format!("{VERSION}\t{}\n", clean(taken_at));
    for (id, entries) in &tracking.entries {
        text.push_str(&format!("t\t{id}\n"));
        for e in entries {
            let basis = match e.basis {
                Basis::Estimate => 'e',
                Basis::Official => 'o',
            };
            let note = clean(&e.note);
            let note = if note.is_empty() {
                String::new()
            } else {
                format!("\t{note}")
            };
            text.push_str(&format!("{}{basis}\t{}{note}\n", e.period.code(), e.value));
        }
    }
    for (id, by_period) in &tracking.prior_year {
        for (period, value) in by_period {
            match period {
                Period::Year => text.push_str(&format!("b\t{id}\t{value}\n")),
                _ => text.push_str(&format!("p\t{id}\t{}\t{value}\n", period.code())),
            }
        }
    }
    for (id, assessment) in &tracking.assessments {
        let code = serde_json::to_value(assessment)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        text.push_str(&format!("a\t{id}\t{code}\n"));
    }
    for (id, state) in &tracking.items {
        text.push_str(&format!(
            "i\t{}\t{}\t{}\n",
            id.as_str(),
            state.progress.code(),
            clean(&state.note)
        ));
    }
    base64url(&compress_to_vec(text.as_bytes(), 9))
}

/// Reads a link payload, checking every record against the plan.
pub fn decode(plan: &Plan, payload: &str) -> Result<Snapshot, SnapshotError> {
    let bytes = unbase64url(payload).ok_or(SnapshotError::Damaged)?;
    let inflated =
        decompress_to_vec_with_limit(&bytes, MAX_INFLATED).map_err(|_| SnapshotError::Damaged)?;
    let text = String::from_utf8(inflated).map_err(|_| SnapshotError::Damaged)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    if header.first() != Some(&VERSION) {
        return Err(SnapshotError::UnknownVersion);
    }
    let mut snapshot = Snapshot {
        taken_at: header.get(1).copied().unwrap_or_default().to_owned(),
        tracking: Tracking::default(),
    };
    let mut current: Option<TargetId> = None;
    for line in lines.filter(|l| !l.is_empty()) {
        read_record(plan, line, &mut current, &mut snapshot.tracking)
            .ok_or_else(|| SnapshotError::BadRecord(line.chars().take(80).collect()))?;
    }
    snapshot
        .tracking
        .validate()
        .map_err(SnapshotError::BadRecord)?;
    Ok(snapshot)
}

fn read_record(
    plan: &Plan,
    line: &str,
    current: &mut Option<TargetId>,
    tracking: &mut Tracking,
) -> Option<()> {
    let fields: Vec<&str> = line.split('\t').collect();
    let number = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
    let numeric_target = |id: &str| {
        plan.target(id)
            .and_then(|t| t.numeric().map(|g| (t.id.clone(), g)))
    };
    match fields.as_slice() {
        ["t", id] => {
            *current = Some(numeric_target(id)?.0);
        }
        ["b", id, value] => {
            let (id, goal) = numeric_target(id)?;
            let value = number(value)?;
            check_domain(value, goal.domain, goal.unit).ok()?;
            tracking.set_baseline(&id, Some(value));
        }
        ["p", id, period, value] => {
            let (id, goal) = numeric_target(id)?;
            let value = number(value)?;
            check_domain(value, goal.domain, goal.unit).ok()?;
            tracking.set_prior(&id, period.parse().ok()?, Some(value));
        }
        ["a", id, code] => {
            let target = plan.target(id).filter(|t| t.numeric().is_none())?;
            let assessment: Assessment =
                serde_json::from_value(serde_json::Value::String((*code).to_owned())).ok()?;
            tracking.set_assessment(&TargetId(target.id.0.clone()), Some(assessment));
        }
        ["i", id, progress, note] => {
            let item = plan.items.iter().find(|i| i.id.as_str() == *id)?;
            let id = ItemId(item.id.as_str().to_owned());
            tracking.set_item_progress(&id, ItemProgress::from_code(progress)?);
            tracking.set_item_note(&id, (*note).to_owned());
        }
        // Last: an entry's first field is a period code, which no other record's tag is.
        [period_basis, value, rest @ ..] if rest.len() <= 1 => {
            let (id, goal) = numeric_target(current.as_ref()?.as_str())?;
            // The basis is the last character; splitting by character, never at a byte index,
            // so that a code ending in a multi-byte character is refused, not a panic.
            let (period, basis) = match period_basis.strip_suffix('e') {
                Some(period) => (period, Basis::Estimate),
                None => (period_basis.strip_suffix('o')?, Basis::Official),
            };
            let value = number(value)?;
            check_domain(value, goal.domain, goal.unit).ok()?;
            let note = rest.first().copied().unwrap_or_default().to_owned();
            tracking.upsert_entry(
                &id,
                Entry {
                    period: period.parse().ok()?,
                    basis,
                    value,
                    note,
                },
            );
        }
        _ => return None,
    }
    Some(())
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64 with the URL-safe alphabet and no padding, so the payload needs no escaping in a link.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    for chunk in values.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, v)| acc | (v << (18 - 6 * i)));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Measure, Period};

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
        let payload = encode(&tracking, "2023-10-05T08:00:00Z");
        let back = decode(&plan, &payload).expect("decodes");
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
        let payload = encode(&full_year(&plan), "2024-01-15T08:00:00Z");
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
            encode(&t, "2024-01-15T08:00:00Z")
        };
        assert!(one.len() < 80, "{}", one.len());
    }

    #[test]
    fn damaged_or_hostile_links_are_refused() {
        let plan = plan();
        assert_eq!(decode(&plan, "not base64!"), Err(SnapshotError::Damaged));
        assert_eq!(decode(&plan, "AAAA"), Err(SnapshotError::Damaged));
        let raw = |text: &str| base64url(&compress_to_vec(text.as_bytes(), 9));
        assert_eq!(
            decode(&plan, &raw("v9\tx\n")),
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
                matches!(decode(&plan, &raw(bad)), Err(SnapshotError::BadRecord(_))),
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
        let link = raw("v1\t\nt\tforest-cover\nM\u{e9}\t1\n");
        println!("crafted link payload: {link} ({} characters)", link.len());
        assert!(matches!(
            decode(&plan, &link),
            Err(SnapshotError::BadRecord(_))
        ));
        for code in ["\u{e9}", "Y\u{e9}", "M01\u{1f600}", "\u{1f600}", "9M\u{301}"] {
            let text = format!("v1\t\nt\tforest-cover\n{code}\t1\n");
            assert!(
                matches!(decode(&plan, &raw(&text)), Err(SnapshotError::BadRecord(_))),
                "{code:?}"
            );
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
            let payload = encode(&t, "2023-10-05T08:00:00.000Z");
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
                let _ = decode(shared_plan(), &payload);
            }

            #[test]
            fn any_base64url_payload_is_decoded_or_refused(payload in "[A-Za-z0-9_-]{0,200}") {
                let _ = decode(shared_plan(), &payload);
            }

            #[test]
            fn any_deflated_bytes_are_decoded_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
                let _ = decode(shared_plan(), &deflated(&bytes));
            }

            #[test]
            fn any_deflated_text_is_decoded_or_refused(text in "v1\t\\PC{0,20}\n(t\tforest-cover\n)?\\PC{0,200}") {
                let _ = decode(shared_plan(), &deflated(text.as_bytes()));
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
                if let Ok(snapshot) = decode(shared_plan(), &deflated(text.as_bytes())) {
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
                let _ = decode(shared_plan(), &link.into_iter().collect::<String>());
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
                let back = decode(plan, &encode(&t, "2023-10-05T08:00:00.000Z"));
                prop_assert_eq!(back.map(|s| s.tracking), Ok(t));
            }
        }
    }
}
