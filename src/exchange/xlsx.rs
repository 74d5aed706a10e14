//! A small, typed writer of Excel workbooks (`.xlsx`, Office Open XML): named sheets of text
//! and number cells with per-cell styles, column widths, row heights, merged ranges, frozen
//! panes and a page setup for printing (paper, orientation, fit to width, rows repeated on
//! every page, margins, a footer with page numbers). Pure Rust; the only dependency is
//! `miniz_oxide`, through [`super::zip`].
//!
//! Positions are zero-based ([`CellRef`] `{ row: 0, col: 0 }` is A1). A style is a plain value
//! ([`Style`], a struct of enums); the writer collects the distinct ones into the workbook's
//! style sheet. [`Workbook::to_bytes`] checks what Excel would refuse or "repair" (a bad or
//! repeated sheet name, overlapping merges, a number that is not finite, a cell outside the
//! grid) and returns it as an [`XlsxError`] instead of a broken file.

mod page;
mod style;
mod xml;

use std::ops::RangeInclusive;

use crate::i18n::Lang;

pub use page::{Fit, Footer, Freeze, Margins, Orientation, PageSetup, Paper};
pub use style::{
    Border, Fill, Font, FontSize, Horizontal, NumberFormat, Slant, Style, Vertical, Weight, Wrap,
};

/// The media type of an `.xlsx` file, for a download.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The last row and column Excel has (zero-based): 1 048 576 rows, 16 384 columns (XFD).
const MAX_ROW: u32 = 1_048_575;
const MAX_COL: u16 = 16_383;

/// A workbook: its document properties, its default font and its sheets, in tab order.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    pub title: String,
    pub creator: String,
    /// When it was made, as an ISO 8601 time ("2023-10-05T08:00:00.000Z"); written to the
    /// document's properties when it has that shape, left out otherwise.
    pub created: Option<String>,
    /// The font of every cell; a style may change its size, weight and slant.
    pub font: Font,
    sheets: Vec<Sheet>,
}

/// One worksheet: a grid of cells, the merged ranges, the view and the page setup.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    name: String,
    /// Column widths in characters of the default font, from column A.
    widths: Vec<f64>,
    rows: Vec<Row>,
    merges: Vec<Range>,
    /// Rows and columns kept in view while the rest scrolls.
    pub freeze: Freeze,
    pub page: PageSetup,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Row {
    cells: Vec<Cell>,
    /// In points; `None` lets the reader size the row.
    height: Option<f64>,
}

/// What a cell holds and how it looks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub value: Value,
    pub style: Style,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Empty,
    Text(String),
    /// Shown through the style's [`NumberFormat`]; must be finite.
    Number(f64),
}

impl Cell {
    pub fn text(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            value: Value::Text(text.into()),
            style,
        }
    }

    pub fn number(value: f64, style: Style) -> Cell {
        Cell {
            value: Value::Number(value),
            style,
        }
    }

    /// A cell with nothing in it, drawn with its style (borders, fill).
    pub fn empty(style: Style) -> Cell {
        Cell {
            value: Value::Empty,
            style,
        }
    }
}

/// A cell's position, zero-based: `{ row: 0, col: 0 }` is A1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub row: u32,
    pub col: u16,
}

impl CellRef {
    pub const fn new(row: u32, col: u16) -> CellRef {
        CellRef { row, col }
    }

    /// The A1 name: column letters, then the row counted from 1.
    pub fn a1(self) -> String {
        format!("{}{}", column_letters(self.col), u64::from(self.row) + 1)
    }
}

/// Excel's letters for a zero-based column: 0 → A, 25 → Z, 26 → AA, 16 383 → XFD.
pub fn column_letters(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A rectangle of cells, corners included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub first: CellRef,
    pub last: CellRef,
}

impl Range {
    /// The rectangle between two corners, in either order.
    pub fn new(a: CellRef, b: CellRef) -> Range {
        Range {
            first: CellRef::new(a.row.min(b.row), a.col.min(b.col)),
            last: CellRef::new(a.row.max(b.row), a.col.max(b.col)),
        }
    }

    /// Columns `cols` of one row: a title spanning the table.
    pub fn row_span(row: u32, cols: RangeInclusive<u16>) -> Range {
        Range::new(
            CellRef::new(row, *cols.start()),
            CellRef::new(row, *cols.end()),
        )
    }

    pub fn a1(self) -> String {
        format!("{}:{}", self.first.a1(), self.last.a1())
    }

    fn overlaps(self, other: Range) -> bool {
        self.first.row <= other.last.row
            && other.first.row <= self.last.row
            && self.first.col <= other.last.col
            && other.first.col <= self.last.col
    }
}

/// Why a workbook could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XlsxError {
    NoSheet,
    /// Empty, longer than 31 characters, with one of `[]:*?/\`, or starting or ending with an
    /// apostrophe.
    BadSheetName(String),
    /// Two sheets whose names differ only in case.
    DuplicateSheet(String),
    NotFinite {
        sheet: String,
        cell: String,
    },
    OverlappingMerges {
        sheet: String,
        ranges: (String, String),
    },
    OutsideGrid {
        sheet: String,
    },
    TooLarge,
}

impl XlsxError {
    pub fn message(&self, lang: Lang) -> String {
        let vi = matches!(lang, Lang::Vi);
        let two = |v: String, e: String| if vi { v } else { e };
        match self {
            XlsxError::NoSheet => lang
                .pick(
                    "Bảng tính không có trang nào.",
                    "The workbook has no sheet.",
                )
                .to_owned(),
            XlsxError::BadSheetName(n) => two(
                format!("Tên trang không hợp lệ «{n}»."),
                format!("Invalid sheet name “{n}”."),
            ),
            XlsxError::DuplicateSheet(n) => two(
                format!("Hai trang cùng tên «{n}»."),
                format!("Two sheets are named “{n}”."),
            ),
            XlsxError::NotFinite { sheet, cell } => two(
                format!("Ô {cell} của trang «{sheet}» không phải số hữu hạn."),
                format!("Cell {cell} of sheet “{sheet}” is not a finite number."),
            ),
            XlsxError::OverlappingMerges { sheet, ranges } => two(
                format!(
                    "Trang «{sheet}»: vùng gộp {} và {} chồng nhau.",
                    ranges.0, ranges.1
                ),
                format!(
                    "Sheet “{sheet}”: merged ranges {} and {} overlap.",
                    ranges.0, ranges.1
                ),
            ),
            XlsxError::OutsideGrid { sheet } => two(
                format!("Trang «{sheet}» vượt quá số dòng hoặc cột của Excel."),
                format!("Sheet “{sheet}” goes past Excel's last row or column."),
            ),
            XlsxError::TooLarge => lang
                .pick("Bảng tính quá lớn.", "The workbook is too large.")
                .to_owned(),
        }
    }
}

impl Workbook {
    pub fn new(title: &str, creator: &str) -> Workbook {
        Workbook {
            title: title.to_owned(),
            creator: creator.to_owned(),
            created: None,
            font: Font::default(),
            sheets: Vec::new(),
        }
    }

    /// Adds a sheet after the others; refuses a name another sheet has (ignoring case, as
    /// Excel does).
    pub fn add_sheet(&mut self, sheet: Sheet) -> Result<(), XlsxError> {
        let taken = |s: &Sheet| s.name.to_lowercase() == sheet.name.to_lowercase();
        if self.sheets.iter().any(taken) {
            return Err(XlsxError::DuplicateSheet(sheet.name));
        }
        self.sheets.push(sheet);
        Ok(())
    }

    /// The `.xlsx` file.
    pub fn to_bytes(&self) -> Result<Vec<u8>, XlsxError> {
        if self.sheets.is_empty() {
            return Err(XlsxError::NoSheet);
        }
        for sheet in &self.sheets {
            sheet.check()?;
        }
        xml::package(self)
    }
}

impl Sheet {
    /// An empty sheet named `name`, with the default page setup; refuses a name Excel would.
    pub fn new(name: &str) -> Result<Sheet, XlsxError> {
        let bad = name.is_empty()
            || name.chars().count() > 31
            || name.contains(['[', ']', ':', '*', '?', '/', '\\'])
            || name.starts_with('\'')
            || name.ends_with('\'')
            || name.chars().any(char::is_control);
        if bad {
            return Err(XlsxError::BadSheetName(name.to_owned()));
        }
        Ok(Sheet {
            name: name.to_owned(),
            widths: Vec::new(),
            rows: Vec::new(),
            merges: Vec::new(),
            freeze: Freeze::default(),
            page: PageSetup::default(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Column widths from column A, in characters of the default font.
    pub fn set_widths(&mut self, widths: &[f64]) {
        self.widths = widths.to_vec();
    }

    /// The index of the first row with nothing in it after every written row.
    pub fn next_row(&self) -> u32 {
        u32::try_from(self.rows.len()).unwrap_or(u32::MAX)
    }

    /// Writes `cells` from column A into the next row; returns that row's index.
    pub fn push_row(&mut self, cells: Vec<Cell>) -> u32 {
        let row = self.next_row();
        self.row_mut(row).cells = cells;
        row
    }

    pub fn set_height(&mut self, row: u32, points: f64) {
        self.row_mut(row).height = Some(points);
    }

    pub fn set(&mut self, at: CellRef, cell: Cell) {
        let cells = &mut self.row_mut(at.row).cells;
        let col = usize::from(at.col);
        if cells.len() <= col {
            cells.resize(col + 1, Cell::default());
        }
        cells[col] = cell;
    }

    /// Merges `range` into one cell showing `cell`; every cell it covers takes `cell`'s style,
    /// so that borders and fill are drawn over the whole range.
    pub fn merge(&mut self, range: Range, cell: Cell) {
        for row in range.first.row..=range.last.row {
            for col in range.first.col..=range.last.col {
                self.set(CellRef::new(row, col), Cell::empty(cell.style));
            }
        }
        self.set(range.first, cell);
        self.merges.push(range);
    }

    fn row_mut(&mut self, row: u32) -> &mut Row {
        let index = usize::try_from(row).unwrap_or(usize::MAX);
        if self.rows.len() <= index {
            self.rows.resize(index + 1, Row::default());
        }
        &mut self.rows[index]
    }

    /// What Excel would refuse: a cell outside its grid, a number that is not finite, merged
    /// ranges that overlap.
    fn check(&self) -> Result<(), XlsxError> {
        let sheet = || self.name.clone();
        let last_col = self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        let outside = self.rows.len() > MAX_ROW as usize + 1
            || last_col > usize::from(MAX_COL) + 1
            || self.widths.len() > usize::from(MAX_COL) + 1
            || self
                .merges
                .iter()
                .any(|m| m.last.row > MAX_ROW || m.last.col > MAX_COL)
            || self.freeze.rows > MAX_ROW
            || self.freeze.cols > MAX_COL;
        if outside {
            return Err(XlsxError::OutsideGrid { sheet: sheet() });
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                if matches!(cell.value, Value::Number(v) if !v.is_finite()) {
                    let at = CellRef::new(r as u32, c as u16);
                    return Err(XlsxError::NotFinite {
                        sheet: sheet(),
                        cell: at.a1(),
                    });
                }
            }
        }
        for (i, a) in self.merges.iter().enumerate() {
            if let Some(b) = self.merges[i + 1..].iter().find(|b| a.overlaps(**b)) {
                return Err(XlsxError::OverlappingMerges {
                    sheet: sheet(),
                    ranges: (a.a1(), b.a1()),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod sample;
#[cfg(test)]
mod tests;
