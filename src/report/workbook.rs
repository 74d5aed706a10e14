//! The Biểu as an Excel workbook: the sheet "Bieu" laid out as the printed page — the heading,
//! the headline, the table (a two-row header repeated on every printed page, a merged row per
//! group, numbers as numbers in their formats with the period beside them), the notes on the
//! columns, the place and date and the signatures — and a second sheet of the tasks and
//! solutions with their progress, under a header of their own; both on A4 landscape, one page
//! wide, with page numbers. Rows whose text wraps are given their height here, since
//! LibreOffice does not grow them.

use crate::exchange::xlsx::{
    Cell as XCell, CellRef, Footer, Freeze, Horizontal, NumberFormat, Range, Sheet, Style,
    Vertical, Workbook, XlsxError,
};
use crate::i18n::{Lang, Msg};
use crate::plan::Plan;

use super::bieu::{Bieu, Cell, Shape, TargetLine};

/// Column widths in characters, A to K: STT, Chỉ tiêu, ĐVT, Kế hoạch, TH, figure, period,
/// % KH, % cùng kỳ, Đánh giá, Ghi chú.
const WIDTHS: [f64; 11] = [
    5.0, 40.0, 10.0, 10.0, 10.0, 11.0, 17.0, 14.0, 14.0, 12.0, 30.0,
];
const LAST: u16 = 10;
/// Points a line of 12-point text takes.
const LINE: f64 = 15.5;

const PLAIN: Style = Style::PLAIN.valign(Vertical::Center);
const CENTRE: Style = PLAIN.align(Horizontal::Center).wrap();
const BOLD_CENTRE: Style = CENTRE.bold();
const TITLE: Style = BOLD_CENTRE.points(13);
const ATTACHED: Style = CENTRE.italic();
const LEAD: Style = PLAIN.wrap().bold();
const LEAD_ITALIC: Style = PLAIN.italic();
const HEAD: Style = BOLD_CENTRE.bordered().filled();
const TEXT: Style = PLAIN.wrap().bordered();
const MIDDLE: Style = TEXT.align(Horizontal::Center);
const GROUP: Style = TEXT.bold();
const GROUP_LABEL: Style = MIDDLE.bold();
const NUMBER: Style = PLAIN.bordered().align(Horizontal::Right);
const FOOTNOTE: Style = PLAIN.wrap().italic();

/// The name of the downloaded file: "lai-chau-2023-bieu-01.xlsx".
pub fn file_name(plan: &Plan) -> String {
    format!("{}-bieu-01.xlsx", plan.id)
}

/// How many lines `text` takes in a column `width` characters wide, wrapped at spaces.
fn lines(text: &str, width: f64) -> usize {
    // A character of text is narrower than the digit a column's width counts in.
    let capacity = ((width * 1.1).floor() as usize).max(1);
    text.split('\n')
        .map(|paragraph| {
            let (mut count, mut used) = (1, 0);
            for word in paragraph.split([' ', '\u{a0}']).filter(|w| !w.is_empty()) {
                let len = word.chars().count();
                if used > 0 && used + 1 + len <= capacity {
                    used += 1 + len;
                    continue;
                }
                if used > 0 {
                    count += 1;
                }
                // The word opens a line; one longer than a line takes several.
                count += (len - 1) / capacity;
                used = (len - 1) % capacity + 1;
            }
            count
        })
        .sum()
}

/// The width of columns `first..=last`.
fn span(first: u16, last: u16) -> f64 {
    WIDTHS[usize::from(first)..=usize::from(last)].iter().sum()
}

/// Sets `row`'s height to hold the tallest of `texts` (text, first column, last column).
fn fit(sheet: &mut Sheet, row: u32, texts: &[(&str, u16, u16)]) {
    let most = texts
        .iter()
        .map(|(text, first, last)| lines(text, span(*first, *last)))
        .max()
        .unwrap_or(1)
        .max(1);
    sheet.set_height(row, most as f64 * LINE + 3.0);
}

/// Merges columns `first..=last` of `row` into one cell of `text`.
fn merged(sheet: &mut Sheet, row: u32, first: u16, last: u16, text: &str, style: Style) {
    sheet.merge(
        Range::new(CellRef::new(row, first), CellRef::new(row, last)),
        XCell::text(text, style),
    );
}

/// The number format a shape reads in.
fn format(shape: Shape) -> NumberFormat {
    match shape {
        Shape::Figure { decimals } => NumberFormat::Grouped { decimals },
        Shape::Bound { before, decimals } => NumberFormat::Worded {
            before,
            decimals,
            after: "",
            signed: false,
        },
        Shape::Ratio => NumberFormat::Percent { decimals: 1 },
        Shape::Gap { decimals, after } => NumberFormat::Worded {
            before: "",
            decimals,
            after,
            signed: true,
        },
    }
}

/// A cell of the table: its number in its format, or its text ("-", "Giữ vững") centred.
fn cell(c: &Cell) -> XCell {
    match c.number {
        Some(n) => XCell::number(n.value, NUMBER.number(format(n.shape))),
        None => XCell::text(c.text.as_str(), MIDDLE),
    }
}

fn target_row(sheet: &mut Sheet, l: &TargetLine) {
    let period = l.period.as_ref().map(|m| m.text()).unwrap_or_default();
    let notes = l.notes.join("\n");
    // Nothing at all where there is nothing to say: no empty text for a reader to trip on.
    let text = |t: &str, style: Style| {
        if t.is_empty() {
            XCell::empty(style)
        } else {
            XCell::text(t, style)
        }
    };
    let row = sheet.push_row(vec![
        XCell::text(l.stt.as_str(), MIDDLE),
        XCell::text(l.name.as_str(), TEXT),
        text(&l.unit, MIDDLE),
        cell(&l.plan),
        cell(&l.prior),
        cell(&l.value),
        text(&period, MIDDLE),
        cell(&l.of_plan),
        cell(&l.same_period),
        text(&l.verdict, MIDDLE),
        text(&notes, TEXT),
    ]);
    fit(
        sheet,
        row,
        &[
            (&l.name, 1, 1),
            (&l.unit, 2, 2),
            (&period, 6, 6),
            (&l.verdict, 9, 9),
            (&notes, 10, 10),
        ],
    );
}

/// The heading, the headline and the table's header; returns the header's first row.
fn top(sheet: &mut Sheet, bieu: &Bieu) -> u32 {
    let h = &bieu.heading;
    merged(sheet, 0, 0, 2, &h.authority[0], CENTRE);
    merged(sheet, 0, 6, LAST, &h.nation[0], BOLD_CENTRE);
    merged(sheet, 1, 0, 2, &h.authority[1], BOLD_CENTRE);
    merged(sheet, 1, 6, LAST, &h.nation[1], BOLD_CENTRE);
    merged(sheet, 3, 0, LAST, &h.form, BOLD_CENTRE);
    merged(sheet, 4, 0, LAST, &h.title, TITLE);
    fit(sheet, 4, &[(&h.title, 0, LAST)]);
    merged(sheet, 5, 0, LAST, &h.attached, ATTACHED);
    fit(sheet, 5, &[(&h.attached, 0, LAST)]);
    let mut row = 7;
    for text in &bieu.headline {
        merged(sheet, row, 0, LAST, text, LEAD);
        fit(sheet, row, &[(text, 0, LAST)]);
        row += 1;
    }
    merged(sheet, row, 0, LAST, &bieu.up_to, LEAD_ITALIC);
    let head = row + 2;
    let c = &bieu.columns;
    let whole = [
        (0, &c.stt),
        (1, &c.name),
        (2, &c.unit),
        (3, &c.plan),
        (4, &c.prior),
        (9, &c.verdict),
        (10, &c.note),
    ];
    for (col, title) in whole {
        sheet.merge(
            Range::new(CellRef::new(head, col), CellRef::new(head + 1, col)),
            XCell::text(title.as_str(), HEAD),
        );
    }
    merged(sheet, head, 5, 6, &c.actual, HEAD);
    merged(sheet, head, 7, 8, &c.compare, HEAD);
    for (col, title) in [
        (5, &c.value),
        (6, &c.period),
        (7, &c.of_plan),
        (8, &c.same_period),
    ] {
        sheet.set(
            CellRef::new(head + 1, col),
            XCell::text(title.as_str(), HEAD),
        );
    }
    fit(sheet, head, &[(&c.actual, 5, 6), (&c.plan, 3, 3)]);
    fit(sheet, head + 1, &[(&c.same_period, 8, 8)]);
    head
}

/// The notes on the columns, the place and date and the signatures, from row `row`.
fn bottom(sheet: &mut Sheet, bieu: &Bieu, mut row: u32) {
    for text in &bieu.footnotes {
        merged(sheet, row, 0, LAST, text, FOOTNOTE);
        fit(sheet, row, &[(text, 0, LAST)]);
        row += 1;
    }
    row += 1;
    let s = &bieu.signing;
    merged(sheet, row, 7, LAST, &s.place_date, CENTRE.italic());
    row += 1;
    let [left, right] = &s.signers;
    let roles = left.role.len().max(right.role.len());
    for i in 0..roles {
        let at = row + i as u32;
        if let Some(text) = left.role.get(i) {
            merged(sheet, at, 0, 2, text, BOLD_CENTRE);
        }
        if let Some(text) = right.role.get(i) {
            merged(sheet, at, 7, LAST, text, BOLD_CENTRE);
        }
    }
    row += roles as u32;
    merged(sheet, row, 0, 2, &left.hint, CENTRE.italic());
    merged(sheet, row, 7, LAST, &right.hint, CENTRE.italic());
}

/// Column widths of the tasks' sheet: STT, the task, its progress, the note.
const TASK_WIDTHS: [f64; 4] = [6.0, 70.0, 18.0, 45.0];

/// The tasks and solutions with their progress: a sheet of their own, with their own header
/// repeated on every printed page.
fn tasks_sheet(bieu: &Bieu) -> Result<Sheet, XlsxError> {
    let t = &bieu.tasks;
    let mut sheet = Sheet::new(bieu.lang.pick("Nhiem vu", "Tasks"))?;
    sheet.set_widths(&TASK_WIDTHS);
    let last = 3;
    merged(&mut sheet, 0, 0, last, &t.title, BOLD_CENTRE);
    let head = 2;
    for (col, title) in (0u16..).zip(&t.columns) {
        sheet.set(CellRef::new(head, col), XCell::text(title.as_str(), HEAD));
    }
    let tallest = t
        .columns
        .iter()
        .zip(TASK_WIDTHS)
        .map(|(title, width)| lines(title, width))
        .max()
        .unwrap_or(1);
    sheet.set_height(head, tallest as f64 * LINE + 3.0);
    let mut row = head + 1;
    for section in &t.sections {
        merged(&mut sheet, row, 0, last, &section.title, GROUP);
        row += 1;
        for l in &section.lines {
            sheet.push_row(vec![
                XCell::text(l.label.as_str(), MIDDLE),
                XCell::text(l.title.as_str(), TEXT),
                XCell::text(l.progress_text.as_str(), MIDDLE),
                XCell::text(l.note.as_str(), TEXT),
            ]);
            let most = [(&l.title, 1), (&l.note, 3)]
                .iter()
                .map(|(text, col)| lines(text, TASK_WIDTHS[*col]))
                .max()
                .unwrap_or(1);
            sheet.set_height(row, most as f64 * LINE + 3.0);
            row += 1;
        }
    }
    sheet.freeze = Freeze {
        rows: head + 1,
        cols: 0,
    };
    sheet.page.repeat_rows = Some(head..=head);
    sheet.page.footer = page_numbers(bieu.lang);
    Ok(sheet)
}

/// "Trang 3/12" in the footer of every printed page.
fn page_numbers(lang: Lang) -> Footer {
    Footer::PageOfPages {
        label: lang.pick("Trang", "Page").to_owned(),
    }
}

/// The workbook of the Biểu.
pub fn workbook(bieu: &Bieu) -> Result<Workbook, XlsxError> {
    let lang = bieu.lang;
    let mut book = Workbook::new(&bieu.heading.title, Msg::AppTitle.get(lang));
    let mut sheet = Sheet::new("Bieu")?;
    sheet.set_widths(&WIDTHS);
    let head = top(&mut sheet, bieu);
    let mut row = head + 2;
    for group in &bieu.groups {
        sheet.set(
            CellRef::new(row, 0),
            XCell::text(group.label.as_str(), GROUP_LABEL),
        );
        merged(&mut sheet, row, 1, LAST, &group.name, GROUP);
        row += 1;
        for l in &group.lines {
            target_row(&mut sheet, l);
            row += 1;
        }
    }
    bottom(&mut sheet, bieu, row + 1);
    sheet.freeze = Freeze {
        rows: head + 2,
        cols: 2,
    };
    sheet.page.repeat_rows = Some(head..=head + 1);
    sheet.page.footer = page_numbers(lang);
    book.add_sheet(sheet)?;
    book.add_sheet(tasks_sheet(bieu)?)?;
    Ok(book)
}

/// The workbook's bytes, or why it could not be written, in the Biểu's language.
pub fn workbook_bytes(bieu: &Bieu) -> Result<Vec<u8>, String> {
    let lang: Lang = bieu.lang;
    workbook(bieu)
        .and_then(|book| book.to_bytes())
        .map_err(|e| e.message(lang))
}

#[cfg(test)]
mod tests;
