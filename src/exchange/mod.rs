//! Backup and exchange files: the JSON backup and the CSV for Excel, written from the user's
//! figures and read back through an importer that checks everything before anything changes.
//! Pure Rust: the browser only hands over the file's name and text.
//!
//! An import never changes data by itself: it returns a [`Preview`] (what would be added,
//! replaced, or rejected and why) and only a preview with no rejection can be applied, whole.
//! Importing merges: it adds and replaces figures, and never deletes one.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

use crate::i18n::{Lang, Msg};
use crate::plan::number::{check_domain, ParseError};
use crate::plan::{
    Assessment, Basis, Entry, Goal, ItemId, ItemState, Period, Plan, Target, TargetId, Tracking,
    Unit,
};
use crate::storage::schema::{migrate, APP_ID, SCHEMA_VERSION};

/// The largest file an import reads: far above a year of figures, far below a tab's memory.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The longest note kept, as the forms allow.
pub const MAX_NOTE_CHARS: usize = 2000;
/// The CSV's columns, in order. Values use a dot as the decimal mark and no grouping.
pub const CSV_COLUMNS: [&str; 7] = [
    "target_id",
    "target_name",
    "unit",
    "period",
    "value",
    "basis",
    "note",
];
const BOM: char = '\u{feff}';

/// The JSON backup: everything the user entered, with what it belongs to.
#[derive(Debug, Serialize, Deserialize)]
pub struct Backup {
    pub app: String,
    pub plan: String,
    pub schema: u32,
    pub exported_at: String,
    pub data: Tracking,
}

/// When the last export was made, and the revision of the data it held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportMark {
    pub exported_at: String,
    pub revision: u64,
}

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

/// The JSON backup of everything. Refuses data with a non-finite number, as saving does.
pub fn export_json(plan: &Plan, data: &Tracking, exported_at: &str) -> Result<String, String> {
    data.validate()?;
    let backup = Backup {
        app: APP_ID.to_owned(),
        plan: plan.id.clone(),
        schema: SCHEMA_VERSION,
        exported_at: exported_at.to_owned(),
        data: data.clone(),
    };
    serde_json::to_string_pretty(&backup).map_err(|e| e.to_string())
}

/// The CSV for Excel: UTF-8 with a BOM (so Vietnamese opens right), one row per entry, comma
/// separated, CRLF line ends, values with a dot decimal mark and no grouping.
pub fn export_csv(plan: &Plan, data: &Tracking) -> String {
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    // Plan order first, so the file reads like the resolution; unknown ids (none today) last.
    let known = plan.targets.iter().map(|t| (t.id.clone(), Some(t)));
    let unknown = data
        .entries
        .keys()
        .filter(|id| plan.target(id.as_str()).is_none())
        .map(|id| (id.clone(), None));
    for (id, target) in known.chain(unknown) {
        for entry in data.entries(&id) {
            let (name, unit) = target.map_or((String::new(), String::new()), |t: &Target| {
                let unit = t.numeric().map(|g| g.unit.label(Lang::Vi)).unwrap_or("");
                (t.name_vi.clone(), unit.to_owned())
            });
            let row = [
                id.as_str().to_owned(),
                name,
                unit,
                entry.period.code(),
                format!("{}", entry.value),
                entry.basis.code().to_owned(),
                guard_formula(&entry.note),
            ];
            let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// A text Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe, which
/// Excel hides; a text that already starts with one gets another, so that the importer can
/// always remove exactly one and give back what was written.
fn guard_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn unguard_formula(text: &str) -> String {
    text.strip_prefix('\'').unwrap_or(text).to_owned()
}

fn csv_field(field: &str) -> String {
    if field.contains([',', ';', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ')
    {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// What one imported figure would do to the current data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Replaced,
    /// The same value is already there.
    Unchanged,
}

/// What an imported row is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    Entry {
        target: TargetId,
        period: Period,
        basis: Basis,
    },
    /// A figure of the year before the plan, for one period (`Year`: the whole year).
    Prior(TargetId, Period),
    Assessment(TargetId),
    Item(ItemId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub subject: Subject,
    pub kind: ChangeKind,
}

/// Where in the file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    File,
    /// A CSV line, counted from 1 as editors do.
    Line(usize),
    /// A JSON path such as `data.entries.forest-cover[0].value`.
    Path(String),
}

impl Place {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Place::File => lang.pick("Cả tệp", "Whole file").to_owned(),
            Place::Line(n) => format!("{} {n}", lang.pick("Dòng", "Line")),
            Place::Path(p) => p.clone(),
        }
    }
}

/// Why something in a file was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotJson(String),
    /// A quoted CSV field that never ends.
    UnclosedQuote,
    WrongApp(String),
    WrongPlan(String),
    NewerSchema(u32),
    BadSchema(String),
    Missing(String),
    UnexpectedField(String),
    UnknownTarget(String),
    /// Figures for a qualitative target, or an assessment for a numeric one.
    WrongKindOfTarget(String),
    UnknownItem(String),
    WrongUnit {
        expected: String,
        found: String,
    },
    /// Text where a number belongs.
    NotANumber(String),
    NotFinite,
    /// Negative or out of the quantity's range.
    Value(ParseError),
    BadPeriod(String),
    BadBasis(String),
    BadChoice(String),
    Duplicate {
        period: Period,
        basis: Basis,
    },
    FieldCount {
        expected: usize,
        found: usize,
    },
    NoteTooLong,
}

impl Reason {
    /// The reason in the interface's language.
    pub fn message(&self, lang: Lang) -> String {
        let vi = matches!(lang, Lang::Vi);
        let two = |v: String, e: String| if vi { v } else { e };
        match self {
            Reason::TooLarge { bytes } => two(
                format!("Tệp quá lớn ({bytes} byte; tối đa 5 MB)."),
                format!("The file is too large ({bytes} bytes; at most 5 MB)."),
            ),
            Reason::Empty => lang.pick("Tệp trống.", "The file is empty.").to_owned(),
            Reason::NotJson(e) => two(
                format!("Không phải JSON hợp lệ: {e}"),
                format!("Not valid JSON: {e}"),
            ),
            Reason::UnclosedQuote => lang
                .pick("Dấu ngoặc kép không được đóng.", "A quoted field is never closed.")
                .to_owned(),
            Reason::WrongApp(a) => two(
                format!("Tệp không phải của ứng dụng này ({a:?})."),
                format!("The file is not from this app ({a:?})."),
            ),
            Reason::WrongPlan(p) => two(
                format!("Tệp thuộc kế hoạch khác ({p:?})."),
                format!("The file belongs to another plan ({p:?})."),
            ),
            Reason::NewerSchema(v) => two(
                format!("Tệp do phiên bản mới hơn tạo ra (phiên bản dữ liệu {v}); hãy cập nhật ứng dụng."),
                format!("The file was made by a newer version (data version {v}); update the app."),
            ),
            Reason::BadSchema(e) => two(
                format!("Phiên bản dữ liệu không hợp lệ: {e}"),
                format!("Invalid data version: {e}"),
            ),
            Reason::Missing(f) => two(format!("Thiếu «{f}»."), format!("“{f}” is missing.")),
            Reason::UnexpectedField(f) => two(
                format!("Trường không mong đợi «{f}»."),
                format!("Unexpected field “{f}”."),
            ),
            Reason::UnknownTarget(id) => two(
                format!("Không có chỉ tiêu mã «{id}»."),
                format!("No target has the id “{id}”."),
            ),
            Reason::WrongKindOfTarget(id) => two(
                format!("Chỉ tiêu «{id}» không nhận loại dữ liệu này."),
                format!("Target “{id}” does not take this kind of data."),
            ),
            Reason::UnknownItem(id) => two(
                format!("Không có nhiệm vụ/giải pháp mã «{id}»."),
                format!("No task or solution has the id “{id}”."),
            ),
            Reason::WrongUnit { expected, found } => two(
                format!("Sai đơn vị: «{found}», chỉ tiêu dùng «{expected}»."),
                format!("Wrong unit: “{found}”; the target uses “{expected}”."),
            ),
            Reason::NotANumber(t) => two(
                format!("«{t}» không phải một số (dùng dấu chấm thập phân, ví dụ 52.9)."),
                format!("“{t}” is not a number (use a dot decimal mark, e.g. 52.9)."),
            ),
            Reason::NotFinite => lang
                .pick("Giá trị không phải số hữu hạn.", "The value is not a finite number.")
                .to_owned(),
            Reason::Value(e) => e.message(lang),
            Reason::BadPeriod(p) => two(format!("Kỳ không hợp lệ «{p}»."), format!("Invalid period “{p}”.")),
            Reason::BadBasis(b) => two(
                format!("Loại số liệu phải là estimate hoặc official, không phải «{b}»."),
                format!("The kind of figure must be estimate or official, not “{b}”."),
            ),
            Reason::BadChoice(c) => two(format!("Giá trị không hợp lệ «{c}»."), format!("Invalid value “{c}”.")),
            Reason::Duplicate { period, basis } => two(
                format!("Kỳ {} ({}) xuất hiện hai lần trong tệp.", period.code(), basis.code()),
                format!("Period {} ({}) appears twice in the file.", period.code(), basis.code()),
            ),
            Reason::FieldCount { expected, found } => two(
                format!("Có {found} cột, cần {expected}."),
                format!("{found} columns where {expected} are expected."),
            ),
            Reason::NoteTooLong => two(
                format!("Ghi chú dài quá {MAX_NOTE_CHARS} ký tự."),
                format!("The note is longer than {MAX_NOTE_CHARS} characters."),
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    pub place: Place,
    pub reason: Reason,
}

/// What an import would do. Only a preview without rejections can be applied, and then whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub format: Format,
    pub changes: Vec<Change>,
    pub rejected: Vec<Rejection>,
    result: Tracking,
}

impl Preview {
    fn rejected(format: Format, current: &Tracking, place: Place, reason: Reason) -> Preview {
        Preview {
            format,
            changes: Vec::new(),
            rejected: vec![Rejection { place, reason }],
            result: current.clone(),
        }
    }

    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// Whether applying would change anything and nothing was rejected.
    pub fn can_apply(&self) -> bool {
        self.rejected.is_empty() && self.changes.iter().any(|c| c.kind != ChangeKind::Unchanged)
    }

    /// The data after the import, or `None` when anything was rejected: all or nothing.
    pub fn apply(&self) -> Option<Tracking> {
        self.rejected.is_empty().then(|| self.result.clone())
    }
}

/// The preview of a file too large to read, decided from its size alone.
pub fn oversized(name: &str, bytes: u64, current: &Tracking) -> Option<Preview> {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    (bytes > MAX_IMPORT_BYTES).then(|| {
        Preview::rejected(
            Format::detect(name, ""),
            current,
            Place::File,
            Reason::TooLarge { bytes },
        )
    })
}

impl Subject {
    /// What the row is about, in words: the target's name, the period and the kind of figure.
    pub fn describe(&self, plan: &Plan, lang: Lang) -> String {
        let name = |id: &TargetId| {
            plan.target(id.as_str())
                .map_or_else(|| id.to_string(), |t| t.name(lang).to_owned())
        };
        match self {
            Subject::Entry {
                target,
                period,
                basis,
            } => format!(
                "{} — {} — {}",
                name(target),
                period.label(lang),
                basis.label(lang)
            ),
            Subject::Prior(target, Period::Year) => {
                format!("{} — {}", name(target), Msg::Baseline2022.get(lang))
            }
            Subject::Prior(target, period) => format!(
                "{} — {} — {}",
                name(target),
                Msg::Baseline2022.get(lang),
                period.label(lang)
            ),
            Subject::Assessment(target) => {
                format!("{} — {}", name(target), Msg::Assessment.get(lang))
            }
            Subject::Item(id) => plan.items.iter().find(|i| i.id == *id).map_or_else(
                || id.as_str().to_owned(),
                |i| format!("{} {}", i.label(), i.title(lang)),
            ),
        }
    }
}

/// Reads an exchange file against the plan and the current data, changing nothing.
pub fn import(plan: &Plan, current: &Tracking, name: &str, content: &str) -> Preview {
    let format = Format::detect(name, content);
    if content.len() > MAX_IMPORT_BYTES {
        return Preview::rejected(
            format,
            current,
            Place::File,
            Reason::TooLarge {
                bytes: content.len(),
            },
        );
    }
    let body = content.trim_start_matches(BOM);
    if body.trim().is_empty() {
        return Preview::rejected(format, current, Place::File, Reason::Empty);
    }
    let mut acc = Acc::new(plan, current);
    match format {
        Format::Json => read_json(&mut acc, body),
        Format::Csv => read_csv(&mut acc, body),
    }
    acc.finish(format)
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

/// Collects what an import would do, row by row.
struct Acc<'a> {
    plan: &'a Plan,
    current: &'a Tracking,
    result: Tracking,
    changes: Vec<Change>,
    rejected: Vec<Rejection>,
    seen: BTreeSet<(TargetId, String, Basis)>,
}

impl<'a> Acc<'a> {
    fn new(plan: &'a Plan, current: &'a Tracking) -> Acc<'a> {
        Acc {
            plan,
            current,
            result: current.clone(),
            changes: Vec::new(),
            rejected: Vec::new(),
            seen: BTreeSet::new(),
        }
    }

    fn reject(&mut self, place: Place, reason: Reason) {
        self.rejected.push(Rejection { place, reason });
    }

    fn finish(self, format: Format) -> Preview {
        Preview {
            format,
            changes: self.changes,
            rejected: self.rejected,
            result: self.result,
        }
    }

    /// A target that takes figures, or the reason it does not.
    fn numeric_target(&self, id: &str) -> Result<&'a Target, Reason> {
        match self.plan.target(id) {
            None => Err(Reason::UnknownTarget(id.to_owned())),
            Some(t) => match &t.goal {
                Goal::Numeric(_) => Ok(t),
                Goal::Maintain => Err(Reason::WrongKindOfTarget(id.to_owned())),
            },
        }
    }

    fn add_entry(&mut self, place: Place, target: &Target, entry: Entry) {
        let key = (target.id.clone(), entry.period.code(), entry.basis);
        if !self.seen.insert(key) {
            self.reject(
                place,
                Reason::Duplicate {
                    period: entry.period,
                    basis: entry.basis,
                },
            );
            return;
        }
        let existing = self
            .current
            .entries(&target.id)
            .iter()
            .find(|e| e.period == entry.period && e.basis == entry.basis);
        let kind = match existing {
            None => ChangeKind::Added,
            Some(e) if *e == entry => ChangeKind::Unchanged,
            Some(_) => ChangeKind::Replaced,
        };
        self.changes.push(Change {
            subject: Subject::Entry {
                target: target.id.clone(),
                period: entry.period,
                basis: entry.basis,
            },
            kind,
        });
        self.result.upsert_entry(&target.id, entry);
    }

    fn record<T: PartialEq>(&mut self, subject: Subject, old: Option<T>, new: &T) {
        let kind = match old {
            None => ChangeKind::Added,
            Some(o) if o == *new => ChangeKind::Unchanged,
            Some(_) => ChangeKind::Replaced,
        };
        self.changes.push(Change { subject, kind });
    }
}

/// A figure checked against its target: finite and within the quantity's range.
fn check_value(value: f64, target: &Target) -> Result<f64, Reason> {
    if !value.is_finite() {
        return Err(Reason::NotFinite);
    }
    match target.numeric() {
        Some(goal) => check_domain(value, goal)
            .map(|()| value)
            .map_err(Reason::Value),
        None => Err(Reason::WrongKindOfTarget(target.id.to_string())),
    }
}

fn check_note(note: &str) -> Result<String, Reason> {
    if note.chars().count() > MAX_NOTE_CHARS {
        Err(Reason::NoteTooLong)
    } else {
        Ok(note.to_owned())
    }
}

// ---------------------------------------------------------------- JSON

fn read_json(acc: &mut Acc, body: &str) {
    let root: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        // serde_json refuses 1e400 rather than make it infinite; say what it is.
        Err(e) if e.to_string().contains("number out of range") => {
            return acc.reject(Place::Path(format!("line {}", e.line())), Reason::NotFinite)
        }
        Err(e) => return acc.reject(Place::File, Reason::NotJson(e.to_string())),
    };
    let Some(obj) = root.as_object() else {
        return acc.reject(Place::File, Reason::NotJson("not an object".to_owned()));
    };
    if !only_fields(
        acc,
        obj,
        &["app", "plan", "schema", "exported_at", "data"],
        "",
    ) {
        return;
    }
    match obj.get("app").and_then(Value::as_str) {
        Some(APP_ID) => {}
        Some(other) => {
            return acc.reject(Place::Path("app".into()), Reason::WrongApp(other.into()))
        }
        None => return acc.reject(Place::Path("app".into()), Reason::Missing("app".into())),
    }
    match obj.get("plan").and_then(Value::as_str) {
        Some(p) if p == acc.plan.id => {}
        Some(other) => {
            return acc.reject(Place::Path("plan".into()), Reason::WrongPlan(other.into()))
        }
        None => return acc.reject(Place::Path("plan".into()), Reason::Missing("plan".into())),
    }
    let version = match obj.get("schema").map(|v| (v.as_u64(), v)) {
        Some((Some(v), _)) if v > u64::from(SCHEMA_VERSION) => {
            let shown = u32::try_from(v).unwrap_or(u32::MAX);
            return acc.reject(Place::Path("schema".into()), Reason::NewerSchema(shown));
        }
        Some((Some(v), _)) if v >= 1 => v as u32,
        Some((_, v)) => {
            return acc.reject(
                Place::Path("schema".into()),
                Reason::BadSchema(v.to_string()),
            )
        }
        None => {
            return acc.reject(
                Place::Path("schema".into()),
                Reason::Missing("schema".into()),
            )
        }
    };
    let Some(data) = obj.get("data") else {
        return acc.reject(Place::Path("data".into()), Reason::Missing("data".into()));
    };
    let data = match migrate(version, data.clone()) {
        Ok(d) => d,
        Err(e) => {
            return acc.reject(
                Place::Path("data".into()),
                Reason::BadSchema(format!("{e:?}")),
            )
        }
    };
    let Some(data) = data.as_object() else {
        return acc.reject(
            Place::Path("data".into()),
            Reason::NotJson("not an object".into()),
        );
    };
    if !only_fields(
        acc,
        data,
        &["entries", "prior_year", "assessments", "items"],
        "data.",
    ) {
        return;
    }
    let section = |name: &str| data.get(name).map(|v| (format!("data.{name}"), v));
    if let Some((path, v)) = section("entries") {
        for_each_member(acc, &path, v, read_json_entries);
    }
    if let Some((path, v)) = section("prior_year") {
        for_each_member(acc, &path, v, read_json_prior);
    }
    if let Some((path, v)) = section("assessments") {
        for_each_member(acc, &path, v, read_json_assessment);
    }
    if let Some((path, v)) = section("items") {
        for_each_member(acc, &path, v, read_json_item);
    }
}

/// Rejects every field not in `allowed`; returns whether there was none.
fn only_fields(acc: &mut Acc, obj: &Map<String, Value>, allowed: &[&str], prefix: &str) -> bool {
    let mut clean = true;
    for key in obj.keys().filter(|k| !allowed.contains(&k.as_str())) {
        acc.reject(
            Place::Path(format!("{prefix}{key}")),
            Reason::UnexpectedField(key.clone()),
        );
        clean = false;
    }
    clean
}

fn for_each_member(
    acc: &mut Acc,
    path: &str,
    value: &Value,
    read: fn(&mut Acc, &str, &str, &Value),
) {
    match value.as_object() {
        Some(obj) => {
            for (key, v) in obj {
                read(acc, &format!("{path}.{key}"), key, v);
            }
        }
        None => acc.reject(
            Place::Path(path.to_owned()),
            Reason::NotJson("not an object".into()),
        ),
    }
}

fn json_number(v: &Value) -> Result<f64, Reason> {
    match v {
        Value::Number(n) => n.as_f64().ok_or(Reason::NotFinite),
        Value::Null => Err(Reason::NotFinite),
        other => Err(Reason::NotANumber(
            other
                .as_str()
                .map_or_else(|| other.to_string(), str::to_owned),
        )),
    }
}

fn read_json_entries(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let target = match acc.numeric_target(id) {
        Ok(t) => t,
        Err(reason) => return acc.reject(Place::Path(path.to_owned()), reason),
    };
    let Some(list) = value.as_array() else {
        return acc.reject(
            Place::Path(path.to_owned()),
            Reason::NotJson("not a list".into()),
        );
    };
    for (i, item) in list.iter().enumerate() {
        let place = Place::Path(format!("{path}[{i}]"));
        match read_json_entry(target, item) {
            Ok(entry) => acc.add_entry(place, target, entry),
            Err(reason) => acc.reject(place, reason),
        }
    }
}

fn read_json_entry(target: &Target, item: &Value) -> Result<Entry, Reason> {
    let obj = item
        .as_object()
        .ok_or_else(|| Reason::NotJson("not an object".into()))?;
    let allowed = ["period", "basis", "value", "note"];
    if let Some(extra) = obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(Reason::UnexpectedField(extra.clone()));
    }
    let text = |name: &str| -> Result<&str, Reason> {
        obj.get(name)
            .ok_or_else(|| Reason::Missing(name.to_owned()))?
            .as_str()
            .ok_or_else(|| {
                Reason::BadChoice(obj.get(name).map(Value::to_string).unwrap_or_default())
            })
    };
    let period_code = text("period")?;
    let period = period_code
        .parse::<Period>()
        .map_err(|_| Reason::BadPeriod(period_code.to_owned()))?;
    let basis_code = text("basis")?;
    let basis =
        Basis::from_code(basis_code).ok_or_else(|| Reason::BadBasis(basis_code.to_owned()))?;
    let value = json_number(
        obj.get("value")
            .ok_or_else(|| Reason::Missing("value".into()))?,
    )?;
    let value = check_value(value, target)?;
    let note = match obj.get("note") {
        None => String::new(),
        Some(Value::String(s)) => check_note(s)?,
        Some(other) => return Err(Reason::BadChoice(other.to_string())),
    };
    Ok(Entry {
        period,
        basis,
        value,
        note,
    })
}

/// One target's figures of the year before the plan: `{"Y": 25.1, "9M": 120.5}`.
fn read_json_prior(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let Some(by_period) = value.as_object() else {
        return acc.reject(
            Place::Path(path.to_owned()),
            Reason::NotJson("not an object".into()),
        );
    };
    for (code, value) in by_period {
        let place = Place::Path(format!("{path}.{code}"));
        let checked = acc.numeric_target(id).and_then(|t| {
            let period = code
                .parse::<Period>()
                .map_err(|_| Reason::BadPeriod(code.clone()))?;
            json_number(value)
                .and_then(|v| check_value(v, t))
                .map(|v| (t, period, v))
        });
        match checked {
            Ok((target, period, v)) => {
                let old = acc.current.prior(&target.id, period);
                acc.record(Subject::Prior(target.id.clone(), period), old, &v);
                acc.result.set_prior(&target.id, period, Some(v));
            }
            Err(reason) => acc.reject(place, reason),
        }
    }
}

fn read_json_assessment(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let place = Place::Path(path.to_owned());
    let target = match acc.plan.target(id) {
        None => return acc.reject(place, Reason::UnknownTarget(id.to_owned())),
        Some(t) if t.numeric().is_some() => {
            return acc.reject(place, Reason::WrongKindOfTarget(id.to_owned()))
        }
        Some(t) => t,
    };
    match serde_json::from_value::<Assessment>(value.clone()) {
        Ok(a) => {
            let old = acc.current.assessments.get(&target.id).copied();
            acc.record(Subject::Assessment(target.id.clone()), old, &a);
            acc.result.set_assessment(&target.id, Some(a));
        }
        Err(_) => acc.reject(place, Reason::BadChoice(value.to_string())),
    }
}

fn read_json_item(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let place = Place::Path(path.to_owned());
    let Some(item) = acc.plan.items.iter().find(|i| i.id.as_str() == id) else {
        return acc.reject(place, Reason::UnknownItem(id.to_owned()));
    };
    if let Some(extra) = value.as_object().and_then(|o| {
        o.keys()
            .find(|k| !["progress", "note"].contains(&k.as_str()))
    }) {
        return acc.reject(place, Reason::UnexpectedField(extra.clone()));
    }
    let state = match serde_json::from_value::<ItemState>(value.clone()) {
        Ok(s) => s,
        Err(e) => return acc.reject(place, Reason::BadChoice(e.to_string())),
    };
    if let Err(reason) = check_note(&state.note) {
        return acc.reject(place, reason);
    }
    let old = acc.current.items.get(&item.id).cloned();
    acc.record(Subject::Item(item.id.clone()), old, &state);
    acc.result.items.insert(item.id.clone(), state);
}

// ---------------------------------------------------------------- CSV

/// Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, line breaks inside
/// quotes), each row with the line it starts on.
fn parse_csv(body: &str, delimiter: char) -> Result<Vec<(usize, Vec<String>)>, usize> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut quoted = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            c if c == delimiter => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push((row_line, std::mem::take(&mut row)));
                line += 1;
                row_line = line;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(row_line);
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push((row_line, row));
    }
    // Blank lines (a trailing line end, an empty line) carry nothing.
    rows.retain(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(rows)
}

/// A CSV number: a plain decimal with a dot ("1837.5", "-2.1"); with a semicolon-separated
/// file (Excel in a Vietnamese locale) a decimal comma is read too.
fn csv_number(text: &str, delimiter: char) -> Result<f64, Reason> {
    let t = text.trim();
    let lower = t.to_lowercase();
    if lower.contains("nan") || lower.contains("inf") {
        return Err(Reason::NotFinite);
    }
    let normalized = if delimiter == ';' && !t.contains('.') {
        t.replacen(',', ".", 1)
    } else {
        t.to_owned()
    };
    let digits = normalized.strip_prefix('-').unwrap_or(&normalized);
    let plain = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    if !plain {
        return Err(Reason::NotANumber(text.to_owned()));
    }
    match normalized.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(if v == 0.0 { 0.0 } else { v }),
        Ok(_) => Err(Reason::NotFinite),
        Err(_) => Err(Reason::NotANumber(text.to_owned())),
    }
}

fn unit_matches(unit: Unit, found: &str) -> bool {
    let found = found.trim();
    found == unit.label(Lang::Vi) || found == unit.label(Lang::En)
}

fn read_csv(acc: &mut Acc, body: &str) {
    let first_line = body.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(';') && !first_line.contains(',') {
        ';'
    } else {
        ','
    };
    let rows = match parse_csv(body, delimiter) {
        Ok(rows) => rows,
        Err(line) => return acc.reject(Place::Line(line), Reason::UnclosedQuote),
    };
    let Some(((header_line, header), rows)) = rows.split_first() else {
        return acc.reject(Place::File, Reason::Empty);
    };
    let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let mut bad_header = false;
    for h in header.iter().filter(|h| !CSV_COLUMNS.contains(&h.as_str())) {
        acc.reject(
            Place::Line(*header_line),
            Reason::UnexpectedField(h.clone()),
        );
        bad_header = true;
    }
    for c in CSV_COLUMNS
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
    {
        acc.reject(Place::Line(*header_line), Reason::Missing((*c).to_owned()));
        bad_header = true;
    }
    if bad_header {
        return;
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or(0);
    let [id_c, _name_c, unit_c, period_c, value_c, basis_c, note_c] = CSV_COLUMNS.map(col);
    for (line, row) in rows {
        let place = Place::Line(*line);
        if row.len() != header.len() {
            acc.reject(
                place,
                Reason::FieldCount {
                    expected: header.len(),
                    found: row.len(),
                },
            );
            continue;
        }
        let read = || -> Result<(&Target, Entry), Reason> {
            let target = acc.numeric_target(row[id_c].trim())?;
            let unit = target
                .numeric()
                .map(|g| g.unit)
                .ok_or_else(|| Reason::WrongKindOfTarget(target.id.to_string()))?;
            if !unit_matches(unit, &row[unit_c]) {
                return Err(Reason::WrongUnit {
                    expected: unit.label(Lang::Vi).to_owned(),
                    found: row[unit_c].clone(),
                });
            }
            let code = row[period_c].trim();
            let period = code
                .parse::<Period>()
                .map_err(|_| Reason::BadPeriod(code.to_owned()))?;
            let basis_code = row[basis_c].trim();
            let basis = Basis::from_code(basis_code)
                .ok_or_else(|| Reason::BadBasis(basis_code.to_owned()))?;
            let value = check_value(csv_number(&row[value_c], delimiter)?, target)?;
            let note = check_note(&unguard_formula(&row[note_c]))?;
            Ok((
                target,
                Entry {
                    period,
                    basis,
                    value,
                    note,
                },
            ))
        };
        match read() {
            Ok((target, entry)) => acc.add_entry(place, target, entry),
            Err(reason) => acc.reject(place, reason),
        }
    }
}

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod files;
pub mod snapshot;

#[cfg(test)]
mod tests;
