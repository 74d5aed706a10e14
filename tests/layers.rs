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
        "the domain (plan, present, report, route, search, i18n, chart builders, the saved format and its decisions, the file formats, the page shell's writers) must not use browser types",
        &[
            "plan",
            "present",
            "report",
            "route.rs",
            "search.rs",
            "i18n.rs",
            "charts/build.rs",
            "charts/build",
            "charts/mod.rs",
            "charts/axis.rs",
            "charts/option.rs",
            "charts/option",
            "charts/svg.rs",
            "storage/schema.rs",
            "storage/sync.rs",
            "storage/sync",
            "storage/clock.rs",
            "storage/migrations.rs",
            "storage/set_aside.rs",
            "exchange",
            "shell",
        ],
        BROWSER,
        &["exchange/files.rs", "shell/page.rs"],
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

/// The files under src/ that only tests compile: `tests.rs`, test folders, and every module
/// declared under `#[cfg(test)]` (fixtures, samples, checks).
fn test_only(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for file in files {
        let name = file.to_string_lossy().replace('\\', "/");
        if name.ends_with("/tests.rs") || name.contains("/tests/") {
            out.push(file.clone());
        }
        let lines = code_lines(file);
        let dir = match file.file_stem().and_then(|s| s.to_str()) {
            Some("mod" | "lib" | "main") => file.parent().map(Path::to_path_buf),
            Some(stem) => file.parent().map(|p| p.join(stem)),
            None => None,
        };
        let Some(dir) = dir else { continue };
        for pair in lines.windows(2) {
            let declared = pair[1].1.trim();
            let module = declared
                .trim_start_matches("pub(crate) ")
                .trim_start_matches("pub ")
                .strip_prefix("mod ")
                .and_then(|m| m.strip_suffix(';'));
            if let (true, Some(module)) = (pair[0].1.contains("#[cfg(test)]"), module) {
                out.push(dir.join(format!("{module}.rs")));
                out.extend(sources(&dir.join(module)));
            }
        }
    }
    out
}

/// The top-level modules of the crate (`plan`, `storage`, `state`…) and, for each, the others
/// its non-test code names as `crate::…`.
fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let root = src();
    let files = sources(&root);
    let skipped = test_only(&files);
    let mut graph: std::collections::BTreeMap<_, std::collections::BTreeSet<_>> =
        Default::default();
    for file in files.iter().filter(|f| !skipped.contains(f)) {
        let Ok(rel) = file.strip_prefix(&root) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let top = rel.split('/').next().unwrap_or_default();
        let top = top.strip_suffix(".rs").unwrap_or(top).to_owned();
        if top == "lib" || top == "main" || top.starts_with("bin") {
            continue;
        }
        let mut lines = code_lines(file).into_iter();
        while let Some((_, code)) = lines.next() {
            // An inline test module at the foot of a file is not the module's code.
            if code.contains("#[cfg(test)]") {
                match lines.next() {
                    Some((_, next)) if next.trim_end().ends_with('{') => break,
                    _ => continue,
                }
            }
            for (i, _) in code.match_indices("crate::") {
                let used: String = code[i + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !used.is_empty() && used != top {
                    graph.entry(top.clone()).or_default().insert(used);
                }
            }
        }
    }
    graph
}

#[test]
fn no_module_cycle() {
    // A cycle between top-level modules means neither can be understood, tested or moved
    // alone; the layers of ARCHITECTURE.md point one way.
    let graph = module_graph();
    assert!(
        graph.get("plan").is_some_and(|uses| uses.contains("i18n")),
        "the graph was read: plan uses i18n"
    );
    fn walk(
        graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = walk(graph, next, path) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    for start in graph.keys() {
        if let Some(cycle) = walk(&graph, start, &mut Vec::new()) {
            panic!("a module cycle: {}", cycle.join(" → "));
        }
    }
}
