//! The preview of an import: counts, then every change and every rejection with its reason.
//! Everything read from the file is shown as text.

use leptos::prelude::*;

use crate::exchange::{ChangeKind, Preview, Rejection};
use crate::i18n::{Lang, Msg};
use crate::state::use_app;

/// Rows shown per table; a file with more says how many are left out.
const MAX_ROWS: usize = 200;

fn kind_label(kind: ChangeKind) -> Msg {
    match kind {
        ChangeKind::Added => Msg::ChangeAdded,
        ChangeKind::Replaced => Msg::ChangeReplaced,
        ChangeKind::Unchanged => Msg::ChangeUnchanged,
    }
}

fn kind_code(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Replaced => "replaced",
        ChangeKind::Unchanged => "unchanged",
    }
}

fn more(total: usize) -> Option<String> {
    (total > MAX_ROWS).then(|| format!("… +{}", total - MAX_ROWS))
}

/// A table of rows the import leaves out, each with where it is in the file and why.
fn problems(class: &'static str, rows: &[Rejection], lang: Lang) -> impl IntoView {
    let shown = rows
        .iter()
        .take(MAX_ROWS)
        .map(|r| {
            view! {
                <tr>
                    <td>{r.place.describe(lang)}</td>
                    <td>{r.reason.message(lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class=class>
            <thead><tr><th scope="col">{Msg::Where.get(lang)}</th><th scope="col">{Msg::Reason.get(lang)}</th></tr></thead>
            <tbody>{shown}</tbody>
        </table>
        <p>{more(rows.len())}</p>
    }
}

#[component]
pub fn ImportPreview(preview: Preview) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let count = |kind| preview.count(kind);
    let counts = format!(
        "{}: {} · {}: {} · {}: {} · {}: {}",
        Msg::ChangeAdded.get(lang),
        count(ChangeKind::Added),
        Msg::ChangeReplaced.get(lang),
        count(ChangeKind::Replaced),
        Msg::ChangeUnchanged.get(lang),
        count(ChangeKind::Unchanged),
        Msg::ChangeRejected.get(lang),
        preview.rejected.len()
    ) + &if preview.skipped.is_empty() {
        String::new()
    } else {
        format!(
            " · {}: {}",
            lang.pick("Bỏ qua", "Skipped"),
            preview.skipped.len()
        )
    };
    let changes = (!preview.changes.is_empty()).then(|| {
        let rows = preview
            .changes
            .iter()
            .take(MAX_ROWS)
            .map(|c| {
                view! {
                    <tr data-kind=kind_code(c.kind)>
                        <td>{kind_label(c.kind).get(lang)}</td>
                        <td>{c.subject.describe(app.plan, lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="import-changes">
                <thead><tr><th scope="col">{Msg::Status.get(lang)}</th><th scope="col">{Msg::Target.get(lang)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p>{more(preview.changes.len())}</p>
        }
    });
    let rejected = (!preview.rejected.is_empty()).then(|| {
        view! {
            <p class="error" role="alert">{Msg::ImportBlocked.get(lang)}</p>
            {problems("import-rejected", &preview.rejected, lang)}
        }
    });
    // Rows about targets or tasks this build does not know: listed, and they block nothing.
    let skipped = (!preview.skipped.is_empty()).then(|| {
        view! {
            <p class="import-skipped-note">{lang.pick(
                "Các dòng sau nói về chỉ tiêu hoặc nhiệm vụ không có trong phiên bản này: không nhập, phần còn lại vẫn nhập được.",
                "These rows are about targets or tasks this version does not have: they are not imported; the rest still can be.",
            )}</p>
            {problems("import-skipped", &preview.skipped, lang)}
        }
    });
    let nothing_new = (preview.rejected.is_empty() && !preview.can_apply())
        .then(|| view! { <p class="import-nothing">{Msg::NothingToImport.get(lang)}</p> });
    view! {
        <section class="import-preview" aria-labelledby="import-preview-title">
            <h3 id="import-preview-title">{Msg::PreviewTitle.get(lang)}</h3>
            <p
                class="import-counts"
                data-added=count(ChangeKind::Added)
                data-replaced=count(ChangeKind::Replaced)
                data-rejected=preview.rejected.len()
                data-skipped=preview.skipped.len()
            >{counts}</p>
            {rejected}
            {skipped}
            {nothing_new}
            {changes}
        </section>
    }
}
