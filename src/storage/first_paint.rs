//! The first paint's record (issue 7): the figures the app last drew, kept in storage so that the
//! next visit's boot module can show them before the app's WASM has arrived, with neither the
//! plan, nor the progress engine, nor a JSON parser. Pure: the record's text, and the check that
//! a record belongs to exactly the data stored, to this build and to the reader's language.
//!
//! It is a cache of a drawing, never data: nothing reads figures from it, it is not exported, and
//! a record that does not match is ignored (the app draws the figures a moment later).

use crate::i18n::Lang;
use crate::plan::{Plan, Progress, Status};
use crate::prerender::{overview_html, FigureCells, Figures, RowCells, BUILD_LANG};

/// The first line of a record; another line means another format, and the record is ignored.
const HEADER: &str = "first-paint 1";

/// What the boot module draws.
#[derive(Debug, PartialEq)]
pub enum Paint {
    /// The figures' cells of the overview pre-rendered in the build's language, filled in place.
    Cells(FigureCells),
    /// The whole overview in another language (`prerender::overview_html`), drawn again.
    Page(String),
}

/// What the app drew, and from what.
#[derive(Debug, PartialEq)]
pub struct Record {
    /// The build that drew it (`<meta name="app-build">`, written by the build step): another
    /// build may draw the same data differently.
    pub build: String,
    /// [`data_hash`] of the stored data's text the figures were drawn from.
    pub data: u64,
    pub lang: Lang,
    pub paint: Paint,
}

/// What the boot module may draw.
#[derive(Debug, PartialEq)]
pub enum Choice {
    /// The app's own drawing of exactly the data stored, in the reader's language.
    Draw(Lang, Paint),
    /// Nothing is stored (a first visit): every target has no figure yet, which the page built
    /// for it says in the build's language (`prerender::EMPTY_ATTR`).
    NothingStored(Lang),
    /// Nothing may be drawn: the page keeps its placeholders until the app comes.
    Wait,
}

/// The paint the app keeps for `lang`: cells for the build's language, the page for another.
pub fn paint_of(plan: &Plan, lang: Lang, all: &[Progress]) -> Paint {
    if lang == BUILD_LANG {
        Paint::Cells(FigureCells::of(plan, lang, all))
    } else {
        Paint::Page(overview_html(plan, lang, Figures::Known(all)))
    }
}

/// FNV-1a (64 bits) of the stored data's text; nothing stored is 0.
pub fn data_hash(text: Option<&str>) -> u64 {
    text.map_or(0, |text| {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}

/// The language kept under `LANG_KEY` (serde's JSON string, `"en"`), read without a JSON
/// parser; nothing or anything else is the default, as in the app.
pub fn stored_lang(text: Option<&str>) -> Lang {
    text.and_then(|t| t.strip_prefix('"')?.strip_suffix('"'))
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// Decides what the first paint may show from the raw values of storage: the data's text, the
/// language's and the record's. `build` is the page's build (empty when the page has none).
pub fn choose(build: &str, data: Option<&str>, lang: Option<&str>, record: Option<&str>) -> Choice {
    let lang = stored_lang(lang);
    match record.and_then(Record::decode) {
        Some(r)
            if !build.is_empty()
                && r.build == build
                && r.data == data_hash(data)
                && r.lang == lang =>
        {
            Choice::Draw(lang, r.paint)
        }
        _ if data.is_none() => Choice::NothingStored(lang),
        _ => Choice::Wait,
    }
}

/// Escapes the three characters the format splits on.
fn esc(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
}

fn unesc(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\\' => match chars.next()? {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                _ => return None,
            },
            c => c,
        });
    }
    Some(out)
}

/// A line of tab-separated, escaped fields.
fn line(fields: &[&str], out: &mut String) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        esc(field, out);
    }
    out.push('\n');
}

fn fields(line: &str) -> Option<Vec<String>> {
    line.split('\t').map(unesc).collect()
}

/// The figures' cells as text: the caption, the counts, then a line per row.
pub fn encode_cells(cells: &FigureCells) -> String {
    let mut out = String::with_capacity(256 * cells.rows.len());
    line(&["caption", &cells.caption], &mut out);
    let counts: Vec<String> = cells
        .counts
        .iter()
        .flat_map(|(status, n)| [status.code().to_owned(), n.to_string()])
        .collect();
    let mut head = vec!["counts"];
    head.extend(counts.iter().map(String::as_str));
    line(&head, &mut out);
    for row in &cells.rows {
        line(
            &[
                "row",
                &row.id,
                &row.current,
                &row.achievement,
                &row.status_html,
            ],
            &mut out,
        );
    }
    out
}

/// Reads [`encode_cells`]' text back; `None` for anything else.
pub fn decode_cells(text: &str) -> Option<FigureCells> {
    let mut lines = text.lines();
    let caption = match fields(lines.next()?)?.as_slice() {
        [tag, caption] if tag == "caption" => caption.clone(),
        _ => return None,
    };
    let counts = fields(lines.next()?)?;
    if counts.first().map(String::as_str) != Some("counts") || counts.len() % 2 != 1 {
        return None;
    }
    let counts = counts[1..]
        .chunks(2)
        .map(|pair| Some((Status::from_code(&pair[0])?, pair[1].parse().ok()?)))
        .collect::<Option<Vec<_>>>()?;
    let rows = lines
        .map(|l| match fields(l)?.as_mut_slice() {
            [tag, id, current, achievement, status_html] if tag == "row" => Some(RowCells {
                id: std::mem::take(id),
                current: std::mem::take(current),
                achievement: std::mem::take(achievement),
                status_html: std::mem::take(status_html),
            }),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(FigureCells {
        rows,
        counts,
        caption,
    })
}

impl Record {
    pub fn encode(&self) -> String {
        let mut out = String::new();
        let data = format!("{:016x}", self.data);
        let kind = match self.paint {
            Paint::Cells(_) => "cells",
            Paint::Page(_) => "page",
        };
        line(
            &[HEADER, &self.build, &data, self.lang.code(), kind],
            &mut out,
        );
        match &self.paint {
            Paint::Cells(cells) => out.push_str(&encode_cells(cells)),
            Paint::Page(html) => line(&[html], &mut out),
        }
        out
    }

    /// Reads a record back; `None` for anything that is not one, whole.
    pub fn decode(text: &str) -> Option<Record> {
        let (head, body) = text.split_once('\n')?;
        let [header, build, data, lang, kind]: [String; 5] = fields(head)?.try_into().ok()?;
        if header != HEADER {
            return None;
        }
        let paint = match kind.as_str() {
            "cells" => Paint::Cells(decode_cells(body)?),
            "page" => Paint::Page(unesc(body.strip_suffix('\n')?)?),
            _ => return None,
        };
        Some(Record {
            build,
            data: u64::from_str_radix(&data, 16).ok()?,
            lang: Lang::from_code(&lang)?,
            paint,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{progress_all, Basis, Entry, Period, Tracking};

    fn cells(lang: Lang) -> (Plan, FigureCells) {
        let plan = Plan::embedded().expect("plan");
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
        let all = progress_all(&plan, &tracking);
        let cells = FigureCells::of(&plan, lang, &all);
        (plan, cells)
    }

    fn record(paint: Paint) -> Record {
        Record {
            build: "b1".to_owned(),
            data: data_hash(Some("{\"schema\":1}")),
            lang: Lang::Vi,
            paint,
        }
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let (plan, cells) = cells(Lang::Vi);
        let r = record(Paint::Cells(cells));
        assert_eq!(Record::decode(&r.encode()), Some(r));
        // A page, with the characters the format splits on inside it.
        let all = progress_all(&plan, &Tracking::default());
        let html = format!(
            "{}\n\ta\\b",
            overview_html(&plan, Lang::En, Figures::Known(&all))
        );
        let r = Record {
            lang: Lang::En,
            ..record(Paint::Page(html))
        };
        assert_eq!(Record::decode(&r.encode()), Some(r));
    }

    #[test]
    fn anything_but_a_whole_record_is_refused() {
        let (_, cells) = cells(Lang::Vi);
        let text = record(Paint::Cells(cells)).encode();
        assert!(Record::decode(&text.replacen("first-paint 1", "first-paint 2", 1)).is_none());
        assert!(Record::decode(&text.replacen("\tcells", "\tcell", 1)).is_none());
        assert!(Record::decode(&text.replacen("\tvi\t", "\tfr\t", 1)).is_none());
        assert!(Record::decode(&text.replacen("achieved\t", "reached\t", 1)).is_none());
        assert!(Record::decode(&text.replacen("row\t", "rows\t", 1)).is_none());
        assert!(Record::decode(&text.replacen("\tb1\t", "\tb1\\x\t", 1)).is_none());
        assert!(Record::decode("").is_none());
        assert!(Record::decode("{\"schema\":1}").is_none());
    }

    #[test]
    fn only_a_record_of_the_data_stored_this_build_and_the_readers_language_is_drawn() {
        let data = Some("{\"schema\":1}");
        let (_, cells) = cells(Lang::Vi);
        let text = record(Paint::Cells(cells)).encode();
        let drawn = choose("b1", data, None, Some(&text));
        assert!(matches!(drawn, Choice::Draw(Lang::Vi, Paint::Cells(_))));
        assert_eq!(choose("b1", data, Some("\"vi\""), Some(&text)), drawn);
        // Other data, another build, another language, no build at all: not drawn.
        assert_eq!(
            choose("b1", Some("{\"schema\":1} "), None, Some(&text)),
            Choice::Wait
        );
        assert_eq!(choose("b2", data, None, Some(&text)), Choice::Wait);
        assert_eq!(choose("", data, None, Some(&text)), Choice::Wait);
        assert_eq!(
            choose("b1", data, Some("\"en\""), Some(&text)),
            Choice::Wait
        );
        assert_eq!(choose("b1", data, None, Some("garbage")), Choice::Wait);
        assert_eq!(choose("b1", data, None, None), Choice::Wait);
        // Nothing stored and no record of that: a first visit, in the reader's language.
        assert_eq!(
            choose("b1", None, None, None),
            Choice::NothingStored(Lang::Vi)
        );
        assert_eq!(
            choose("b1", None, Some("\"en\""), Some(&text)),
            Choice::NothingStored(Lang::En)
        );
    }

    #[test]
    fn the_language_is_read_as_serde_writes_it() {
        for lang in [Lang::Vi, Lang::En] {
            let stored = serde_json::to_string(&lang).expect("json");
            assert_eq!(stored_lang(Some(&stored)), lang);
        }
        assert_eq!(stored_lang(None), Lang::Vi);
        assert_eq!(stored_lang(Some("en")), Lang::Vi);
    }

    #[test]
    fn the_hash_tells_texts_apart() {
        assert_eq!(data_hash(None), 0);
        // FNV-1a's published value for "a".
        assert_eq!(data_hash(Some("a")), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(data_hash(Some("{\"v\":1}")), data_hash(Some("{\"v\":2}")));
        assert_ne!(data_hash(Some("")), data_hash(None));
    }

    #[test]
    fn the_build_language_keeps_cells_and_another_the_page() {
        let plan = Plan::embedded().expect("plan");
        let all = progress_all(&plan, &Tracking::default());
        assert!(matches!(paint_of(&plan, BUILD_LANG, &all), Paint::Cells(_)));
        match paint_of(&plan, BUILD_LANG.other(), &all) {
            Paint::Page(html) => assert!(html.contains("data-figures=\"user\"")),
            Paint::Cells(_) => panic!("the other language draws the page"),
        }
    }

    /// Bounded property tests: storage may hold anything under the record's key.
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Field text as the app could write it: anything but a carriage return, which
        /// `str::lines` would take off a line's end (the app never writes one).
        fn field() -> impl Strategy<Value = String> {
            "[^\r]{0,12}"
        }

        fn any_record() -> impl Strategy<Value = Record> {
            let row = (field(), field(), field(), field()).prop_map(
                |(id, current, achievement, status_html)| RowCells {
                    id,
                    current,
                    achievement,
                    status_html,
                },
            );
            let cells = (
                proptest::collection::vec(row, 0..4),
                proptest::collection::vec((0..Status::ALL.len(), any::<usize>()), 0..4),
                field(),
            )
                .prop_map(|(rows, counts, caption)| {
                    Paint::Cells(FigureCells {
                        rows,
                        counts: counts
                            .into_iter()
                            .map(|(s, n)| (Status::ALL[s], n))
                            .collect(),
                        caption,
                    })
                });
            let paint = prop_oneof![cells, field().prop_map(Paint::Page)];
            (field(), any::<u64>(), any::<bool>(), paint).prop_map(|(build, data, en, paint)| {
                Record {
                    build,
                    data,
                    lang: if en { Lang::En } else { Lang::Vi },
                    paint,
                }
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

            #[test]
            fn any_text_is_a_record_or_nothing(text in "\\PC{0,200}") {
                let _ = Record::decode(&text);
                let _ = decode_cells(&text);
            }

            #[test]
            fn any_bytes_are_a_record_or_nothing(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
                let _ = Record::decode(&String::from_utf8_lossy(&bytes));
            }

            #[test]
            fn a_record_round_trips(record in any_record()) {
                prop_assert_eq!(Record::decode(&record.encode()), Some(record));
            }

            /// A valid record with pieces replaced at character boundaries reads as a record or
            /// as nothing.
            #[test]
            fn a_mutated_record_is_a_record_or_nothing(
                record in any_record(),
                edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..3, "[\t\n\\\\a-z0-9é]{0,3}"), 1..4),
            ) {
                let mut chars: Vec<char> = record.encode().chars().collect();
                for (at, cut, insert) in edits {
                    let start = at.index(chars.len() + 1);
                    let end = (start + cut).min(chars.len());
                    chars.splice(start..end, insert.chars());
                }
                let _ = Record::decode(&chars.into_iter().collect::<String>());
            }
        }
    }
}
