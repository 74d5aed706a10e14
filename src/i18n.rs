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

/// Every fixed message of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    AppSubtitle,
    SkipToContent,
    SwitchLanguage,
    NavOverview,
    NavTasks,
    NavResolution,
    WholePlan,
    TargetsCount,
    ChartByGroup,
    ChartLoading,
    ChartUnavailable,
    Group,
    Target,
    PlanValue,
    CurrentValue,
    Achievement,
    Status,
    NoValue,
    BackToOverview,
    QuoteFrom,
    Entries,
    NoEntries,
    Period,
    Value,
    Basis,
    Estimate,
    Official,
    Note,
    Save,
    Edit,
    Delete,
    Cancel,
    AddEntry,
    EditEntry,
    Saved,
    Deleted,
    Restored,
    Undo,
    ValueRequired,
    Replaced,
    Baseline,
    BaselineHelp,
    BaselineNeeded,
    BaselineSaved,
    BaselineCleared,
    Forecast,
    Expected,
    DistanceFromBaseline,
    Deviation,
    FlowHint,
    LevelHint,
    ReduceByHint,
    Assessment,
    AssessmentHelp,
    NotAssessed,
    TasksTitle,
    FocusTasks,
    Solutions,
    ItemStatus,
    ItemNote,
    NotStarted,
    InProgress,
    Done,
    OriginalTextVi,
    ResolutionTitle,
    StorageUnavailable,
    StorageFull,
    StorageUnreadable,
    StorageNewer,
    StorageOther,
    StartFresh,
    SavedAt,
    NotFound,
    TargetChartTitle,
    StructureChartTitle,
    PlanLine,
    ActualSeries,
    ExpectedPath,
    ForecastSeries,
    PlanComposition,
    ActualComposition,
    DataTable,
    Footer,
}

impl Msg {
    /// The message in Vietnamese and in English.
    pub fn text(self) -> (&'static str, &'static str) {
        use Msg::*;
        match self {
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
            Status => ("Tình trạng", "Status"),
            NoValue => ("—", "—"),
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
            Restored => ("Đã khôi phục số liệu vừa xóa.", "The deleted figure is back."),
            Undo => ("Hoàn tác", "Undo"),
            ValueRequired => ("Hãy nhập giá trị.", "Please enter a value."),
            Replaced => ("Đã thay số liệu cùng kỳ.", "Replaced the figure of the same period."),
            Baseline => ("Số thực hiện năm 2022 (gốc so sánh)", "2022 value (baseline)"),
            BaselineHelp => (
                "Dùng để tính mức giảm và khoảng cách đã đi được so với năm 2022.",
                "Used for reductions and for the distance travelled since 2022.",
            ),
            BaselineNeeded => ("Cần số năm 2022 để đánh giá", "Needs the 2022 value"),
            BaselineSaved => ("Đã lưu số năm 2022.", "2022 value saved."),
            BaselineCleared => ("Đã xóa số năm 2022.", "2022 value cleared."),
            Forecast => ("Dự báo cả năm", "Year-end forecast"),
            Expected => ("Tiến độ cần đạt", "Expected by now"),
            DistanceFromBaseline => ("Đã đi được so với năm 2022", "Travelled since 2022"),
            Deviation => ("Chênh lệch", "Deviation"),
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
            SavedAt => ("Lưu lúc", "Saved at"),
            NotFound => ("Không tìm thấy trang này.", "Page not found."),
            TargetChartTitle => ("Thực hiện so với kế hoạch", "Actual against plan"),
            StructureChartTitle => ("Cơ cấu kinh tế: kế hoạch và thực hiện", "Economic structure: plan and actual"),
            PlanLine => ("Kế hoạch", "Plan"),
            ActualSeries => ("Thực hiện", "Actual"),
            ExpectedPath => ("Tiến độ cần đạt", "Expected path"),
            ForecastSeries => ("Dự báo", "Forecast"),
            PlanComposition => ("Kế hoạch", "Plan"),
            ActualComposition => ("Thực hiện", "Actual"),
            DataTable => ("Bảng số liệu của biểu đồ", "The chart's data as a table"),
            Footer => (
                "Dữ liệu chỉ lưu trong trình duyệt này. Nguồn: Nghị quyết 52/NQ-HĐND ngày 09/12/2022.",
                "Your data stays in this browser. Source: Resolution 52/NQ-HĐND of 9 December 2022.",
            ),
        }
    }

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
    fn messages_differ_between_languages_where_they_should() {
        // A copy-pasted Vietnamese string in the English slot is the usual translation slip.
        for msg in [
            Msg::Save,
            Msg::Estimate,
            Msg::Official,
            Msg::StorageFull,
            Msg::NavTasks,
        ] {
            let (vi, en) = msg.text();
            assert_ne!(vi, en, "{msg:?}");
            assert!(!vi.is_empty() && !en.is_empty());
        }
    }
}
