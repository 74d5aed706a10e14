//! Snapshots shared by link, with no server: the figures encoded compactly, deflated and put in
//! the URL's fragment (`#/chia-se/<payload>`), which never reaches a server. Pure Rust.
//!
//! The text before compression is one record a line, fields split by tabs: a first line
//! `v1 <taken at>`, followed by `n` when the sender left the notes out; then per target
//! `t <target id>` followed by its entries as `<period><e|o> <value> <note>` (the id is not
//! repeated, which keeps a full year short), `b <target id> <value>` (the whole year before the
//! plan), `p <target id> <period> <value>` (the same period a year before),
//! `a <target id> <assessment>`, `i <item id> <progress> <note>`.
//! Tabs and newlines inside notes are replaced by spaces.
//!
//! A link is hostile input: the decoder splits by character, never at a byte index, checks every
//! figure as a typed one is checked (`number::check_domain`), and the date it says it was taken
//! (`taken_at`) before anything is shown.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

use crate::i18n::Lang;
use crate::plan::number::check_domain;
use crate::plan::{
    Assessment, Basis, Entry, ItemId, ItemProgress, Period, Plan, TargetId, Tracking,
};

mod taken_at;
pub use taken_at::{DateProblem, Moment, FUTURE_TOLERANCE_MS};

/// The payload's format version, first in the decompressed text.
const VERSION: &str = "v1";
/// The most a payload may inflate to; a snapshot of a full year is far below it.
const MAX_INFLATED: usize = 1 << 20;
/// The header's mark of a link made without the notes.
const NO_NOTES: &str = "n";

/// Whether a link carries the notes typed beside figures and tasks, which may be internal; the
/// person sharing chooses, and leaving them out is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Notes {
    #[default]
    Left,
    Included,
}

/// A snapshot read from a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// When the snapshot was taken, as the sender's app wrote it (ISO 8601), checked.
    pub taken_at: String,
    pub tracking: Tracking,
    pub notes: Notes,
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not base64url, or not deflate data: the link was cut or altered.
    Damaged,
    UnknownVersion,
    /// A line that does not fit the plan (unknown id, bad number…).
    BadRecord(String),
    /// The date it says it was taken cannot be right; the text is the link's.
    BadDate(DateProblem, String),
}

impl SnapshotError {
    /// What the reader is told instead of the snapshot.
    pub fn message(&self, lang: Lang) -> String {
        let quoted = |text: &str| {
            let short: String = text.chars().take(80).collect();
            match lang {
                Lang::Vi => format!("«{short}»"),
                Lang::En => format!("“{short}”"),
            }
        };
        match self {
            SnapshotError::Damaged => lang
                .pick(
                    "Liên kết bị hỏng hoặc không đầy đủ (có thể đã bị cắt khi sao chép). Hãy xin người gửi một liên kết mới.",
                    "The link is damaged or incomplete (it may have been cut when copied). Ask the sender for a new link.",
                )
                .to_owned(),
            SnapshotError::UnknownVersion => lang
                .pick(
                    "Liên kết do một phiên bản khác của ứng dụng tạo ra và không đọc được ở đây.",
                    "The link was made by another version of the app and cannot be read here.",
                )
                .to_owned(),
            SnapshotError::BadRecord(line) => match lang {
                Lang::Vi => format!("Liên kết chứa số liệu không khớp với kế hoạch hoặc ngoài khoảng hợp lý: {}. Không số liệu nào được hiển thị.", quoted(line)),
                Lang::En => format!("The link holds figures that do not fit the plan or are out of range: {}. No figure is shown.", quoted(line)),
            },
            SnapshotError::BadDate(DateProblem::NotADate, text) if text.trim().is_empty() => lang
                .pick(
                    "Liên kết không ghi thời điểm chụp, nên không thể biết số liệu của ngày nào. Không số liệu nào được hiển thị.",
                    "The link does not say when it was taken, so the figures' date is unknown. No figure is shown.",
                )
                .to_owned(),
            SnapshotError::BadDate(problem, text) => {
                let why = match problem {
                    DateProblem::NotADate => lang.pick("không phải một ngày giờ hợp lệ", "is not a valid date and time"),
                    DateProblem::BeforeAdoption => lang.pick(
                        "có trước ngày Nghị quyết được thông qua (09/12/2022)",
                        "is before the resolution was adopted (9 December 2022)",
                    ),
                    DateProblem::InTheFuture => lang.pick(
                        "ở tương lai (liên kết đã bị sửa, hoặc đồng hồ máy người gửi bị sai)",
                        "is in the future (the link was altered, or the sender's clock is wrong)",
                    ),
                };
                match lang {
                    Lang::Vi => format!("Thời điểm chụp ghi trong liên kết, {}, {why}. Không số liệu nào được hiển thị.", quoted(text)),
                    Lang::En => format!("The time the link says it was taken, {}, {why}. No figure is shown.", quoted(text)),
                }
            }
        }
    }
}

impl Snapshot {
    /// The figures to import into `current`. A link made without notes carries none, so the
    /// reader's own notes stay where they are: importing it never erases a note.
    pub fn for_import(&self, current: &Tracking) -> Tracking {
        let mut shared = self.tracking.clone();
        if self.notes == Notes::Included {
            return shared;
        }
        for (id, entries) in &mut shared.entries {
            for e in entries.iter_mut() {
                e.note = current
                    .entries(id)
                    .iter()
                    .find(|own| own.period == e.period && own.basis == e.basis)
                    .map(|own| own.note.clone())
                    .unwrap_or_default();
            }
        }
        for (id, state) in &mut shared.items {
            state.note = current
                .items
                .get(id)
                .map(|own| own.note.clone())
                .unwrap_or_default();
        }
        shared
    }
}

fn clean(note: &str) -> String {
    note.replace(['\t', '\n', '\r'], " ")
}

/// Encodes the figures into a link payload, with their notes only if `notes` says so.
pub fn encode(tracking: &Tracking, taken_at: &str, notes: Notes) -> String {
    let mut text = format!("{VERSION}\t{}", clean(taken_at));
    if notes == Notes::Left {
        text.push('\t');
        text.push_str(NO_NOTES);
    }
    text.push('\n');
    let note_of = |note: &str| match notes {
        Notes::Included => clean(note),
        Notes::Left => String::new(),
    };
    for (id, entries) in &tracking.entries {
        text.push_str(&format!("t\t{id}\n"));
        for e in entries {
            let basis = match e.basis {
                Basis::Estimate => 'e',
                Basis::Official => 'o',
            };
            let note = note_of(&e.note);
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
            note_of(&state.note)
        ));
    }
    base64url(&compress_to_vec(text.as_bytes(), 9))
}

/// Reads a link payload, checking every record against the plan and its date against the
/// plan's adoption and `now` (the reader's clock).
pub fn decode(plan: &Plan, payload: &str, now: Moment) -> Result<Snapshot, SnapshotError> {
    let bytes = unbase64url(payload).ok_or(SnapshotError::Damaged)?;
    let inflated =
        decompress_to_vec_with_limit(&bytes, MAX_INFLATED).map_err(|_| SnapshotError::Damaged)?;
    let text = String::from_utf8(inflated).map_err(|_| SnapshotError::Damaged)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    if header.first() != Some(&VERSION) {
        return Err(SnapshotError::UnknownVersion);
    }
    let taken_at = header.get(1).copied().unwrap_or_default().to_owned();
    taken_at::check(&taken_at, &plan.adopted, now)
        .map_err(|problem| SnapshotError::BadDate(problem, taken_at.clone()))?;
    // Links made before the choice existed carry their notes and no mark.
    let notes = if header.get(2) == Some(&NO_NOTES) {
        Notes::Left
    } else {
        Notes::Included
    };
    let mut snapshot = Snapshot {
        taken_at,
        tracking: Tracking::default(),
        notes,
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
