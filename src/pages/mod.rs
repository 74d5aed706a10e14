//! The app's pages, one a file: overview, target, tasks and solutions, the resolution's text.

pub mod data;
pub mod overview;
pub mod resolution;
pub mod snapshot;
pub mod target;
pub mod tasks;
