//! A "Biểu" report as a provincial People's Council receives it, for the tests: a title, a
//! two-row header with "So sánh" over "% KH" and "% cùng kỳ", group rows spanning the table,
//! target rows of text, amounts and ratios, the headline count; and a second sheet of tasks.

use super::*;

const COLUMNS: u16 = 10;
const TITLE: Style = Style::PLAIN.bold().points(14).center();
const HEAD: Style = Style::PLAIN.bold().center().wrap().bordered().filled();
const GROUP: Style = Style::PLAIN.bold().bordered();
const TEXT: Style = Style::PLAIN.wrap().bordered().valign(Vertical::Center);
const MIDDLE: Style = TEXT.align(Horizontal::Center);
const AMOUNT: Style = MIDDLE
    .align(Horizontal::Right)
    .number(NumberFormat::Grouped { decimals: 1 });
const RATIO: Style = AMOUNT.number(NumberFormat::Percent { decimals: 1 });

/// One target's row: STT, name, unit, plan, 2022, this year, % of plan, % of 2022, verdict.
struct Line {
    stt: &'static str,
    name: &'static str,
    unit: &'static str,
    plan: f64,
    last_year: Option<f64>,
    actual: f64,
    verdict: &'static str,
    note: &'static str,
}

fn line_cells(l: &Line) -> Vec<Cell> {
    let optional = |v: Option<f64>| v.map_or(Cell::empty(AMOUNT), |v| Cell::number(v, AMOUNT));
    vec![
        Cell::text(l.stt, MIDDLE),
        Cell::text(l.name, TEXT),
        Cell::text(l.unit, MIDDLE),
        Cell::number(l.plan, AMOUNT),
        optional(l.last_year),
        Cell::number(l.actual, AMOUNT),
        Cell::number(l.actual / l.plan, RATIO),
        l.last_year
            .map_or(Cell::empty(RATIO), |y| Cell::number(l.actual / y, RATIO)),
        Cell::text(l.verdict, MIDDLE),
        Cell::text(l.note, TEXT.italic()),
    ]
}

/// The report: a title, a two-row header with "So sánh" over its two columns, group rows
/// spanning the table, the headline count; and a second sheet of tasks.
pub fn bieu() -> Workbook {
    report(1)
}

/// The report with its groups written `copies` times: long enough, with a few, to print on
/// several pages.
fn report(copies: usize) -> Workbook {
    let mut book = Workbook::new(
        "Kết quả thực hiện các chỉ tiêu kinh tế - xã hội năm 2023",
        "UBND tỉnh Lai Châu",
    );
    book.created = Some("2023-10-05T08:00:00.000Z".to_owned());
    let mut sheet = Sheet::new("Biểu 01").unwrap();
    sheet.set_widths(&[6.0, 44.0, 10.0, 11.0, 11.0, 11.0, 9.0, 9.0, 12.0, 20.0]);
    let last = COLUMNS - 1;
    sheet.merge(
        Range::row_span(0, 0..=last),
        Cell::text(
            "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2023",
            TITLE,
        ),
    );
    sheet.merge(
        Range::row_span(1, 0..=last),
        Cell::text(
            "(Kèm theo Báo cáo số    /BC-UBND ngày   tháng   năm 2023 của UBND tỉnh)",
            Style::PLAIN.italic().center(),
        ),
    );
    // Row 3 and 4: the header. Every column spans both rows except the two under "So sánh".
    let head = [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Kế hoạch 2023",
        "TH 2022",
        "Ước TH 9 tháng",
    ];
    for (col, title) in (0u16..).zip(head) {
        sheet.merge(
            Range::new(CellRef::new(3, col), CellRef::new(4, col)),
            Cell::text(title, HEAD),
        );
    }
    sheet.merge(Range::row_span(3, 6..=7), Cell::text("So sánh", HEAD));
    sheet.set(CellRef::new(4, 6), Cell::text("% KH", HEAD));
    sheet.set(CellRef::new(4, 7), Cell::text("% cùng kỳ", HEAD));
    for (col, title) in [(8, "Đánh giá"), (9, "Ghi chú")] {
        sheet.merge(
            Range::new(CellRef::new(3, col), CellRef::new(4, col)),
            Cell::text(title, HEAD),
        );
    }
    sheet.set_height(4, 30.0);
    let groups: [(&str, Vec<Line>); 2] = [
        (
            "I. CÁC CHỈ TIÊU KINH TẾ",
            vec![
                Line {
                    stt: "1",
                    name: "Thu ngân sách trên địa bàn",
                    unit: "tỷ đồng",
                    plan: 2450.0,
                    last_year: Some(2310.4),
                    actual: 1837.5,
                    verdict: "Đúng tiến độ",
                    note: "",
                },
                Line {
                    stt: "2",
                    name: "Tổng sản lượng lương thực có hạt",
                    unit: "nghìn tấn",
                    plan: 225.0,
                    last_year: None,
                    actual: 124.12,
                    verdict: "Chậm",
                    note: "Vụ mùa chưa thu hoạch",
                },
            ],
        ),
        (
            "II. CÁC CHỈ TIÊU VỀ MÔI TRƯỜNG",
            vec![Line {
                stt: "3",
                name: "Tỷ lệ che phủ rừng",
                unit: "%",
                plan: 52.3,
                last_year: Some(51.05),
                actual: 51.87,
                verdict: "Không đạt",
                note: "Số cả năm",
            }],
        ),
    ];
    for (title, lines) in groups.iter().cycle().take(groups.len() * copies) {
        let row = sheet.next_row();
        sheet.merge(Range::row_span(row, 0..=last), Cell::text(*title, GROUP));
        for l in lines {
            sheet.push_row(line_cells(l));
        }
    }
    let row = sheet.next_row();
    sheet.merge(
        Range::row_span(row, 0..=last),
        Cell::text(
            "Có 30/48 chỉ tiêu đạt và vượt kế hoạch",
            Style::PLAIN.bold().italic(),
        ),
    );
    sheet.freeze = Freeze { rows: 5, cols: 2 };
    sheet.page.repeat_rows = Some(3..=4);
    book.add_sheet(sheet).unwrap();

    let mut tasks = Sheet::new("Nhiệm vụ").unwrap();
    tasks.page.orientation = Orientation::Portrait;
    tasks.page.footer = Footer::None;
    tasks.page.fit = Fit::ActualSize;
    tasks.set_widths(&[6.0, 70.0, 16.0]);
    tasks.push_row(vec![
        Cell::text("STT", HEAD),
        Cell::text("Nhiệm vụ, giải pháp", HEAD),
        Cell::text("Tình hình", HEAD),
    ]);
    tasks.push_row(vec![
        Cell::text("3.a", MIDDLE),
        Cell::text("Tập trung phát triển kinh tế nông nghiệp", TEXT),
        Cell::text("Đang thực hiện", MIDDLE),
    ]);
    book.add_sheet(tasks).unwrap();
    book
}
