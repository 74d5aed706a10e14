//! Why an import refuses something: the typed [`Reason`]s, the limits they quote, and their
//! messages in both languages.

use crate::i18n::Lang;
use crate::plan::number::ParseError;
use crate::plan::{Basis, Period};

/// The largest file an import reads: far above a year of figures, far below a tab's memory.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The longest note an import accepts: the task form's limit. An entry's form stops at 500
/// characters; a longer entry note from a file is kept whole rather than cut.
pub const MAX_NOTE_CHARS: usize = 2000;

/// Why something in a file was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotJson(String),
    /// A quoted CSV field that never ends.
    UnclosedQuote,
    WrongApp(String),
    WrongPlan(String),
    NewerSchema(u32),
    BadSchema(String),
    Missing(String),
    UnexpectedField(String),
    UnknownTarget(String),
    /// Figures for a qualitative target, or an assessment for a numeric one.
    WrongKindOfTarget(String),
    UnknownItem(String),
    WrongUnit {
        expected: String,
        found: String,
    },
    /// Text where a number belongs.
    NotANumber(String),
    /// Text where a number belongs, in a CSV whose numbers use a decimal comma (1.837,5).
    NotADecimalCommaNumber(String),
    NotFinite,
    /// Negative or out of the quantity's range.
    Value(ParseError),
    BadPeriod(String),
    BadBasis(String),
    BadChoice(String),
    Duplicate {
        period: Period,
        basis: Basis,
    },
    FieldCount {
        expected: usize,
        found: usize,
    },
    NoteTooLong,
}

impl Reason {
    /// The reason in the interface's language.
    pub fn message(&self, lang: Lang) -> String {
        const MAX_MB: usize = MAX_IMPORT_BYTES / (1024 * 1024);
        let vi = matches!(lang, Lang::Vi);
        let two = |v: String, e: String| if vi { v } else { e };
        match self {
            Reason::TooLarge { bytes } => two(
                format!("Tệp quá lớn ({bytes} byte; tối đa {MAX_MB} MB)."),
                format!("The file is too large ({bytes} bytes; at most {MAX_MB} MB)."),
            ),
            Reason::Empty => lang.pick("Tệp trống.", "The file is empty.").to_owned(),
            Reason::NotJson(e) => two(
                format!("Không phải JSON hợp lệ: {e}"),
                format!("Not valid JSON: {e}"),
            ),
            Reason::UnclosedQuote => lang
                .pick("Dấu ngoặc kép không được đóng.", "A quoted field is never closed.")
                .to_owned(),
            Reason::WrongApp(a) => two(
                format!("Tệp không phải của ứng dụng này ({a:?})."),
                format!("The file is not from this app ({a:?})."),
            ),
            Reason::WrongPlan(p) => two(
                format!("Tệp thuộc kế hoạch khác ({p:?})."),
                format!("The file belongs to another plan ({p:?})."),
            ),
            Reason::NewerSchema(v) => two(
                format!("Tệp do phiên bản mới hơn tạo ra (phiên bản dữ liệu {v}); hãy cập nhật ứng dụng."),
                format!("The file was made by a newer version (data version {v}); update the app."),
            ),
            Reason::BadSchema(e) => two(
                format!("Phiên bản dữ liệu không hợp lệ: {e}"),
                format!("Invalid data version: {e}"),
            ),
            Reason::Missing(f) => two(format!("Thiếu «{f}»."), format!("“{f}” is missing.")),
            Reason::UnexpectedField(f) => two(
                format!("Trường không mong đợi «{f}»."),
                format!("Unexpected field “{f}”."),
            ),
            Reason::UnknownTarget(id) => two(
                format!("Không có chỉ tiêu mã «{id}»."),
                format!("No target has the id “{id}”."),
            ),
            Reason::WrongKindOfTarget(id) => two(
                format!("Chỉ tiêu «{id}» không nhận loại dữ liệu này."),
                format!("Target “{id}” does not take this kind of data."),
            ),
            Reason::UnknownItem(id) => two(
                format!("Không có nhiệm vụ/giải pháp mã «{id}»."),
                format!("No task or solution has the id “{id}”."),
            ),
            Reason::WrongUnit { expected, found } => two(
                format!("Sai đơn vị: «{found}», chỉ tiêu dùng «{expected}»."),
                format!("Wrong unit: “{found}”; the target uses “{expected}”."),
            ),
            Reason::NotANumber(t) => two(
                format!("«{t}» không phải một số (dùng dấu chấm thập phân, ví dụ 52.9)."),
                format!("“{t}” is not a number (use a dot decimal mark, e.g. 52.9)."),
            ),
            Reason::NotADecimalCommaNumber(t) => two(
                format!("«{t}» không phải một số (dùng dấu phẩy thập phân, dấu chấm phân cách hàng nghìn, ví dụ 1.837,5)."),
                format!("“{t}” is not a number (use a decimal comma and dots between thousands, e.g. 1.837,5)."),
            ),
            Reason::NotFinite => lang
                .pick("Giá trị không phải số hữu hạn.", "The value is not a finite number.")
                .to_owned(),
            Reason::Value(e) => e.message(lang),
            Reason::BadPeriod(p) => two(format!("Kỳ không hợp lệ «{p}»."), format!("Invalid period “{p}”.")),
            Reason::BadBasis(b) => two(
                format!("Loại số liệu phải là «Ước thực hiện» hoặc «Chính thức» (estimate, official), không phải «{b}»."),
                format!("The kind of figure must be estimate or official, not “{b}”."),
            ),
            Reason::BadChoice(c) => two(format!("Giá trị không hợp lệ «{c}»."), format!("Invalid value “{c}”.")),
            Reason::Duplicate { period, basis } => two(
                format!("Kỳ {} ({}) xuất hiện hai lần trong tệp.", period.code(), basis.code()),
                format!("Period {} ({}) appears twice in the file.", period.code(), basis.code()),
            ),
            Reason::FieldCount { expected, found } => two(
                format!("Có {found} cột, cần {expected}."),
                format!("{found} columns where {expected} are expected."),
            ),
            Reason::NoteTooLong => two(
                format!("Ghi chú dài quá {MAX_NOTE_CHARS} ký tự."),
                format!("The note is longer than {MAX_NOTE_CHARS} characters."),
            ),
        }
    }
}
