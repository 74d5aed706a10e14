//! The layers of ARCHITECTURE.md, enforced: a test that reads the sources and fails when a
//! module reaches into a layer it must not know. Cheap to run, and it names the file and line.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, recursively.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(sources(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code of a file without its comments, line by line (numbered from 1).
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let code = line.split("//").next().unwrap_or_default();
            (i + 1, code.to_owned())
        })
        .filter(|(_, code)| !code.trim().is_empty())
        .collect()
}

/// Fails with every line of the files under `paths` (relative to src/) that mentions one of
/// `forbidden`, except in the files listed in `allowed`.
#[track_caller]
fn forbid(rule: &str, paths: &[&str], forbidden: &[&str], allowed: &[&str]) {
    let root = src();
    let mut found = Vec::new();
    for base in paths {
        let base = root.join(base);
        let files = if base.is_dir() {
            sources(&base)
        } else {
            vec![base]
        };
        for file in files {
            let name = file
                .strip_prefix(&root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if allowed.contains(&name.as_str()) {
                continue;
            }
            for (n, code) in code_lines(&file) {
                if let Some(word) = forbidden.iter().find(|w| code.contains(*w)) {
                    found.push(format!("src/{name}:{n}: {word}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "{rule}:\n  {}", found.join("\n  "));
}

const BROWSER: &[&str] = &["web_sys", "js_sys", "wasm_bindgen", "leptos", "gloo"];

#[test]
fn the_domain_knows_nothing_of_the_browser() {
    forbid(
        "the domain (plan, present, route, search, i18n, chart builders, the saved format, the file formats) must not use browser types",
        &[
            "plan",
            "present",
            "route.rs",
            "search.rs",
            "i18n.rs",
            "charts/build.rs",
            "charts/mod.rs",
            "storage/schema.rs",
            "storage/sync.rs",
            "storage/clock.rs",
            "storage/migrations.rs",
            "exchange",
        ],
        BROWSER,
        &["exchange/files.rs"],
    );
}

#[test]
fn only_the_storage_door_touches_local_storage() {
    forbid(
        "only storage/local.rs reads or writes localStorage",
        &["."],
        &[
            "LocalStorage",
            "local_storage",
            "gloo_storage",
            "localStorage",
        ],
        &["storage/local.rs"],
    );
}

#[test]
fn the_plan_knows_the_language_but_not_the_interfaces_messages() {
    forbid(
        "the domain (plan/) may pick words by language, but the interface's messages (Msg) belong to i18n",
        &["plan"],
        &["Msg::", "i18n::Msg", "i18n::{Lang, Msg}"],
        &[],
    );
}

#[test]
fn pages_and_components_do_no_io() {
    forbid(
        "pages and components do no I/O: storage, downloads, file reads, the clock, printing and the clipboard go through the state (state/, state/io.rs)",
        &["pages", "components"],
        &[
            "storage::local",
            "local::",
            "files::",
            "web_sys::window",
            "js_sys",
            "clipboard",
            "navigator",
            ".print()",
            "spawn_local",
            "gloo",
        ],
        &[],
    );
}

#[test]
fn the_shell_depends_on_the_domain_never_the_reverse() {
    forbid(
        "the page shell (shell/) uses the domain; the domain, storage, the file formats, the charts and the report never use the shell (no module cycle)",
        &[
            "plan", "present", "charts", "storage", "exchange", "report", "i18n.rs", "route.rs",
            "search.rs",
        ],
        &["crate::shell", "shell::"],
        &[],
    );
}
