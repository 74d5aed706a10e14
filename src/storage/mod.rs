//! The only door to localStorage: the versioned envelope (pure, tested natively) and the
//! browser side that reads and writes it.

pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod local;
