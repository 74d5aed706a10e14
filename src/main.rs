//! Entry point: sets the panic hook and mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(lai_chau_plan::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This app runs in the browser: build it with `bash scripts/build.sh` or serve it with `bash scripts/serve.sh`.");
}
