//! The plan as typed data: groups, targets and items, read from the embedded JSON and validated.
//!
//! The numbers live only in `data/plan-2023.json`; this module turns its loose rows into types
//! where a qualitative target cannot carry a number and a numeric one cannot lack a unit.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::i18n::Lang;

/// The plan's data file, embedded at compile time.
pub const PLAN_JSON: &str = include_str!("data/plan-2023.json");
/// The full text of Resolution 52/NQ-HĐND, which the quotes are taken from.
pub const RESOLUTION_TEXT: &str = include_str!("data/resolution-52-2022.txt");

/// A target's stable ASCII id; user data is keyed by it, never by position.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TargetId(pub String);

impl TargetId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TargetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A focus task or solution's id: "3a" … "3h", "4a" … "4e".
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The units the resolution uses, spelled in the data file as the resolution spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "%")]
    Percent,
    #[serde(rename = "‰")]
    PerMille,
    #[serde(rename = "triệu đồng")]
    MillionDong,
    #[serde(rename = "tỷ đồng")]
    BillionDong,
    #[serde(rename = "nghìn tấn")]
    ThousandTonnes,
    #[serde(rename = "ha")]
    Hectare,
    #[serde(rename = "xã")]
    Commune,
    #[serde(rename = "tiêu chí/xã")]
    CriteriaPerCommune,
    #[serde(rename = "bác sỹ/1 vạn dân")]
    DoctorsPer10k,
    #[serde(rename = "lao động")]
    Worker,
}

impl Unit {
    /// The sign written right after a number (52,3%), for the units that have one.
    pub fn sign(self) -> Option<char> {
        match self {
            Unit::Percent => Some('%'),
            Unit::PerMille => Some('‰'),
            Unit::MillionDong
            | Unit::BillionDong
            | Unit::ThousandTonnes
            | Unit::Hectare
            | Unit::Commune
            | Unit::CriteriaPerCommune
            | Unit::DoctorsPer10k
            | Unit::Worker => None,
        }
    }

    /// The unit's name, written after the number with a space.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::PerMille => "‰",
            Unit::MillionDong => lang.pick("triệu đồng", "million VND"),
            Unit::BillionDong => lang.pick("tỷ đồng", "billion VND"),
            Unit::ThousandTonnes => lang.pick("nghìn tấn", "thousand tonnes"),
            Unit::Hectare => "ha",
            Unit::Commune => lang.pick("xã", "communes"),
            Unit::CriteriaPerCommune => lang.pick("tiêu chí/xã", "criteria per commune"),
            Unit::DoctorsPer10k => lang.pick("bác sỹ/1 vạn dân", "doctors per 10,000 people"),
            Unit::Worker => lang.pick("lao động", "workers"),
        }
    }
}

/// What the wording of a numeric target asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumericKind {
    /// "đạt …": reach at least the value.
    AtLeast,
    /// "khoảng …": about the value.
    About,
    /// "xuống dưới …": lower than the value.
    Below,
    /// "xuống …": down to the value.
    ReduceTo,
    /// "mức giảm …": lower by the amount, measured from the 2022 value.
    ReduceBy,
    /// "tốc độ tăng …": a growth rate.
    Growth,
    /// One share of a structure whose shares sum to 100%.
    Share,
}

/// Whether actuals are a level at a date or a flow that accumulates over the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Level,
    Flow,
}

/// Which values the quantity can take, for validating what users type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// A change or growth rate: may be negative.
    Change,
    /// A proportion: 0–100 in %, 0–1000 in ‰.
    Proportion,
    /// An amount, count or area: never negative.
    Amount,
}

/// The numeric side of a target.
#[derive(Clone, Debug, PartialEq)]
pub struct NumericGoal {
    pub kind: NumericKind,
    pub value: f64,
    /// The value as the resolution writes it ("9.862", "52,9", "07").
    pub as_written: String,
    /// Decimals the resolution uses for this target, which display follows.
    pub decimals: u8,
    pub unit: Unit,
    pub measure: Measure,
    pub domain: Domain,
}

/// A target is either a number to reach or a commitment to keep.
#[derive(Clone, Debug, PartialEq)]
pub enum Goal {
    Numeric(NumericGoal),
    /// "Giữ vững …": a qualitative commitment, assessed by the user.
    Maintain,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub id: TargetId,
    pub group: u8,
    pub name_vi: String,
    pub name_en: String,
    pub goal: Goal,
    /// The clause of the resolution the target comes from, verbatim.
    pub quote: String,
}

impl Target {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_vi, &self.name_en)
    }

    pub fn numeric(&self) -> Option<&NumericGoal> {
        match &self.goal {
            Goal::Numeric(goal) => Some(goal),
            Goal::Maintain => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Group {
    pub number: u8,
    pub name_vi: String,
    pub name_en: String,
}

impl Group {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_vi, &self.name_en)
    }
}

/// Which part of Article 1 an item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Section 3, "Nhiệm vụ trọng tâm".
    Focus,
    /// Section 4, "Giải pháp chủ yếu".
    Solution,
}

/// A focus task (3.a–h) or main solution (4.a–e).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Item {
    pub id: ItemId,
    pub section: Section,
    pub title_vi: String,
    pub title_en: String,
    /// The item's paragraphs, verbatim from the resolution.
    pub text_vi: Vec<String>,
}

impl Item {
    pub fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.title_vi, &self.title_en)
    }

    /// "3.a", as the resolution numbers it.
    pub fn label(&self) -> String {
        let mut chars = self.id.0.chars();
        match (chars.next(), chars.next()) {
            (Some(section), Some(letter)) => format!("{section}.{letter}"),
            _ => self.id.0.clone(),
        }
    }
}

/// The whole plan of Article 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub id: String,
    pub resolution: String,
    pub adopted: String,
    pub year: u16,
    pub title_vi: String,
    pub title_en: String,
    /// The province whose People's Council adopted the plan, as Vietnamese writes it ("Lai
    /// Châu"); English keeps the name.
    pub province_vi: String,
    pub groups: Vec<Group>,
    pub targets: Vec<Target>,
    pub items: Vec<Item>,
}

/// Why the plan data could not be read; only a broken build can produce one.
#[derive(Debug, PartialEq)]
pub enum PlanError {
    Json(String),
    Target { id: String, problem: &'static str },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::Json(e) => write!(f, "plan data is not valid JSON: {e}"),
            PlanError::Target { id, problem } => write!(f, "target {id}: {problem}"),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    id: String,
    resolution: String,
    adopted: String,
    year: u16,
    title_vi: String,
    title_en: String,
    province_vi: String,
    groups: Vec<Group>,
    targets: Vec<RawTarget>,
    items: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    id: String,
    group: u8,
    name_vi: String,
    name_en: String,
    kind: String,
    quote: String,
    unit: Option<Unit>,
    value: Option<f64>,
    as_written: Option<String>,
    measure: Option<Measure>,
    domain: Option<Domain>,
}

impl RawTarget {
    fn into_target(self) -> Result<Target, PlanError> {
        let problem = |problem| PlanError::Target {
            id: self.id.clone(),
            problem,
        };
        let goal = if self.kind == "maintain" {
            if self.value.is_some() || self.unit.is_some() {
                return Err(problem("a qualitative target has no value or unit"));
            }
            Goal::Maintain
        } else {
            let kind: NumericKind =
                serde_json::from_value(serde_json::Value::String(self.kind.clone()))
                    .map_err(|_| problem("unknown kind"))?;
            let as_written = self
                .as_written
                .clone()
                .ok_or_else(|| problem("missing as_written"))?;
            let value = self.value.ok_or_else(|| problem("missing value"))?;
            if !value.is_finite() {
                return Err(problem("value is not finite"));
            }
            let decimals = as_written
                .split_once(',')
                .map_or(0, |(_, frac)| frac.len() as u8);
            Goal::Numeric(NumericGoal {
                kind,
                value,
                as_written,
                decimals,
                unit: self.unit.ok_or_else(|| problem("missing unit"))?,
                measure: self.measure.ok_or_else(|| problem("missing measure"))?,
                domain: self.domain.ok_or_else(|| problem("missing domain"))?,
            })
        };
        Ok(Target {
            id: TargetId(self.id),
            group: self.group,
            name_vi: self.name_vi,
            name_en: self.name_en,
            goal,
            quote: self.quote,
        })
    }
}

impl Plan {
    /// Reads and validates a plan from its JSON text.
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        let raw: RawPlan =
            serde_json::from_str(json).map_err(|e| PlanError::Json(e.to_string()))?;
        let targets = raw
            .targets
            .into_iter()
            .map(RawTarget::into_target)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Plan {
            id: raw.id,
            resolution: raw.resolution,
            adopted: raw.adopted,
            year: raw.year,
            title_vi: raw.title_vi,
            title_en: raw.title_en,
            province_vi: raw.province_vi,
            groups: raw.groups,
            targets,
            items: raw.items,
        })
    }

    /// The plan of Resolution 52, from the data embedded in the build.
    pub fn embedded() -> Result<Plan, PlanError> {
        Plan::from_json(PLAN_JSON)
    }

    pub fn target(&self, id: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.id.as_str() == id)
    }

    pub fn group(&self, number: u8) -> Option<&Group> {
        self.groups.iter().find(|g| g.number == number)
    }

    pub fn targets_in(&self, group: u8) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(move |t| t.group == group)
    }

    /// The share targets of the economic structure, in plan order.
    pub fn structure(&self) -> impl Iterator<Item = &Target> {
        self.targets
            .iter()
            .filter(|t| matches!(t.numeric(), Some(goal) if goal.kind == NumericKind::Share))
    }
}
