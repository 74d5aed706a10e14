//! The figures of the year before the plan entered for a target, each named with its year
//! ("9 tháng năm 2022", "Cả năm 2022"), with edit and delete, and the undo of the last change
//! of one of them.

use leptos::html;
use leptos::prelude::*;

use crate::components::prior_year_form::PriorDraft;
use crate::components::row_actions::RowActions;
use crate::components::voice::Part;
use crate::i18n::Msg;
use crate::plan::cell::Cell;
use crate::plan::edit::{Edit, Undoable};
use crate::plan::number::format_actual;
use crate::plan::period::Reading;
use crate::plan::{NumericGoal, Period, Target};
use crate::present;
use crate::state::{use_app, Action};

#[component]
pub fn PriorYearTable(
    target: &'static Target,
    goal: &'static NumericGoal,
    draft: PriorDraft,
) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let reading = Reading::of(goal);
    let year = present::figures::prior_year(app.plan.year);
    let priors = Memo::new(move |_| {
        app.tracking
            .with(|t| t.priors(&target.id).collect::<Vec<(Period, f64)>>())
    });
    let undo_button = NodeRef::<html::Button>::new();
    let rows = move || {
        let lang = lang.get();
        priors
            .get()
            .into_iter()
            .map(|(period, value)| {
                let label = period.dated(year, reading, lang);
                let delete = move || {
                    draft.voice.speak(Part::PriorYear);
                    app.dispatch(Action::Edit(Edit::SetPrior {
                        target: target.id.clone(),
                        period,
                        value: None,
                    }));
                };
                view! {
                    <tr data-period=period.code()>
                        <th scope="row">{label.clone()}</th>
                        <td class="num">{format_actual(value, goal, lang)}</td>
                        <RowActions
                            kind="prior"
                            what=label
                            lang
                            undo_button
                            on_edit=move || draft.edit(period, value, lang)
                            on_delete=delete
                        />
                    </tr>
                }
            })
            .collect_view()
    };
    // The undo at hand, when the last change of a figure was one of these.
    let offer = Memo::new(move |_| {
        app.undos.with(|u| {
            u.figure
                .as_ref()
                .filter(|undo| {
                    undo.touches(|c| matches!(c, Cell::Prior(id, _) if *id == target.id))
                })
                .map(|undo| present::edit::undo_offer(undo, Some(target), year, lang.get()))
        })
    });
    let undo = move |_| {
        draft.voice.speak(Part::PriorYear);
        app.dispatch(Action::Edit(Edit::Undo(Undoable::Figure)));
    };
    view! {
        {move || offer.get().map(|text| view! {
            <p class="undo">
                {text} " "
                <button type="button" id="prior-undo" node_ref=undo_button on:click=undo>{Msg::Undo.get(lang.get())}</button>
            </p>
        })}
        <Show
            when=move || priors.with(|p| !p.is_empty())
            fallback=move || view! {
                <p class="empty">{move || format!("{} {year}.", lang.get().pick("Chưa nhập số liệu năm", "No figures entered for"))}</p>
            }
        >
            <div class="table-scroll">
                <table class="prior-figures">
                    <thead>
                        <tr>
                            <th scope="col">{move || Msg::Period.get(lang.get())}</th>
                            <th scope="col">{move || Msg::Value.get(lang.get())}</th>
                            <th scope="col"><span class="visually-hidden">{move || lang.get().pick("Thao tác", "Actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}
