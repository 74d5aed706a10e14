//! Build step: writes the page shell into the built `index.html` (see `lai_chau_plan::shell`):
//! the overview as plain HTML, the first paint's script, and the message for an app that cannot
//! load. Run by `scripts/pwa/post-build.mjs`: `prerender DIR/index.html`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender PATH/TO/index.html");
        return ExitCode::from(2);
    };
    let result = lai_chau_plan::plan::Plan::embedded()
        .map_err(|e| e.to_string())
        .and_then(|plan| {
            let index = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            let fragment = lai_chau_plan::shell::page(&plan);
            let page = lai_chau_plan::shell::insert(&index, &fragment)
                .map_err(|_| format!("{path}: no <!-- prerender --> markers"))?;
            std::fs::write(&path, page).map_err(|e| format!("{path}: {e}"))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
