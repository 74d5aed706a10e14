//! Asks the browser to keep this site's storage when the device runs short of space
//! (`navigator.storage.persist()`), and tells whether it does. Browser only.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the browser keeps the app's storage when the device runs short of space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Not granted before, and not asked yet this session.
    NotAsked,
    /// Asked; the browser has not answered yet.
    Asking,
    Granted,
    /// The browser said no: the figures stay, but it may clear them when space runs out.
    Denied,
    /// This browser has no `navigator.storage.persist`.
    Unsupported,
}

/// The browser's storage manager, if it has one (older and some embedded browsers do not).
fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .ok()?
        .dyn_into::<web_sys::StorageManager>()
        .ok()
}

/// Calls `done` with the answer of `promise` (a boolean), or `Unsupported` when there is none.
fn answer(
    promise: Option<js_sys::Promise>,
    if_false: Persistence,
    done: impl FnOnce(Persistence) + 'static,
) {
    let Some(promise) = promise else {
        done(Persistence::Unsupported);
        return;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (on_ok, on_err) = (done.clone(), done);
    let resolved = Closure::once(move |granted: JsValue| {
        if let Some(f) = on_ok.take() {
            f(if granted.is_truthy() {
                Persistence::Granted
            } else {
                if_false
            });
        }
    });
    let rejected = Closure::once(move |_: JsValue| {
        if let Some(f) = on_err.take() {
            f(Persistence::Unsupported);
        }
    });
    let _ = promise.then2(&resolved, &rejected);
    // The promise owns the callbacks from here; each runs at most once.
    resolved.forget();
    rejected.forget();
}

/// Whether storage is already persistent (granted in an earlier session): `Granted` or `NotAsked`.
pub fn check(done: impl FnOnce(Persistence) + 'static) {
    answer(
        manager().and_then(|m| m.persisted().ok()),
        Persistence::NotAsked,
        done,
    );
}

/// Asks for persistent storage: `Granted`, `Denied` or `Unsupported`.
pub fn request(done: impl FnOnce(Persistence) + 'static) {
    answer(
        manager().and_then(|m| m.persist().ok()),
        Persistence::Denied,
        done,
    );
}
