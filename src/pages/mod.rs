//! The app's pages, one a file: overview, target, tasks and solutions, the resolution's text,
//! data, a shared snapshot, and the report (the Biểu).

pub mod data;
pub mod overview;
pub mod report;
pub mod resolution;
pub mod snapshot;
pub mod target;
pub mod tasks;
