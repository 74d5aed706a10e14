//! What the interface says about saving: the notice after an edit, told truthfully when
//! nothing could be saved (never "Đã lưu." then), and the banner's count of what waits. Pure.

use crate::i18n::{Lang, Msg};
use crate::plan::edit::Notice;
use crate::storage::sync::StorageStatus;

use super::edit::notice;

/// Why nothing is saved, as the end of a sentence; `None` while saving works.
pub fn why_not_saved(status: &StorageStatus, lang: Lang) -> Option<String> {
    let text = match status {
        StorageStatus::Ok(_) | StorageStatus::Recovered(_) => return None,
        StorageStatus::Full => Msg::NotSavedFull.get(lang).to_owned(),
        StorageStatus::Failed(detail) => {
            format!("{} ({detail})", Msg::NotSavedFailed.get(lang))
        }
        StorageStatus::Unavailable => Msg::NotSavedUnavailable.get(lang).to_owned(),
        StorageStatus::Unreadable(_) => Msg::NotSavedUnreadable.get(lang).to_owned(),
        StorageStatus::Newer(_) => Msg::NotSavedNewer.get(lang).to_owned(),
    };
    Some(text)
}

/// The sentence announced after an edit, given what became of its save.
pub fn after_edit(done: Notice, status: &StorageStatus, lang: Lang) -> String {
    let said = notice(done, lang);
    let Some(why) = why_not_saved(status, lang) else {
        return said;
    };
    let not_saved = format!("{} {why}.", Msg::NotSavedYet.get(lang));
    match done {
        // Nothing changed, so there was nothing to save.
        Notice::Unchanged | Notice::UndoRefused => said,
        // These say "saved": the sentence about saving replaces them.
        Notice::Saved | Notice::PriorSaved => not_saved,
        Notice::Replaced
        | Notice::Deleted
        | Notice::PriorCleared
        | Notice::ImportApplied { .. }
        | Notice::Undone { .. } => format!("{said} {not_saved}"),
    }
}

/// How many changes on the page wait to be saved.
pub fn unsaved(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Có {count} thay đổi trên trang này chưa được lưu."),
        Lang::En if count == 1 => "1 change on this page is not saved yet.".to_owned(),
        Lang::En => format!("{count} changes on this page are not saved yet."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::edit::UndoKind;

    fn check(done: Notice, status: StorageStatus, vi: &str, en: &str) {
        assert_eq!(
            after_edit(done, &status, Lang::Vi),
            vi,
            "{done:?} {status:?}"
        );
        assert_eq!(
            after_edit(done, &status, Lang::En),
            en,
            "{done:?} {status:?}"
        );
    }

    #[test]
    fn an_edit_says_saved_only_when_it_was() {
        check(Notice::Saved, StorageStatus::Ok(None), "Đã lưu.", "Saved.");
        check(
            Notice::Saved,
            StorageStatus::Recovered("t".into()),
            "Đã lưu.",
            "Saved.",
        );
        check(
            Notice::Saved,
            StorageStatus::Full,
            "Đã ghi trên trang này nhưng chưa lưu được: bộ nhớ của trình duyệt đã đầy; sẽ tự lưu khi có chỗ.",
            "Recorded on this page but not saved: the browser's storage is full; it will be saved when space frees up.",
        );
        check(
            Notice::PriorSaved,
            StorageStatus::Failed("InvalidStateError: x".into()),
            "Đã ghi trên trang này nhưng chưa lưu được: trình duyệt báo lỗi khi ghi, sẽ thử lại (InvalidStateError: x).",
            "Recorded on this page but not saved: the browser refused the write, it will be tried again (InvalidStateError: x).",
        );
        check(
            Notice::Saved,
            StorageStatus::Unavailable,
            "Đã ghi trên trang này nhưng chưa lưu được: trình duyệt không cho lưu (bị chặn hoặc chế độ riêng tư).",
            "Recorded on this page but not saved: this browser does not allow saving (blocked or private mode).",
        );
        check(
            Notice::Saved,
            StorageStatus::Newer(3),
            "Đã ghi trên trang này nhưng chưa lưu được: dữ liệu đã lưu thuộc phiên bản mới hơn của ứng dụng, hãy tải lại trang.",
            "Recorded on this page but not saved: the saved data is from a newer version of the app, reload the page.",
        );
        check(
            Notice::Saved,
            StorageStatus::Unreadable("x".into()),
            "Đã ghi trên trang này nhưng chưa lưu được: dữ liệu đã lưu không đọc được, chọn “Bắt đầu dữ liệu mới” để lưu tiếp.",
            "Recorded on this page but not saved: the saved data cannot be read, choose “Start afresh” to save again.",
        );
        check(
            Notice::Deleted,
            StorageStatus::Full,
            "Đã xóa. Đã ghi trên trang này nhưng chưa lưu được: bộ nhớ của trình duyệt đã đầy; sẽ tự lưu khi có chỗ.",
            "Deleted. Recorded on this page but not saved: the browser's storage is full; it will be saved when space frees up.",
        );
        check(
            Notice::Unchanged,
            StorageStatus::Full,
            "Không có gì thay đổi.",
            "Nothing changed.",
        );
        let undone = Notice::Undone {
            kind: UndoKind::Import,
            restored: 2,
            kept: 0,
        };
        assert!(after_edit(undone, &StorageStatus::Unavailable, Lang::Vi)
            .starts_with("Đã hoàn tác lần nhập. Đã ghi trên trang này nhưng chưa lưu được:"));
        // No state where nothing is saved says it was.
        for status in [
            StorageStatus::Full,
            StorageStatus::Failed("x".into()),
            StorageStatus::Unavailable,
            StorageStatus::Newer(3),
            StorageStatus::Unreadable("x".into()),
        ] {
            for lang in [Lang::Vi, Lang::En] {
                let said = after_edit(Notice::Saved, &status, lang);
                assert!(!said.contains(Msg::Saved.get(lang)), "{said}");
            }
        }
    }

    #[test]
    fn the_count_of_unsaved_changes_reads_in_both_languages() {
        assert_eq!(
            unsaved(3, Lang::Vi),
            "Có 3 thay đổi trên trang này chưa được lưu."
        );
        assert_eq!(
            unsaved(1, Lang::En),
            "1 change on this page is not saved yet."
        );
        assert_eq!(
            unsaved(2, Lang::En),
            "2 changes on this page are not saved yet."
        );
    }
}
