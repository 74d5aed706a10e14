//! Tracker of Lai Châu province's 2023 socio-economic plan (Resolution 52/NQ-HĐND):
//! the domain core, the storage format, and the browser app built on them.
//!
//! Everything outside the `cfg(target_arch = "wasm32")` modules is plain Rust, tested natively.
//! The interactive app (Leptos) is the default feature `app`.

pub mod charts;
pub mod exchange;
pub mod i18n;
pub mod plan;
pub mod present;
pub mod report;
pub mod route;
pub mod search;
pub mod shell;
pub mod storage;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod components;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod pages;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod state;
