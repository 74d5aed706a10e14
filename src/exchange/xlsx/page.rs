//! How a sheet is viewed and printed: frozen rows and columns, paper, orientation, fit,
//! rows repeated on every page, margins and the footer.

use std::ops::RangeInclusive;

/// Rows above and columns left of the scrolling part; zero for none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Freeze {
    pub rows: u32,
    pub cols: u16,
}

/// How a sheet prints.
#[derive(Clone, Debug, PartialEq)]
pub struct PageSetup {
    pub paper: Paper,
    pub orientation: Orientation,
    pub fit: Fit,
    /// Rows printed again at the top of every page (zero-based): the table's header.
    pub repeat_rows: Option<RangeInclusive<u32>>,
    pub margins: Margins,
    pub footer: Footer,
}

impl Default for PageSetup {
    /// A4 landscape, one page wide, page numbers in the footer, no repeated rows.
    fn default() -> PageSetup {
        PageSetup {
            paper: Paper::A4,
            orientation: Orientation::Landscape,
            fit: Fit::OnePageWide,
            repeat_rows: None,
            margins: Margins::default(),
            footer: Footer::PageOfPages {
                label: "Trang".to_owned(),
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Printed at 100 %, on as many pages as it takes.
    ActualSize,
    /// Scaled down to the page's width; as many pages down as it takes.
    OnePageWide,
}

/// Page margins in inches, as the file stores them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub header: f64,
    pub footer: f64,
}

impl Default for Margins {
    /// 2 cm at the left for binding, 1.5 cm elsewhere, the footer 0.8 cm from the edge.
    fn default() -> Margins {
        const CM: f64 = 1.0 / 2.54;
        Margins {
            left: 2.0 * CM,
            right: 1.5 * CM,
            top: 1.5 * CM,
            bottom: 1.5 * CM,
            header: 0.8 * CM,
            footer: 0.8 * CM,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Footer {
    None,
    /// Centred "<label> 3/12": this page and the number of pages.
    PageOfPages {
        label: String,
    },
}
