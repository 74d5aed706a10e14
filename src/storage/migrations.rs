//! The steps that turn saved data of one schema version into the next. Each step works on the
//! JSON of `data` alone and is frozen once released: a fixture of every version must restore.

use serde_json::{Map, Value};

use crate::plan::{Measure, Period, Plan};

/// Version 1 → 2.
///
/// - `baselines` (the 2022 value per target) becomes `prior_year[target]["Y"]`: version 2
///   keeps the 2022 figures of every period, the whole year's among them.
/// - Version 1 read a flow's month and quarter figures as accumulated from January; version 2
///   tells a period's own figure from the cumulative one, so a flow's `M05` becomes `C05`
///   (five months), `Q2` becomes `H1`, `Q3` `9M` and `Q4` `Y`. January and the first quarter
///   are cumulative either way and keep their codes. Where two figures of one basis land on the
///   same period, the one version 1 showed as current is kept and the other's value is written
///   into its note (the whole version-1 value is also kept under its own key on load).
pub fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let plan = Plan::embedded().map_err(|e| e.to_string())?;
    let object = data.as_object_mut().ok_or("data is not an object")?;
    if let Some(baselines) = object.remove("baselines") {
        let baselines = baselines
            .as_object()
            .ok_or("baselines is not an object")?
            .clone();
        let prior: Map<String, Value> = baselines
            .into_iter()
            .map(|(id, value)| (id, Value::Object(Map::from_iter([("Y".to_owned(), value)]))))
            .collect();
        object.insert("prior_year".to_owned(), Value::Object(prior));
    }
    if let Some(entries) = object.get_mut("entries").and_then(Value::as_object_mut) {
        for (id, list) in entries.iter_mut() {
            let is_flow = plan
                .target(id)
                .and_then(|t| t.numeric())
                .is_some_and(|g| g.measure == Measure::Flow);
            if let (true, Some(list)) = (is_flow, list.as_array_mut()) {
                *list = flows_to_cumulative(std::mem::take(list));
            }
        }
    }
    Ok(data)
}

/// A version-1 period code read as version 1 read a flow: the cumulative period it meant.
fn cumulative_code(code: &str) -> Option<String> {
    let period: Period = code.parse().ok()?;
    let end = period.end_month();
    Some(match period {
        Period::Month(_) | Period::Quarter(_) if end == 12 => Period::Year.code(),
        Period::Month(_) | Period::Quarter(_) if period.start_month() > 1 => {
            Period::ToDate(end).code()
        }
        _ => code.to_owned(),
    })
}

/// Version 1's order of two periods ending together: the longer span was the later report.
fn v1_rank(code: &str) -> (u8, u8) {
    code.parse::<Period>()
        .map(|p| (p.end_month(), p.span_months()))
        .unwrap_or((0, 0))
}

fn flows_to_cumulative(list: Vec<Value>) -> Vec<Value> {
    let mut out: Vec<(String, Value)> = Vec::new();
    for mut entry in list {
        let old = entry
            .get("period")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let Some(new) = cumulative_code(&old) else {
            // Not a period version 1 could write: restore refuses it with its own message.
            out.push((old, entry));
            continue;
        };
        entry["period"] = Value::from(new.clone());
        let basis = entry.get("basis").cloned();
        match out
            .iter_mut()
            .find(|(_, e)| e["period"] == entry["period"] && e.get("basis") == basis.as_ref())
        {
            None => out.push((old, entry)),
            Some((kept_old, kept)) => {
                let (winner, loser, loser_code) = if v1_rank(&old) > v1_rank(kept_old) {
                    (entry, kept.clone(), kept_old.clone())
                } else {
                    (kept.clone(), entry, old.clone())
                };
                let mut winner = winner;
                let note = winner["note"].as_str().unwrap_or_default().to_owned();
                let addition = format!("[{loser_code}: {}]", loser["value"]);
                winner["note"] = Value::from(if note.is_empty() {
                    addition
                } else {
                    format!("{note} {addition}")
                });
                if v1_rank(&old) > v1_rank(kept_old) {
                    *kept_old = old;
                }
                *kept = winner;
            }
        }
    }
    out.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn baselines_become_the_prior_years_whole_year() {
        let v1 = json!({"entries": {}, "baselines": {"poverty-reduction": 25.1}});
        let v2 = v1_to_v2(v1).unwrap_or_default();
        assert_eq!(
            v2,
            json!({"entries": {}, "prior_year": {"poverty-reduction": {"Y": 25.1}}})
        );
    }

    #[test]
    fn a_flows_months_and_quarters_become_cumulative_and_levels_stay() {
        let e = |period: &str, value: f64| json!({"period": period, "basis": "estimate", "value": value, "note": ""});
        let v1 = json!({"entries": {
            "budget-revenue": [e("M01", 150.0), e("M05", 900.0), e("Q1", 500.0), e("Q3", 1800.0), e("Q4", 2400.0)],
            "forest-cover": [e("M05", 51.9), e("Q2", 52.0)]
        }});
        let v2 = v1_to_v2(v1).unwrap_or_default();
        let periods = |id: &str| -> Vec<String> {
            v2["entries"][id]
                .as_array()
                .map(|l| {
                    l.iter()
                        .map(|e| e["period"].as_str().unwrap_or_default().to_owned())
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(periods("budget-revenue"), ["M01", "C05", "Q1", "9M", "Y"]);
        assert_eq!(periods("forest-cover"), ["M05", "Q2"]);
    }

    #[test]
    fn two_figures_landing_on_one_period_keep_both_values() {
        let e = |period: &str, value: f64, note: &str| json!({"period": period, "basis": "official", "value": value, "note": note});
        let v1 = json!({"entries": {"grain-output": [e("M06", 118.0, ""), e("H1", 120.0, "ước"), e("Q2", 119.0, "")]}});
        let v2 = v1_to_v2(v1).unwrap_or_default();
        let list = v2["entries"]["grain-output"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0]["period"], "H1");
        assert_eq!(list[0]["value"], 120.0);
        assert_eq!(list[0]["note"], "ước [M06: 118.0] [Q2: 119.0]");
    }
}
