//! Tests of the workbook writer: a "Biểu" report as a provincial People's Council receives it,
//! read back by an independent reader (calamine), every part parsed as XML, the page setup,
//! text that XML cannot hold as is, and what the writer refuses.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::sample::bieu;
use super::*;
use crate::exchange::zip::unpack;

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn text(s: &str) -> Data {
    Data::String(s.to_owned())
}

#[test]
fn a_report_reads_back_with_its_sheets_values_and_merges() {
    let mut xlsx = open(bieu().to_bytes().unwrap());
    assert_eq!(xlsx.sheet_names(), vec!["Biểu 01", "Nhiệm vụ"]);
    let range = xlsx.worksheet_range("Biểu 01").unwrap();
    let at = |row: u32, col: u32| range.get_value((row, col)).cloned().unwrap_or(Data::Empty);
    let checks = [
        (
            0,
            0,
            text("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2023"),
        ),
        (0, 1, Data::Empty),
        (3, 0, text("STT")),
        (3, 6, text("So sánh")),
        (4, 6, text("% KH")),
        (4, 7, text("% cùng kỳ")),
        (5, 0, text("I. CÁC CHỈ TIÊU KINH TẾ")),
        (6, 1, text("Thu ngân sách trên địa bàn")),
        (6, 3, Data::Float(2450.0)),
        (6, 5, Data::Float(1837.5)),
        (6, 6, Data::Float(1837.5 / 2450.0)),
        (7, 4, Data::Empty),
        (7, 9, text("Vụ mùa chưa thu hoạch")),
        (9, 5, Data::Float(51.87)),
        (9, 8, text("Không đạt")),
        (10, 0, text("Có 30/48 chỉ tiêu đạt và vượt kế hoạch")),
    ];
    for (row, col, expected) in checks {
        assert_eq!(at(row, col), expected, "row {row}, column {col}");
    }
    let mut merges: Vec<((u32, u32), (u32, u32))> = xlsx
        .merge_cells_by_sheet_name("Biểu 01")
        .unwrap()
        .iter()
        .map(|d| (d.start, d.end))
        .collect();
    merges.sort();
    let mut expected = vec![
        ((0, 0), (0, 9)),
        ((1, 0), (1, 9)),
        ((3, 6), (3, 7)),
        ((5, 0), (5, 9)),
        ((8, 0), (8, 9)),
        ((10, 0), (10, 9)),
    ];
    expected.extend([0, 1, 2, 3, 4, 5, 8, 9].map(|c| ((3, c), (4, c))));
    expected.sort();
    assert_eq!(merges, expected);
    let tasks = xlsx.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(tasks.get_value((1, 2)), Some(&text("Đang thực hiện")));
}

#[test]
fn styles_properties_and_print_titles_read_back() {
    let mut xlsx = open(bieu().to_bytes().unwrap());
    let styles = xlsx.worksheet_style("Biểu 01").unwrap();
    let style = |row: u32, col: u32| styles.get((row, col)).cloned().unwrap_or_default();

    let header = style(3, 6);
    assert!(header.font.as_ref().is_some_and(|f| f.is_bold()));
    assert!(header.fill.as_ref().is_some_and(|f| f.is_visible()));
    assert!(header.borders.as_ref().is_some_and(|b| b.left.is_visible()
        && b.right.is_visible()
        && b.top.is_visible()
        && b.bottom.is_visible()));
    let alignment = header.alignment.clone().unwrap_or_default();
    assert_eq!(alignment.horizontal, calamine::HorizontalAlignment::Center);
    assert!(alignment.wrap_text);
    // A cell a merge covers is drawn like the merge: the header's border runs under "So sánh".
    assert_eq!(style(3, 7), header);

    let title_font = style(0, 0).font.unwrap_or_default();
    assert_eq!(title_font.size, Some(14.0));
    assert_eq!(title_font.name.as_deref(), Some("Times New Roman"));
    let body_font = style(6, 1).font.unwrap_or_default();
    assert!(!body_font.is_bold());
    assert_eq!(body_font.size, Some(12.0));
    assert!(style(7, 9).font.is_some_and(|f| f.is_italic()));
    let format = |row, col| {
        style(row, col)
            .number_format
            .map(|f| f.format_code)
            .unwrap_or_default()
    };
    assert_eq!(format(6, 3), "#,##0.0");
    assert_eq!(format(6, 6), "0.0%");

    let properties = xlsx.workbook_properties().unwrap();
    assert_eq!(
        properties.title.as_deref(),
        Some("Kết quả thực hiện các chỉ tiêu kinh tế - xã hội năm 2023")
    );
    assert_eq!(properties.creator.as_deref(), Some("UBND tỉnh Lai Châu"));
    assert_eq!(properties.created.as_deref(), Some("2023-10-05T08:00:00Z"));
    assert_eq!(
        xlsx.defined_names(),
        &[(
            "_xlnm.Print_Titles".to_owned(),
            "'Biểu 01'!$4:$5".to_owned()
        )]
    );
}

/// Every part of `bytes`, by name, as text.
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    unpack(bytes)
        .into_iter()
        .map(|(name, content)| (name, String::from_utf8(content).unwrap()))
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    parts(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, xml)| xml)
        .unwrap_or_else(|| panic!("no part {name}"))
}

/// Parses `xml` to its end: one root element, every element closed by its own name.
fn check_well_formed(name: &str, xml: &str) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut depth, mut roots) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                roots += usize::from(depth == 0);
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Empty(_)) => roots += usize::from(depth == 0),
            Ok(Event::Text(t)) if depth == 0 => {
                assert!(t.trim().is_empty(), "{name}: text outside the root");
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name}: {e} at {}", reader.buffer_position()),
        }
    }
    assert_eq!((depth, roots), (0, 1), "{name}: one root, all closed");
}

#[test]
fn every_part_is_well_formed_xml_and_declared() {
    let bytes = bieu().to_bytes().unwrap();
    let parts = parts(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ]
    );
    let types = &parts[0].1;
    for (name, xml) in &parts {
        check_well_formed(name, xml);
        if name.starts_with("xl/") && !name.contains("_rels") {
            assert!(
                types.contains(&format!("PartName=\"/{name}\"")),
                "{name} is declared"
            );
        }
    }
}

#[test]
fn the_report_prints_on_a4_landscape_one_page_wide_with_page_numbers() {
    let bytes = bieu().to_bytes().unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    for expected in [
        r#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#,
        r#"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#,
        "<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>",
        r#"<pane xSplit="2" ySplit="5" topLeftCell="C6" activePane="bottomRight" state="frozen"/>"#,
        r#"<col min="2" max="2" width="44" customWidth="1"/>"#,
        r#"<row r="5" ht="30" customHeight="1">"#,
        r#"<dimension ref="A1:J11"/>"#,
    ] {
        assert!(sheet.contains(expected), "{expected} in {sheet}");
    }
    let margins = r#"<pageMargins left="0.7874015748031495" right="0.5905511811023622""#;
    assert!(
        sheet.contains(margins),
        "2 cm and 1.5 cm in inches: {sheet}"
    );
    let tasks = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(tasks.contains(r#"orientation="portrait""#));
    assert!(
        !tasks.contains("fitToPage") && !tasks.contains("headerFooter") && !tasks.contains("<pane")
    );
}

#[test]
fn any_text_comes_back_exactly() {
    let texts = [
        "  spaces at both ends  ",
        "<b>&amp; \"quotes\" 'apostrophes'</b>",
        "two\nlines\r\nand a tab\t",
        "control \u{1} \u{1b} \u{7f}",
        "looks escaped: _x0041_ and _x00e9_",
        "=SUM(A1:A3)",
        "Lai Châu — ‰ — 😀",
    ];
    let mut book = Workbook::new("t", "t");
    let mut sheet = Sheet::new("T").unwrap();
    for t in texts {
        sheet.push_row(vec![Cell::text(t, Style::PLAIN)]);
    }
    book.add_sheet(sheet).unwrap();
    let bytes = book.to_bytes().unwrap();
    for (name, xml) in parts(&bytes) {
        check_well_formed(&name, &xml);
    }
    let range = open(bytes).worksheet_range("T").unwrap();
    for (row, t) in (0u32..).zip(texts) {
        assert_eq!(range.get_value((row, 0)), Some(&text(t)), "{t:?}");
    }
}

#[test]
fn column_letters_and_a1_names() {
    let table = [
        (0, "A"),
        (25, "Z"),
        (26, "AA"),
        (51, "AZ"),
        (52, "BA"),
        (701, "ZZ"),
        (702, "AAA"),
        (16_383, "XFD"),
    ];
    for (col, letters) in table {
        assert_eq!(column_letters(col), letters);
    }
    assert_eq!(CellRef::new(9, 2).a1(), "C10");
    let range = Range::new(CellRef::new(4, 7), CellRef::new(3, 6));
    assert_eq!(range.a1(), "G4:H5", "corners in either order");
}

#[test]
fn what_excel_would_refuse_is_an_error_not_a_broken_file() {
    for name in ["", "a/b", "[x]", "x?", "'quoted'", &"x".repeat(32)] {
        assert_eq!(
            Sheet::new(name),
            Err(XlsxError::BadSheetName(name.to_owned()))
        );
    }
    assert!(
        Sheet::new(&"ư".repeat(31)).is_ok(),
        "31 characters, not bytes"
    );

    let mut book = Workbook::new("t", "t");
    assert_eq!(book.to_bytes(), Err(XlsxError::NoSheet));
    book.add_sheet(Sheet::new("Biểu").unwrap()).unwrap();
    assert_eq!(
        book.add_sheet(Sheet::new("BIỂU").unwrap()),
        Err(XlsxError::DuplicateSheet("BIỂU".to_owned()))
    );

    let mut nan = Sheet::new("N").unwrap();
    nan.set(CellRef::new(2, 3), Cell::number(f64::NAN, Style::PLAIN));
    let mut overlap = Sheet::new("O").unwrap();
    overlap.merge(Range::row_span(0, 0..=3), Cell::default());
    overlap.merge(
        Range::new(CellRef::new(0, 3), CellRef::new(1, 3)),
        Cell::default(),
    );
    let mut outside = Sheet::new("X").unwrap();
    outside.freeze.rows = MAX_ROW + 1;
    let table = [
        (
            nan,
            XlsxError::NotFinite {
                sheet: "N".into(),
                cell: "D3".into(),
            },
        ),
        (
            overlap,
            XlsxError::OverlappingMerges {
                sheet: "O".into(),
                ranges: ("A1:D1".into(), "D1:D2".into()),
            },
        ),
        (outside, XlsxError::OutsideGrid { sheet: "X".into() }),
    ];
    for (sheet, expected) in table {
        let mut book = Workbook::new("t", "t");
        book.add_sheet(sheet).unwrap();
        let got = book.to_bytes();
        assert_eq!(got, Err(expected.clone()));
        for lang in [Lang::Vi, Lang::En] {
            assert!(!expected.message(lang).is_empty());
        }
    }
}

#[test]
fn the_same_workbook_gives_the_same_bytes_and_styles_are_written_once() {
    let bytes = bieu().to_bytes().unwrap();
    assert_eq!(bieu().to_bytes().unwrap(), bytes);
    let styles = part(&bytes, "xl/styles.xml");
    // PLAIN, TITLE, the subtitle, HEAD, GROUP, MIDDLE, TEXT, AMOUNT, RATIO, the italic note, the
    // headline: eleven distinct styles, whatever the number of cells.
    assert!(styles.contains(r#"<cellXfs count="11">"#), "{styles}");
    assert!(styles.contains(r##"<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>"##), "{styles}");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(r#"<c r="A4" s="3" t="inlineStr"><is><t>STT</t></is></c>"#),
        "{sheet}"
    );
}
