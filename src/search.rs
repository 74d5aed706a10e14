//! Finding targets on the overview: by group, by status, and by text that ignores Vietnamese
//! diacritics and case ("thu ngan sach" finds "Thu ngân sách"). Pure.

use crate::plan::{Progress, Status, Target};

/// Folds text for matching: lower case, Vietnamese letters without their marks, đ as d.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(base_letter)
        .collect()
}

fn base_letter(c: char) -> char {
    const GROUPS: [(&str, char); 12] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
        ("‰", '‰'),
        ("–—", '-'),
        ("\u{300}\u{301}\u{303}\u{309}\u{323}", '\0'),
        ("\u{306}\u{302}\u{31b}", '\0'),
        ("\u{a0}", ' '),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map_or(c, |&(_, base)| base)
}

/// What the overview is narrowed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub group: Option<u8>,
    pub status: Option<Status>,
    /// Folded words, all of which must appear in the target's names or quote.
    pub words: Vec<String>,
}

impl Filter {
    pub fn new(group: Option<u8>, status: Option<Status>, text: &str) -> Filter {
        let words = fold(text)
            .split_whitespace()
            .map(|w| w.replace('\0', ""))
            .filter(|w| !w.is_empty())
            .collect();
        Filter {
            group,
            status,
            words,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.group.is_none() && self.status.is_none() && self.words.is_empty()
    }

    /// Whether a target fits. "Needs baseline" is shown under "no data", as on the summary.
    pub fn fits(&self, target: &Target, progress: &Progress) -> bool {
        let status_fits = match self.status {
            None => true,
            Some(Status::NoData) => {
                matches!(progress.status, Status::NoData | Status::NeedsBaseline)
            }
            Some(status) => progress.status == status,
        };
        let group_fits = self.group.is_none_or(|g| g == target.group);
        group_fits && status_fits && self.text_fits(target)
    }

    fn text_fits(&self, target: &Target) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack = fold(&format!(
            "{} {} {} {}",
            target.name_vi, target.name_en, target.quote, target.id
        ));
        let haystack = haystack.replace('\0', "");
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{progress, Basis, Entry, Period, Plan, TargetId, Tracking};

    fn found(text: &str) -> Vec<String> {
        let plan = Plan::embedded().expect("plan");
        let tracking = Tracking::default();
        let filter = Filter::new(None, None, text);
        plan.targets
            .iter()
            .filter(|t| filter.fits(t, &progress(t, &tracking)))
            .map(|t| t.id.0.clone())
            .collect()
    }

    #[test]
    fn folding_removes_vietnamese_marks_and_case() {
        assert_eq!(
            fold("Thu ngân sách trên địa bàn"),
            "thu ngan sach tren dia ban"
        );
        assert_eq!(fold("ĐƯỜNG Ô TÔ"), "duong o to");
        assert_eq!(fold("Tỷ lệ che phủ rừng"), "ty le che phu rung");
    }

    #[test]
    fn text_search_ignores_diacritics_and_case() {
        assert_eq!(found("thu ngan sach"), ["budget-revenue"]);
        assert_eq!(found("THU NGÂN SÁCH"), ["budget-revenue"]);
        assert_eq!(found("che phu rung"), ["forest-cover"]);
        assert_eq!(found("forest cover"), ["forest-cover"]);
        assert!(found("tre em suy dinh duong").len() == 2);
        assert_eq!(found("").len(), 49);
        assert!(found("không có chỉ tiêu này xyz").is_empty());
    }

    #[test]
    fn group_and_status_narrow_the_list() {
        let plan = Plan::embedded().expect("plan");
        let tracking = Tracking::default();
        let in_group = |f: &Filter| {
            plan.targets
                .iter()
                .filter(|t| f.fits(t, &progress(t, &tracking)))
                .count()
        };
        assert_eq!(in_group(&Filter::new(Some(3), None, "")), 1);
        assert_eq!(in_group(&Filter::new(None, Some(Status::NoData), "")), 49);
        assert_eq!(in_group(&Filter::new(None, Some(Status::Achieved), "")), 0);
        assert!(Filter::new(None, None, "  ").is_empty());
    }

    #[test]
    fn missed_targets_are_found_apart_from_those_off_track() {
        let plan = Plan::embedded().expect("plan");
        let mut tracking = Tracking::default();
        for (id, period, value) in [
            ("forest-cover", Period::Year, 51.87),
            ("grdp-growth", Period::Year, -2.77),
            ("trade-growth", Period::FIRST_HALF, -1.5),
        ] {
            tracking.upsert_entry(
                &TargetId(id.to_owned()),
                Entry {
                    period,
                    basis: Basis::Estimate,
                    value,
                    note: String::new(),
                },
            );
        }
        let ids = |status| {
            let filter = Filter::new(None, Some(status), "");
            plan.targets
                .iter()
                .filter(|t| filter.fits(t, &progress(t, &tracking)))
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Status::Missed), ["grdp-growth", "forest-cover"]);
        assert_eq!(ids(Status::OffTrack), ["trade-growth"]);
    }
}
