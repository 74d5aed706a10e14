//! The JSON backup: everything the user entered, with the app, plan and schema it belongs to,
//! written as is and read back through the importer, which checks every field.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::import::{check_note, check_value, Acc, Place, Subject};
use super::reason::Reason;
use crate::plan::{Assessment, Basis, Entry, ItemState, Period, Plan, Target, Tracking};
use crate::storage::schema::{migrate, APP_ID, SCHEMA_VERSION};

/// The JSON backup: everything the user entered, with what it belongs to.
#[derive(Debug, Serialize, Deserialize)]
pub struct Backup {
    pub app: String,
    pub plan: String,
    pub schema: u32,
    pub exported_at: String,
    pub data: Tracking,
}

/// The JSON backup of everything. Refuses data with a non-finite number, as saving does.
pub fn export_json(plan: &Plan, data: &Tracking, exported_at: &str) -> Result<String, String> {
    data.validate()?;
    let backup = Backup {
        app: APP_ID.to_owned(),
        plan: plan.id.clone(),
        schema: SCHEMA_VERSION,
        exported_at: exported_at.to_owned(),
        data: data.clone(),
    };
    serde_json::to_string_pretty(&backup).map_err(|e| e.to_string())
}

/// Reads a backup into `acc`: the envelope first (app, plan, schema), then every section.
pub(super) fn read(acc: &mut Acc, body: &str) {
    let root: Value = match serde_json::from_str(body) {
        Ok(v) => v,
        // serde_json refuses 1e400 rather than make it infinite; say what it is.
        Err(e) if e.to_string().contains("number out of range") => {
            return acc.reject(Place::Path(format!("line {}", e.line())), Reason::NotFinite)
        }
        Err(e) => return acc.reject(Place::File, Reason::NotJson(e.to_string())),
    };
    let Some(obj) = root.as_object() else {
        return acc.reject(Place::File, Reason::NotJson("not an object".to_owned()));
    };
    if !only_fields(
        acc,
        obj,
        &["app", "plan", "schema", "exported_at", "data"],
        "",
    ) {
        return;
    }
    match obj.get("app").and_then(Value::as_str) {
        Some(APP_ID) => {}
        Some(other) => {
            return acc.reject(Place::Path("app".into()), Reason::WrongApp(other.into()))
        }
        None => return acc.reject(Place::Path("app".into()), Reason::Missing("app".into())),
    }
    match obj.get("plan").and_then(Value::as_str) {
        Some(p) if p == acc.plan.id => {}
        Some(other) => {
            return acc.reject(Place::Path("plan".into()), Reason::WrongPlan(other.into()))
        }
        None => return acc.reject(Place::Path("plan".into()), Reason::Missing("plan".into())),
    }
    let version = match obj.get("schema").map(|v| (v.as_u64(), v)) {
        Some((Some(v), _)) if v > u64::from(SCHEMA_VERSION) => {
            let shown = u32::try_from(v).unwrap_or(u32::MAX);
            return acc.reject(Place::Path("schema".into()), Reason::NewerSchema(shown));
        }
        Some((Some(v), _)) if v >= 1 => v as u32,
        Some((_, v)) => {
            return acc.reject(
                Place::Path("schema".into()),
                Reason::BadSchema(v.to_string()),
            )
        }
        None => {
            return acc.reject(
                Place::Path("schema".into()),
                Reason::Missing("schema".into()),
            )
        }
    };
    let Some(data) = obj.get("data") else {
        return acc.reject(Place::Path("data".into()), Reason::Missing("data".into()));
    };
    let data = match migrate(version, data.clone()) {
        Ok(d) => d,
        Err(e) => {
            return acc.reject(
                Place::Path("data".into()),
                Reason::BadSchema(format!("{e:?}")),
            )
        }
    };
    let Some(data) = data.as_object() else {
        return acc.reject(
            Place::Path("data".into()),
            Reason::NotJson("not an object".into()),
        );
    };
    if !only_fields(
        acc,
        data,
        &["entries", "prior_year", "assessments", "items"],
        "data.",
    ) {
        return;
    }
    let section = |name: &str| data.get(name).map(|v| (format!("data.{name}"), v));
    if let Some((path, v)) = section("entries") {
        for_each_member(acc, &path, v, read_json_entries);
    }
    if let Some((path, v)) = section("prior_year") {
        for_each_member(acc, &path, v, read_json_prior);
    }
    if let Some((path, v)) = section("assessments") {
        for_each_member(acc, &path, v, read_json_assessment);
    }
    if let Some((path, v)) = section("items") {
        for_each_member(acc, &path, v, read_json_item);
    }
}

/// Rejects every field not in `allowed`; returns whether there was none.
fn only_fields(acc: &mut Acc, obj: &Map<String, Value>, allowed: &[&str], prefix: &str) -> bool {
    let mut clean = true;
    for key in obj.keys().filter(|k| !allowed.contains(&k.as_str())) {
        acc.reject(
            Place::Path(format!("{prefix}{key}")),
            Reason::UnexpectedField(key.clone()),
        );
        clean = false;
    }
    clean
}

fn for_each_member(
    acc: &mut Acc,
    path: &str,
    value: &Value,
    read: fn(&mut Acc, &str, &str, &Value),
) {
    match value.as_object() {
        Some(obj) => {
            for (key, v) in obj {
                read(acc, &format!("{path}.{key}"), key, v);
            }
        }
        None => acc.reject(
            Place::Path(path.to_owned()),
            Reason::NotJson("not an object".into()),
        ),
    }
}

fn json_number(v: &Value) -> Result<f64, Reason> {
    match v {
        Value::Number(n) => n.as_f64().ok_or(Reason::NotFinite),
        Value::Null => Err(Reason::NotFinite),
        other => Err(Reason::NotANumber(
            other
                .as_str()
                .map_or_else(|| other.to_string(), str::to_owned),
        )),
    }
}

fn read_json_entries(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let target = match acc.numeric_target(id) {
        Ok(t) => t,
        Err(reason) => return acc.reject(Place::Path(path.to_owned()), reason),
    };
    let Some(list) = value.as_array() else {
        return acc.reject(
            Place::Path(path.to_owned()),
            Reason::NotJson("not a list".into()),
        );
    };
    for (i, item) in list.iter().enumerate() {
        let place = Place::Path(format!("{path}[{i}]"));
        match read_json_entry(target, item) {
            Ok(entry) => acc.add_entry(place, target, entry),
            Err(reason) => acc.reject(place, reason),
        }
    }
}

fn read_json_entry(target: &Target, item: &Value) -> Result<Entry, Reason> {
    let obj = item
        .as_object()
        .ok_or_else(|| Reason::NotJson("not an object".into()))?;
    let allowed = ["period", "basis", "value", "note"];
    if let Some(extra) = obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(Reason::UnexpectedField(extra.clone()));
    }
    let text = |name: &str| -> Result<&str, Reason> {
        obj.get(name)
            .ok_or_else(|| Reason::Missing(name.to_owned()))?
            .as_str()
            .ok_or_else(|| {
                Reason::BadChoice(obj.get(name).map(Value::to_string).unwrap_or_default())
            })
    };
    let period_code = text("period")?;
    let period = period_code
        .parse::<Period>()
        .map_err(|_| Reason::BadPeriod(period_code.to_owned()))?;
    let basis_code = text("basis")?;
    let basis =
        Basis::from_code(basis_code).ok_or_else(|| Reason::BadBasis(basis_code.to_owned()))?;
    let value = json_number(
        obj.get("value")
            .ok_or_else(|| Reason::Missing("value".into()))?,
    )?;
    let value = check_value(value, target)?;
    let note = match obj.get("note") {
        None => String::new(),
        Some(Value::String(s)) => check_note(s)?,
        Some(other) => return Err(Reason::BadChoice(other.to_string())),
    };
    Ok(Entry {
        period,
        basis,
        value,
        note,
    })
}

/// One target's figures of the year before the plan: `{"Y": 25.1, "9M": 120.5}`.
fn read_json_prior(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let Some(by_period) = value.as_object() else {
        return acc.reject(
            Place::Path(path.to_owned()),
            Reason::NotJson("not an object".into()),
        );
    };
    for (code, value) in by_period {
        let place = Place::Path(format!("{path}.{code}"));
        let checked = acc.numeric_target(id).and_then(|t| {
            let period = code
                .parse::<Period>()
                .map_err(|_| Reason::BadPeriod(code.clone()))?;
            json_number(value)
                .and_then(|v| check_value(v, t))
                .map(|v| (t, period, v))
        });
        match checked {
            Ok((target, period, v)) => {
                let old = acc.current.prior(&target.id, period);
                acc.record(Subject::Prior(target.id.clone(), period), old, &v);
                acc.result.set_prior(&target.id, period, Some(v));
            }
            Err(reason) => acc.reject(place, reason),
        }
    }
}

fn read_json_assessment(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let place = Place::Path(path.to_owned());
    let target = match acc.plan.target(id) {
        None => return acc.reject(place, Reason::UnknownTarget(id.to_owned())),
        Some(t) if t.numeric().is_some() => {
            return acc.reject(place, Reason::WrongKindOfTarget(id.to_owned()))
        }
        Some(t) => t,
    };
    match serde_json::from_value::<Assessment>(value.clone()) {
        Ok(a) => {
            let old = acc.current.assessments.get(&target.id).copied();
            acc.record(Subject::Assessment(target.id.clone()), old, &a);
            acc.result.set_assessment(&target.id, Some(a));
        }
        Err(_) => acc.reject(place, Reason::BadChoice(value.to_string())),
    }
}

fn read_json_item(acc: &mut Acc, path: &str, id: &str, value: &Value) {
    let place = Place::Path(path.to_owned());
    let Some(item) = acc.plan.items.iter().find(|i| i.id.as_str() == id) else {
        return acc.reject(place, Reason::UnknownItem(id.to_owned()));
    };
    if let Some(extra) = value.as_object().and_then(|o| {
        o.keys()
            .find(|k| !["progress", "note"].contains(&k.as_str()))
    }) {
        return acc.reject(place, Reason::UnexpectedField(extra.clone()));
    }
    let state = match serde_json::from_value::<ItemState>(value.clone()) {
        Ok(s) => s,
        Err(e) => return acc.reject(place, Reason::BadChoice(e.to_string())),
    };
    if let Err(reason) = check_note(&state.note) {
        return acc.reject(place, reason);
    }
    let old = acc.current.items.get(&item.id).cloned();
    acc.record(Subject::Item(item.id.clone()), old, &state);
    acc.result.items.insert(item.id.clone(), state);
}

#[cfg(test)]
mod tests;
