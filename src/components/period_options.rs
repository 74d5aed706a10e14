//! The options of a period field: the periods offered for a target, in their groups (months,
//! year to date, quarters, the year) when there is more than one, the chosen one selected.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::plan::{NumericGoal, Period};
use crate::state::use_app;

#[component]
pub fn PeriodOptions(
    goal: &'static NumericGoal,
    /// The period chosen, which the options follow and show as selected.
    chosen: RwSignal<Period>,
    /// How each period is named: the entry form says "9 tháng", the year before's "9 tháng năm
    /// 2022".
    name: impl Fn(Period, Lang) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_app().lang;
    let choices = Memo::new(move |_| Period::choices(goal, chosen.get()));
    move || {
        let lang = lang.get();
        let groups = choices.get();
        let grouped = groups.len() > 1;
        groups
            .into_iter()
            .map(|(offer, periods)| {
                let options = periods
                    .into_iter()
                    .map(|p| {
                        view! {
                            <option value=p.code() selected=move || chosen.get() == p>
                                {name(p, lang)}
                            </option>
                        }
                    })
                    .collect_view();
                if grouped {
                    view! { <optgroup label=offer.label(lang)>{options}</optgroup> }.into_any()
                } else {
                    options.into_any()
                }
            })
            .collect_view()
    }
}
