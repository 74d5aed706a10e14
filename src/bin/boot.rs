//! The boot module's entry point (see `lai_chau_plan::boot`): a WASM apart from the app's, so
//! that the user's figures are on screen before the app's larger WASM has arrived.

#[cfg(target_arch = "wasm32")]
fn main() {
    lai_chau_plan::boot::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The boot module runs in the browser, before the app: it is built by `trunk build`.");
}
