//! The CSV for Excel: the user's figures written one row per entry in the interface's
//! language, read back through the importer in either language, and the tokenizer that splits
//! CSV text into fields.
//!
//! The language decides the headers and how numbers are written, as a spreadsheet in that
//! locale expects: English uses commas between fields and a decimal dot (1837.5); Vietnamese
//! uses semicolons between fields, a decimal comma and dots between thousands (1.837,5). Both
//! start with a UTF-8 byte order mark so that Excel reads the diacritics. Periods stay codes
//! (9M, Q2, Y) in both, so that a file reads back the same whatever the interface says.

use super::import::{check_note, check_value, Acc, Place};
use super::reason::Reason;
use super::BOM;
use crate::i18n::Lang;
use crate::plan::{Basis, Entry, Period, Plan, Target, Tracking, Unit};

/// A column of the CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    TargetId,
    TargetName,
    Unit,
    Period,
    Value,
    Basis,
    Note,
}

/// The columns in the order they are written.
const COLUMNS: [Column; 7] = [
    Column::TargetId,
    Column::TargetName,
    Column::Unit,
    Column::Period,
    Column::Value,
    Column::Basis,
    Column::Note,
];

impl Column {
    fn header(self, lang: Lang) -> &'static str {
        match self {
            Column::TargetId => lang.pick("Mã chỉ tiêu", "target_id"),
            Column::TargetName => lang.pick("Tên chỉ tiêu", "target_name"),
            Column::Unit => lang.pick("Đơn vị tính", "unit"),
            Column::Period => lang.pick("Kỳ báo cáo", "period"),
            Column::Value => lang.pick("Giá trị", "value"),
            Column::Basis => lang.pick("Loại số liệu", "basis"),
            Column::Note => lang.pick("Ghi chú", "note"),
        }
    }

    /// The column a header names, in either language, ignoring case and surrounding spaces.
    fn named(header: &str) -> Option<(Column, Lang)> {
        let header = header.trim().to_lowercase();
        [Lang::Vi, Lang::En].into_iter().find_map(|lang| {
            COLUMNS
                .into_iter()
                .find(|c| c.header(lang).to_lowercase() == header)
                .map(|c| (c, lang))
        })
    }
}

/// How a file writes its numbers; it goes with the delimiter, as spreadsheets pair them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Notation {
    /// Commas between fields, a decimal dot and no grouping: 1837.5.
    DecimalDot,
    /// Semicolons between fields, a decimal comma and dots between thousands: 1.837,5.
    DecimalComma,
}

impl Notation {
    fn of(lang: Lang) -> Notation {
        match lang {
            Lang::Vi => Notation::DecimalComma,
            Lang::En => Notation::DecimalDot,
        }
    }

    fn delimiter(self) -> char {
        match self {
            Notation::DecimalDot => ',',
            Notation::DecimalComma => ';',
        }
    }

    /// A file's notation, from its header line: semicolons and no comma mean a decimal comma.
    fn detect(first_line: &str) -> Notation {
        if first_line.contains(';') && !first_line.contains(',') {
            Notation::DecimalComma
        } else {
            Notation::DecimalDot
        }
    }

    /// Every digit of the value, so that it reads back to the same number: Rust's shortest
    /// decimal form that round-trips, which never uses an exponent, with this notation's marks.
    fn write(self, value: f64) -> String {
        let plain = format!("{value}");
        match self {
            Notation::DecimalDot => plain,
            Notation::DecimalComma => {
                let (sign, digits) = match plain.strip_prefix('-') {
                    Some(rest) => ("-", rest),
                    None => ("", plain.as_str()),
                };
                let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
                let mut out = String::from(sign);
                for (i, digit) in int_part.chars().enumerate() {
                    if i > 0 && (int_part.len() - i) % 3 == 0 {
                        out.push('.');
                    }
                    out.push(digit);
                }
                if !frac_part.is_empty() {
                    out.push(',');
                    out.push_str(frac_part);
                }
                out
            }
        }
    }

    /// A number in this notation: "1837.5" or "-2.1" with a decimal dot; "1.837,5", "1837,5"
    /// or "52,5" with a decimal comma, where dots must group thousands (so "52.5", which
    /// could mean either, is refused rather than guessed). No exponent, no sign but '-'.
    fn read(self, text: &str) -> Result<f64, Reason> {
        let t = text.trim();
        let lower = t.to_lowercase();
        if lower.contains("nan") || lower.contains("inf") {
            return Err(Reason::NotFinite);
        }
        let not_a_number = || match self {
            Notation::DecimalDot => Reason::NotANumber(text.to_owned()),
            Notation::DecimalComma => Reason::NotADecimalCommaNumber(text.to_owned()),
        };
        let (decimal, group) = match self {
            Notation::DecimalDot => ('.', None),
            Notation::DecimalComma => (',', Some('.')),
        };
        let (sign, unsigned) = match t.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", t),
        };
        let (int_part, frac_part) = unsigned.split_once(decimal).unwrap_or((unsigned, ""));
        let int_digits = match group {
            Some(g) if int_part.contains(g) => {
                let mut groups = int_part.split(g);
                let first = groups.next().unwrap_or_default();
                if !(1..=3).contains(&first.len()) || !groups.all(|g| g.len() == 3) {
                    return Err(not_a_number());
                }
                int_part.replace(g, "")
            }
            _ => int_part.to_owned(),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(&int_digits)
            || !all_digits(frac_part)
            || (int_digits.is_empty() && frac_part.is_empty())
        {
            return Err(not_a_number());
        }
        match format!("{sign}{int_digits}.{frac_part}").parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(if v == 0.0 { 0.0 } else { v }),
            Ok(_) => Err(Reason::NotFinite),
            Err(_) => Err(not_a_number()),
        }
    }
}

/// The CSV for Excel in `lang`: UTF-8 with a BOM, a header row, one row per entry in plan
/// order, CRLF line ends; the delimiter and the numbers as a spreadsheet in `lang` expects.
pub fn export_csv(plan: &Plan, data: &Tracking, lang: Lang) -> String {
    let notation = Notation::of(lang);
    let delimiter = notation.delimiter().to_string();
    // Fields arrive quoted where needed: texts always go through `csv_field`; a number never
    // holds its file's delimiter, and stays unquoted so that Excel sees a number.
    let line = |fields: &[String]| fields.join(&delimiter) + "\r\n";
    let mut out = String::new();
    out.push(BOM);
    out.push_str(&line(&COLUMNS.map(|c| csv_field(c.header(lang)))));
    // Plan order first, so the file reads like the resolution; unknown ids (none today) last.
    let known = plan.targets.iter().map(|t| (t.id.clone(), Some(t)));
    let unknown = data
        .entries
        .keys()
        .filter(|id| plan.target(id.as_str()).is_none())
        .map(|id| (id.clone(), None));
    for (id, target) in known.chain(unknown) {
        for entry in data.entries(&id) {
            // Names and units stay Vietnamese, as the resolution writes them; the importer
            // reads a unit in either language.
            let (name, unit) = target.map_or((String::new(), String::new()), |t: &Target| {
                let unit = t.numeric().map(|g| g.unit.label(Lang::Vi)).unwrap_or("");
                (t.name_vi.clone(), unit.to_owned())
            });
            let basis = match lang {
                Lang::Vi => entry.basis.label(lang),
                Lang::En => entry.basis.code(),
            };
            out.push_str(&line(&[
                csv_field(id.as_str()),
                csv_field(&name),
                csv_field(&unit),
                csv_field(&entry.period.code()),
                notation.write(entry.value),
                csv_field(basis),
                csv_field(&guard_formula(&entry.note)),
            ]));
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

fn unit_matches(unit: Unit, found: &str) -> bool {
    let found = found.trim();
    found == unit.label(Lang::Vi) || found == unit.label(Lang::En)
}

/// A basis by its code or its label in either language ("official", "Chính thức").
fn basis_named(text: &str) -> Option<Basis> {
    let text = text.trim();
    Basis::from_code(text).or_else(|| {
        [Basis::Estimate, Basis::Official].into_iter().find(|b| {
            [Lang::Vi, Lang::En]
                .iter()
                .any(|lang| b.label(*lang).to_lowercase() == text.to_lowercase())
        })
    })
}

/// Reads a CSV into `acc`: the header names the columns (in either language, in any order),
/// then every row is one entry.
pub(super) fn read(acc: &mut Acc, body: &str) {
    let notation = Notation::detect(body.lines().next().unwrap_or_default());
    let rows = match parse_csv(body, notation.delimiter()) {
        Ok(rows) => rows,
        Err(line) => return acc.reject(Place::Line(line), Reason::UnclosedQuote),
    };
    let Some(((header_line, header), rows)) = rows.split_first() else {
        return acc.reject(Place::File, Reason::Empty);
    };
    let named: Vec<Option<(Column, Lang)>> = header.iter().map(|h| Column::named(h)).collect();
    // Missing columns are named in the header's language.
    let lang = if named.iter().flatten().any(|(_, l)| *l == Lang::Vi) {
        Lang::Vi
    } else {
        Lang::En
    };
    let mut bad_header = false;
    for (h, _) in header.iter().zip(&named).filter(|(_, n)| n.is_none()) {
        acc.reject(
            Place::Line(*header_line),
            Reason::UnexpectedField(h.trim().to_lowercase()),
        );
        bad_header = true;
    }
    let position = |column: Column| named.iter().position(|n| n.map(|(c, _)| c) == Some(column));
    for c in COLUMNS.into_iter().filter(|c| position(*c).is_none()) {
        acc.reject(
            Place::Line(*header_line),
            Reason::Missing(c.header(lang).to_owned()),
        );
        bad_header = true;
    }
    if bad_header {
        return;
    }
    let [id_c, _name_c, unit_c, period_c, value_c, basis_c, note_c] =
        COLUMNS.map(|c| position(c).unwrap_or(0));
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
            let basis = basis_named(&row[basis_c])
                .ok_or_else(|| Reason::BadBasis(row[basis_c].trim().to_owned()))?;
            let value = check_value(notation.read(&row[value_c])?, target)?;
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
