//! The Biểu's one table of targets: a two-row header (printed again at the top of every page),
//! then each group's row with its first target in a body of their own, so that a page never
//! ends on a group's name, and the group's other targets after them. Every cell's text is
//! `report::TargetLine`'s; the columns' widths are set once, so that they line up through the
//! whole table.

use leptos::prelude::*;

use crate::report::{Cell, Columns, GroupBlock, Marker, TargetLine};

/// The class of each column, in order, which sets its width.
const COLUMNS: [&str; 11] = [
    "c-stt",
    "c-name",
    "c-unit",
    "c-plan",
    "c-prior",
    "c-value",
    "c-period",
    "c-of-plan",
    "c-same-period",
    "c-verdict",
    "c-notes",
];

/// The period and kind, each part kept on one line: "9 tháng · ước".
fn period(marker: Option<Marker>) -> impl IntoView {
    marker.map(|Marker { parts }| {
        parts
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                view! {
                    {(i > 0).then_some(" · ")}
                    <span class="nowrap">{part}</span>
                }
            })
            .collect_view()
    })
}

/// A figure's cell: a number to the right, "-" (nothing to show) centred.
fn figure(cell: Cell, column: &'static str) -> impl IntoView {
    let class = match cell.number {
        Some(_) => format!("fig {column}"),
        None => format!("fig blank {column}"),
    };
    view! { <td class=class>{cell.text}</td> }
}

fn row(line: TargetLine) -> impl IntoView {
    let TargetLine {
        id,
        stt,
        name,
        unit,
        plan,
        prior,
        value,
        period: marker,
        of_plan,
        same_period,
        status,
        verdict,
        notes,
    } = line;
    view! {
        <tr data-target=id data-status=status.code()>
            <td class="stt">{stt}</td>
            <th scope="row" class="name">{name}</th>
            <td class="unit">{unit}</td>
            {figure(plan, "plan")}
            {figure(prior, "prior")}
            {figure(value, "value")}
            <td class="period">{period(marker)}</td>
            {figure(of_plan, "of-plan")}
            {figure(same_period, "same-period")}
            <td class="verdict" data-status=status.code()>{verdict}</td>
            <td class="notes">
                {notes.into_iter().map(|n| view! { <span class="note-line">{n}</span> }).collect_view()}
            </td>
        </tr>
    }
}

fn group(block: GroupBlock) -> impl IntoView {
    let GroupBlock { label, name, lines } = block;
    let mut lines = lines.into_iter();
    let first = lines.next().map(row);
    let rest: Vec<_> = lines.map(row).collect();
    let rest = (!rest.is_empty()).then(|| view! { <tbody>{rest}</tbody> });
    view! {
        <tbody class="bieu-group-start">
            <tr class="bieu-group">
                <td class="stt">{label}</td>
                <th scope="colgroup" colspan="10">{name}</th>
            </tr>
            {first}
        </tbody>
        {rest}
    }
}

#[component]
pub fn BieuTable(columns: Columns, groups: Vec<GroupBlock>, label: String) -> impl IntoView {
    let c = columns;
    view! {
        <div class="bieu-scroll" role="region" tabindex="0" aria-label=label>
            <table class="bieu-table bieu-targets">
                <colgroup>
                    {COLUMNS.into_iter().map(|class| view! { <col class=class/> }).collect_view()}
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">{c.stt}</th>
                        <th scope="col" rowspan="2">{c.name}</th>
                        <th scope="col" rowspan="2">{c.unit}</th>
                        <th scope="col" rowspan="2">{c.plan}</th>
                        <th scope="col" rowspan="2">{c.prior}</th>
                        <th scope="colgroup" colspan="2">{c.actual}</th>
                        <th scope="colgroup" colspan="2">{c.compare}</th>
                        <th scope="col" rowspan="2">{c.verdict}</th>
                        <th scope="col" rowspan="2">{c.note}</th>
                    </tr>
                    <tr>
                        <th scope="col">{c.value}</th>
                        <th scope="col">{c.period}</th>
                        <th scope="col">{c.of_plan}</th>
                        <th scope="col">{c.same_period}</th>
                    </tr>
                </thead>
                {groups.into_iter().map(group).collect_view()}
            </table>
        </div>
    }
}
