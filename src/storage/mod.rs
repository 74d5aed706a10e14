//! The only door to localStorage: the versioned envelope (pure, tested natively) and the
//! browser side that reads and writes it.

pub mod clock;
mod migrations;
pub mod schema;
pub mod set_aside;
pub mod sync;

#[cfg(target_arch = "wasm32")]
pub mod local;
#[cfg(target_arch = "wasm32")]
pub mod persist;
