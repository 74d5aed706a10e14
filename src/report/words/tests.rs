//! Tests of the fixed words: capitals without the standard library's case tables, and the
//! heading, columns and signing read from the plan's data, never written for one province or
//! year.

use super::*;
use crate::report::fixtures::{bieu, plan, progress};
use crate::report::Bieu;

#[test]
fn vietnamese_letters_take_their_capitals_as_the_standard_library_gives_them() {
    let small =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
    assert_eq!(uppercase(small), small.to_uppercase());
    assert_eq!(uppercase("Lai Châu, Điện Biên"), "LAI CHÂU, ĐIỆN BIÊN");
    // What is not a small Vietnamese letter stays as it is.
    for c in ['÷', 'ß', 'ı', 'ÿ', '1', ' ', 'Ư', 'Ỹ', 'ỻ'] {
        assert_eq!(upper(c), c, "{c}");
    }
}

#[test]
fn the_heading_and_signing_come_from_the_plans_data() {
    let vi = bieu(Lang::Vi);
    assert_eq!(vi.heading.authority, ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"]);
    assert_eq!(
        vi.heading.nation,
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc"
        ]
    );
    assert_eq!(vi.heading.form, "Biểu số 01");
    assert_eq!(
        vi.heading.title,
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023"
    );
    assert!(vi
        .heading
        .attached
        .contains("Nghị quyết số 52/NQ-HĐND ngày 09/12/2022"));
    assert_eq!(vi.signing.place_date, "Lai Châu, ngày 05 tháng 12 năm 2023");
    let roles: Vec<Vec<&str>> = vi
        .signing
        .signers
        .iter()
        .map(|s| s.role.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        roles,
        [
            vec!["NGƯỜI LẬP BIỂU"],
            vec!["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
        ]
    );

    // Another province and year: nothing of Lai Châu or 2023 is written in the code.
    let mut other = plan();
    other.province_vi = "Điện Biên".to_owned();
    other.year = 2024;
    other.resolution = "61/NQ-HĐND".to_owned();
    other.adopted = "2023-12-08".to_owned();
    let tracking = Tracking::default();
    let day = Day {
        year: 2024,
        month: 2,
        day: 7,
    };
    let b = Bieu::of(
        &other,
        &tracking,
        &progress(&other, &tracking),
        Lang::Vi,
        Some(day),
    );
    assert_eq!(b.heading.authority[1], "TỈNH ĐIỆN BIÊN");
    assert!(b.heading.title.ends_with("NĂM 2024"));
    assert!(b
        .heading
        .attached
        .contains("Nghị quyết số 61/NQ-HĐND ngày 08/12/2023"));
    assert_eq!(
        (b.columns.plan.as_str(), b.columns.prior.as_str()),
        ("Kế hoạch 2024", "TH 2023")
    );
    // Day under 10 and months 1 and 2 with a zero, as administrative documents date.
    assert_eq!(b.signing.place_date, "Điện Biên, ngày 07 tháng 02 năm 2024");
    assert_eq!(b.up_to, "Chưa có số liệu");
    let undated = Bieu::of(
        &other,
        &tracking,
        &progress(&other, &tracking),
        Lang::Vi,
        None,
    );
    assert_eq!(
        undated.signing.place_date,
        "Điện Biên, ngày … tháng … năm …"
    );
    for text in b.footnotes.iter().chain([&b.heading.attached]) {
        assert!(
            !text.contains("2022") || text.contains("08/12/2023"),
            "{text}"
        );
    }
}
