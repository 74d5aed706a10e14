//! Which unreadable values are kept, and under which keys: every different one, with the time
//! it was set aside, up to a limit (the keys and the limit are `schema`'s). Pure Rust.

use super::schema::{set_aside_key, set_aside_time, MAX_SET_ASIDE};

/// What setting a value aside takes: the key to write it under (none when the very text is
/// kept already) and the oldest keys to remove, so that at most [`MAX_SET_ASIDE`] stay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub write: Option<String>,
    pub remove: Vec<String>,
}

/// Plans setting `raw` aside at `now`, given the values kept (key and text, in any order).
pub fn plan_set_aside(kept: &[(String, &str)], raw: &str, now: &str) -> SetAside {
    if kept.iter().any(|(_, text)| *text == raw) {
        return SetAside {
            write: None,
            remove: Vec::new(),
        };
    }
    // Two values set aside in the same millisecond get distinct keys.
    let mut key = set_aside_key(now);
    let mut n = 1;
    while kept.iter().any(|(k, _)| *k == key) {
        n += 1;
        key = format!("{}#{n}", set_aside_key(now));
    }
    let mut oldest: Vec<&String> = kept
        .iter()
        .map(|(k, _)| k)
        .filter(|k| set_aside_time(k).is_some())
        .collect();
    // The key without a time is the oldest; times sort as text.
    oldest.sort_by_key(|k| set_aside_time(k).flatten().map(str::to_owned));
    let over = (oldest.len() + 1).saturating_sub(MAX_SET_ASIDE);
    SetAside {
        write: Some(key),
        remove: oldest.into_iter().take(over).cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::schema::UNREADABLE_KEY;

    #[test]
    fn every_unreadable_value_is_set_aside_once_within_the_limit() {
        let key = |t: &str| set_aside_key(t);
        assert_eq!(set_aside_time(&key("t1")), Some(Some("t1")));
        assert_eq!(set_aside_time(UNREADABLE_KEY), Some(None));
        let check =
            |kept: &[(String, &str)], raw: &str, write: Option<String>, remove: &[String]| {
                let plan = plan_set_aside(kept, raw, "t9");
                assert_eq!(plan.write, write, "{kept:?} {raw}");
                assert_eq!(plan.remove, remove, "{kept:?} {raw}");
            };
        check(&[], "{x", Some(key("t9")), &[]);
        // A second value beside the first, and beside one an older build kept.
        let two = [(UNREADABLE_KEY.to_owned(), "{a"), (key("t1"), "{b")];
        check(&two, "{c", Some(key("t9")), &[]);
        // The same text again (a reload over it) is kept once.
        check(&two, "{a", None, &[]);
        check(&two, "{b", None, &[]);
        // The same millisecond, another text.
        check(
            &[(key("t9"), "{a")],
            "{b",
            Some(format!("{}#2", key("t9"))),
            &[],
        );
        // Full: the oldest goes, the one without a time first.
        let mut full: Vec<(String, &str)> = vec![(UNREADABLE_KEY.to_owned(), "old")];
        let texts: Vec<String> = (0..MAX_SET_ASIDE - 1).map(|i| format!("v{i}")).collect();
        for (i, text) in texts.iter().enumerate() {
            full.push((key(&format!("t{i}")), text));
        }
        check(&full, "new", Some(key("t9")), &[UNREADABLE_KEY.to_owned()]);
        full.remove(0);
        full.push((key("t8a"), "w"));
        check(&full, "new", Some(key("t9")), &[key("t0")]);
    }
}
