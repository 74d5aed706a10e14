//! The two languages of the interface and every message in both; pure Rust, no browser types.
//!
//! Each message is one variant of [`Msg`], and [`Msg::text`] returns the Vietnamese and the
//! English wording side by side, so the compiler refuses a message that lacks a translation.

use serde::{Deserialize, Serialize};

/// The language the interface speaks; Vietnamese first, English by a switch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// Picks the wording for this language from a pair written side by side.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The separators numbers use: (decimal mark, group mark).
    pub fn separators(self) -> (char, char) {
        match self {
            Lang::Vi => (',', '.'),
            Lang::En => ('.', ','),
        }
    }
}

/// Declares every message once, with its Vietnamese and English wording side by side: the
/// enum, [`Msg::text`] and [`Msg::ALL`] all come from this one list, so a message cannot lack a
/// translation and the test below reaches every one.
macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident => ($vi:expr, $en:expr $(,)?)),* $(,)?) => {
        /// Every fixed message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        impl Msg {
            /// Every message, in the order declared.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// The message in Vietnamese and in English.
            pub fn text(self) -> (&'static str, &'static str) {
                match self {
                    $(Msg::$name => ($vi, $en),)*
                }
            }
        }
    };
}

messages! {
    AppTitle => ("Theo dõi Kế hoạch năm 2023 tỉnh Lai Châu", "Lai Châu 2023 Plan Tracker"),
    AppSubtitle => (
        "Nghị quyết số 52/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh Lai Châu",
        "Resolution 52/NQ-HĐND of 9 December 2022, Lai Châu People's Council",
    ),
    SkipToContent => ("Bỏ qua, đến nội dung chính", "Skip to main content"),
    SwitchLanguage => ("English", "Tiếng Việt"),
    NavOverview => ("Tổng quan", "Overview"),
    NavTasks => ("Nhiệm vụ và giải pháp", "Tasks and solutions"),
    NavResolution => ("Toàn văn nghị quyết", "Full text"),
    WholePlan => ("Toàn bộ kế hoạch", "The whole plan"),
    TargetsCount => ("chỉ tiêu", "targets"),
    ChartByGroup => ("Tình trạng chỉ tiêu theo nhóm", "Target status by group"),
    ChartLoading => ("Đang tải biểu đồ…", "Loading chart…"),
    ChartUnavailable => ("Không tải được biểu đồ; số liệu vẫn đầy đủ ở bảng.", "The chart could not load; the figures are all in the table."),
    Group => ("Nhóm", "Group"),
    Target => ("Chỉ tiêu", "Target"),
    PlanValue => ("Kế hoạch", "Plan"),
    CurrentValue => ("Thực hiện", "Actual"),
    Achievement => ("Đạt % KH", "% of plan"),
    /// The overview's column: a share of the plan, or a rate's gap to it in points.
    VersusPlan => ("So với KH", "Against plan"),
    Status => ("Tình trạng", "Status"),
    BackToOverview => ("← Tổng quan", "← Overview"),
    QuoteFrom => ("Trích Nghị quyết 52/NQ-HĐND", "From Resolution 52/NQ-HĐND"),
    Entries => ("Số liệu đã nhập", "Figures entered"),
    NoEntries => ("Chưa có số liệu.", "No figures yet."),
    Period => ("Kỳ", "Period"),
    Value => ("Giá trị", "Value"),
    Basis => ("Loại số liệu", "Kind of figure"),
    Estimate => ("Ước thực hiện", "Estimate"),
    Official => ("Chính thức", "Official"),
    Note => ("Ghi chú", "Note"),
    Save => ("Lưu", "Save"),
    Edit => ("Sửa", "Edit"),
    Delete => ("Xóa", "Delete"),
    Cancel => ("Hủy", "Cancel"),
    AddEntry => ("Nhập số liệu", "Enter a figure"),
    EditEntry => ("Sửa số liệu", "Edit a figure"),
    Saved => ("Đã lưu.", "Saved."),
    Deleted => ("Đã xóa.", "Deleted."),
    Undo => ("Hoàn tác", "Undo"),
    ValueRequired => ("Hãy nhập giá trị.", "Please enter a value."),
    Replaced => ("Đã thay số liệu cùng kỳ.", "Replaced the figure of the same period."),
    Forecast => ("Dự báo cả năm", "Year-end forecast"),
    Expected => ("Tiến độ cần đạt", "Expected by now"),
    DistanceFromBaseline => ("Đã đi được so với năm 2022", "Travelled since 2022"),
    FlowHint => ("Lũy kế từ đầu năm đến hết kỳ", "Year-to-date, to the end of the period"),
    LevelHint => ("Giá trị tại thời điểm cuối kỳ", "Value at the end of the period"),
    ReduceByHint => ("Nhập tỷ lệ hiện tại; mức giảm = số năm 2022 − số hiện tại", "Enter the current rate; reduction = 2022 value − current value"),
    Assessment => ("Đánh giá", "Assessment"),
    AssessmentHelp => ("Chỉ tiêu định tính: chọn đánh giá của bạn.", "A qualitative target: choose your assessment."),
    NotAssessed => ("Chưa đánh giá", "Not assessed"),
    TasksTitle => ("Nhiệm vụ trọng tâm và giải pháp chủ yếu", "Focus tasks and main solutions"),
    FocusTasks => ("3. Nhiệm vụ trọng tâm", "3. Focus tasks"),
    Solutions => ("4. Giải pháp chủ yếu", "4. Main solutions"),
    ItemStatus => ("Tiến độ", "Progress"),
    ItemNote => ("Ghi chú", "Note"),
    NotStarted => ("Chưa triển khai", "Not started"),
    InProgress => ("Đang triển khai", "In progress"),
    Done => ("Hoàn thành", "Done"),
    OriginalTextVi => ("Nội dung", "Original text (Vietnamese)"),
    ResolutionTitle => ("Toàn văn Nghị quyết 52/NQ-HĐND", "Full text of Resolution 52/NQ-HĐND (Vietnamese)"),
    StorageUnavailable => (
        "Trình duyệt không cho lưu dữ liệu (bị chặn hoặc chế độ riêng tư). Số liệu chỉ giữ đến khi đóng trang.",
        "This browser does not allow saving (blocked or private mode). Figures are kept only until the page closes.",
    ),
    StorageFull => (
        "Bộ nhớ của trình duyệt đã đầy: thay đổi mới nhất chưa được lưu. Số liệu vẫn còn trên trang này.",
        "The browser's storage is full: the latest change was not saved. The figures are still on this page.",
    ),
    StorageUnreadable => (
        "Không đọc được dữ liệu đã lưu. Bản gốc được giữ nguyên và sẽ không bị ghi đè.",
        "The saved data could not be read. The original is kept and will not be overwritten.",
    ),
    StorageNewer => (
        "Dữ liệu được lưu bởi phiên bản mới hơn của ứng dụng. Hãy tải lại để cập nhật; đang ở chế độ chỉ đọc.",
        "The data was saved by a newer version of the app. Reload to update; read-only until then.",
    ),
    StorageOther => ("Không lưu được dữ liệu:", "Could not save:"),
    StartFresh => ("Bắt đầu dữ liệu mới (giữ bản cũ)", "Start afresh (keep the old copy)"),
    NotFound => ("Không tìm thấy trang này.", "Page not found."),
    TargetChartTitle => ("Thực hiện so với kế hoạch", "Actual against plan"),
    StructureChartTitle => ("Cơ cấu kinh tế: kế hoạch và thực hiện", "Economic structure: plan and actual"),
    PlanLine => ("Kế hoạch", "Plan"),
    ActualSeries => ("Thực hiện", "Actual"),
    ForecastSeries => ("Dự báo", "Forecast"),
    PlanComposition => ("Kế hoạch", "Plan"),
    ActualComposition => ("Thực hiện", "Actual"),
    DataTable => ("Bảng số liệu của biểu đồ", "The chart's data as a table"),
    PrintReport => ("Báo cáo: in, PDF, Excel", "Report: print, PDF, Excel"),
    ReportNoPeriod => ("chưa có số liệu", "no figures yet"),
    SearchLabel => ("Tìm chỉ tiêu", "Find a target"),
    SearchPlaceholder => ("ví dụ: thu ngan sach", "e.g. budget revenue"),
    FilterGroup => ("Nhóm", "Group"),
    FilterStatus => ("Tình trạng", "Status"),
    AllGroups => ("Tất cả các nhóm", "All groups"),
    AllStatuses => ("Mọi tình trạng", "Any status"),
    NoMatch => ("Không có chỉ tiêu nào phù hợp.", "No target matches."),
    Matches => ("chỉ tiêu phù hợp", "matching targets"),
    ShareTitle => ("Chia sẻ bản chụp số liệu", "Share a snapshot of the figures"),
    ShareHelp => (
        "Liên kết chứa toàn bộ số liệu hiện tại (nén, nằm sau dấu #, không gửi lên máy chủ nào). Người nhận xem ở chế độ chỉ đọc và có thể nhập vào dữ liệu của mình.",
        "The link holds all current figures (compressed, after the #, sent to no server). The recipient sees them read-only and can import them.",
    ),
    ShareCreate => ("Tạo liên kết", "Create link"),
    ShareLink => ("Liên kết chia sẻ", "Link to share"),
    ShareCopy => ("Sao chép", "Copy"),
    ShareCopied => ("Đã sao chép liên kết.", "Link copied."),
    SnapshotTitle => ("Bản chụp số liệu được chia sẻ", "A shared snapshot of the figures"),
    SnapshotNotice => (
        "Chế độ chỉ đọc: đây là số liệu do người khác chia sẻ, không phải dữ liệu của bạn. Chụp lúc",
        "Read-only: these are figures someone shared, not your own data. Taken at",
    ),
    SnapshotImport => ("Nhập các số liệu này vào dữ liệu của tôi", "Import these figures into my data"),
    SnapshotImported => (
        "Đã nhập bản chụp. Số liệu cùng kỳ, cùng loại đã được thay.",
        "Snapshot imported. Figures of the same period and kind were replaced.",
    ),
    SavePng => ("Tải ảnh PNG", "Save as PNG"),
    SourceLine => ("Nguồn: Nghị quyết 52/NQ-HĐND tỉnh Lai Châu; số liệu đến", "Source: Resolution 52/NQ-HĐND, Lai Châu; figures up to"),
    Footer => (
        "Dữ liệu chỉ lưu trong trình duyệt này. Nguồn: Nghị quyết 52/NQ-HĐND ngày 09/12/2022.",
        "Your data stays in this browser. Source: Resolution 52/NQ-HĐND of 9 December 2022.",
    ),
    UpdateAvailable => ("Đã có phiên bản mới của ứng dụng.", "A new version of the app is available."),
    UpdateReload => ("Tải lại để dùng", "Reload to use it"),
    UpdateLater => ("Để sau", "Later"),
    PersistGranted => (
        "Trình duyệt giữ dữ liệu lâu dài: không tự xoá khi máy thiếu dung lượng.",
        "The browser keeps your data: it will not clear it when space runs low.",
    ),
    PersistDenied => (
        "Trình duyệt chưa cho lưu lâu dài: dữ liệu có thể bị xoá khi máy thiếu dung lượng.",
        "The browser did not grant lasting storage: it may clear your data when space runs low.",
    ),
    PersistUnsupported => (
        "Trình duyệt này không cho biết có giữ dữ liệu lâu dài hay không.",
        "This browser does not say whether it keeps your data.",
    ),
    NavData => ("Dữ liệu", "Data"),
    DataTitle => ("Sao lưu và trao đổi dữ liệu", "Backup and exchange"),
    ExportTitle => ("Xuất dữ liệu", "Export"),
    ExportHelp => (
        "Số liệu chỉ nằm trong trình duyệt này: hãy tải bản sao lưu thường xuyên. Bản JSON giữ mọi thứ (số liệu, số năm 2022, đánh giá, tiến độ và ghi chú); bản CSV mở bằng Excel, mỗi dòng một số liệu, số viết kiểu Việt Nam (1.837,5), các cột cách nhau bằng dấu chấm phẩy.",
        "Your figures live only in this browser: download a backup often. The JSON backup keeps everything (figures, 2022 values, assessments, progress and notes); the CSV opens in Excel, one figure a row, numbers with a dot decimal mark (52.9).",
    ),
    ExportJson => ("Tải bản sao lưu (JSON)", "Download a backup (JSON)"),
    ExportCsv => ("Tải bảng số liệu cho Excel (CSV)", "Download the figures for Excel (CSV)"),
    ExportFailed => ("Không xuất được:", "The export failed:"),
    LastExport => ("Lần xuất gần nhất:", "Last export:"),
    NeverExported => ("Chưa xuất lần nào.", "Never exported."),
    UnexportedChanges => ("thay đổi chưa được sao lưu.", "changes not backed up yet."),
    BackupNow => ("Sao lưu ngay", "Back up now"),
    ImportTitle => ("Nhập dữ liệu", "Import"),
    ImportHelp => (
        "Tệp được kiểm tra trước; chưa có gì thay đổi cho đến khi bạn áp dụng. Nhập chỉ thêm hoặc thay số liệu, không xóa số liệu nào. Tệp có bất kỳ lỗi nào sẽ không được áp dụng.",
        "The file is checked first; nothing changes until you apply it. Importing adds or replaces figures and never deletes one. A file with any error is not applied.",
    ),
    ImportFile => ("Chọn tệp sao lưu (JSON) hoặc bảng số liệu (CSV)", "Choose a backup (JSON) or a table of figures (CSV)"),
    // The file chooser's own words, which the browser would say in its own language.
    ChooseFile => ("Chọn tệp…", "Choose a file…"),
    NoFileChosen => ("Chưa chọn tệp nào.", "No file chosen."),
    ImportReadFailed => ("Không đọc được tệp:", "The file could not be read:"),
    PreviewTitle => ("Xem trước thay đổi", "Preview of the changes"),
    ChangeAdded => ("Thêm mới", "Added"),
    ChangeReplaced => ("Thay thế", "Replaced"),
    ChangeUnchanged => ("Không đổi", "Unchanged"),
    ChangeRejected => ("Bị từ chối", "Rejected"),
    Where => ("Vị trí", "Where"),
    Reason => ("Lý do", "Reason"),
    ApplyImport => ("Áp dụng tất cả", "Apply all"),
    ImportBlocked => (
        "Tệp có lỗi nên không áp dụng gì. Hãy sửa tệp rồi chọn lại.",
        "The file has errors, so nothing is applied. Fix the file and choose it again.",
    ),
    NothingToImport => ("Tệp không có gì mới so với dữ liệu hiện có.", "The file has nothing new."),
    UndoImport => ("Hoàn tác lần nhập", "Undo the import"),
    DownloadUnreadable => ("Tải bản dữ liệu không đọc được", "Download the unreadable data"),
    UnreadableKept => (
        "Có một bản dữ liệu không đọc được đang được cất riêng.",
        "An unreadable copy of earlier data is kept aside.",
    ),
    UpdatedFromOtherTab => ("Đã cập nhật số liệu từ một thẻ khác.", "Updated with figures from another tab."),
    OtherTabConflict => (
        "Một thẻ khác đã lưu số liệu mới hơn cho cùng chỉ tiêu; giữ số liệu đã lưu đó, thay đổi ở thẻ này không được ghi.",
        "Another tab saved newer figures for the same target; those were kept and this tab's change was not written.",
    ),
    Baseline2022 => ("Số năm 2022", "2022 value"),
    NotSavedYet => ("Đã ghi trên trang này nhưng chưa lưu được:", "Recorded on this page but not saved:"),
    NotSavedFull => (
        "bộ nhớ của trình duyệt đã đầy; sẽ tự lưu khi có chỗ",
        "the browser's storage is full; it will be saved when space frees up",
    ),
    NotSavedFailed => (
        "trình duyệt báo lỗi khi ghi, sẽ thử lại",
        "the browser refused the write, it will be tried again",
    ),
    NotSavedUnavailable => (
        "trình duyệt không cho lưu (bị chặn hoặc chế độ riêng tư)",
        "this browser does not allow saving (blocked or private mode)",
    ),
    NotSavedUnreadable => (
        "dữ liệu đã lưu không đọc được, chọn “Bắt đầu dữ liệu mới” để lưu tiếp",
        "the saved data cannot be read, choose “Start afresh” to save again",
    ),
    NotSavedNewer => (
        "dữ liệu đã lưu thuộc phiên bản mới hơn của ứng dụng, hãy tải lại trang",
        "the saved data is from a newer version of the app, reload the page",
    ),
    PendingSaved => ("Đã lưu các thay đổi đang chờ.", "The changes that were waiting are saved."),
    SaveRetrying => ("Ứng dụng sẽ tự thử lưu lại.", "Saving will be tried again by itself."),
    SetAsideTitle => ("Các bản dữ liệu không đọc được đang được cất riêng:", "Unreadable data kept aside:"),
    SetAsideAt => ("Cất lúc", "Kept aside at"),
    SetAsideEarlier => ("Cất từ phiên bản trước", "Kept aside by an earlier version"),
    DownloadFailed => ("Không tải xuống được:", "Could not download:"),
    NothingKept => ("bản này không còn trong bộ nhớ", "that copy is no longer in storage"),
    /// The overview's column of each current figure's period and kind ("9 tháng · ước").
    FigurePeriod => ("Kỳ số liệu", "Period of figure"),
    AppLoadFailed => (
        "Không tải được ứng dụng, nên chưa thể nhập hay sửa số liệu. Các chỉ tiêu của kế hoạch vẫn ở dưới đây. Hãy tải lại trang; nếu vẫn không được, hãy thử lại sau ít phút.",
        "The app could not load, so figures cannot be entered or changed. The plan's targets are still below. Reload the page; if that does not help, try again in a few minutes.",
    ),
    ReloadPage => ("Tải lại trang", "Reload the page"),
}

impl Msg {
    /// The message in the given language.
    pub fn get(self, lang: Lang) -> &'static str {
        let (vi, en) = self.text();
        lang.pick(vi, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip() {
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn every_message_is_written_in_both_languages() {
        for &msg in Msg::ALL {
            let (vi, en) = msg.text();
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{msg:?} is empty"
            );
            // A copy-pasted wording in the other language's slot is the usual translation slip.
            assert_ne!(vi, en, "{msg:?} says the same in both languages");
            // Every Vietnamese wording of more than one word carries Vietnamese letters; one that
            // does not was left in English.
            if vi.split_whitespace().count() > 1 {
                assert!(
                    !vi.is_ascii(),
                    "{msg:?}'s Vietnamese wording looks English: {vi}"
                );
            }
        }
    }

    #[test]
    fn the_plan_facts_messages_name_are_the_plans() {
        // Titles and source lines name the resolution, its province and years in words: another
        // plan's data must not go out under this one's name unnoticed.
        let plan = crate::plan::Plan::embedded().unwrap_or_else(|e| panic!("plan: {e}"));
        let adopted_year: u16 = plan.adopted[..4].parse().unwrap_or_default();
        let years = [plan.year, plan.year - 1, adopted_year];
        for &msg in Msg::ALL {
            let (vi, en) = msg.text();
            for text in [vi, en] {
                for word in text.split(|c: char| !c.is_ascii_digit()) {
                    if word.len() == 4 && word.starts_with("20") {
                        let year: u16 = word.parse().unwrap_or_default();
                        assert!(
                            years.contains(&year),
                            "{msg:?} names the year {year}: {text}"
                        );
                    }
                }
                if let Some(at) = text.find("/NQ-HĐND") {
                    let number = text[..at].rsplit(' ').next().unwrap_or_default();
                    assert_eq!(format!("{number}/NQ-HĐND"), plan.resolution, "{msg:?}");
                }
                if text.contains("Lai Châu") {
                    assert_eq!(plan.province_vi, "Lai Châu", "{msg:?}");
                }
            }
        }
    }

    #[test]
    fn a_message_is_read_in_the_language_asked_for() {
        assert_eq!(Msg::Save.get(Lang::Vi), "Lưu");
        assert_eq!(Msg::Save.get(Lang::En), "Save");
        assert_eq!(Msg::SwitchLanguage.get(Lang::Vi), "English");
    }
}
