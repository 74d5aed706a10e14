//! The "Biểu" a People's Council receives: the plan's results as one table, with the heading
//! of a provincial report, the headline counts, the tasks and solutions, the date, the place
//! and the signatures. It is made once, as data (`bieu`), from the plan and the user's figures
//! in either language; the report page prints it and `workbook` writes it as an Excel
//! workbook. Plain Rust: nothing here knows about the browser, and every text comes from here
//! or from `present`, so that the page and the workbook say the same.

pub mod bieu;
mod cells;
mod words;
pub mod workbook;

pub use bieu::{
    Bieu, Cell, Columns, Day, GroupBlock, Heading, Marker, Number, Shape, Signer, Signing,
    TargetLine, TaskLine, TaskSection, Tasks,
};
pub use workbook::{file_name, workbook, workbook_bytes};

#[cfg(test)]
mod fixtures;
