//! The first paint's record: what the app last drew of the overview, kept in storage as data
//! (named texts, no markup), so that the next visit's script (`first_paint.js`, inline in the
//! page) shows the user's figures before the app's WASM has arrived. Pure: the record's JSON,
//! the hash that ties it to the stored data's text, and the values a first visit draws.
//!
//! It is a cache of a drawing, never data: nothing reads figures from it, it is not exported, and
//! a record that does not match the data stored, this build and the reader's language is ignored
//! (the app draws the figures a moment later).

use serde::{Deserialize, Serialize};

use super::overview::{overview, Figures, BUILD_LANG};
use crate::i18n::Lang;
use crate::plan::{Plan, Progress, Tracking};

/// The record's format; the script draws only this one.
pub const FORMAT: u32 = 2;

/// The script that draws the record, inline at the end of the page's body.
pub const SCRIPT: &str = include_str!("first_paint.js");

/// The first paint's record.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format: u32,
    /// The build that drew it (`<meta name="app-build">`, written by the build step): another
    /// build may draw the same data differently.
    pub build: String,
    /// [`data_hash`] of the stored data's text the figures were drawn from.
    pub data: String,
    /// The language it was drawn in (`Lang::code`).
    pub lang: String,
    /// Every value to write, by its token in the page (`writer::Fill`).
    pub fill: Vec<(String, String)>,
}

impl Record {
    pub fn new(build: &str, data: Option<&str>, lang: Lang, fill: Vec<(String, String)>) -> Record {
        Record {
            format: FORMAT,
            build: build.to_owned(),
            data: data_hash(data),
            lang: lang.code().to_owned(),
            fill,
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether `kept`, a record's text, was drawn by the same build from the same data in the
    /// same language as this one: then its values are this one's too, and drawing them again
    /// (the whole overview) can be spared.
    pub fn same_source(&self, kept: &str) -> bool {
        #[derive(Deserialize)]
        struct Source {
            format: u32,
            build: String,
            data: String,
            lang: String,
        }
        serde_json::from_str::<Source>(kept).is_ok_and(|k| {
            (k.format, k.build.as_str(), k.data.as_str(), k.lang.as_str())
                == (self.format, &self.build, &self.data, &self.lang)
        })
    }
}

/// The values the app keeps for the next visit in `lang`: the figures' alone for the language
/// the page is built in, every value of the overview for another.
pub fn paint_of(
    plan: &Plan,
    lang: Lang,
    all: &[Progress],
    tracking: &Tracking,
) -> Vec<(String, String)> {
    overview(plan, lang, Figures::Known(all, tracking)).fills_for(lang)
}

/// FNV-1a (32 bits) of the text's UTF-16 code units and the text's length, in hex ("9f1c…-b0a4");
/// nothing stored is "0". Not cryptographic: it tells the data a record was drawn from apart from
/// data changed since (a change that keeps both the length and the hash is one in four billion).
/// UTF-16, because the script reads the text as JavaScript does; one short loop, because the
/// script runs it over the whole stored text before the first paint.
pub fn data_hash(text: Option<&str>) -> String {
    let Some(text) = text else {
        return "0".to_owned();
    };
    let (hash, length) =
        text.encode_utf16()
            .fold((0x811c_9dc5_u32, 0_usize), |(hash, length), unit| {
                (
                    (hash ^ u32::from(unit)).wrapping_mul(0x0100_0193),
                    length + 1,
                )
            });
    format!("{hash:x}-{length:x}")
}

/// The values of a plan with no figures yet, as the page built carries them (JSON in
/// `#first-visit`): a first visit, with nothing stored, draws them.
pub fn empty_fill(plan: &Plan) -> String {
    let fill = overview(plan, BUILD_LANG, Figures::Unknown).fills_for(BUILD_LANG);
    serde_json::to_string(&fill).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{progress_all, Basis, Entry, Period, Tracking};
    use crate::storage::schema::{DATA_KEY, FIRST_PAINT_KEY, LANG_KEY};

    fn all(plan: &Plan) -> (Vec<Progress>, Tracking) {
        let mut tracking = Tracking::default();
        let revenue = plan.target("budget-revenue").expect("target").id.clone();
        tracking.upsert_entry(
            &revenue,
            Entry {
                period: Period::Year,
                basis: Basis::Official,
                value: 2500.0,
                note: String::new(),
            },
        );
        (progress_all(plan, &tracking), tracking)
    }

    #[test]
    fn the_hash_is_the_scripts() {
        // The values the script's `digest` gives (tests/e2e/prerender.test.mjs checks the same).
        assert_eq!(data_hash(None), "0");
        assert_eq!(data_hash(Some("")), "811c9dc5-0");
        assert_eq!(data_hash(Some("a")), "e40c292c-1");
        assert_eq!(data_hash(Some("Cục Thống kê")), "c66463eb-c");
        assert_ne!(data_hash(Some("{\"v\":1}")), data_hash(Some("{\"v\":2}")));
    }

    #[test]
    fn the_script_reads_the_keys_the_app_writes() {
        for key in [DATA_KEY, LANG_KEY, FIRST_PAINT_KEY] {
            assert!(SCRIPT.contains(&format!("'{key}'")), "{key}");
        }
        assert!(SCRIPT.contains(&format!("record.format === {FORMAT}")));
        for attr in super::super::writer::ATTRIBUTES {
            assert!(SCRIPT.contains(&format!("'{attr}'")), "{attr}");
        }
        // Nothing in it is written as markup.
        assert!(!SCRIPT.contains("innerHTML") && !SCRIPT.contains("outerHTML"));
        assert!(!SCRIPT.contains("</script"));
    }

    #[test]
    fn a_record_is_json_with_the_texts_by_name() {
        let plan = Plan::embedded().expect("plan");
        let (all, tracking) = all(&plan);
        let record = Record::new(
            "b1",
            Some("{}"),
            Lang::Vi,
            paint_of(&plan, Lang::Vi, &all, &tracking),
        );
        let back: Record = serde_json::from_str(&record.encode()).expect("json");
        assert_eq!(back, record);
        // The value of `token` in the row of `id`.
        let value = |id: &str, token: &str| {
            let row = record
                .fill
                .iter()
                .position(|(t, v)| t == "#row" && v == id)?;
            record.fill[row + 1..]
                .iter()
                .take_while(|(t, _)| t != "#row")
                .find(|(t, _)| t == token)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(
            value("budget-revenue", "status-cell@data-status"),
            Some("achieved")
        );
        assert_eq!(
            value("budget-revenue", "status-cell.word"),
            Some("Đạt/vượt")
        );
        assert!(value("budget-revenue", "current-value").is_some_and(|v| v.contains("2.500")));
        // In the build's language only the figures are kept: the page has the words.
        assert_eq!(value("budget-revenue", "name"), None);
        assert!(!record.fill.iter().any(|(t, _)| t == "title"));
    }

    #[test]
    fn a_kept_record_of_the_same_build_data_and_language_will_do() {
        let kept = Record::new("b1", Some("{}"), Lang::Vi, vec![("x".into(), "1".into())]);
        let kept = kept.encode();
        let same = Record::new("b1", Some("{}"), Lang::Vi, Vec::new());
        assert!(same.same_source(&kept));
        assert!(!Record::new("b2", Some("{}"), Lang::Vi, Vec::new()).same_source(&kept));
        assert!(!Record::new("b1", Some("{ }"), Lang::Vi, Vec::new()).same_source(&kept));
        assert!(!Record::new("b1", Some("{}"), Lang::En, Vec::new()).same_source(&kept));
        assert!(!same.same_source("{\"format\":1,\"build\":\"b1\"}"));
        assert!(!same.same_source("<b>"));
    }

    #[test]
    fn another_language_keeps_every_value() {
        let plan = Plan::embedded().expect("plan");
        let (all, tracking) = all(&plan);
        let vi = paint_of(&plan, Lang::Vi, &all, &tracking);
        let en = paint_of(&plan, Lang::En, &all, &tracking);
        assert!(en.len() > vi.len());
        let tokens = |fill: &[(String, String)]| -> Vec<String> {
            fill.iter().map(|(t, _)| t.clone()).collect()
        };
        for token in tokens(&vi) {
            assert!(tokens(&en).contains(&token), "{token}");
        }
        assert!(en.contains(&("title".to_owned(), plan.title_en.clone())));
        assert!(en.contains(&("switch@lang".to_owned(), "vi".to_owned())));
    }

    #[test]
    fn a_first_visit_draws_a_plan_with_no_figures() {
        let plan = Plan::embedded().expect("plan");
        let fill: Vec<(String, String)> = serde_json::from_str(&empty_fill(&plan)).expect("json");
        let none = progress_all(&plan, &Tracking::default());
        assert_eq!(
            fill,
            paint_of(&plan, BUILD_LANG, &none, &Tracking::default())
        );
        let row = fill
            .iter()
            .position(|(t, v)| t == "#row" && v == "forest-cover")
            .expect("row");
        assert_eq!(fill[row + 1], ("current-value".to_owned(), "—".to_owned()));
        // The counts come in the summary's order: "no data" last.
        let counts: Vec<&str> = fill
            .iter()
            .filter(|(t, _)| t == "count")
            .map(|(_, v)| v.as_str())
            .collect();
        let all = plan.targets.len().to_string();
        assert_eq!(counts.last(), Some(&all.as_str()));
    }
}
