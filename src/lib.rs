//! Tracker of Lai Châu province's 2023 socio-economic plan (Resolution 52/NQ-HĐND):
//! the domain core, the storage format, and the browser app built on them.

pub mod i18n;
pub mod plan;
