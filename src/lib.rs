//! Tualek: extract, review and export the figures in Lao and English documents.
//!
//! Layers, each knowing only those below it:
//! `model` (plain data) → `extract` (figure finder), `claims` (the same fact
//! across sources), `align` (translations: sentences, figure pairs, number QA), `agreement`
//! (annotators' agreement coefficients) → `store` (all SQL) →
//! `import` / `export` (file formats) → `app` (commands with inverses) → `ui`, `cli`.
//! `i18n` and `fonts` stand apart.

pub mod agreement;
pub mod align;
pub mod app;
pub mod claims;
pub mod cli;
pub mod export;
pub mod extract;
pub mod fonts;
pub mod i18n;
pub mod import;
pub mod model;
pub mod store;
pub mod text;
pub mod ui;
