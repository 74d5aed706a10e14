//! Tests of the Biểu's workbook, read back by an independent reader (calamine): every target
//! once with its period, the groups as merged rows, numbers as numbers in the formats a
//! report reads, the header repeated on every printed page, page numbers in the language,
//! the tasks and the signatures.

use std::io::Cursor;

use calamine::{Data, Range as Grid, Reader, Xlsx};

use super::*;
use crate::exchange::zip::unpack;
use crate::report::fixtures::{bieu, plan};

fn bytes(lang: Lang) -> Vec<u8> {
    workbook_bytes(&bieu(lang)).expect("the workbook is written")
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("calamine opens it")
}

fn at(grid: &Grid<Data>, row: u32, col: u32) -> Data {
    grid.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn text(s: &str) -> Data {
    Data::String(s.to_owned())
}

/// The row whose column B holds `name`.
fn row_of(grid: &Grid<Data>, name: &str) -> u32 {
    let rows: Vec<u32> = (0..grid.height() as u32)
        .filter(|r| at(grid, *r, 1) == text(name))
        .collect();
    assert_eq!(rows.len(), 1, "{name} is in {} rows", rows.len());
    rows[0]
}

#[test]
fn every_target_is_in_the_sheet_once_with_its_period_and_status() {
    let plan = plan();
    let vi = bieu(Lang::Vi);
    let mut xlsx = open(bytes(Lang::Vi));
    assert_eq!(xlsx.sheet_names(), ["Bieu", "Nhiem vu"]);
    let grid = xlsx.worksheet_range("Bieu").expect("the sheet");
    let mut last = 0;
    for (target, l) in plan.targets.iter().zip(vi.lines()) {
        let row = row_of(&grid, &target.name_vi);
        assert!(row > last, "{} in plan order", target.id);
        last = row;
        assert_eq!(at(&grid, row, 0), text(&l.stt));
        let period = l.period.as_ref().map(|m| text(&m.text()));
        assert_eq!(
            Some(at(&grid, row, 6)).filter(|d| *d != Data::Empty),
            period,
            "{}",
            target.id
        );
        assert_eq!(at(&grid, row, 9), text(&l.verdict), "{}", target.id);
    }
    let budget = row_of(&grid, "Thu ngân sách trên địa bàn");
    assert_eq!(at(&grid, budget, 6), text("9 tháng · ước"));
    assert_eq!(at(&grid, budget, 10), text("ước thực hiện 9 tháng"));
    let poverty = row_of(&grid, "Mức giảm tỷ lệ hộ nghèo");
    assert_eq!(at(&grid, poverty, 2), text("điểm %"));
}

#[test]
fn groups_are_merged_rows_across_the_table() {
    let plan = plan();
    let mut xlsx = open(bytes(Lang::Vi));
    let grid = xlsx.worksheet_range("Bieu").expect("the sheet");
    let merges: Vec<((u32, u32), (u32, u32))> = xlsx
        .merge_cells_by_sheet_name("Bieu")
        .expect("merges")
        .iter()
        .map(|d| (d.start, d.end))
        .collect();
    for group in &plan.groups {
        let row = row_of(&grid, &group.name_vi);
        assert_eq!(at(&grid, row, 0), text(&format!("({})", group.number)));
        assert!(
            merges.contains(&((row, 1), (row, 10))),
            "group ({}) spans the table",
            group.number
        );
        // Its first target follows at once.
        let first = plan.targets_in(group.number).next().expect("a target");
        assert_eq!(row_of(&grid, &first.name_vi), row + 1);
    }
}

#[test]
fn numbers_are_numbers_in_the_formats_a_report_reads() {
    let mut xlsx = open(bytes(Lang::Vi));
    let grid = xlsx.worksheet_range("Bieu").expect("the sheet");
    let styles = xlsx.worksheet_style("Bieu").expect("styles");
    let format = |row: u32, col: u32| {
        styles
            .get((row, col))
            .and_then(|s| s.number_format.clone())
            .map(|f| f.format_code)
            .unwrap_or_default()
    };
    let budget = row_of(&grid, "Thu ngân sách trên địa bàn");
    for (col, value, code) in [
        (3, 2450.0, "#,##0"),
        (4, 2317.0, "#,##0"),
        (5, 1837.5, "#,##0.0"),
        (7, 0.75, "0.0%"),
        (8, 1837.5 / 1702.0, "0.0%"),
    ] {
        assert_eq!(at(&grid, budget, col), Data::Float(value), "column {col}");
        assert_eq!(format(budget, col), code, "column {col}");
    }
    let growth = row_of(&grid, "Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP)");
    assert_eq!(at(&grid, growth, 5), Data::Float(-2.77));
    assert_eq!(at(&grid, growth, 7), Data::Float(-11.77));
    assert_eq!(
        format(growth, 7),
        "+#,##0.00\" điểm %\";-#,##0.00\" điểm %\";#,##0.00\" điểm %\""
    );
    assert_eq!(at(&grid, growth, 8), text("-"));
    let underweight = row_of(&grid, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân");
    assert_eq!(at(&grid, underweight, 3), Data::Float(16.7));
    assert_eq!(format(underweight, 3), "\"< \"#,##0.0");
    let poverty = row_of(&grid, "Mức giảm tỷ lệ hộ nghèo");
    assert_eq!(at(&grid, poverty, 5), Data::Float(2.62));
    let qualitative = row_of(
        &grid,
        "Giữ vững và nâng cao chất lượng phổ cập giáo dục Mầm non cho trẻ em năm tuổi",
    );
    assert_eq!(at(&grid, qualitative, 3), text("Giữ vững"));
}

#[test]
fn it_prints_a4_landscape_with_the_header_repeated_and_page_numbers() {
    for (lang, footer) in [
        (Lang::Vi, "&amp;CTrang &amp;P/&amp;N"),
        (Lang::En, "&amp;CPage &amp;P/&amp;N"),
    ] {
        let bytes = bytes(lang);
        let sheet = unpack(&bytes)
            .into_iter()
            .find(|(name, _)| name == "xl/worksheets/sheet1.xml")
            .map(|(_, xml)| String::from_utf8(xml).expect("UTF-8"))
            .expect("the sheet's part");
        assert!(sheet.contains(r#"orientation="landscape" fitToWidth="1" fitToHeight="0""#));
        assert!(sheet.contains(footer), "{footer}");
        let mut xlsx = open(bytes);
        let grid = xlsx.worksheet_range("Bieu").expect("the sheet");
        let stt = lang.pick("STT", "No.");
        let head = (0..grid.height() as u32)
            .find(|r| at(&grid, *r, 0) == text(stt))
            .expect("the header");
        let titles = format!("'Bieu'!${}:${}", head + 1, head + 2);
        let tasks = lang.pick("'Nhiem vu'!$3:$3", "'Tasks'!$3:$3");
        assert_eq!(
            xlsx.defined_names(),
            [
                ("_xlnm.Print_Titles".to_owned(), titles),
                ("_xlnm.Print_Titles".to_owned(), tasks.to_owned())
            ]
        );
    }
}

#[test]
fn the_heading_tasks_and_signatures_are_in_the_sheet_in_english_too() {
    let en = bieu(Lang::En);
    let mut xlsx = open(bytes(Lang::En));
    let grid = xlsx.worksheet_range("Bieu").expect("the sheet");
    let tasks = xlsx.worksheet_range("Tasks").expect("the tasks' sheet");
    let all: Vec<String> = grid
        .rows()
        .chain(tasks.rows())
        .flat_map(|r| r.iter())
        .filter_map(|d| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let has = |s: &str| all.iter().any(|t| t == s);
    for expected in [
        "PEOPLE'S COMMITTEE",
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Form 01",
        en.heading.title.as_str(),
        en.headline[0].as_str(),
        "Figures for the full year 2023",
        "3.a",
        "4.e",
        "Lai Châu, 5 December 2023",
        "PREPARED BY",
        "CHAIRMAN",
        "GRDP growth rate",
    ] {
        assert!(has(expected), "{expected}");
    }
}

#[test]
fn wrapped_rows_are_tall_enough_for_their_lines() {
    assert_eq!(lines("", 10.0), 1);
    assert_eq!(lines("ab cd", 10.0), 1);
    assert_eq!(lines("abcde fghij klmno", 10.0), 2);
    assert_eq!(lines("one\ntwo", 40.0), 2);
    assert_eq!(lines(&"x".repeat(25), 10.0), 3);
    let bytes = bytes(Lang::Vi);
    let sheet = unpack(&bytes)
        .into_iter()
        .find(|(name, _)| name == "xl/worksheets/sheet1.xml")
        .map(|(_, xml)| String::from_utf8(xml).expect("UTF-8"))
        .expect("the sheet's part");
    // The longest name (three lines in 40 characters) gets a row of three lines.
    assert!(sheet.contains(&format!(r#"ht="{}" customHeight="1""#, 3.0 * LINE + 3.0)));
}
