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
            check_domain(value, goal).ok()?;
            tracking.set_baseline(&id, Some(value));
        }
        ["p", id, period, value] => {
            let (id, goal) = numeric_target(id)?;
            let value = number(value)?;
            check_domain(value, goal).ok()?;
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
            check_domain(value, goal).ok()?;
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
mod tests;
