//! Reads the plan data against the resolution's text: every target, quote and value must be
//! there as the resolution writes it.

use super::model::{Goal, NumericKind, Plan, Section, RESOLUTION_TEXT};
use super::number::parse_number;
use crate::i18n::Lang;
use std::collections::HashSet;

fn plan() -> Plan {
    Plan::embedded().expect("the embedded plan data parses")
}

/// The resolution with its markdown emphasis removed and all white space folded to one space,
/// so that a paragraph broken by a page break still matches.
fn normalised(text: &str) -> String {
    text.replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Section 2 of Article 1, where the main targets are.
fn main_targets_section() -> &'static str {
    let start = RESOLUTION_TEXT
        .find("2. Các chỉ tiêu chủ yếu")
        .expect("section 2");
    let end = RESOLUTION_TEXT
        .find("3. Nhiệm vụ trọng tâm")
        .expect("section 3");
    &RESOLUTION_TEXT[start..end]
}

#[test]
fn there_are_48_numeric_targets_and_one_qualitative() {
    let plan = plan();
    let numeric = plan
        .targets
        .iter()
        .filter(|t| t.numeric().is_some())
        .count();
    let qualitative = plan
        .targets
        .iter()
        .filter(|t| t.goal == Goal::Maintain)
        .count();
    assert_eq!((numeric, qualitative), (48, 1));
}

#[test]
fn ids_are_unique_ascii_and_stable_looking() {
    let plan = plan();
    let mut seen = HashSet::new();
    for t in &plan.targets {
        assert!(seen.insert(t.id.as_str()), "duplicate id {}", t.id);
        assert!(
            t.id.as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id {} is not lower-case ASCII",
            t.id
        );
        assert!(!t.name_vi.is_empty() && !t.name_en.is_empty(), "{}", t.id);
    }
}

#[test]
fn every_quote_is_verbatim_from_section_2() {
    let section = main_targets_section();
    for t in &plan().targets {
        assert!(
            section.contains(&t.quote),
            "quote of {} is not in section 2: {:?}",
            t.id,
            t.quote
        );
    }
}

#[test]
fn every_value_appears_in_its_quote_as_written_and_parses_to_the_value() {
    for t in &plan().targets {
        let Some(goal) = t.numeric() else { continue };
        let written = &goal.as_written;
        // The value must stand as a whole number in the quote: "9,0%" but not the "9" of "19".
        let found = t.quote.match_indices(written.as_str()).any(|(i, _)| {
            let before = t.quote[..i].chars().last();
            let after = t.quote[i + written.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && !after.is_some_and(|c| c.is_ascii_digit() || c == ',')
        });
        assert!(found, "{}: {written} is not in {:?}", t.id, t.quote);
        assert_eq!(
            parse_number(written, Lang::Vi, None),
            Ok(Some(goal.value)),
            "{}",
            t.id
        );
        if let Some(sign) = goal.unit.sign() {
            assert!(
                t.quote.contains(&format!("{written}{sign}")),
                "{}: unit sign",
                t.id
            );
        } else {
            assert!(
                t.quote.contains(goal.unit.label(Lang::Vi)),
                "{}: unit {:?}",
                t.id,
                goal.unit
            );
        }
    }
}

#[test]
fn every_number_of_section_2_is_a_target() {
    // Read section 2 number by number: each figure must be some target's value, so that no
    // target is missing from the data file.
    let plan = plan();
    let written: HashSet<&str> = plan
        .targets
        .iter()
        .filter_map(|t| t.numeric())
        .map(|g| g.as_written.as_str())
        .collect();
    let section = main_targets_section();
    let mut numbers = Vec::new();
    let mut current = String::new();
    for c in section.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (!current.is_empty() && (c == ',' || c == '.')) {
            current.push(c);
        } else if !current.is_empty() {
            numbers.push(current.trim_end_matches([',', '.']).to_owned());
            current.clear();
        }
    }
    // The section's own numbering "2." and "(1)" … "(10)", and the criteria range "15-18" and
    // the years and levels named in the clauses, are not targets.
    let not_targets = [
        "2", "1", "3", "4", "5", "6", "7", "8", "9", "10", "15", "18", "2022", "2025",
    ];
    for n in numbers {
        if not_targets.contains(&n.as_str()) {
            continue;
        }
        assert!(
            written.contains(n.as_str()),
            "{n} in section 2 is no target's value"
        );
    }
}

#[test]
fn all_ten_groups_have_targets() {
    let plan = plan();
    let numbers: Vec<u8> = plan.groups.iter().map(|g| g.number).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    for g in &plan.groups {
        assert!(
            plan.targets_in(g.number).count() > 0,
            "group {} is empty",
            g.number
        );
    }
    assert!(plan.targets.iter().all(|t| plan.group(t.group).is_some()));
}

#[test]
fn the_structure_shares_sum_to_100() {
    let plan = plan();
    let shares: Vec<f64> = plan
        .structure()
        .filter_map(|t| t.numeric())
        .map(|g| g.value)
        .collect();
    assert_eq!(shares.len(), 4);
    let hundredths: i64 = shares.iter().map(|v| (v * 100.0).round() as i64).sum();
    assert_eq!(hundredths, 10_000);
}

#[test]
fn kinds_follow_the_wording() {
    let plan = plan();
    let kind = |id: &str| plan.target(id).and_then(|t| t.numeric()).map(|g| g.kind);
    assert_eq!(kind("grdp-growth"), Some(NumericKind::About));
    assert_eq!(kind("underweight-children"), Some(NumericKind::Below));
    assert_eq!(kind("stunted-children"), Some(NumericKind::ReduceTo));
    assert_eq!(kind("poverty-reduction"), Some(NumericKind::ReduceBy));
    assert_eq!(kind("birth-rate-reduction"), Some(NumericKind::ReduceBy));
    assert_eq!(kind("trade-growth"), Some(NumericKind::Growth));
    assert_eq!(kind("structure-services"), Some(NumericKind::Share));
    for t in &plan.targets {
        if let Some(g) = t.numeric() {
            let quote = t.quote.to_lowercase();
            match g.kind {
                NumericKind::About => assert!(quote.contains("khoảng"), "{}", t.id),
                NumericKind::Below => assert!(quote.contains("xuống dưới"), "{}", t.id),
                NumericKind::ReduceTo => assert!(quote.contains("xuống"), "{}", t.id),
                NumericKind::ReduceBy => assert!(quote.contains("giảm"), "{}", t.id),
                NumericKind::Growth => assert!(
                    quote.contains("tăng") || t.name_vi.contains("tăng"),
                    "{}",
                    t.id
                ),
                NumericKind::Share | NumericKind::AtLeast => {}
            }
        }
    }
}

#[test]
fn tasks_and_solutions_are_all_there_and_verbatim() {
    let plan = plan();
    let text = normalised(RESOLUTION_TEXT);
    let ids: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["3a", "3b", "3c", "3d", "3e", "3f", "3g", "3h", "4a", "4b", "4c", "4d", "4e"]
    );
    for item in &plan.items {
        let expected = if item.id.as_str().starts_with('3') {
            Section::Focus
        } else {
            Section::Solution
        };
        assert_eq!(item.section, expected, "{}", item.id.as_str());
        assert!(!item.text_vi.is_empty());
        for paragraph in &item.text_vi {
            assert!(
                text.contains(&normalised(paragraph)),
                "{}: {paragraph:.60}",
                item.id.as_str()
            );
        }
    }
    assert_eq!(plan.items[0].label(), "3.a");
}

#[test]
fn a_broken_plan_file_is_an_error_not_a_panic() {
    assert!(Plan::from_json("{").is_err());
    let missing_unit = super::model::PLAN_JSON.replacen("\"unit\": \"%\",", "", 1);
    assert!(Plan::from_json(&missing_unit).is_err());
}
