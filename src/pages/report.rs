//! The report page (`#/bao-cao`): the Biểu a People's Council receives, on screen as it prints
//! (A4 landscape, the table's header on every page, page numbers: the print rules of
//! `style/report.css`), with the buttons that print it and download it as a workbook. The Biểu
//! is made by `report::Bieu` from the figures in the interface's language; the page lays it out
//! and the download goes through the state's `Action::DownloadBieu`.

use leptos::prelude::*;

use crate::components::bieu_table::BieuTable;
use crate::components::report_heading::ReportHeading;
use crate::report::{Bieu, Signer, TaskSection};
use crate::state::{io, use_app, Action};

fn tasks_body(section: TaskSection) -> impl IntoView {
    let rows = section
        .lines
        .into_iter()
        .map(|l| {
            view! {
                <tr data-item=l.id data-progress=l.progress.code()>
                    <td class="stt">{l.label}</td>
                    <th scope="row" class="name">{l.title}</th>
                    <td class="verdict">{l.progress_text}</td>
                    <td class="notes">{l.note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <tbody>
            <tr class="bieu-group">
                <th scope="colgroup" colspan="4">{section.title}</th>
            </tr>
            {rows}
        </tbody>
    }
}

fn signer(signer: Signer) -> impl IntoView {
    view! {
        <div class="bieu-signer">
            {signer.role.into_iter().map(|r| view! { <p class="bieu-role">{r}</p> }).collect_view()}
            <p class="bieu-hint">{signer.hint}</p>
        </div>
    }
}

/// The Biểu laid out: heading, headline, table, notes on the columns, tasks, signatures.
fn sheet(bieu: Bieu) -> impl IntoView {
    let lang = bieu.lang;
    let [left, right] = bieu.signing.signers;
    let [stt, task, progress, note] = bieu.tasks.columns;
    view! {
        <article class="bieu" lang=lang.code()>
            <ReportHeading heading=bieu.heading/>
            <div class="bieu-lead">
                {bieu.headline.into_iter().map(|h| view! { <p class="bieu-headline">{h}</p> }).collect_view()}
                <p class="bieu-up-to">{bieu.up_to}</p>
            </div>
            <BieuTable
                columns=bieu.columns
                groups=bieu.groups
                label=lang.pick("Bảng kết quả các chỉ tiêu", "Table of the targets' results").to_owned()
            />
            <div class="bieu-footnotes">
                {bieu.footnotes.into_iter().map(|f| view! { <p>{f}</p> }).collect_view()}
            </div>
            <section class="bieu-tasks" aria-labelledby="bieu-tasks-title">
                <h2 id="bieu-tasks-title">{bieu.tasks.title}</h2>
                <table class="bieu-table bieu-items">
                    <colgroup>
                        <col class="c-stt"/>
                        <col class="c-task"/>
                        <col class="c-progress"/>
                        <col class="c-task-note"/>
                    </colgroup>
                    <thead>
                        <tr>
                            <th scope="col">{stt}</th>
                            <th scope="col">{task}</th>
                            <th scope="col">{progress}</th>
                            <th scope="col">{note}</th>
                        </tr>
                    </thead>
                    {bieu.tasks.sections.into_iter().map(tasks_body).collect_view()}
                </table>
            </section>
            <footer class="bieu-signing">
                <p class="bieu-place">{bieu.signing.place_date}</p>
                {signer(left)}
                {signer(right)}
            </footer>
        </article>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // One day for the page and its workbook, fixed when the page opens.
    let on = io::today();
    let bieu = Memo::new(move |_| {
        let lang = lang.get();
        app.tracking.with(|t| {
            app.progress
                .with(|p| Bieu::of(app.plan, t, p, lang, Some(on)))
        })
    });
    let failed = RwSignal::new(None::<String>);
    let download = move |_| app.dispatch(Action::DownloadBieu { on, failed });
    view! {
        <div class="report-actions no-print">
            <p class="breadcrumb"><a href="#/">{move || lang.get().pick("← Tổng quan", "← Overview")}</a></p>
            <div class="actions">
                <button id="print-bieu" type="button" class="primary" on:click=move |_| io::print_page()>
                    {move || lang.get().pick("In Biểu / Lưu PDF", "Print the form / Save as PDF")}
                </button>
                <button id="download-bieu" type="button" on:click=download>
                    {move || lang.get().pick("Tải Biểu (.xlsx)", "Download the form (.xlsx)")}
                </button>
            </div>
            <p class="hint">
                {move || lang.get().pick(
                    "In trên khổ A4 nằm ngang; tiêu đề bảng lặp lại ở mỗi trang, có số trang. Tệp Excel giữ số liệu dạng số.",
                    "Prints on A4 landscape, with the table's header on every page and page numbers. The Excel file keeps the figures as numbers.",
                )}
            </p>
            <p class="error" role="alert">
                {move || failed.get().map(|e| format!("{} {e}", lang.get().pick("Không tải được Biểu:", "Could not download the form:")))}
            </p>
        </div>
        {move || sheet(bieu.get())}
    }
}
