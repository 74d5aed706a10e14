//! Components: one a file, named after it. They read state and dispatch actions; the domain
//! and `present` decide every figure they show.

pub mod assessment_form;
pub mod bieu_table;
pub mod chart_view;
pub mod data_until;
pub mod entries_table;
pub mod entry_form;
pub mod export_nudge;
pub mod filter_bar;
pub mod groups_chart;
pub mod header;
pub mod import_preview;
pub mod period_options;
pub mod persist_note;
pub mod prior_year_form;
pub mod prior_year_table;
pub mod question_prompt;
pub mod report_heading;
pub mod row_actions;
pub mod set_aside_list;
pub mod share_panel;
pub mod status_badge;
pub mod storage_banner;
pub mod summary_panel;
pub mod target_row;
pub mod targets_head;
pub mod task_item;
pub mod update_banner;
pub mod voice;
