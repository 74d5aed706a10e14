//! The fixed words of the Biểu in both languages: the heading of a provincial report, the
//! headline's counts, the column titles and what they mean, the tasks' part, the place and
//! date, and the signatures. The province, the resolution, its date and the plan's year come
//! from the plan's data, never from here.

use crate::i18n::{Lang, Msg};
use crate::plan::{Headline, ItemProgress, Plan, Section, Status, Tracking};
use crate::present::date;
use crate::present::figures::prior_year;
use crate::present::verdict::headline_met;

use super::bieu::{Columns, Day, Heading, Signer, Signing};

/// A letter of Vietnamese (or ASCII) in capitals; any other character as it is. The standard
/// library's case tables would add some 17 KB to the app for the few letters a province's name
/// can hold: Vietnamese letters are ASCII, Latin-1 (à … ý), ă đ ĩ ũ ơ ư, and the block of
/// Latin Extended Additional (ạ … ỹ), where each capital comes just before its small letter.
pub fn upper(c: char) -> char {
    let code = u32::from(c);
    let capital = match code {
        0x61..=0x7A | 0xE0..=0xFE if code != 0xF7 => code - 0x20,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => code - 1,
        0x1EA1..=0x1EF9 if code % 2 == 1 => code - 1,
        _ => code,
    };
    char::from_u32(capital).unwrap_or(c)
}

/// A Vietnamese text in capitals: "Lai Châu" reads "LAI CHÂU".
pub fn uppercase(text: &str) -> String {
    text.chars().map(upper).collect()
}

/// The resolution's adoption date ("2022-12-09") as the language writes a date: "09/12/2022",
/// "9 December 2022"; as written when it is not such a date.
fn adopted(plan: &Plan, lang: Lang) -> String {
    let mut parts = plan.adopted.split('-').map(|p| p.parse::<u32>());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Ok(y)), Some(Ok(m)), Some(Ok(d)), None) => date(y, m, d, lang),
        _ => plan.adopted.clone(),
    }
}

pub fn heading(plan: &Plan, lang: Lang) -> Heading {
    let province = &plan.province_vi;
    let year = plan.year;
    let resolution = &plan.resolution;
    let adopted = adopted(plan, lang);
    match lang {
        Lang::Vi => Heading {
            authority: [
                "ỦY BAN NHÂN DÂN".to_owned(),
                format!("TỈNH {}", uppercase(province)),
            ],
            nation: [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".to_owned(),
                "Độc lập - Tự do - Hạnh phúc".to_owned(),
            ],
            form: "Biểu số 01".to_owned(),
            title: format!(
                "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {year}"
            ),
            attached: format!(
                "(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm … của Ủy ban nhân dân tỉnh {province} \
                 về kết quả thực hiện Nghị quyết số {resolution} ngày {adopted} của Hội đồng nhân dân tỉnh)"
            ),
        },
        Lang::En => Heading {
            authority: [
                "PEOPLE'S COMMITTEE".to_owned(),
                format!("OF {} PROVINCE", uppercase(province)),
            ],
            nation: [
                "SOCIALIST REPUBLIC OF VIET NAM".to_owned(),
                "Independence - Freedom - Happiness".to_owned(),
            ],
            form: "Form 01".to_owned(),
            title: format!("RESULTS OF THE MAIN TARGETS OF THE {year} SOCIO-ECONOMIC DEVELOPMENT PLAN"),
            attached: format!(
                "(Attached to Report No. …/BC-UBND of … of the People's Committee of {province} province \
                 on Resolution {resolution} of {adopted} of the Provincial People's Council)"
            ),
        },
    }
}

/// What the count of a status says after the number of targets: "không đạt kế hoạch".
fn count_words(status: Status, year: u16, lang: Lang) -> String {
    let before = prior_year(year);
    match (status, lang) {
        (Status::NeedsBaseline, Lang::Vi) => format!("cần số năm {before} để đánh giá"),
        (Status::NeedsBaseline, Lang::En) => format!("needing the {before} figure"),
        (Status::Achieved, _) => lang
            .pick("đạt và vượt kế hoạch", "met or exceeded")
            .to_owned(),
        (Status::Missed, _) => lang.pick("không đạt kế hoạch", "missed").to_owned(),
        (Status::OnTrack, _) => lang.pick("đúng tiến độ", "on track").to_owned(),
        (Status::AtRisk, _) => lang.pick("có nguy cơ không đạt", "at risk").to_owned(),
        (Status::OffTrack, _) => lang.pick("chậm tiến độ", "off track").to_owned(),
        (Status::NoData, _) => lang
            .pick("chưa có số liệu", "with no figures yet")
            .to_owned(),
    }
}

/// The headline a report opens with: "Có 30/48 chỉ tiêu đạt và vượt kế hoạch; 5 chỉ tiêu không
/// đạt kế hoạch; 8 chỉ tiêu đúng tiến độ; 2 chỉ tiêu chưa có số liệu."
pub fn counts(headline: &Headline, lang: Lang) -> String {
    let mut parts = vec![headline_met(headline, lang)];
    for status in [
        Status::Missed,
        Status::OnTrack,
        Status::AtRisk,
        Status::OffTrack,
        Status::NeedsBaseline,
        Status::NoData,
    ] {
        let n = headline.summary.count(status);
        if n > 0 {
            parts.push(match lang {
                Lang::Vi => format!("{n} chỉ tiêu {}", count_words(status, headline.year, lang)),
                Lang::En => format!("{n} {}", count_words(status, headline.year, lang)),
            });
        }
    }
    format!("{}.", parts.join("; "))
}

/// The tasks and solutions in one line: "Nhiệm vụ trọng tâm và giải pháp chủ yếu: 2/13 hoàn
/// thành, 9 đang triển khai, 2 chưa triển khai."
pub fn tasks_done(plan: &Plan, tracking: &Tracking, lang: Lang) -> String {
    let count = |p: ItemProgress| {
        plan.items
            .iter()
            .filter(|i| tracking.item(&i.id).progress == p)
            .count()
    };
    let done = count(ItemProgress::Done);
    let rest: Vec<String> = [ItemProgress::InProgress, ItemProgress::NotStarted]
        .into_iter()
        .map(|p| (count(p), p))
        .filter(|(n, _)| *n > 0)
        .map(|(n, p)| format!("{n} {}", item_progress(p, lang).to_lowercase()))
        .collect();
    let all = plan.items.len();
    let done = match lang {
        Lang::Vi => format!("{done}/{all} hoàn thành"),
        Lang::En => format!("{done} of {all} done"),
    };
    let list = std::iter::once(done)
        .chain(rest)
        .collect::<Vec<_>>()
        .join(", ");
    format!("{}: {list}.", Msg::TasksTitle.get(lang))
}

pub fn columns(year: u16, lang: Lang) -> Columns {
    let before = prior_year(year);
    let text = |vi: &str, en: &str| lang.pick(vi, en).to_owned();
    Columns {
        stt: text("STT", "No."),
        name: text("Chỉ tiêu", "Target"),
        unit: text("ĐVT", "Unit"),
        plan: match lang {
            Lang::Vi => format!("Kế hoạch {year}"),
            Lang::En => format!("Plan {year}"),
        },
        prior: match lang {
            Lang::Vi => format!("TH {before}"),
            Lang::En => format!("Actual {before}"),
        },
        actual: text(
            "Ước TH / TH kỳ báo cáo",
            "Estimate / actual, period reported",
        ),
        value: text("Số liệu", "Figure"),
        period: text("Kỳ", "Period"),
        compare: text("So sánh", "Comparison"),
        of_plan: text("% KH", "% of plan"),
        same_period: text("% cùng kỳ", "% same period"),
        verdict: text("Đánh giá", "Assessment"),
        note: text("Ghi chú", "Notes"),
    }
}

/// What the comparison columns hold, printed under the table.
pub fn footnotes(year: u16, lang: Lang) -> Vec<String> {
    let before = prior_year(year);
    match lang {
        Lang::Vi => vec![
            "Cột «% KH»: số thực hiện so với kế hoạch; với chỉ tiêu tốc độ tăng và tỷ trọng cơ cấu \
             kinh tế là chênh lệch so với kế hoạch (điểm %); với chỉ tiêu mức giảm là mức giảm đạt \
             được so với mức giảm kế hoạch."
                .to_owned(),
            format!(
                "Cột «% cùng kỳ»: số thực hiện so với cùng kỳ năm {before} (%); với chỉ tiêu tỷ lệ là \
                 chênh lệch (điểm %). Cột «Kỳ»: kỳ của số liệu và loại số (ước thực hiện hoặc chính thức)."
            ),
        ],
        Lang::En => vec![
            "“% of plan”: the figure over the plan; for growth rates and shares of the economy, the \
             gap to the plan in percentage points; for reductions, the reduction made over the one \
             planned."
                .to_owned(),
            format!(
                "“% same period”: the figure over the same period of {before} (%); for rates, the \
                 change in percentage points. “Period”: the figure's period and kind (estimate or official)."
            ),
        ],
    }
}

pub fn tasks_title(lang: Lang) -> &'static str {
    lang.pick(
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP CHỦ YẾU",
        "FOCUS TASKS AND MAIN SOLUTIONS",
    )
}

pub fn task_columns(lang: Lang) -> [String; 4] {
    [
        lang.pick("STT", "No."),
        lang.pick("Nhiệm vụ, giải pháp", "Task or solution"),
        lang.pick("Tình hình thực hiện", "Progress"),
        lang.pick("Ghi chú", "Notes"),
    ]
    .map(str::to_owned)
}

pub fn section_title(section: Section, lang: Lang) -> &'static str {
    match section {
        Section::Focus => Msg::FocusTasks.get(lang),
        Section::Solution => Msg::Solutions.get(lang),
    }
}

pub fn item_progress(progress: ItemProgress, lang: Lang) -> &'static str {
    match progress {
        ItemProgress::NotStarted => Msg::NotStarted.get(lang),
        ItemProgress::InProgress => Msg::InProgress.get(lang),
        ItemProgress::Done => Msg::Done.get(lang),
    }
}

/// A day as an administrative document dates itself: "ngày 05 tháng 10 năm 2023", with a zero
/// before a day under 10 and the months 1 and 2 (Decree 30/2020/NĐ-CP); "5 October 2023".
fn dated(day: Day, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            let month = match day.month {
                1 | 2 => format!("{:02}", day.month),
                m => m.to_string(),
            };
            format!("ngày {:02} tháng {month} năm {}", day.day, day.year)
        }
        Lang::En => date(day.year, day.month, day.day, lang),
    }
}

pub fn signing(plan: &Plan, today: Option<Day>, lang: Lang) -> Signing {
    let when = match (today, lang) {
        (Some(day), _) => dated(day, lang),
        (None, Lang::Vi) => "ngày … tháng … năm …".to_owned(),
        (None, Lang::En) => "… … …".to_owned(),
    };
    let lines = |vi: &[&str], en: &[&str]| {
        let chosen = match lang {
            Lang::Vi => vi,
            Lang::En => en,
        };
        chosen.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()
    };
    Signing {
        place_date: format!("{}, {when}", plan.province_vi),
        signers: [
            Signer {
                role: lines(&["NGƯỜI LẬP BIỂU"], &["PREPARED BY"]),
                hint: lang
                    .pick("(Ký, ghi rõ họ tên)", "(Signature, full name)")
                    .to_owned(),
            },
            Signer {
                role: lines(
                    &["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                    &["FOR THE PEOPLE'S COMMITTEE", "CHAIRMAN"],
                ),
                hint: lang
                    .pick("(Ký tên, đóng dấu)", "(Signature and seal)")
                    .to_owned(),
            },
        ],
    }
}

#[cfg(test)]
mod tests;
