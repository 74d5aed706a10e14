//! The CSV for Excel: the user's figures written one row per entry, read back through the
//! importer, and the tokenizer that splits CSV text into fields.

use super::import::{check_note, check_value, Acc, Place};
use super::reason::Reason;
use super::BOM;
use crate::i18n::Lang;
use crate::plan::{Basis, Entry, Period, Plan, Target, Tracking, Unit};

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

pub(super) fn read(acc: &mut Acc, body: &str) {
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

#[cfg(test)]
mod tests;
