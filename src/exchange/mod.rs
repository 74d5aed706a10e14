//! Files in and out of the app: the JSON backup, the CSV for Excel, the workbook, shared
//! snapshots, and the importer that checks a file before anything changes. Pure Rust except
//! `files`, the browser's side of a download or a chosen file.
//!
//! This module ties the formats together: which format a file is, what an export is called,
//! when to suggest one, and [`import`], which hands a file to its format's reader.

pub mod backup;
pub mod csv;
pub mod import;
pub mod reason;
pub mod snapshot;
pub mod xlsx;
pub mod zip;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod files;

#[cfg(test)]
mod fixtures;

use crate::plan::{Plan, Tracking};

pub use backup::export_json;
pub use csv::export_csv;
pub use import::{oversized, Change, ChangeKind, Place, Preview, Rejection, Subject};
pub use reason::Reason;

/// The byte order mark a CSV for Excel starts with, and an import ignores.
const BOM: char = '\u{feff}';

pub use crate::storage::schema::ExportMark;

/// After this many saves without an export, the app suggests one.
pub const NUDGE_AFTER_CHANGES: u64 = 20;

/// How many saves were made since the last export (all of them if there was none).
pub fn unexported_changes(mark: Option<&ExportMark>, revision: u64) -> u64 {
    revision.saturating_sub(mark.map_or(0, |m| m.revision))
}

/// Whether to suggest an export now.
pub fn should_nudge(mark: Option<&ExportMark>, revision: u64) -> bool {
    unexported_changes(mark, revision) >= NUDGE_AFTER_CHANGES
}

/// The two kinds of exchange file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The format of a chosen file: by its extension, else by its first character.
    pub fn detect(name: &str, content: &str) -> Format {
        let lower = name.to_lowercase();
        if lower.ends_with(".json") {
            Format::Json
        } else if lower.ends_with(".csv") {
            Format::Csv
        } else if content
            .trim_start_matches(BOM)
            .trim_start()
            .starts_with('{')
        {
            Format::Json
        } else {
            Format::Csv
        }
    }
}

/// The file name of an export made at `exported_at` (an ISO time): the date is enough.
pub fn file_name(plan: &Plan, format: Format, exported_at: &str) -> String {
    let date: String = exported_at.chars().take(10).collect();
    format!("{}-{date}.{}", plan.id, format.extension())
}

/// Reads an exchange file against the plan and the current data, changing nothing.
pub fn import(plan: &Plan, current: &Tracking, name: &str, content: &str) -> Preview {
    if let Some(refused) = oversized(content.len() as u64, current) {
        return refused;
    }
    let body = content.trim_start_matches(BOM);
    if body.trim().is_empty() {
        return Preview::rejected(current, Place::File, Reason::Empty);
    }
    let mut acc = import::Acc::new(plan, current);
    match Format::detect(name, content) {
        Format::Json => backup::read(&mut acc, body),
        Format::Csv => csv::read(&mut acc, body),
    }
    acc.finish()
}

/// What importing a snapshot shared by link would do to `current`: the same preview and the
/// same checks as a file, because the snapshot goes through the JSON importer as the backup file
/// it would export to. Changes nothing.
pub fn snapshot_preview(
    plan: &Plan,
    current: &Tracking,
    snapshot: &Tracking,
    taken_at: &str,
) -> Result<Preview, String> {
    let json = export_json(plan, snapshot, taken_at)?;
    Ok(import(plan, current, "snapshot.json", &json))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fixtures::plan;

    #[test]
    fn file_names_and_formats() {
        let plan = plan();
        assert_eq!(
            file_name(&plan, Format::Csv, "2023-10-05T08:00:00.000Z"),
            "lai-chau-2023-2023-10-05.csv"
        );
        assert_eq!(Format::detect("x.JSON", ""), Format::Json);
        assert_eq!(Format::detect("x", "\u{feff} {"), Format::Json);
        assert_eq!(Format::detect("x.txt", "target_id"), Format::Csv);
    }

    #[test]
    fn the_nudge_comes_after_many_unexported_changes() {
        let mark = ExportMark {
            exported_at: "2023-10-05T08:00:00Z".to_owned(),
            revision: 30,
        };
        assert_eq!(unexported_changes(None, 5), 5);
        assert!(!should_nudge(None, NUDGE_AFTER_CHANGES - 1));
        assert!(should_nudge(None, NUDGE_AFTER_CHANGES));
        assert_eq!(unexported_changes(Some(&mark), 35), 5);
        assert!(!should_nudge(Some(&mark), 30 + NUDGE_AFTER_CHANGES - 1));
        assert!(should_nudge(Some(&mark), 30 + NUDGE_AFTER_CHANGES));
        // Storage cleared since: the count starts again rather than going negative.
        assert_eq!(unexported_changes(Some(&mark), 2), 0);
    }
}
