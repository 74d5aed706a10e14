//! How a cell looks: [`Style`], a small struct of enums, and the workbook's [`Font`]; and how
//! the distinct styles the cells use become the workbook's style sheet (`xl/styles.xml`), each
//! a cell format (`xf`) pointing at a font, a fill, a border and a number format, every one
//! written once.

use super::xml::{escape, DECLARATION};

/// A font family and its size in points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Font {
    pub family: String,
    pub size: u8,
}

impl Default for Font {
    /// Times New Roman 12: the face and size of Vietnamese administrative documents.
    fn default() -> Font {
        Font {
            family: "Times New Roman".to_owned(),
            size: 12,
        }
    }
}

/// How a cell looks. `Style::PLAIN` (the default) is the workbook's font, no border, no fill,
/// general alignment and number format; the `const` methods change one aspect each:
/// `Style::PLAIN.bold().center().bordered()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Style {
    pub weight: Weight,
    pub slant: Slant,
    pub size: FontSize,
    pub horizontal: Horizontal,
    pub vertical: Vertical,
    pub wrap: Wrap,
    pub border: Border,
    pub fill: Fill,
    pub number: NumberFormat,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Weight {
    #[default]
    Normal,
    Bold,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Slant {
    #[default]
    Upright,
    Italic,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FontSize {
    /// The workbook's font size.
    #[default]
    Normal,
    Points(u8),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Horizontal {
    /// Text to the left, numbers to the right.
    #[default]
    General,
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Vertical {
    #[default]
    Bottom,
    Center,
    Top,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Wrap {
    #[default]
    NoWrap,
    /// Long text breaks into lines within the column's width.
    Wrap,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Border {
    #[default]
    None,
    /// A thin black line on all four sides.
    Thin,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Fill {
    #[default]
    None,
    /// A light grey that prints well in black and white: for header rows.
    Light,
}

/// How a number is shown. The file holds format codes Excel reads in every locale: a reader
/// in Vietnamese sees `#,##0.0` as 1.837,5 and an English one as 1,837.5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NumberFormat {
    #[default]
    General,
    /// A fixed number of decimals, no grouping: `0.00`.
    Fixed { decimals: u8 },
    /// Thousands grouped, a fixed number of decimals: `#,##0.0`.
    Grouped { decimals: u8 },
    /// A ratio shown as a percentage (0.952 as 95.2%): `0.0%`.
    Percent { decimals: u8 },
}

impl Style {
    pub const PLAIN: Style = Style {
        weight: Weight::Normal,
        slant: Slant::Upright,
        size: FontSize::Normal,
        horizontal: Horizontal::General,
        vertical: Vertical::Bottom,
        wrap: Wrap::NoWrap,
        border: Border::None,
        fill: Fill::None,
        number: NumberFormat::General,
    };

    pub const fn bold(self) -> Style {
        Style {
            weight: Weight::Bold,
            ..self
        }
    }

    pub const fn italic(self) -> Style {
        Style {
            slant: Slant::Italic,
            ..self
        }
    }

    pub const fn points(self, size: u8) -> Style {
        Style {
            size: FontSize::Points(size),
            ..self
        }
    }

    pub const fn align(self, horizontal: Horizontal) -> Style {
        Style { horizontal, ..self }
    }

    pub const fn valign(self, vertical: Vertical) -> Style {
        Style { vertical, ..self }
    }

    /// Centred both ways: the usual header cell.
    pub const fn center(self) -> Style {
        self.align(Horizontal::Center).valign(Vertical::Center)
    }

    pub const fn wrap(self) -> Style {
        Style {
            wrap: Wrap::Wrap,
            ..self
        }
    }

    pub const fn bordered(self) -> Style {
        Style {
            border: Border::Thin,
            ..self
        }
    }

    pub const fn filled(self) -> Style {
        Style {
            fill: Fill::Light,
            ..self
        }
    }

    pub const fn number(self, number: NumberFormat) -> Style {
        Style { number, ..self }
    }
}

/// The first id a workbook may give its own number formats; lower ids are Excel's built-ins.
const FIRST_CUSTOM_FORMAT: usize = 164;
/// The light fill's colour: "white, darker 15%" in Excel's palette.
const LIGHT_FILL: &str = "FFD9D9D9";

/// The distinct styles of a workbook, in the order the cells first use them; index 0 is
/// [`Style::PLAIN`], the style of a cell that names none.
pub struct Styles {
    styles: Vec<Style>,
}

impl Styles {
    pub fn new() -> Styles {
        Styles {
            styles: vec![Style::PLAIN],
        }
    }

    /// The index of `style` in the cell formats, added on first use.
    pub fn index(&mut self, style: Style) -> usize {
        match self.styles.iter().position(|s| *s == style) {
            Some(i) => i,
            None => {
                self.styles.push(style);
                self.styles.len() - 1
            }
        }
    }

    /// `xl/styles.xml`.
    pub fn xml(&self, font: &Font) -> String {
        let fonts = distinct(self.styles.iter().map(|s| (s.weight, s.slant, s.size)));
        let formats = distinct(
            self.styles
                .iter()
                .map(|s| s.number)
                .filter(|n| *n != NumberFormat::General),
        );
        let mut out = String::from(DECLARATION);
        out.push_str(
            r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        );
        if !formats.is_empty() {
            out.push_str(&format!(r#"<numFmts count="{}">"#, formats.len()));
            for (i, f) in formats.iter().enumerate() {
                out.push_str(&format!(
                    r#"<numFmt numFmtId="{}" formatCode="{}"/>"#,
                    FIRST_CUSTOM_FORMAT + i,
                    escape(&format_code(*f))
                ));
            }
            out.push_str("</numFmts>");
        }
        out.push_str(&format!(r#"<fonts count="{}">"#, fonts.len()));
        for (weight, slant, size) in &fonts {
            out.push_str("<font>");
            if *weight == Weight::Bold {
                out.push_str("<b/>");
            }
            if *slant == Slant::Italic {
                out.push_str("<i/>");
            }
            let points = match size {
                FontSize::Normal => font.size,
                FontSize::Points(p) => *p,
            };
            out.push_str(&format!(
                r#"<sz val="{points}"/><name val="{}"/></font>"#,
                escape(&font.family)
            ));
        }
        out.push_str("</fonts>");
        // The first two fills are reserved by Excel (none, gray125) whatever a file says.
        out.push_str(concat!(
            r#"<fills count="3">"#,
            r#"<fill><patternFill patternType="none"/></fill>"#,
            r#"<fill><patternFill patternType="gray125"/></fill>"#,
        ));
        out.push_str(&format!(
            r#"<fill><patternFill patternType="solid"><fgColor rgb="{LIGHT_FILL}"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        ));
        out.push_str(r#"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>"#);
        for side in ["left", "right", "top", "bottom"] {
            out.push_str(&format!(
                r#"<{side} style="thin"><color indexed="64"/></{side}>"#
            ));
        }
        out.push_str("<diagonal/></border></borders>");
        out.push_str(r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#);
        out.push_str(&format!(r#"<cellXfs count="{}">"#, self.styles.len()));
        for s in &self.styles {
            let font_id = fonts
                .iter()
                .position(|f| *f == (s.weight, s.slant, s.size))
                .unwrap_or(0);
            let format_id = formats
                .iter()
                .position(|f| *f == s.number)
                .map_or(0, |i| FIRST_CUSTOM_FORMAT + i);
            let fill_id = match s.fill {
                Fill::None => 0,
                Fill::Light => 2,
            };
            let border_id = match s.border {
                Border::None => 0,
                Border::Thin => 1,
            };
            out.push_str(&format!(
                r#"<xf numFmtId="{format_id}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" xfId="0""#
            ));
            for (applies, name) in [
                (format_id != 0, "applyNumberFormat"),
                (font_id != 0, "applyFont"),
                (fill_id != 0, "applyFill"),
                (border_id != 0, "applyBorder"),
            ] {
                if applies {
                    out.push_str(&format!(r#" {name}="1""#));
                }
            }
            match alignment(s) {
                Some(a) => out.push_str(&format!(r#" applyAlignment="1"><alignment{a}/></xf>"#)),
                None => out.push_str("/>"),
            }
        }
        out.push_str("</cellXfs>");
        out.push_str(r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#);
        out.push_str("</styleSheet>");
        out
    }
}

/// The values of `items` without repeats, in first-seen order.
fn distinct<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The format code Excel stores: always with a dot and a comma, whatever the reader's locale.
pub fn format_code(format: NumberFormat) -> String {
    let decimals = |d: u8| {
        let d = usize::from(d.min(15));
        if d == 0 {
            String::new()
        } else {
            format!(".{}", "0".repeat(d))
        }
    };
    match format {
        NumberFormat::General => "General".to_owned(),
        NumberFormat::Fixed { decimals: d } => format!("0{}", decimals(d)),
        NumberFormat::Grouped { decimals: d } => format!("#,##0{}", decimals(d)),
        NumberFormat::Percent { decimals: d } => format!("0{}%", decimals(d)),
    }
}

/// The `<alignment>` attributes of a style, or `None` when all are the defaults.
fn alignment(style: &Style) -> Option<String> {
    let horizontal = match style.horizontal {
        Horizontal::General => None,
        Horizontal::Left => Some("left"),
        Horizontal::Center => Some("center"),
        Horizontal::Right => Some("right"),
    };
    let vertical = match style.vertical {
        Vertical::Bottom => None,
        Vertical::Center => Some("center"),
        Vertical::Top => Some("top"),
    };
    let wrap = style.wrap == Wrap::Wrap;
    let mut attributes = String::new();
    if let Some(h) = horizontal {
        attributes.push_str(&format!(r#" horizontal="{h}""#));
    }
    if let Some(v) = vertical {
        attributes.push_str(&format!(r#" vertical="{v}""#));
    }
    if wrap {
        attributes.push_str(r#" wrapText="1""#);
    }
    (!attributes.is_empty()).then_some(attributes)
}
