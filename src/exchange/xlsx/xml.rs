//! The parts of the package, written as XML text: content types, relationships, document
//! properties, the workbook and each sheet; then zipped.

use super::style::Styles;
use super::{column_letters, CellRef, Fit, Footer, Orientation, Paper, Sheet, Value, Workbook};
use super::{XlsxError, MAX_COL};
use crate::exchange::zip;

pub const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DOC_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// Text made safe for XML content and attributes. Characters XML 1.0 cannot hold or would
/// not give back (controls other than tab and line feed, U+FFFE, U+FFFF; a carriage return,
/// which XML readers turn into a line feed) are written `_xHHHH_` as Office does, and a text
/// that already looks like such an escape has its underscore escaped, so that readers give
/// back exactly what was written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(c),
            '_' if looks_escaped(&text[i..]) => out.push_str("_x005F_"),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("_x{:04X}_", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `text` starts with `_xHHHH_`.
fn looks_escaped(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// A text cell's content: the text inline in the cell rather than in a shared table, which
/// keeps the writer small; the ZIP's deflate removes the repeats a shared table would.
/// Spaces at the ends (and so a text of spaces) are kept with `xml:space`.
fn inline_text(text: &str) -> String {
    let space = if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        r#" xml:space="preserve""#
    } else {
        ""
    };
    format!("<is><t{space}>{}</t></is>", escape(text))
}

/// Every part of the workbook, zipped.
pub fn package(book: &Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut styles = Styles::new();
    let sheets: Vec<String> = book
        .sheets
        .iter()
        .enumerate()
        .map(|(i, s)| sheet_xml(s, i == 0, &mut styles))
        .collect();
    let n = sheets.len();
    let mut parts: Vec<(String, String)> = vec![
        ("[Content_Types].xml".to_owned(), content_types(n)),
        ("_rels/.rels".to_owned(), root_rels()),
        ("docProps/core.xml".to_owned(), core(book)),
        ("xl/workbook.xml".to_owned(), workbook(book)),
        ("xl/_rels/workbook.xml.rels".to_owned(), workbook_rels(n)),
        ("xl/styles.xml".to_owned(), styles.xml(&book.font)),
    ];
    for (i, sheet) in sheets.into_iter().enumerate() {
        parts.push((format!("xl/worksheets/sheet{}.xml", i + 1), sheet));
    }
    let files: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(name, xml)| (name.as_str(), xml.as_bytes()))
        .collect();
    zip::write(&files).map_err(|zip::ZipError::TooLarge| XlsxError::TooLarge)
}

fn content_types(sheets: usize) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(concat!(
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    ));
    for i in 1..=sheets {
        out.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
    }
    out.push_str("</Types>");
    out
}

fn root_rels() -> String {
    format!(
        r#"{DECLARATION}<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
    )
}

/// The created time as W3CDTF ("2023-10-05T08:00:00Z"), if `iso` starts with that shape.
fn w3cdtf(iso: &str) -> Option<String> {
    let head = iso.get(..19)?;
    let shape = head.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        10 => b == b'T',
        13 | 16 => b == b':',
        _ => b.is_ascii_digit(),
    });
    shape.then(|| format!("{head}Z"))
}

fn core(book: &Workbook) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(concat!(
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#,
        r#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#,
        r#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    ));
    out.push_str(&format!(
        "<dc:title>{}</dc:title><dc:creator>{}</dc:creator>",
        escape(&book.title),
        escape(&book.creator)
    ));
    if let Some(created) = book.created.as_deref().and_then(w3cdtf) {
        out.push_str(&format!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#
        ));
    }
    out.push_str("</cp:coreProperties>");
    out
}

fn workbook(book: &Workbook) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(&format!(
        r#"<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
    ));
    for (i, s) in book.sheets.iter().enumerate() {
        out.push_str(&format!(
            r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#,
            escape(&s.name),
            i + 1,
            i + 1
        ));
    }
    out.push_str("</sheets>");
    // Rows repeated on every printed page are a name Excel defines per sheet.
    let titles: Vec<String> = book
        .sheets
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let rows = s.page.repeat_rows.as_ref()?;
            let quoted = s.name.replace('\'', "''");
            Some(format!(
                r#"<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'{}'!${}:${}</definedName>"#,
                escape(&quoted),
                u64::from(*rows.start()) + 1,
                u64::from(*rows.end()) + 1
            ))
        })
        .collect();
    if !titles.is_empty() {
        out.push_str(&format!("<definedNames>{}</definedNames>", titles.concat()));
    }
    out.push_str("</workbook>");
    out
}

fn workbook_rels(sheets: usize) -> String {
    let mut out = format!(r#"{DECLARATION}<Relationships xmlns="{PKG_RELS}">"#);
    for i in 1..=sheets {
        out.push_str(&format!(
            r#"<Relationship Id="rId{i}" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>"#
        ));
    }
    out.push_str(&format!(
        r#"<Relationship Id="rId{}" Type="{DOC_RELS}/styles" Target="styles.xml"/></Relationships>"#,
        sheets + 1
    ));
    out
}

/// One worksheet. Its elements follow the order the schema requires.
fn sheet_xml(sheet: &Sheet, first: bool, styles: &mut Styles) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(&format!(
        r#"<worksheet xmlns="{MAIN}" xmlns:r="{DOC_RELS}">"#
    ));
    if sheet.page.fit == Fit::OnePageWide {
        out.push_str(r#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#);
    }
    let last_row = sheet.rows.len().max(1) - 1;
    let last_col = sheet
        .rows
        .iter()
        .map(|r| r.cells.len())
        .max()
        .unwrap_or(1)
        .max(1)
        - 1;
    let last = CellRef::new(last_row as u32, last_col.min(usize::from(MAX_COL)) as u16);
    out.push_str(&format!(r#"<dimension ref="A1:{}"/>"#, last.a1()));
    out.push_str(&sheet_view(sheet, first));
    out.push_str(r#"<sheetFormatPr defaultRowHeight="15"/>"#);
    if !sheet.widths.is_empty() {
        out.push_str("<cols>");
        for (i, w) in sheet.widths.iter().enumerate() {
            out.push_str(&format!(
                r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
                n = i + 1
            ));
        }
        out.push_str("</cols>");
    }
    out.push_str("<sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        let mut cells = String::new();
        for (c, cell) in row.cells.iter().enumerate() {
            let style = styles.index(cell.style);
            if cell.value == Value::Empty && style == 0 {
                continue;
            }
            let at = format!("{}{}", column_letters(c as u16), r + 1);
            let s = if style == 0 {
                String::new()
            } else {
                format!(r#" s="{style}""#)
            };
            match &cell.value {
                Value::Empty => cells.push_str(&format!(r#"<c r="{at}"{s}/>"#)),
                Value::Number(v) => cells.push_str(&format!(r#"<c r="{at}"{s}><v>{v}</v></c>"#)),
                Value::Text(t) => cells.push_str(&format!(
                    r#"<c r="{at}"{s} t="inlineStr">{}</c>"#,
                    inline_text(t)
                )),
            }
        }
        let height = row
            .height
            .map(|h| format!(r#" ht="{h}" customHeight="1""#))
            .unwrap_or_default();
        if !cells.is_empty() || !height.is_empty() {
            out.push_str(&format!(r#"<row r="{}"{height}>{cells}</row>"#, r + 1));
        }
    }
    out.push_str("</sheetData>");
    if !sheet.merges.is_empty() {
        out.push_str(&format!(r#"<mergeCells count="{}">"#, sheet.merges.len()));
        for m in &sheet.merges {
            out.push_str(&format!(r#"<mergeCell ref="{}"/>"#, m.a1()));
        }
        out.push_str("</mergeCells>");
    }
    out.push_str(&page_setup(sheet));
    out.push_str("</worksheet>");
    out
}

fn sheet_view(sheet: &Sheet, first: bool) -> String {
    let selected = if first { r#" tabSelected="1""# } else { "" };
    let (rows, cols) = (sheet.freeze.rows, sheet.freeze.cols);
    if rows == 0 && cols == 0 {
        return format!(r#"<sheetViews><sheetView workbookViewId="0"{selected}/></sheetViews>"#);
    }
    let corner = CellRef::new(rows, cols).a1();
    let (split, pane) = match (rows, cols) {
        (0, c) => (format!(r#"xSplit="{c}""#), "topRight"),
        (r, 0) => (format!(r#"ySplit="{r}""#), "bottomLeft"),
        (r, c) => (format!(r#"xSplit="{c}" ySplit="{r}""#), "bottomRight"),
    };
    format!(
        r#"<sheetViews><sheetView workbookViewId="0"{selected}><pane {split} topLeftCell="{corner}" activePane="{pane}" state="frozen"/><selection pane="{pane}" activeCell="{corner}" sqref="{corner}"/></sheetView></sheetViews>"#
    )
}

fn page_setup(sheet: &Sheet) -> String {
    let page = &sheet.page;
    let m = &page.margins;
    let mut out = format!(
        r#"<printOptions horizontalCentered="1"/><pageMargins left="{}" right="{}" top="{}" bottom="{}" header="{}" footer="{}"/>"#,
        m.left, m.right, m.top, m.bottom, m.header, m.footer
    );
    let paper = match page.paper {
        Paper::A4 => 9,
        Paper::A3 => 8,
    };
    let orientation = match page.orientation {
        Orientation::Portrait => "portrait",
        Orientation::Landscape => "landscape",
    };
    let fit = match page.fit {
        Fit::ActualSize => "",
        Fit::OnePageWide => r#" fitToWidth="1" fitToHeight="0""#,
    };
    out.push_str(&format!(
        r#"<pageSetup paperSize="{paper}" orientation="{orientation}"{fit}/>"#
    ));
    if let Footer::PageOfPages { label } = &page.footer {
        // In a header or footer '&' starts a code (&C centre, &P page, &N pages): a literal one
        // is doubled.
        let label = label.replace('&', "&&");
        out.push_str(&format!(
            "<headerFooter><oddFooter>{}</oddFooter></headerFooter>",
            escape(&format!("&C{label} &P/&N"))
        ));
    }
    out
}
